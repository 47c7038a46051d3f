using System.Reflection;
using Lossless.Analyzers.Model.Providers;
using Lossless.DataTests.Infrastructure;
using Lossless.DataTests.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Lossless.DataTests.Correctness;

/// <summary>
/// LL4001: what EF Core 10 does on a real SQLite file with [Migration] ids that are malformed, repeated within one
/// DbContext, or out of order, using its own IMigrationsIdGenerator, IMigrationsAssembly and IMigrator on an assembly
/// compiled from migration sources.
/// </summary>
public sealed class MigrationIdFactsTests
{
    private const string CreateUsers = """migrationBuilder.CreateTable(name: "Users", columns: table => new { Id = table.Column<int>(type: "INTEGER", nullable: false) }, constraints: table => table.PrimaryKey("PK_Users", x => x.Id));""";
    private const string AddEmail = """migrationBuilder.AddColumn<string>(name: "Email", table: "Users", type: "TEXT", nullable: true);""";

    private const string Contexts = """
        using Microsoft.EntityFrameworkCore;

        namespace Sample
        {
            public class AppDbContext : DbContext
            {
                public AppDbContext(DbContextOptions<AppDbContext> options) : base(options)
                {
                }
            }

            public class AuditDbContext : DbContext
            {
                public AuditDbContext(DbContextOptions<AuditDbContext> options) : base(options)
                {
                }
            }
        }
        """;

    private static string Migration(string id, string name, string up, string context = "Sample.AppDbContext") => $$"""
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {
            [DbContext(typeof({{context}}))]
            [Migration("{{id}}")]
            public partial class {{name}} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {{up}}
                }
            }
        }
        """;

    private static List<string> Tables(string connectionString)
        => SqliteRows.Read(connectionString, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");

    private static List<string> History(string connectionString)
        => SqliteRows.Read(connectionString, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1""");

    /// <summary>A context of another type of the compiled assembly than the one <see cref="CompiledMigrations"/> picked.</summary>
    private static DbContext CreateContext(CompiledMigrations compiled, string typeName, string connectionString)
    {
        var type = compiled.Assembly.GetType(typeName, throwOnError: true)!;
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
        builder.UseSqlite(connectionString).ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return (DbContext)Activator.CreateInstance(type, builder.Options)!;
    }

    [Fact]
    public void IdGenerator_AcceptsFourteenDigitsUnderscoreAndAName_AndNoCalendarCheck()
    {
        using var compiled = CompiledMigrations.Compile(Migration("20250101000000_Create", "Create", CreateUsers), Contexts);
        using var context = compiled.CreateContext(DatabaseProvider.Sqlite, "Data Source=:memory:");
        var ids = context.GetService<IMigrationsIdGenerator>();

        // The analyzer's check (MigrationIds.IsValid) is EF Core's: the same answers for the same ids.
        string[] accepted = ["20250101000000_Create", "20251301000000_Month13", "99999999999999_X", "20250101000000_With space"];
        string[] rejected = ["Initial", "x20250101000000_Create", "2025010100000_Short", "20250101000000Name", "20250101000000_", "2025-01-01_Dashed"];
        foreach (var id in accepted)
        {
            Assert.True(ids.IsValidId(id), id);
            Assert.True(Lossless.Analyzers.Model.MigrationIds.IsValid(id), id);
        }

        foreach (var id in rejected)
        {
            Assert.False(ids.IsValidId(id), id);
            Assert.False(Lossless.Analyzers.Model.MigrationIds.IsValid(id), id);
        }
    }

    [Fact]
    public void MalformedId_IsAppliedWhereItsTextSorts_AfterEveryTimestampedId()
    {
        // "Initial" was meant to come first: it creates Users. Its text sorts after every id that starts with a digit.
        using var database = new SqliteDatabase();
        using var compiled = CompiledMigrations.Compile(
            Migration("Initial", "Initial", CreateUsers),
            Migration("20250101000000_AddEmail", "AddEmail", AddEmail),
            Contexts);
        using var context = compiled.CreateContext(DatabaseProvider.Sqlite, database.ConnectionString);

        Assert.Equal(["20250101000000_AddEmail", "Initial"], context.GetService<IMigrationsAssembly>().Migrations.Keys);
        var failure = Assert.Throws<SqliteException>(() => context.GetService<IMigrator>().Migrate());
        Assert.Equal("SQLite Error 1: 'no such table: Users'.", failure.Message);
        Assert.Equal(["__EFMigrationsHistory", "__EFMigrationsLock"], Tables(database.ConnectionString));
        Assert.Empty(History(database.ConnectionString));
    }

    [Fact]
    public void Ids_AreOrderedByTheCultureSensitiveComparer_NotOrdinally()
    {
        // Same timestamp, names differing in case. EF Core sorts ids in a SortedList with the default string comparer,
        // which compares by the current culture: 'b' before 'C'. Ordinal text would put 'C' (0x43) before 'b' (0x62).
        // Only different timestamps order two ids the same way in every culture (MigrationIds.SurelyBefore).
        using var compiled = CompiledMigrations.Compile(
            Migration("20250101000000_C", "Upper", "migrationBuilder.Sql(\"SELECT 1;\");"),
            Migration("20250101000000_b", "Lower", "migrationBuilder.Sql(\"SELECT 1;\");"),
            Contexts);
        using var context = compiled.CreateContext(DatabaseProvider.Sqlite, "Data Source=:memory:");
        var keys = context.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();

        Assert.Equal(keys.OrderBy(k => k, StringComparer.CurrentCulture), keys);
        Assert.Equal(["20250101000000_b", "20250101000000_C"], keys);
        Assert.Equal(["20250101000000_C", "20250101000000_b"], keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void DuplicateIdInOneContext_FailsBeforeAnyMigrationIsApplied()
    {
        using var database = new SqliteDatabase();
        using var compiled = CompiledMigrations.Compile(
            Migration("20250101000000_Create", "Create", CreateUsers),
            Migration("20250101000000_Create", "CreateAgain", AddEmail),
            Contexts);
        using var context = compiled.CreateContext(DatabaseProvider.Sqlite, database.ConnectionString);

        var listing = Assert.Throws<ArgumentException>(() => context.GetService<IMigrationsAssembly>().Migrations);
        Assert.Equal("An item with the same key has already been added. Key: 20250101000000_Create (Parameter 'key')", listing.Message);
        var migrating = Assert.Throws<ArgumentException>(() => context.GetService<IMigrator>().Migrate());
        Assert.Equal(listing.Message, migrating.Message);
        Assert.Throws<ArgumentException>(() => context.GetService<IMigrator>().GenerateScript());

        // Nothing reached the database: not even the history table.
        Assert.Empty(Tables(database.ConnectionString));
    }

    [Fact]
    public void SameIdInTwoContexts_IsFine()
    {
        using var database = new SqliteDatabase();
        using var compiled = CompiledMigrations.Compile(
            Migration("20250101000000_Create", "Create", CreateUsers),
            Migration("20250101000000_Create", "CreateAudit", CreateUsers.Replace("Users", "AuditUsers"), "Sample.AuditDbContext"),
            Contexts);
        using (var app = CreateContext(compiled, "Sample.AppDbContext", database.ConnectionString))
        {
            Assert.Equal("Create", Assert.Single(app.GetService<IMigrationsAssembly>().Migrations).Value.Name);
            app.GetService<IMigrator>().Migrate();
        }

        using (var audit = CreateContext(compiled, "Sample.AuditDbContext", "Data Source=:memory:"))
        {
            Assert.Equal("CreateAudit", Assert.Single(audit.GetService<IMigrationsAssembly>().Migrations).Value.Name);
        }

        Assert.Contains("Users", Tables(database.ConnectionString));
        Assert.Equal(["20250101000000_Create"], History(database.ConnectionString));
    }

    [Fact]
    public void OutOfOrder_FailsOnAFreshDatabase_AndAppliesOnOneThatHadTheLaterIdAlready()
    {
        // AddEmail was written on a branch before Create was merged, or its id was edited: it sorts first.
        var create = Migration("20250102000000_Create", "Create", CreateUsers);
        var addEmail = Migration("20250101000000_AddEmail", "AddEmail", AddEmail);

        using var fresh = new SqliteDatabase();
        using var both = CompiledMigrations.Compile(create, addEmail, Contexts);
        Assert.Equal(["20250101000000_AddEmail", "20250102000000_Create"], both.MigrationIds);
        var failure = Assert.Throws<SqliteException>(() => both.Migrate(DatabaseProvider.Sqlite, fresh.ConnectionString));
        Assert.Equal("SQLite Error 1: 'no such table: Users'.", failure.Message);
        Assert.Equal(["__EFMigrationsHistory", "__EFMigrationsLock"], Tables(fresh.ConnectionString));
        Assert.Empty(History(fresh.ConnectionString));

        // A database that already has Create (a developer's, production) applies the older id afterwards, out of order,
        // and succeeds: only new databases (tests, a new environment, a new developer) fail.
        using var existing = new SqliteDatabase();
        using (var createOnly = CompiledMigrations.Compile(create, Contexts))
        {
            createOnly.Migrate(DatabaseProvider.Sqlite, existing.ConnectionString);
        }

        both.Migrate(DatabaseProvider.Sqlite, existing.ConnectionString);
        Assert.Equal(["20250101000000_AddEmail", "20250102000000_Create"], History(existing.ConnectionString));
        Assert.Contains("Email", SqliteRows.Read(existing.ConnectionString, "SELECT name FROM pragma_table_info('Users')"));
    }
}
