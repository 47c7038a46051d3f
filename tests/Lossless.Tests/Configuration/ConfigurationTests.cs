using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Configuration;

/// <summary>.editorconfig settings, severities and the standard suppressions, as docs/configuration.md promises.</summary>
public class ConfigurationTests
{
    private const string DangerousUp = """
        migrationBuilder.{|#0:AlterColumn|}<int>(name: "quantity", table: "orders", type: "integer", oldClrType: typeof(string), oldType: "text");
        """;

    private static DiagnosticResult QuantityLL1002(int location = 0) => Verify.Diagnostic(RuleIds.FailingTypeChange)
        .WithLocation(location)
        .WithArguments("orders.quantity", "text", "integer", "fails on every database, even when every value is a valid integer in the range of integer: PostgreSQL has no cast from text to integer without USING, and EF Core writes none");

    private static string OldMigration(int i) => Sources.Migration(
        DangerousUp.Replace("{|#0:AlterColumn|}", "AlterColumn"),
        name: $"Old{i:000}",
        id: $"2024{i / 28 + 1:00}{i % 28 + 1:00}120000_Old{i:000}").Replace(Sources.Context, string.Empty);

    [Fact]
    public async Task SinceMigration_SilencesEveryMigrationAtOrBeforeIt()
    {
        var test = new Verify.Test(TestProvider.PostgreSql);

        // A project adopting Lossless with 300 old migrations that hold dangerous changes, all applied long ago.
        for (var i = 0; i < 300; i++)
        {
            test.TestState.Sources.Add(($"/0/Migrations/Old{i:000}.cs", OldMigration(i)));
        }

        test.TestState.Sources.Add(("/0/Migrations/20250117120000_ChangeTypes.cs", Sources.Migration(DangerousUp)));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            lossless.since_migration = 20241231235959_LastBeforeLossless
            """));
        test.ExpectedDiagnostics.Add(QuantityLL1002());
        await test.RunAsync();
    }

    [Fact]
    public async Task SinceMigration_IncludesTheNamedMigrationItself()
    {
        var test = new Verify.Test(TestProvider.PostgreSql)
        {
            TestCode = Sources.Migration(DangerousUp.Replace("{|#0:AlterColumn|}", "AlterColumn")),
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nlossless.since_migration = 20250117120000_ChangeTypes\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task SinceMigration_BareTimestampOfTheMigration_CoversIt()
    {
        // The migration's own timestamp, without its name: 20250117120000 covers 20250117120000_ChangeTypes.
        var test = new Verify.Test(TestProvider.PostgreSql)
        {
            TestCode = Sources.Migration(DangerousUp.Replace("{|#0:AlterColumn|}", "AlterColumn")),
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nlossless.since_migration = 20250117120000\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task SinceMigration_BareTimestampOneSecondEarlier_Reports()
    {
        var test = new Verify.Test(TestProvider.PostgreSql)
        {
            TestCode = Sources.Migration(DangerousUp),
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nlossless.since_migration = 20250117115959\n"));
        test.ExpectedDiagnostics.Add(QuantityLL1002());
        await test.RunAsync();
    }

    [Theory]
    [InlineData("20250117120000_ChangeTypes", "20250117120000_ChangeTypes", true)] // a full id covers itself
    [InlineData("20250117120000_changetypes", "20250117120000_ChangeTypes", true)] // ignoring case
    [InlineData("20250117120000_ChangeTypes", "20250117115959_Earlier", true)]
    [InlineData("20250117120000_ChangeTypes", "20250117120000_A", true)] // same second, sorts before by name
    [InlineData("20250117120000_ChangeTypes", "20250117120000_ChangeTypesAgain", false)] // same second, sorts after
    [InlineData("20250117120000_ChangeTypes", "20250117120001_Later", false)]
    [InlineData("20250117120000", "20250117120000_ChangeTypes", true)] // a bare timestamp covers its own second
    [InlineData("20250117120000", "20250117120000_ZLastOfThatSecond", true)]
    [InlineData("20250117120000", "20250117115959_Earlier", true)]
    [InlineData("20250117120000", "20250117120001_Later", false)]
    [InlineData("20250117", "20250117235959_LastOfTheDay", true)] // a date covers its whole day
    [InlineData("20250117", "20250118000000_NextDay", false)]
    [InlineData("20250117120000_", "20250117120000_ChangeTypes", false)] // not digits only: a full id, compared whole
    public void SinceMigration_Covers(string since, string migrationId, bool covered)
    {
        Assert.Equal(covered, Lossless.Analyzers.Infrastructure.AnalyzerSettings.Covers(since, migrationId));
    }

    [Fact]
    public async Task SinceMigration_InAGlobalConfig_Works()
    {
        var test = new Verify.Test(TestProvider.PostgreSql)
        {
            TestCode = Sources.Migration(DangerousUp),
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nlossless.since_migration = 20250101000000_Before\n"));
        test.ExpectedDiagnostics.Add(QuantityLL1002());
        await test.RunAsync();
    }

    [Fact]
    public async Task PragmaWarningDisable_SuppressesOneMigration()
    {
        var source = "#pragma warning disable LL1002 // reviewed: quantity holds digits only\n"
            + Sources.Migration(DangerousUp.Replace("{|#0:AlterColumn|}", "AlterColumn"));

        await AssertSuppressedAsync(source);
    }

    [Fact]
    public async Task SuppressMessageAttribute_SuppressesOneMigration()
    {
        var source = Sources.Migration(DangerousUp.Replace("{|#0:AlterColumn|}", "AlterColumn")).Replace(
            "public partial class ChangeTypes",
            "[System.Diagnostics.CodeAnalysis.SuppressMessage(\"DataLoss\", \"LL1002:Column type change fails on existing data\", Justification = \"Reviewed\")]\n    public partial class ChangeTypes");

        await AssertSuppressedAsync(source);
    }

    /// <summary>The diagnostic is still produced, marked suppressed: the build neither shows nor fails on it.</summary>
    private static async Task AssertSuppressedAsync(string source)
    {
        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(EFCoreReferences.For(TestProvider.PostgreSql), reportSuppressed: true, source);
        Assert.Empty(exceptions);
        // Sources.Migration's empty Down (LL2002) is not what these tests are about.
        diagnostics = diagnostics.RemoveAll(static d => d.Id.StartsWith("LL2", StringComparison.Ordinal));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(RuleIds.FailingTypeChange, diagnostic.Id);
        Assert.True(diagnostic.IsSuppressed, "the LL1002 should be suppressed");

        var (visible, _) = await AnalyzerRunner.RunAsync(EFCoreReferences.For(TestProvider.PostgreSql), reportSuppressed: false, source);
        Assert.Empty(visible.Where(static d => !d.Id.StartsWith("LL2", StringComparison.Ordinal)));
    }
}
