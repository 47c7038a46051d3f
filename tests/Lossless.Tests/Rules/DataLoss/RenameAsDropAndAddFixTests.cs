using Lossless.Analyzers;
using Lossless.CodeFixes;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Fix = Lossless.Tests.Verifiers.CSharpCodeFixVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer, Lossless.CodeFixes.Rules.DataLoss.RenameAsDropAndAddFixer>;

namespace Lossless.Tests.Rules.DataLoss;

public class RenameAsDropAndAddFixTests
{
    private static DiagnosticResult Expected(int location, params object[] arguments)
        => Fix.Diagnostic(RuleIds.RenameAsDropAndAdd).WithLocation(location).WithArguments(arguments).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public async Task RenamedAndMadeRequired_BecomesRenameColumnAndAlterColumn()
    {
        var source = Sources.Migration(
            RenameAsDropAndAddTests.RenamedAndRequiredUp.Replace("migrationBuilder.DropColumn(", "migrationBuilder.{|#0:DropColumn|}("),
            RenameAsDropAndAddTests.RenamedAndRequiredDown);
        var fixedSource = Sources.Migration(
            """
            // Rename users.Name to FullName instead of dropping it: a rename keeps every value.
            migrationBuilder.RenameColumn(
                name: "Name",
                table: "users",
                newName: "FullName");

            // users.FullName becomes required: choose the value the rows that hold NULL get, in place of NULL /* lossless: choose */. Left as it is, the migration fails on those rows.
            migrationBuilder.Sql("UPDATE \"users\" SET \"FullName\" = NULL /* lossless: choose */ WHERE \"FullName\" IS NULL;");

            // Then change its type and nullability to what the model now says.
            migrationBuilder.{|#0:AlterColumn|}<string>(
                name: "FullName",
                table: "users",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
            """,
            """
            // Give users.FullName its old type and nullability back before the rename.
            migrationBuilder.AlterColumn<string>(
                name: "FullName",
                table: "users",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: false);

            // Rename users.FullName back to Name: its values stay.
            migrationBuilder.RenameColumn(
                name: "FullName",
                table: "users",
                newName: "Name");
            """);
        var test = new Fix.Test(TestProvider.PostgreSql) { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = FixerKeys.LL1006_Rename };
        test.ExpectedDiagnostics.Add(Expected(0, "Column", "users.Name", "FullName", "same table, same type 'text', the only column dropped and the only one added on this table"));

        // The rename keeps the values; what the NULLs become is a person's to choose, and LL1007 says so until then.
        test.FixedState.ExpectedDiagnostics.Add(Fix.Diagnostic(RuleIds.MadeRequired).WithLocation(0).WithArguments("users.FullName", "fails on every row that holds NULL: the backfill value marked 'lossless: choose' has not been chosen yet"));
        await test.RunAsync();
    }

    [Fact]
    public async Task SameDefinition_BecomesRenameColumnOnly()
    {
        var source = Sources.Migration(
            """
            migrationBuilder.{|#0:DropColumn|}(
                name: "adress",
                table: "customers",
                schema: "sales");

            migrationBuilder.AddColumn<string>(
                name: "address",
                table: "customers",
                schema: "sales",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
            """,
            """
            migrationBuilder.DropColumn(
                name: "address",
                table: "customers",
                schema: "sales");

            migrationBuilder.AddColumn<string>(
                name: "adress",
                table: "customers",
                schema: "sales",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
            """);
        var fixedSource = Sources.Migration(
            """
            // Rename sales.customers.adress to address instead of dropping it: a rename keeps every value.
            migrationBuilder.RenameColumn(
                name: "adress",
                table: "customers",
                schema: "sales",
                newName: "address");
            """,
            """
            // Rename sales.customers.address back to adress: its values stay.
            migrationBuilder.RenameColumn(
                name: "address",
                table: "customers",
                schema: "sales",
                newName: "adress");
            """);
        await Fix.VerifyCodeFixAsync(source, fixedSource, TestProvider.PostgreSql, FixerKeys.LL1006_Rename,
            Expected(0, "Column", "sales.customers.adress", "address", "same table, same type 'character varying(200)', the only column dropped and the only one added on this table"));
    }

    [Fact]
    public async Task DropTableAndCreateTable_BecomeRenameTable_WithThePrimaryKeyRenamed()
    {
        var source = Sources.Migration(
            RenameAsDropAndAddTests.TableRenameUp.Replace("migrationBuilder.DropTable(", "migrationBuilder.{|#0:DropTable|}("),
            RenameAsDropAndAddTests.TableRenameDown);
        var fixedSource = Sources.Migration(
            """
            // Rename Person to people instead of dropping it: a rename keeps every row.
            migrationBuilder.RenameTable(
                name: "Person",
                newName: "people");

            // Name the primary key as the model now does.
            migrationBuilder.DropPrimaryKey(
                name: "PK_Person",
                table: "people");

            migrationBuilder.AddPrimaryKey(
                name: "PK_people",
                table: "people",
                column: "Id");
            """,
            """
            // Give the primary key its old name back.
            migrationBuilder.DropPrimaryKey(
                name: "PK_people",
                table: "people");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Person",
                table: "people",
                column: "Id");

            // Rename people back to Person: its rows stay.
            migrationBuilder.RenameTable(
                name: "people",
                newName: "Person");
            """);
        await Fix.VerifyCodeFixAsync(source, fixedSource, TestProvider.PostgreSql, FixerKeys.LL1006_Rename,
            Expected(0, "Table", "Person", "people", "same columns: Id, Name"));
    }

    [Fact]
    public async Task FixAll_RenamesEveryPair()
    {
        var source = Sources.Migration("""
            migrationBuilder.{|#0:DropColumn|}(name: "first_name", table: "customers");

            migrationBuilder.{|#1:DropColumn|}(name: "adress", table: "customers");

            migrationBuilder.AddColumn<string>(name: "FirstName", table: "customers", type: "text", nullable: true);

            migrationBuilder.AddColumn<string>(name: "address", table: "customers", type: "text", nullable: true);
            """);
        var fixedSource = Sources.Migration("""
            // Rename customers.first_name to FirstName instead of dropping it: a rename keeps every value. Down has no AddColumn for first_name, so its old type is unknown here: if it changed, add an AlterColumn.
            migrationBuilder.RenameColumn(
                name: "first_name",
                table: "customers",
                newName: "FirstName");

            // Rename customers.adress to address instead of dropping it: a rename keeps every value. Down has no AddColumn for adress, so its old type is unknown here: if it changed, add an AlterColumn.
            migrationBuilder.RenameColumn(
                name: "adress",
                table: "customers",
                newName: "address");
            """,
            """
            // Rename customers.address back to adress: its values stay.
            migrationBuilder.RenameColumn(
                name: "address",
                table: "customers",
                newName: "adress");

            // Rename customers.FirstName back to first_name: its values stay.
            migrationBuilder.RenameColumn(
                name: "FirstName",
                table: "customers",
                newName: "first_name");
            """);
        await Fix.VerifyCodeFixAsync(source, fixedSource, TestProvider.PostgreSql, FixerKeys.LL1006_Rename,
            Expected(0, "Column", "customers.first_name", "FirstName", "same table, their names are close"),
            Expected(1, "Column", "customers.adress", "address", "same table, their names are close"));
    }
}
