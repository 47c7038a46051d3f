using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp;

namespace Lossless.Tests.Rules.Reversibility;

/// <summary>
/// LL2001–LL2003 run on every keystroke too: every prefix of a migration with Up and Down, and of the previous
/// migration's Designer they read, analyses without an exception (AD0001).
/// </summary>
public sealed class HalfTypedReversibilityTests
{
    public static TheoryData<string> Cases() => new() { "migration", "previous-designer" };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryPrefix_AnalysesWithoutException(string which)
    {
        var migration = FixerCases.Recreate;
        var designer = Sources.Designer(FixerCases.PreviousModel, "Initial");

        // Whole, the sources are reported on (LL2003 on the incomplete re-creation): the prefixes are not trivially quiet.
        var (whole, _) = await AnalyzerRunner.RunAsync(TestProvider.PostgreSql, migration, FixerCases.PreviousMigration, designer);
        Assert.Single(whole, d => d.Id == "LL2003");

        var source = which == "migration" ? migration : designer;
        var ends = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Select(t => t.Span.End).Distinct().ToArray();
        Assert.True(ends.Length > 100);
        var failures = new List<string>();
        foreach (var end in ends)
        {
            var prefix = source[..end];
            var (_, exceptions) = which == "migration"
                ? await AnalyzerRunner.RunAsync(TestProvider.PostgreSql, prefix, FixerCases.PreviousMigration, designer)
                : await AnalyzerRunner.RunAsync(TestProvider.PostgreSql, migration, FixerCases.PreviousMigration, prefix);
            if (exceptions.Count > 0)
            {
                failures.Add($"prefix ending at {end}:\n{string.Join("\n", exceptions)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(3)));
    }
}
