using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.DataLoss;

public class DropTableTests
{
    [Fact]
    public async Task DropTable_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""migrationBuilder.{|#0:DropTable|}(name: "sessions");"""),
            Verify.Diagnostic(RuleIds.DropTable).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("table", "sessions", "it and every row it holds"));
    }

    [Fact]
    public async Task DropTableWithSchema_NamesTheSchema()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""migrationBuilder.{|#0:DropTable|}(name: "sessions", schema: "auth");"""),
            Verify.Diagnostic(RuleIds.DropTable).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("table", "auth.sessions", "it and every row it holds"));
    }

    [Fact]
    public async Task DropSchema_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""migrationBuilder.{|#0:DropSchema|}(name: "legacy");"""),
            Verify.Diagnostic(RuleIds.DropTable).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("schema", "legacy", "every table in it and all their rows"));
    }

    [Fact]
    public async Task DropTableInDown_DoesNotReport()
    {
        // EF Core's initial migration: Up creates, Down drops. Dropping in Down what Up created is what Down is for.
        await Verify.VerifyAnalyzerAsync(Sources.Migration(
            up: """
                migrationBuilder.EnsureSchema(name: "auth");
                migrationBuilder.CreateTable(
                    name: "sessions",
                    schema: "auth",
                    columns: table => new
                    {
                        id = table.Column<int>(type: "integer", nullable: false)
                            .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                        token = table.Column<string>(type: "text", nullable: false)
                    },
                    constraints: table => table.PrimaryKey("PK_sessions", x => x.id));
                migrationBuilder.CreateIndex(name: "IX_sessions_token", schema: "auth", table: "sessions", column: "token", unique: true);
                """,
            down: """
                migrationBuilder.DropTable(name: "sessions", schema: "auth");
                """));
    }

    [Fact]
    public async Task BackedUpByAMarkedStep_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration("""
            migrationBuilder.Sql("-- lossless: verified sessions.*\nCREATE TABLE backup AS SELECT * FROM sessions;");
            migrationBuilder.DropTable(name: "sessions");
            """));
    }

    [Fact]
    public async Task TableCreatedEarlierInUp_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration("""
            migrationBuilder.CreateTable(
                name: "scratch",
                columns: table => new { id = table.Column<int>(type: "integer", nullable: false) });
            migrationBuilder.DropTable(name: "scratch");
            """));
    }
}
