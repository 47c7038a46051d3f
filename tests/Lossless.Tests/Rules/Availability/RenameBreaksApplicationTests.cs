using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using static Lossless.Tests.Rules.Availability.AvailabilityTest;

namespace Lossless.Tests.Rules.Availability;

public sealed class RenameBreaksApplicationTests
{
    private const string RenameName = """
        migrationBuilder.{|#0:RenameColumn|}(
            name: "name",
            table: "users",
            newName: "full_name");
        """;

    [Theory]
    [InlineData(TestProvider.PostgreSql)]
    [InlineData(TestProvider.SqlServer)]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.None)]
    public Task RenameColumn_OnEveryProvider_Reports(TestProvider provider)
        => VerifyAsync(RenameName, provider, null, Info(RuleIds.RenameBreaksApplication, 0, "column", "users.name", "full_name", "name"));

    [Fact]
    public Task RenameTable_Reports()
        => VerifyAsync(
            """
            migrationBuilder.{|#0:RenameTable|}(
                name: "users",
                schema: "app",
                newName: "customers",
                newSchema: "app");
            """,
            Info(RuleIds.RenameBreaksApplication, 0, "table", "app.users", "app.customers", "app.users"));

    [Fact]
    public Task RenameColumn_OfTableCreatedInUp_DoesNotReport()
        => VerifyAsync("""
            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    name = table.Column<string>(type: "text", nullable: true),
                });

            migrationBuilder.RenameColumn(
                name: "name",
                table: "users",
                newName: "full_name");
            """);

    [Fact]
    public Task RenameColumn_Online_IsAWarning()
        => VerifyAsync(
            RenameName,
            TestProvider.PostgreSql,
            "online",
            Diagnostic(RuleIds.RenameBreaksApplication, 0, DiagnosticSeverity.Warning, "column", "users.name", "full_name", "name"),
            Diagnostic(RuleIds.NoLockTimeout, 0, DiagnosticSeverity.Warning, "RenameColumn", "users"));

    [Fact]
    public Task RenameColumn_Offline_DoesNotReport()
        => VerifyAsync(RenameName.Replace("{|#0:RenameColumn|}", "RenameColumn", StringComparison.Ordinal), TestProvider.PostgreSql, "offline");
}
