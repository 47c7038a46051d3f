using System.Collections.Immutable;
using Lossless.Analyzers.Infrastructure;
using Lossless.Analyzers.Rules;
using Lossless.Analyzers.Rules.Availability;
using Lossless.Analyzers.Rules.Correctness;
using Lossless.Analyzers.Rules.DataLoss;
using Lossless.Tests.Robustness;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Lossless.Tests.Meta;

/// <summary>
/// A rule that is off unless a project turns it on (LL4004) does no work in a compilation where nothing turns it on,
/// and still reports wherever anything does: a rule set or the command line, a .globalconfig, an .editorconfig. A rule
/// on by default (LL1004, and LL3009, which reports only under lossless.deploy_model = online) always runs.
/// </summary>
public class OptInRulesTests
{
    private static readonly ImmutableArray<MigrationRule> Rules = [new DropColumnRule(), new SuppressionWithoutReasonRule(), new NoLockTimeoutRule()];

    /// <summary>A migration whose Up suppresses LL1004 with no reason: LL4004's case, when it is on.</summary>
    private static readonly string Source = Sources.Migration(
        """
        #pragma warning disable LL1004
                    migrationBuilder.DropColumn(name: "Nickname", table: "Users");
        """);

    public enum Route
    {
        Nothing,
        RuleSetOrCommandLine,
        GlobalConfig,
        EditorConfig,
        EditorConfigNone,
    }

    [Theory]
    [InlineData(Route.Nothing, true)]
    [InlineData(Route.RuleSetOrCommandLine, false)]
    [InlineData(Route.GlobalConfig, false)]
    [InlineData(Route.EditorConfig, false)]
    [InlineData(Route.EditorConfigNone, true)]
    public async Task Skipped_IsTheOptInRuleNothingTurnsOn(Route route, bool ll4004Skipped)
    {
        var compilation = (await Project(route).GetCompilationAsync())!;

        var skipped = OptInRules.Skipped(Rules, compilation, CancellationToken.None);

        if (ll4004Skipped)
        {
            Assert.Equal(new[] { false, true, false }, skipped);
        }
        else
        {
            Assert.True(skipped.IsDefault, "every rule runs: no skip list");
        }
    }

    [Theory]
    [InlineData(Route.Nothing, "LL2002")]
    [InlineData(Route.RuleSetOrCommandLine, "LL4004 LL2002")]
    [InlineData(Route.GlobalConfig, "LL4004 LL2002")]
    [InlineData(Route.EditorConfig, "LL4004 LL2002")]
    [InlineData(Route.EditorConfigNone, "LL2002")]
    public async Task LL4004_Reports_WhereverAnythingTurnsItOn(Route route, string ids)
    {
        var analysis = await RobustnessHarness.AnalyzeAsync(Project(route));

        Assert.Empty(analysis.Exceptions);
        Assert.Equal(ids, analysis.Ids);
        if (analysis.Diagnostics.FirstOrDefault(static d => d.Id == "LL4004") is { } reported)
        {
            Assert.Equal(
                "LL1004 is suppressed by #pragma warning disable without a comment on its line: say why, so that the next reader knows the data was looked after",
                reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            var line = reported.Location.GetLineSpan().StartLinePosition;
            Assert.Equal("#pragma warning disable LL1004", reported.Location.SourceTree!.GetText().Lines[line.Line].ToString().Trim());
            Assert.Equal("LL1004", reported.Location.SourceTree.GetText().ToString(reported.Location.SourceSpan));
        }
    }

    private static Project Project(Route route)
    {
        var project = RobustnessHarness.CreateProject(TestProvider.PostgreSql, [Source]);
        return route switch
        {
            Route.RuleSetOrCommandLine => project.WithCompilationOptions(project.CompilationOptions!.WithSpecificDiagnosticOptions(
                project.CompilationOptions.SpecificDiagnosticOptions.SetItem("LL4004", ReportDiagnostic.Warn))),
            Route.GlobalConfig => project.AddAnalyzerConfigDocument(
                ".globalconfig", SourceText.From("is_global = true\ndotnet_diagnostic.LL4004.severity = warning\n"), filePath: "/0/.globalconfig").Project,
            Route.EditorConfig => project.AddAnalyzerConfigDocument(
                ".editorconfig", SourceText.From("root = true\n\n[*.cs]\ndotnet_diagnostic.LL4004.severity = warning\n"), filePath: "/0/.editorconfig").Project,
            Route.EditorConfigNone => project.AddAnalyzerConfigDocument(
                ".editorconfig", SourceText.From("root = true\n\n[*.cs]\ndotnet_diagnostic.LL4004.severity = none\n"), filePath: "/0/.editorconfig").Project,
            _ => project,
        };
    }
}
