using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.Correctness;

/// <summary>LL4004 (opt-in): a suppression of an LL id in a migration without a reason.</summary>
public class SuppressionWithoutReasonTests
{
    private static string Migration(string beforeDrop, string upAttribute = "") => $$"""
        {{Sources.Usings}}
        using System.Diagnostics.CodeAnalysis;

        namespace Sample.Migrations
        {
            [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250117120000_DropNicknames")]
            public partial class DropNicknames : Migration
            {
                {{upAttribute}}
                protected override void Up(MigrationBuilder migrationBuilder)
                {
        {{beforeDrop}}
                    migrationBuilder.DropColumn(name: "Nickname", table: "Users");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }
            }
        }

        {{Sources.Context}}
        """;

    private static Task VerifyAsync(string source, bool optIn, params DiagnosticResult[] expected)
    {
        // The library's own check adds "#pragma warning disable LL4004" without a comment, which this rule reports.
        var test = new Verify.Test(TestProvider.PostgreSql) { TestCode = source, TestBehaviors = TestBehaviors.SkipSuppressionCheck };
        test.DisabledDiagnostics.Remove("LL4004");
        if (optIn)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.LL4004.severity = warning\n"));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public async Task PragmaWithoutComment_OptedIn_Reports()
    {
        await VerifyAsync(
            Migration("#pragma warning disable {|#0:LL1004|}"),
            optIn: true,
            Verify.Diagnostic(RuleIds.SuppressionWithoutReason).WithLocation(0).WithSeverity(DiagnosticSeverity.Hidden).WithArguments("LL1004", "#pragma warning disable without a comment on its line"));
    }

    [Fact]
    public async Task PragmaWithComment_DoesNotReport()
    {
        await VerifyAsync(Migration("#pragma warning disable LL1004 // nicknames were never shown anywhere; dropped on purpose"), optIn: true);
    }

    [Fact]
    public async Task PragmaOfAnotherId_DoesNotReport()
    {
        await VerifyAsync(
            Migration("#pragma warning disable CS0618\n#pragma warning disable LL1004 // kept in the backup table of 20250101000000_Backup"),
            optIn: true);
    }

    [Fact]
    public async Task SuppressMessageWithoutJustification_Reports()
    {
        await VerifyAsync(
            Migration(string.Empty, """[{|#0:SuppressMessage("DataLoss", "LL1004:Column dropped")|}]"""),
            optIn: true,
            Verify.Diagnostic(RuleIds.SuppressionWithoutReason).WithLocation(0).WithSeverity(DiagnosticSeverity.Hidden).WithArguments("LL1004", "[SuppressMessage] without a Justification"));
    }

    [Fact]
    public async Task SuppressMessageWithJustification_DoesNotReport()
    {
        await VerifyAsync(Migration(string.Empty, """[SuppressMessage("DataLoss", "LL1004:Column dropped", Justification = "nicknames were never shown")]"""), optIn: true);
    }

    [Fact]
    public void Rule_IsOptIn_AndHidden()
    {
        // The testing library turns every supported diagnostic on; a project turns LL4004 on with
        // dotnet_diagnostic.LL4004.severity = warning (as the tests above write), and it is off until then.
        Assert.False(Descriptors.LL4004_SuppressionWithoutReason.IsEnabledByDefault);
        Assert.Equal(DiagnosticSeverity.Hidden, Descriptors.LL4004_SuppressionWithoutReason.DefaultSeverity);
    }
}
