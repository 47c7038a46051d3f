using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using static Lossless.Tests.Rules.Availability.AvailabilityTest;

namespace Lossless.Tests.Rules.Availability;

public sealed class IndexBlocksWritesTests
{
    private const string CreateEmailIndex = """
        migrationBuilder.{|#0:CreateIndex|}(
            name: "IX_users_email",
            table: "users",
            column: "email");
        """;

    [Fact]
    public Task CreateIndex_OnExistingTable_Reports()
        => VerifyAsync(CreateEmailIndex, Info(RuleIds.IndexBlocksWrites, 0, "IX_users_email", "users"));

    [Fact]
    public Task CreateIndex_InASchema_NamesTheSchema()
        => VerifyAsync(
            """
            migrationBuilder.{|#0:CreateIndex|}(
                name: "IX_users_email",
                schema: "app",
                table: "users",
                columns: new[] { "email", "name" },
                unique: true);
            """,
            Info(RuleIds.IndexBlocksWrites, 0, "IX_users_email", "app.users"));

    [Fact]
    public Task CreateIndex_Concurrently_DoesNotReport()
        => VerifyAsync("""
            migrationBuilder.CreateIndex(
                name: "IX_users_email",
                table: "users",
                column: "email")
                .Annotation("Npgsql:CreatedConcurrently", true);
            """);

    [Fact]
    public Task CreateIndex_ConcurrentlyFalse_Reports()
        => VerifyAsync(
            """
            migrationBuilder.{|#0:CreateIndex|}(
                name: "IX_users_email",
                table: "users",
                column: "email")
                .Annotation("Npgsql:CreatedConcurrently", false);
            """,
            Info(RuleIds.IndexBlocksWrites, 0, "IX_users_email", "users"));

    [Fact]
    public Task CreateIndex_ConcurrentFromAVariable_DoesNotReport()
        => VerifyAsync("""
            var concurrently = Environment.GetEnvironmentVariable("CONCURRENT") == "1";
            migrationBuilder.CreateIndex(
                name: "IX_users_email",
                table: "users",
                column: "email")
                .Annotation("Npgsql:CreatedConcurrently", concurrently);
            """);

    [Fact]
    public Task CreateIndex_OnTableCreatedInUp_DoesNotReport()
        => VerifyAsync("""
            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    email = table.Column<string>(type: "text", nullable: true),
                },
                constraints: table => table.PrimaryKey("PK_users", x => x.id));

            migrationBuilder.CreateIndex(
                name: "IX_users_email",
                table: "users",
                column: "email");
            """);

    [Fact]
    public Task RawSqlCreateIndexConcurrently_DoesNotReport()
        => VerifyAsync("""
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY \"IX_users_email\" ON users (email);", suppressTransaction: true);
            """);

    [Theory]
    [InlineData(TestProvider.SqlServer)]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.None)]
    public Task CreateIndex_OnOtherProviders_DoesNotReport(TestProvider provider)
        => VerifyAsync(CreateEmailIndex.Replace("{|#0:CreateIndex|}", "CreateIndex", StringComparison.Ordinal), provider, null);

    [Fact]
    public Task CreateIndex_Online_IsAWarning_AndLacksALockTimeout()
        => VerifyAsync(
            CreateEmailIndex,
            TestProvider.PostgreSql,
            "online",
            Diagnostic(RuleIds.IndexBlocksWrites, 0, DiagnosticSeverity.Warning, "IX_users_email", "users"),
            Diagnostic(RuleIds.NoLockTimeout, 0, DiagnosticSeverity.Warning, "CreateIndex", "users"));

    [Fact]
    public Task CreateIndex_Offline_DoesNotReport()
        => VerifyAsync(CreateEmailIndex.Replace("{|#0:CreateIndex|}", "CreateIndex", StringComparison.Ordinal), TestProvider.PostgreSql, "offline");

    [Fact]
    public Task CreateIndex_UnknownDeployModel_IsInfo()
        => VerifyAsync(CreateEmailIndex, TestProvider.PostgreSql, "sometimes", Info(RuleIds.IndexBlocksWrites, 0, "IX_users_email", "users"));

    [Fact]
    public async Task CreateIndex_SeverityConfiguredPerRule_WinsOverTheDefault()
    {
        var test = New(Sources.Migration(CreateEmailIndex), TestProvider.PostgreSql, null, "dotnet_diagnostic.LL3001.severity = error\n");
        test.ExpectedDiagnostics.Add(Diagnostic(RuleIds.IndexBlocksWrites, 0, DiagnosticSeverity.Error, "IX_users_email", "users"));
        await test.RunAsync();
    }

    [Fact]
    public async Task CreateIndex_Online_TurnedOffPerRule_IsNotReported()
    {
        var test = New(Sources.Migration(CreateEmailIndex), TestProvider.PostgreSql, "online", "dotnet_diagnostic.LL3001.severity = none\n");
        test.ExpectedDiagnostics.Add(Diagnostic(RuleIds.NoLockTimeout, 0, DiagnosticSeverity.Warning, "CreateIndex", "users"));
        await test.RunAsync();
    }

    [Fact]
    public async Task CreateIndex_Online_WarningsAsErrors_MakesItAnError()
    {
        // <WarningsAsErrors>LL3001</WarningsAsErrors> reaches the compiler as a specific diagnostic option.
        var test = New(Sources.Migration(CreateEmailIndex), TestProvider.PostgreSql, "online", "dotnet_diagnostic.LL3009.severity = none\n");
        test.SolutionTransforms.Add(static (solution, projectId) =>
        {
            var options = solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItem("LL3001", ReportDiagnostic.Error)));
        });
        test.ExpectedDiagnostics.Add(Diagnostic(RuleIds.IndexBlocksWrites, 0, DiagnosticSeverity.Error, "IX_users_email", "users"));
        await test.RunAsync();
    }

    [Fact]
    public Task CreateIndex_OnATableThisMigrationRewrites_IsOnlyTheRewrite()
        => VerifyAsync(
            """
            migrationBuilder.{|#0:AlterColumn|}<long>(
                name: "id",
                table: "users",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.CreateIndex(
                name: "IX_users_email",
                table: "users",
                column: "email");

            migrationBuilder.{|#1:CreateIndex|}(
                name: "IX_orders_user_id",
                table: "orders",
                column: "user_id");
            """,
            Info(RuleIds.TypeChangeRewritesTable, 0, "users.id", "integer", "bigint", "rewrites every row and index of 'users' under an ACCESS EXCLUSIVE lock: reads and writes wait until the migration commits; for a large table, use expand/contract"),
            Info(RuleIds.IndexBlocksWrites, 1, "IX_orders_user_id", "orders"));
}
