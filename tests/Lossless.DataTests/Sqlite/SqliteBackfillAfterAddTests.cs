using Lossless.Analyzers;
using Lossless.Analyzers.Model.Providers;
using Lossless.CodeFixes;
using Lossless.DataTests.Infrastructure;
using Lossless.DataTests.Migrations;
using Lossless.DataTests.TypeChanges;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Lossless.DataTests.Sqlite;

/// <summary>
/// LL1008/LL1012's fix on SQLite, where EF wrote its placeholder: the AddColumn stays and an UPDATE whose value is left
/// to choose follows it. Run with EF Core 10's migrator on a real SQLite file, on a table that others reference with
/// ON DELETE CASCADE and SET NULL: left as it is, the migration fails on the rows and changes nothing (one transaction,
/// no rebuild); with the value chosen, every row holds it, even applied inside an outer transaction, where a rebuild
/// of the table (what the nullable-then-required steps would be on SQLite) deletes the referencing rows
/// (<see cref="SqliteRebuildTests"/>).
/// </summary>
public sealed class SqliteBackfillAfterAddTests
{
    /// <summary>Parents.IsActive added required with EF's placeholder false, as EF scaffolds it on SQLite: LL1012.</summary>
    private static readonly string AddIsActive = FixScenario.Migration(
        "20250102000000_IsActive",
        """
        migrationBuilder.AddColumn<bool>(
            name: "IsActive",
            table: "Parents",
            type: "INTEGER",
            nullable: false,
            defaultValue: false);
        """,
        """
        migrationBuilder.DropColumn(
            name: "IsActive",
            table: "Parents");
        """,
        CascadingParents.Model.Replace("""b.Property<string>("Name").HasColumnType("TEXT");""", """b.Property<string>("Name").HasColumnType("TEXT");""" + "\n    b.Property<bool>(\"IsActive\").HasColumnType(\"INTEGER\");"));

    private static Task<string> FixedAsync()
        => DataLoss.FixApplier.ApplyAsync(DatabaseProvider.Sqlite, RuleIds.ExistingRowsGetPlaceholder, FixerKeys.LL1012_BackfillAfterAdd, AddIsActive, CompiledMigrationsTests.Context, CascadingParents.Create);

    private static CompiledMigrations Prepare(SqliteDatabase database, string change)
    {
        var compiled = CompiledMigrations.Compile(CascadingParents.Create, change, CompiledMigrationsTests.Context);
        compiled.Migrate(DatabaseProvider.Sqlite, database.ConnectionString, "20250101000000_Create");
        SqliteRows.Execute(database.ConnectionString, CascadingParents.Seed);
        return compiled;
    }

    [Fact]
    public async Task Unchosen_FailsOnTheRows_AndChangesNothing()
    {
        var fixedChange = await FixedAsync();
        Assert.Contains("""migrationBuilder.Sql("UPDATE \"Parents\" SET \"IsActive\" = NULL /* lossless: choose */;");""", fixedChange, StringComparison.Ordinal);

        using var database = new SqliteDatabase();
        using var compiled = Prepare(database, fixedChange);
        var failure = Assert.Throws<SqliteException>(() => compiled.Migrate(DatabaseProvider.Sqlite, database.ConnectionString));
        Assert.Equal((19, "SQLite Error 19: 'NOT NULL constraint failed: Parents.IsActive'."), (failure.SqliteErrorCode, failure.Message));

        // One transaction: the added column goes with the failed UPDATE, and the migration is not recorded.
        Assert.Equal(["20250101000000_Create"], SqliteRows.Read(database.ConnectionString, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1"""));
        Assert.Equal(["Id", "Name"], SqliteRows.Read(database.ConnectionString, """SELECT "name" FROM pragma_table_info('Parents') ORDER BY "cid" """));
        Assert.Equal(["1,a", "2,b"], SqliteRows.Read(database.ConnectionString, """SELECT "Id", "Name" FROM "Parents" ORDER BY 1"""));
        CascadingParents.AssertEveryReferencingRowSurvives(database.ConnectionString);
    }

    [Fact]
    public async Task Chosen_InsideAnOuterTransaction_FillsEveryRowAndKeepsEveryReferencingRow()
    {
        var chosenChange = (await FixedAsync()).Replace("NULL /* lossless: choose */", "1", StringComparison.Ordinal);
        using var database = new SqliteDatabase();
        using var compiled = Prepare(database, chosenChange);
        string script;
        using (var context = compiled.CreateContext(DatabaseProvider.Sqlite, database.ConnectionString))
        {
            // dotnet ef migrations script --no-transactions, wrapped by the deployment in a transaction of its own: the
            // case where a rebuild deletes the rows of Children and nulls Orders.ParentId.
            script = context.GetService<IMigrator>().GenerateScript("20250101000000_Create", "20250102000000_IsActive", MigrationsSqlGenerationOptions.NoTransactions);
        }

        Assert.DoesNotContain("ef_temp_", script, StringComparison.Ordinal);
        SqliteRows.Execute(database.ConnectionString, "PRAGMA foreign_keys = 1;\nBEGIN;\n" + script + "\nCOMMIT;");

        Assert.Equal(["20250101000000_Create", "20250102000000_IsActive"], SqliteRows.Read(database.ConnectionString, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1"""));
        Assert.Equal(["1,a,1", "2,b,1"], SqliteRows.Read(database.ConnectionString, """SELECT "Id", "Name", "IsActive" FROM "Parents" ORDER BY 1"""));
        Assert.Equal(["IsActive,1"], SqliteRows.Read(database.ConnectionString, """SELECT "name", "notnull" FROM pragma_table_info('Parents') WHERE "name" = 'IsActive'"""));
        CascadingParents.AssertEveryReferencingRowSurvives(database.ConnectionString);
    }
}
