using System.Globalization;
using System.Text;
using Lossless.Analyzers.Model.Targets;
using Lossless.Benchmarks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Lossless.Corpus;

/// <summary>
/// <c>--scans N</c>: the thread CPU of scanning a set's Designers in migration order, each after the one before it, as
/// LL1010 does on SQLite and as a compilation that asks every Designer shares, and what they allocate; nothing else of
/// the analyzer runs. Each
/// run parses the files again and lets the collector take their statement nodes before it starts, as after a compile
/// (Roslyn holds a method body's statements weakly), so a run measures what a build pays. Beside the scans, the least
/// any Designer-comparing rule pays (compare_cpu_ms): each BuildTargetModel body's text compared with its predecessor's,
/// from the start and then from the end, with no syntax, as a diff must read both (the first step of every scan); and
/// the tables each Designer says changed since the one before it (tables_cpu_ms: its scan and the entities compared,
/// all LL1010 reads of the Designers on SQLite), on trees parsed again, with how many tables that names over the set
/// (tables_listed: LL1010 reads each of them in both Designers) and how many comparisons could not say table by table
/// (whole_models).
/// </summary>
internal static class ScanCost
{
    public static string Measure(string corpus, IReadOnlyList<CorpusSet> sets, int runs)
    {
        var report = new StringBuilder();
        report.AppendLine("set\tdesigners\tchars\tscans_cpu_ms\tscans_alloc_mb\truns_ms\tcompare_cpu_ms\tbody_chars\ttables_cpu_ms\ttables_alloc_mb\ttables_runs_ms\ttables_listed\twhole_models");
        foreach (var set in sets)
        {
            var root = Path.Combine(corpus, set.Name);
            var texts = set.Files(corpus)
                .Where(static file => file.EndsWith(".Designer.cs", StringComparison.Ordinal))
                .OrderBy(static file => Path.GetFileName(file), StringComparer.Ordinal)
                .Select(file =>
                {
                    using var stream = File.OpenRead(Path.Combine(root, file));
                    return SourceText.From(stream);
                })
                .ToList();
            if (texts.Count == 0)
            {
                continue;
            }

            var times = new List<double>();
            var allocated = new List<double>();
            var compared = new List<double>();
            var tables = new List<double>();
            var tablesAllocated = new List<double>();
            long bodyChars = 0;
            var (listed, whole) = (0, 0);
            for (var run = 0; run < runs; run++)
            {
                var bodies = Parse(texts);
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var started = ThreadCpu.Now();
                TargetModelReader.TableScan? previous = null;
                foreach (var (body, builder) in bodies)
                {
                    previous = TargetModelReader.ScanTables(body, builder, CancellationToken.None, previous);
                }

                times.Add(TimeSpan.FromTicks(ThreadCpu.Now() - started).TotalMilliseconds);
                allocated.Add((GC.GetAllocatedBytesForCurrentThread() - bytes) / 1_000_000.0);

                started = ThreadCpu.Now();
                bodyChars = CompareInOrder(bodies);
                compared.Add(TimeSpan.FromTicks(ThreadCpu.Now() - started).TotalMilliseconds);
                GC.KeepAlive(bodies);

                // As LL1010 asks on SQLite: each Designer's tables whose columns may have changed CLR type since the one
                // before it (its scan made after that one's, then the entities compared), on freshly parsed trees.
                bodies = Parse(texts);
                bytes = GC.GetAllocatedBytesForCurrentThread();
                started = ThreadCpu.Now();
                DesignerModel? before = null;
                (listed, whole) = (0, 0);
                foreach (var (body, builder) in bodies)
                {
                    var designer = DesignerModel.FromBody(body, builder, CancellationToken.None);
                    if (before is not null && designer.TablesChangedSince(before) is { } tablesChanged)
                    {
                        listed += tablesChanged.Count;
                    }
                    else
                    {
                        whole += before is null ? 0 : 1;
                    }

                    before = designer;
                }

                tables.Add(TimeSpan.FromTicks(ThreadCpu.Now() - started).TotalMilliseconds);
                tablesAllocated.Add((GC.GetAllocatedBytesForCurrentThread() - bytes) / 1_000_000.0);
            }

            var sorted = times.Order().ToList();
            var allocSorted = allocated.Order().ToList();
            var comparedSorted = compared.Order().ToList();
            var tablesSorted = tables.Order().ToList();
            var tablesAllocSorted = tablesAllocated.Order().ToList();
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"{set.Name}\t{texts.Count}\t{texts.Sum(static t => (long)t.Length)}\t{sorted[sorted.Count / 2]:F2}\t{allocSorted[allocSorted.Count / 2]:F2}\t{string.Join(",", times.Select(static t => t.ToString("F2", CultureInfo.InvariantCulture)))}\t{comparedSorted[comparedSorted.Count / 2]:F2}\t{bodyChars}\t{tablesSorted[tablesSorted.Count / 2]:F2}\t{tablesAllocSorted[tablesAllocSorted.Count / 2]:F2}\t{string.Join(",", tables.Select(static t => t.ToString("F2", CultureInfo.InvariantCulture)))}\t{listed}\t{whole}");
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        return report.ToString();
    }

    /// <summary>
    /// Each text's BuildTargetModel body, parsed again; the collector then takes what nothing holds (as after a compile,
    /// Roslyn holds a method body's statements weakly).
    /// </summary>
    private static List<(BlockSyntax Body, string Builder)> Parse(List<SourceText> texts)
    {
        var bodies = new List<(BlockSyntax Body, string Builder)>();
        foreach (var text in texts)
        {
            var method = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
                .FirstOrDefault(static m => m.Identifier.ValueText == "BuildTargetModel" && m.Body is not null && m.ParameterList.Parameters.Count == 1);
            if (method is not null)
            {
                bodies.Add((method.Body!, method.ParameterList.Parameters[0].Identifier.ValueText));
            }
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return bodies;
    }

    /// <summary>
    /// Compares each body's text with the one before it as a scan does first (<see cref="TargetModelReader.CommonEnds"/>:
    /// the characters both begin with, then those both end with, a chunk at a time through SourceText's public API), and
    /// nothing else. Returns the characters of the bodies, which every comparison reads once on each side.
    /// </summary>
    private static long CompareInOrder(List<(BlockSyntax Body, string Builder)> bodies)
    {
        long chars = 0;
        long same = 0;
        for (var i = 0; i < bodies.Count; i++)
        {
            var body = bodies[i].Body;
            chars += body.Span.Length;
            if (i > 0)
            {
                var before = bodies[i - 1].Body;
                var (prefix, suffix) = TargetModelReader.CommonEnds(
                    body.SyntaxTree.GetText(), body.SpanStart, body.Span.Length, before.SyntaxTree.GetText(), before.SpanStart, before.Span.Length);
                same += prefix + suffix;
            }
        }

        GC.KeepAlive(same);
        return chars;
    }
}
