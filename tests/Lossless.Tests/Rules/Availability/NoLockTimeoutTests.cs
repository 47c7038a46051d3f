using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using static Lossless.Tests.Rules.Availability.AvailabilityTest;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.Availability;

public sealed class NoLockTimeoutTests
{
    private const string AddNickname = """
        migrationBuilder.{|#0:AddColumn|}<string>(
            name: "nickname",
            table: "users",
            type: "text",
            nullable: true);
        """;

    private static string Plain(string source) => source.Replace("{|#0:AddColumn|}", "AddColumn", StringComparison.Ordinal);

    [Fact]
    public Task Online_LockWithoutTimeout_Reports()
        => VerifyAsync(AddNickname, TestProvider.PostgreSql, "online", Diagnostic(RuleIds.NoLockTimeout, 0, DiagnosticSeverity.Warning, "AddColumn", "users"));

    [Theory]
    [InlineData("SET LOCAL lock_timeout = '5s';")]
    [InlineData("SET lock_timeout TO '2s';")]
    [InlineData("-- keep the wait short\nset local LOCK_TIMEOUT = 1000;")]
    public Task Online_TimeoutSetFirst_DoesNotReport(string set)
        => VerifyAsync($"migrationBuilder.Sql(\"{set.Replace("\n", "\\n", StringComparison.Ordinal)}\");\n" + Plain(AddNickname), TestProvider.PostgreSql, "online");

    [Fact]
    public Task Online_TimeoutSetAfterTheFirstLock_Reports()
        => VerifyAsync(AddNickname + "\nmigrationBuilder.Sql(\"SET LOCAL lock_timeout = '5s';\");", TestProvider.PostgreSql, "online", Diagnostic(RuleIds.NoLockTimeout, 0, DiagnosticSeverity.Warning, "AddColumn", "users"));

    [Fact]
    public Task Online_TimeoutInACommentOnly_Reports()
        => VerifyAsync("migrationBuilder.Sql(\"-- SET LOCAL lock_timeout = '5s';\");\n" + AddNickname, TestProvider.PostgreSql, "online", Diagnostic(RuleIds.NoLockTimeout, 0, DiagnosticSeverity.Warning, "AddColumn", "users"));

    [Theory]
    [InlineData(null)]
    [InlineData("offline")]
    public Task NotOnline_DoesNotReport(string? deployModel)
        => VerifyAsync(Plain(AddNickname), TestProvider.PostgreSql, deployModel);

    [Fact]
    public Task Online_OnlyTablesCreatedInUp_DoesNotReport()
        => VerifyAsync(
            """
            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                });

            """ + Plain(AddNickname),
            TestProvider.PostgreSql,
            "online");

    [Fact]
    public Task Online_OnSqlServer_DoesNotReport()
        => VerifyAsync(Plain(AddNickname).Replace("\"text\"", "\"nvarchar(max)\"", StringComparison.Ordinal), TestProvider.SqlServer, "online");

    [Fact]
    public Task Online_ReportedOnceOnTheFirstLock_SkippingADataLossOperation()
        => VerifyAsync(
            """
            migrationBuilder.{|#1:DropColumn|}(
                name: "legacy",
                table: "users");

            """ + AddNickname + """

            migrationBuilder.AddColumn<string>(
                name: "title",
                table: "users",
                type: "text",
                nullable: true);
            """,
            TestProvider.PostgreSql,
            "online",
            Verify.Diagnostic(RuleIds.DropColumn).WithLocation(1).WithArguments("users.legacy"),
            Diagnostic(RuleIds.NoLockTimeout, 0, DiagnosticSeverity.Warning, "AddColumn", "users"));

    [Fact]
    public async Task Online_PropertiesCarryTheConfiguredTimeout()
    {
        var test = New(Sources.Migration(AddNickname), TestProvider.PostgreSql, "online", "lossless.lock_timeout = 2s\n");
        test.ExpectedDiagnostics.Add(Diagnostic(RuleIds.NoLockTimeout, 0, DiagnosticSeverity.Warning, "AddColumn", "users"));
        await test.RunAsync();
    }
}
