using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.DataLoss;

public class DropColumnTests
{
    [Fact]
    public async Task DropColumn_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(
                up: """migrationBuilder.{|#0:DropColumn|}(name: "nickname", table: "users");""",
                down: """migrationBuilder.AddColumn<string>(name: "nickname", table: "users", type: "text", nullable: true);"""),
            Verify.Diagnostic(RuleIds.DropColumn).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("users.nickname"));
    }

    [Fact]
    public async Task DropColumnWithSchema_NamesTheSchema()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""migrationBuilder.{|#0:DropColumn|}("nickname", "users", "auth");"""),
            Verify.Diagnostic(RuleIds.DropColumn).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("auth.users.nickname"));
    }

    [Fact]
    public async Task DropColumnInDown_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration(
            up: """migrationBuilder.AddColumn<string>(name: "nickname", table: "users", type: "text", nullable: true);""",
            down: """migrationBuilder.DropColumn(name: "nickname", table: "users");"""));
    }

    [Fact]
    public async Task BackedUpByAMarkedStep_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration("""
            migrationBuilder.Sql("-- lossless: verified users.nickname\nCREATE TABLE backup AS SELECT id, nickname FROM users;");
            migrationBuilder.DropColumn(name: "nickname", table: "users");
            """));
    }

    [Fact]
    public async Task MarkedStepAfterTheDrop_StillReports()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#0:DropColumn|}(name: "nickname", table: "users");
                migrationBuilder.Sql("-- lossless: verified users.nickname\nSELECT 1;");
                """),
            Verify.Diagnostic(RuleIds.DropColumn).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("users.nickname"));
    }

    [Fact]
    public async Task MarkedStepAfterTheDrop_OnSqlite_DoesNotReport()
    {
        // EF Core rebuilds the table for a SQLite DropColumn after every other operation: the backup runs first.
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.DropColumn(name: "nickname", table: "users");
                migrationBuilder.Sql("-- lossless: verified users.nickname\nCREATE TABLE backup AS SELECT id, nickname FROM users;");
                """),
            TestProvider.Sqlite);
    }

    [Fact]
    public async Task TableCreatedEarlierInUp_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration("""
            migrationBuilder.CreateTable(
                name: "drafts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    body = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table => table.PrimaryKey("PK_drafts", x => x.id));
            migrationBuilder.DropColumn(name: "body", table: "drafts");
            """));
    }

    [Fact]
    public async Task NonConstantName_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration("""
            var column = Environment.GetEnvironmentVariable("COLUMN")!;
            migrationBuilder.DropColumn(name: column, table: "users");
            """));
    }
}
