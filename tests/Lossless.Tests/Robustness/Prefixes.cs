using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp;

namespace Lossless.Tests.Robustness;

/// <summary>Half-typed code: one source cut after each of its tokens, the other sources whole.</summary>
internal static class Prefixes
{
    /// <summary>
    /// Analyses every prefix of <paramref name="sources"/>[<paramref name="index"/>] with every analyzer, and on every
    /// <paramref name="fixEvery"/>-th prefix also applies every fix offered; returns what threw or broke the code.
    /// </summary>
    public static async Task<List<string>> AnalyseEveryPrefixAsync(TestProvider provider, string[] sources, int index, int fixEvery)
    {
        var source = sources[index];
        var ends = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Select(static t => t.Span.End).Distinct().ToArray();
        Assert.True(ends.Length > 50, "the source should have many tokens");
        var failures = new List<string>();
        var fixesApplied = 0;
        for (var i = 0; i < ends.Length; i++)
        {
            var cut = (string[])sources.Clone();
            cut[index] = source[..ends[i]];
            var analysis = await RobustnessHarness.AnalyzeAsync(provider, cut);
            failures.AddRange(analysis.Exceptions.Select(e => $"prefix ending at {ends[i]}: {e}"));
            if (i % fixEvery == 0 || i == ends.Length - 1)
            {
                var (applied, fixFailures) = await RobustnessHarness.FixAllOfferedAsync(provider, cut);
                fixesApplied += applied;
                failures.AddRange(fixFailures.Select(f => $"prefix ending at {ends[i]}: {f}"));
            }
        }

        return failures;
    }
}
