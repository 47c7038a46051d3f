using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.Availability;

/// <summary>
/// LL3005: on SQLite, per table, the first operation that makes EF rebuild it (tests/Lossless.DataTests/Sqlite prove
/// which operations rebuild, and that a late failure leaves the migration half applied and unrecorded).
/// </summary>
public class SqliteNotAtomicTests
{
    [Fact]
    public async Task FirstRebuildingOperationPerTable_Reports()
    {
        await AvailabilityTest.VerifyAsync(
            """
            migrationBuilder.AddColumn<string>(name: "Email", table: "Accounts", type: "TEXT", nullable: true);

            migrationBuilder.{|#0:AlterColumn|}<string>(
                name: "Code",
                table: "Tags",
                type: "TEXT",
                nullable: true,
                collation: "NOCASE",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AddCheckConstraint(name: "CK_Tags_Code", table: "Tags", sql: "length(\"Code\") > 0");

            migrationBuilder.{|#1:AddForeignKey|}(
                name: "FK_Accounts_Tags_TagId",
                table: "Accounts",
                column: "TagId",
                principalTable: "Tags",
                principalColumn: "Id");
            """,
            TestProvider.Sqlite,
            null,
            AvailabilityTest.Info(RuleIds.SqliteNotAtomic, 0, "AlterColumn", "Tags"),
            AvailabilityTest.Info(RuleIds.SqliteNotAtomic, 1, "AddForeignKey", "Accounts"));
    }

    [Theory]
    [InlineData("online", true)]
    [InlineData("offline", false)]
    public async Task DeployModel_RaisesOrTurnsOffLikeTheCategory(string deployModel, bool reports)
    {
        var up = """
            migrationBuilder.{|#0:AddCheckConstraint|}(name: "CK_Tags_Code", table: "Tags", sql: "length(\"Code\") > 0");
            """;
        if (reports)
        {
            await AvailabilityTest.VerifyAsync(up, TestProvider.Sqlite, deployModel, AvailabilityTest.Diagnostic(RuleIds.SqliteNotAtomic, 0, DiagnosticSeverity.Warning, "AddCheckConstraint", "Tags"));
        }
        else
        {
            await AvailabilityTest.VerifyAsync(up.Replace("{|#0:AddCheckConstraint|}", "AddCheckConstraint"), TestProvider.Sqlite, deployModel);
        }
    }

    [Fact]
    public async Task DataLossOnTheFirstRebuild_IsPassedOverForTheTablesNext()
    {
        // Data first: the DropColumn is LL1004; the table's next rebuilding operation carries LL3005.
        await AvailabilityTest.VerifyAsync(
            """
            migrationBuilder.{|#0:DropColumn|}(name: "Legacy", table: "Tags");

            migrationBuilder.{|#1:AddCheckConstraint|}(name: "CK_Tags_Code", table: "Tags", sql: "length(\"Code\") > 0");
            """,
            TestProvider.Sqlite,
            null,
            Verify.Diagnostic(RuleIds.DropColumn).WithLocation(0).WithArguments("Tags.Legacy"),
            AvailabilityTest.Info(RuleIds.SqliteNotAtomic, 1, "AddCheckConstraint", "Tags"));
    }

    [Theory]
    [InlineData("migrationBuilder.AddColumn<string>(name: \"Email\", table: \"Accounts\", type: \"TEXT\", nullable: true);")]
    [InlineData("migrationBuilder.RenameColumn(name: \"Name\", table: \"Accounts\", newName: \"Title\");")]
    [InlineData("migrationBuilder.RenameTable(name: \"Accounts\", newName: \"Users\");")]
    [InlineData("migrationBuilder.CreateIndex(name: \"IX_Accounts_Name\", table: \"Accounts\", column: \"Name\");")]
    [InlineData("migrationBuilder.DropIndex(name: \"IX_Accounts_Name\", table: \"Accounts\");")]
    public async Task OperationThatDoesNotRebuild_DoesNotReport(string up)
    {
        // Only LL3005 is judged here: a rename still breaks the running application (LL3003), on SQLite too.
        var test = AvailabilityTest.New(Sources.Migration(up), TestProvider.Sqlite);
        test.DisabledDiagnostics.Add(RuleIds.RenameBreaksApplication);
        await test.RunAsync();
    }

    [Fact]
    public async Task TableCreatedEarlierInUp_DoesNotReport()
    {
        await AvailabilityTest.VerifyAsync(
            """
            migrationBuilder.CreateTable(
                name: "Tags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", nullable: true)
                });

            migrationBuilder.AddPrimaryKey(name: "PK_Tags", table: "Tags", column: "Id");
            """,
            TestProvider.Sqlite,
            null);
    }

    [Fact]
    public async Task PostgreSql_DoesNotReport()
    {
        await AvailabilityTest.VerifyAsync(
            """migrationBuilder.AddUniqueConstraint(name: "AK_Tags_Code", table: "Tags", column: "Code");""",
            TestProvider.PostgreSql,
            null);
    }
}
