using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.Reversibility;

/// <summary>
/// LL2003 on the shapes the fixes write: a column added nullable, filled and made required is undone by dropping it;
/// and expand/contract in both directions, whose copy step is SQL, is no LL2003 (a Down with Sql steps for a table is
/// not judged for that table).
/// </summary>
public sealed class FixShapesReversibilityTests
{
    private static Task VerifyAsync(string up, string down, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test(TestProvider.PostgreSql) { TestCode = Sources.Migration(up, down) };
        test.DisabledDiagnostics.Clear();
        test.DisabledDiagnostics.AddRange(ReversibilityAnalyzerTests.OtherRules);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task ColumnAddedFilledAndMadeRequired_UndoneByItsDrop_DoesNotReport()
        => VerifyAsync(
            """
            migrationBuilder.AddColumn<int>(name: "age", table: "users", type: "integer", nullable: true);
            migrationBuilder.Sql("UPDATE users SET age = 42 WHERE age IS NULL;");
            migrationBuilder.AlterColumn<int>(name: "age", table: "users", type: "integer", nullable: false, oldClrType: typeof(int), oldType: "integer", oldNullable: true);
            """,
            """migrationBuilder.DropColumn(name: "age", table: "users");""");

    [Fact]
    public Task AlterColumnOfAColumnNotAddedHere_IsStillJudged()
        => VerifyAsync(
            """
            migrationBuilder.AddColumn<int>(name: "age", table: "users", type: "integer", nullable: true);
            migrationBuilder.{|#0:AlterColumn|}<int>(name: "score", table: "users", type: "integer", nullable: false, oldClrType: typeof(int), oldType: "integer", oldNullable: true);
            """,
            """migrationBuilder.DropColumn(name: "age", table: "users");""",
            Verify.Diagnostic(RuleIds.DownDoesNotUndoUp).WithLocation(0).WithArguments("restore column users.score altered here"));

    private const string ExpandContractUp = """
        migrationBuilder.AddColumn<int>(name: "quantity_new", table: "orders", type: "integer", nullable: true);
        migrationBuilder.Sql("-- lossless: verified orders.quantity\nUPDATE \"orders\" SET \"quantity_new\" = \"quantity\"::integer;");
        migrationBuilder.DropColumn(name: "quantity", table: "orders");
        migrationBuilder.RenameColumn(name: "quantity_new", table: "orders", newName: "quantity");
        """;

    [Fact]
    public Task ExpandContractBothWays_DownCopiesWithSql_DoesNotReport()
        => VerifyAsync(
            ExpandContractUp,
            """
            migrationBuilder.AddColumn<string>(name: "quantity_old", table: "orders", type: "text", nullable: true);
            migrationBuilder.Sql("-- lossless: verified orders.quantity\nUPDATE \"orders\" SET \"quantity_old\" = \"quantity\"::text;");
            migrationBuilder.DropColumn(name: "quantity", table: "orders");
            migrationBuilder.RenameColumn(name: "quantity_old", table: "orders", newName: "quantity");
            """);

    [Fact]
    public Task DownWithSqlForAnotherTable_StillJudgesThisOne()
        => VerifyAsync(
            """migrationBuilder.{|#0:DropColumn|}(name: "quantity", table: "orders");""",
            """migrationBuilder.Sql("UPDATE invoices SET total = 0;");""",
            Verify.Diagnostic(RuleIds.DownDoesNotUndoUp).WithLocation(0).WithArguments("re-add column orders.quantity dropped here"));
}
