using System.Reflection;
using Lossless.Analyzers.Model.Providers;
using Lossless.CodeFixes;
using Lossless.CodeFixes.Rules.DataLoss;
using Lossless.DataTests.Infrastructure;
using Lossless.DataTests.Migrations;
using Microsoft.Data.Sqlite;

namespace Lossless.DataTests.TypeChanges;

/// <summary>
/// LL1010 on a real SQLite file, with EF Core itself reading the rows: User.Id changed from string to Guid keeps TEXT,
/// so EF Core scaffolds an empty migration. Unfixed, a NextAuth id throws FormatException when EF Core reads it and a
/// lower-case uuid is never found by a Guid lookup. Fixed, the migration stops with the count and nothing changed when
/// an id is not a uuid, and upper-cases them when all are, after which EF Core reads every row and finds every id.
/// </summary>
public sealed class SqliteClrTypeChangeTests
{
    private const string NextAuthId = "user_2XQLfuJvWKZKnpOfkW2I5dZxVZYE";
    private const string LowerUuid = "6f9619ff-8b86-d011-b42d-00cf4fc964ff";
    private const string UpperUuid = "0F8FAD5B-D9CB-469F-A165-70867728950E";

    /// <summary>Guid.Parse reads it, but EF Core never looks a Guid up in this form: the guard stops on it too.</summary>
    private const string BracedUuid = "{0F8FAD5B-D9CB-469F-A165-70867728950E}";

    private static string Model(string idType) => $$"""
        modelBuilder.Entity("Sample.User", b =>
        {
            b.Property<{{idType}}>("Id").HasColumnType("TEXT");
            b.Property<string>("Email").HasColumnType("TEXT");
            b.HasKey("Id");
            b.ToTable("Users");
        });
        """;

    private static readonly string Create = FixScenario.Migration(
        "20250101000000_Create",
        """
        migrationBuilder.CreateTable(
            name: "Users",
            columns: table => new
            {
                Id = table.Column<string>(type: "TEXT", nullable: false),
                Email = table.Column<string>(type: "TEXT", nullable: true)
            },
            constraints: table => table.PrimaryKey("PK_Users", x => x.Id));
        """,
        """migrationBuilder.DropTable(name: "Users");""",
        Model("string"));

    /// <summary>What EF Core 10 on SQLite scaffolds for string → Guid on a TEXT column: nothing.</summary>
    private static readonly string UseGuids = FixScenario.Migration("20250102000000_UseGuids", string.Empty, string.Empty, Model("Guid"));

    /// <summary>The application: User.Id is a Guid now; Probe reads with EF Core's own queries.</summary>
    private const string Application = """
        using System;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Sample
        {
            public class User
            {
                public Guid Id { get; set; }

                public string? Email { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public AppDbContext(DbContextOptions<AppDbContext> options) : base(options)
                {
                }

                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<User>().ToTable("Users");
            }

            public static class Probe
            {
                public static string[] ReadAll(DbContext context) => context.Set<User>().AsNoTracking().OrderBy(u => u.Email).Select(u => u.Id.ToString()).ToArray();

                public static int ReadEntities(DbContext context) => context.Set<User>().AsNoTracking().ToList().Count;

                public static bool Finds(DbContext context, Guid id) => context.Set<User>().Any(u => u.Id == id);
            }
        }
        """;

    private static object? Call(CompiledMigrations compiled, string connectionString, string method, params object[] arguments)
    {
        using var context = compiled.CreateContext(DatabaseProvider.Sqlite, connectionString);
        var probe = compiled.Assembly.GetType("Sample.Probe")!.GetMethod(method)!;
        try
        {
            return probe.Invoke(null, [context, .. arguments]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static List<string> Column(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static CompiledMigrations Seeded(string useGuids, string connectionString, string seed)
    {
        var compiled = CompiledMigrations.Compile(Create, useGuids, Application);
        compiled.Migrate(DatabaseProvider.Sqlite, connectionString, "20250101000000_Create");
        SqliteRows.Execute(connectionString, seed);
        return compiled;
    }

    [Fact]
    public void Unfixed_NextAuthId_ThrowsFormatExceptionWhenEfCoreReadsIt()
    {
        using var database = new SqliteDatabase();
        using var compiled = Seeded(UseGuids, database.ConnectionString, $"""INSERT INTO "Users" VALUES ('{NextAuthId}', 'a@example.com');""");
        compiled.Migrate(DatabaseProvider.Sqlite, database.ConnectionString);

        Assert.Equal(["20250101000000_Create", "20250102000000_UseGuids"], Column(database.ConnectionString, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1"""));
        Assert.Equal([NextAuthId], Column(database.ConnectionString, """SELECT "Id" FROM "Users" """));
        Assert.Throws<FormatException>(() => Call(compiled, database.ConnectionString, "ReadEntities"));
    }

    [Fact]
    public void Unfixed_LowerCaseUuid_IsReadButNeverFoundByItsGuid()
    {
        using var database = new SqliteDatabase();
        using var compiled = Seeded(UseGuids, database.ConnectionString, $"""INSERT INTO "Users" VALUES ('{LowerUuid}', 'a@example.com'), ('{UpperUuid}', 'b@example.com');""");
        compiled.Migrate(DatabaseProvider.Sqlite, database.ConnectionString);

        Assert.Equal(2, Call(compiled, database.ConnectionString, "ReadEntities"));
        Assert.False((bool)Call(compiled, database.ConnectionString, "Finds", Guid.Parse(LowerUuid))!);
        Assert.True((bool)Call(compiled, database.ConnectionString, "Finds", Guid.Parse(UpperUuid))!);
    }

    private static Task<string> FixedAsync()
        => FixApplier.ApplyAsync(DatabaseProvider.Sqlite, [Create, UseGuids, Application], 1, FixerKeys.LL1010_GuardAndNormalizeGuids, new ClrTypeChangedFixer());

    [Fact]
    public async Task Fixed_IdThatIsNotAUuid_StopsTheMigrationAndChangesNothing()
    {
        var fixedSource = await FixedAsync();
        Assert.Contains("-- lossless: verified Users.Id", fixedSource, StringComparison.Ordinal);
        Assert.Empty(await FixApplier.DiagnoseAsync(DatabaseProvider.Sqlite, Create, fixedSource, Application));

        using var database = new SqliteDatabase();
        using var compiled = Seeded(fixedSource, database.ConnectionString, $"""INSERT INTO "Users" VALUES ('{NextAuthId}', 'a@example.com'), ('{LowerUuid}', 'b@example.com'), ('{BracedUuid}', 'c@example.com');""");
        var before = DatabaseSnapshot.Take(DatabaseProvider.Sqlite, database.ConnectionString);

        var failure = Assert.ThrowsAny<Exception>(() => compiled.Migrate(DatabaseProvider.Sqlite, database.ConnectionString));
        Assert.Contains(
            $"lossless: 2 value(s) of Users.Id are not uuids in the text form EF Core reads and looks up as Guid, e.g. in the rows with Id {NextAuthId}, {BracedUuid}; the migration was stopped and nothing was changed",
            failure.Message,
            StringComparison.Ordinal);

        var after = DatabaseSnapshot.Take(DatabaseProvider.Sqlite, database.ConnectionString);
        Assert.Equal(before.Schema, after.Schema);
        Assert.Equal(before.Data, after.Data);
        Assert.Equal(["20250101000000_Create"], Column(database.ConnectionString, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1"""));
    }

    [Fact]
    public async Task Fixed_EveryIdAUuid_UpperCasesThemAndEfCoreFindsEveryOne()
    {
        var fixedSource = await FixedAsync();
        using var database = new SqliteDatabase();
        using var compiled = Seeded(fixedSource, database.ConnectionString, $"""INSERT INTO "Users" VALUES ('{LowerUuid}', 'a@example.com'), ('{UpperUuid}', 'b@example.com');""");

        compiled.Migrate(DatabaseProvider.Sqlite, database.ConnectionString);

        Assert.Equal([LowerUuid.ToUpperInvariant(), UpperUuid], Column(database.ConnectionString, """SELECT "Id" FROM "Users" ORDER BY "Email" """));
        Assert.Equal(2, Call(compiled, database.ConnectionString, "ReadEntities"));
        Assert.True((bool)Call(compiled, database.ConnectionString, "Finds", Guid.Parse(LowerUuid))!);
        Assert.True((bool)Call(compiled, database.ConnectionString, "Finds", Guid.Parse(UpperUuid))!);
        Assert.Equal(["20250101000000_Create", "20250102000000_UseGuids"], Column(database.ConnectionString, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1"""));
    }
}
