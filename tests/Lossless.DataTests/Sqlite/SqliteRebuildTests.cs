using Lossless.Analyzers.Model.Providers;
using Lossless.DataTests.Infrastructure;
using Lossless.DataTests.Migrations;
using Lossless.DataTests.TypeChanges;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Lossless.DataTests.Sqlite;

/// <summary>
/// LL1011 and LL3005 on a real SQLite file with EF Core 10's migrator. A rebuild of a table that others reference
/// with ON DELETE CASCADE / SET NULL deletes or nulls their rows when the migration runs inside an outer transaction
/// (EF's PRAGMA foreign_keys = 0 is ignored there), and keeps them without one. A rebuild that fails leaves what ran
/// before it applied and the migration unrecorded.
/// </summary>
public sealed class SqliteRebuildTests
{
    /// <summary>Parents.Name becomes required: an AlterColumn, so EF rebuilds Parents; no value changes.</summary>
    private static readonly string Rebuild = FixScenario.Migration(
        "20250102000000_NameRequired",
        """
        migrationBuilder.AlterColumn<string>(
            name: "Name",
            table: "Parents",
            type: "TEXT",
            nullable: false,
            defaultValue: "",
            oldClrType: typeof(string),
            oldType: "TEXT",
            oldNullable: true);
        """,
        """
        migrationBuilder.AlterColumn<string>(
            name: "Name",
            table: "Parents",
            type: "TEXT",
            nullable: true,
            oldClrType: typeof(string),
            oldType: "TEXT");
        """,
        CascadingParents.Model.Replace("""b.Property<string>("Name").HasColumnType("TEXT");""", """b.Property<string>("Name").IsRequired().HasColumnType("TEXT");"""));

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static CompiledMigrations Prepare(SqliteDatabase database)
    {
        var compiled = CompiledMigrations.Compile(CascadingParents.Create, Rebuild, CompiledMigrationsTests.Context);
        compiled.Migrate(DatabaseProvider.Sqlite, database.ConnectionString, "20250101000000_Create");
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        Execute(connection, CascadingParents.Seed);
        return compiled;
    }

    [Fact]
    public void Rebuild_WithoutOuterTransaction_KeepsReferencingRows()
    {
        using var database = new SqliteDatabase();
        using var compiled = Prepare(database);

        compiled.Migrate(DatabaseProvider.Sqlite, database.ConnectionString);

        Assert.Equal(["1,a", "2,b"], SqliteRows.Read(database.ConnectionString, """SELECT "Id", "Name" FROM "Parents" ORDER BY 1"""));
        CascadingParents.AssertEveryReferencingRowSurvives(database.ConnectionString);
    }

    [Fact]
    public void Rebuild_DefaultScriptInsideOuterTransaction_IsRefusedBySqliteAndKeepsEveryRow()
    {
        using var database = new SqliteDatabase();
        using var compiled = Prepare(database);
        var script = compiled.Script(DatabaseProvider.Sqlite, database.ConnectionString, "20250101000000_Create", "20250102000000_NameRequired");
        Assert.Contains("BEGIN TRANSACTION;", script, StringComparison.Ordinal);

        using (var connection = new SqliteConnection(database.ConnectionString))
        {
            connection.Open();
            Execute(connection, "PRAGMA foreign_keys = 1;");
            Execute(connection, "BEGIN;");
            var failure = Assert.Throws<SqliteException>(() => Execute(connection, script));
            Assert.Contains("cannot start a transaction within a transaction", failure.Message, StringComparison.Ordinal);
            Execute(connection, "ROLLBACK;");
        }

        Assert.Equal(["20250101000000_Create"], SqliteRows.Read(database.ConnectionString, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1"""));
        CascadingParents.AssertEveryReferencingRowSurvives(database.ConnectionString);
    }

    [Fact]
    public void Rebuild_NoTransactionsScriptInsideOuterTransaction_DeletesCascadingRowsAndNullsSetNullRows()
    {
        using var database = new SqliteDatabase();
        using var compiled = Prepare(database);
        string script;
        using (var context = compiled.CreateContext(DatabaseProvider.Sqlite, database.ConnectionString))
        {
            // dotnet ef migrations script --no-transactions: the deployment wraps it in a transaction of its own.
            script = context.GetService<IMigrator>().GenerateScript("20250101000000_Create", "20250102000000_NameRequired", MigrationsSqlGenerationOptions.NoTransactions);
        }

        Assert.Contains("PRAGMA foreign_keys = 0;", script, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN TRANSACTION;", script, StringComparison.Ordinal);
        using (var connection = new SqliteConnection(database.ConnectionString))
        {
            connection.Open();
            Execute(connection, "PRAGMA foreign_keys = 1;");
            Execute(connection, "BEGIN;\n" + script + "\nCOMMIT;");
        }

        Assert.Equal(["20250101000000_Create", "20250102000000_NameRequired"], SqliteRows.Read(database.ConnectionString, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1"""));
        Assert.Equal(["1,a", "2,b"], SqliteRows.Read(database.ConnectionString, """SELECT "Id", "Name" FROM "Parents" ORDER BY 1"""));
        Assert.Empty(SqliteRows.Read(database.ConnectionString, """SELECT "Id", "ParentId" FROM "Children" ORDER BY 1"""));
        Assert.Equal(["20,NULL", "21,NULL"], SqliteRows.Read(database.ConnectionString, """SELECT "Id", "ParentId" FROM "Orders" ORDER BY 1"""));
    }

    [Fact]
    public void Rebuild_NoTransactionsScriptWithoutOuterTransaction_KeepsReferencingRows()
    {
        using var database = new SqliteDatabase();
        using var compiled = Prepare(database);
        string script;
        using (var context = compiled.CreateContext(DatabaseProvider.Sqlite, database.ConnectionString))
        {
            script = context.GetService<IMigrator>().GenerateScript("20250101000000_Create", "20250102000000_NameRequired", MigrationsSqlGenerationOptions.NoTransactions);
        }

        using (var connection = new SqliteConnection(database.ConnectionString))
        {
            connection.Open();
            Execute(connection, "PRAGMA foreign_keys = 1;");
            Execute(connection, script);
        }

        Assert.Equal(["1,a", "2,b"], SqliteRows.Read(database.ConnectionString, """SELECT "Id", "Name" FROM "Parents" ORDER BY 1"""));
        CascadingParents.AssertEveryReferencingRowSurvives(database.ConnectionString);
    }

    [Fact]
    public void Rebuild_MigrateInsideTheApplicationsTransaction_IsRefusedByEfCore10BeforeAnythingChanges()
    {
        using var database = new SqliteDatabase();
        using var compiled = Prepare(database);

        // An application that migrates inside its own transaction, the EF Core 9+ warning about it silenced: EF Core 10
        // refuses a migration whose rebuild suppresses the transaction (PRAGMA foreign_keys = 0).
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(compiled.ContextType))!;
        builder.UseSqlite(database.ConnectionString).ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning, RelationalEventId.MigrationsUserTransactionWarning));
        using (var context = (DbContext)Activator.CreateInstance(compiled.ContextType, builder.Options)!)
        {
            using var transaction = context.Database.BeginTransaction();
            var failure = Assert.Throws<NotSupportedException>(() => context.GetService<IMigrator>().Migrate());
            Assert.Contains("User transaction is not supported with a TransactionSuppressed migrations", failure.Message, StringComparison.Ordinal);
            transaction.Rollback();
        }

        Assert.Equal(["20250101000000_Create"], SqliteRows.Read(database.ConnectionString, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1"""));
        CascadingParents.AssertEveryReferencingRowSurvives(database.ConnectionString);
    }
}
