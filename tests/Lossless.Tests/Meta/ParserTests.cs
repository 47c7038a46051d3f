using Microsoft.CodeAnalysis;

namespace Lossless.Tests.Meta;

/// <summary>The parsers the meta tests rely on read the formats the way Roslyn's release tracking does.</summary>
public sealed class ParserTests
{
    [Fact]
    public void AnalyzerReleases_LaterRowsWin_RemovedRulesDisappear()
    {
        const string shipped = """
            ; Shipped analyzer releases

            ## Release 0.1.0

            ### New Rules

            Rule ID | Category | Severity | Notes
            --------|----------|----------|-------
            LL1001 | DataLoss | Error | Column type change silently changes data
            LL1002 | DataLoss | Warning | Column type change fails on existing data
            LL1003 | DataLoss | Error | Type change on a key column

            ## Release 0.2.0

            ### Changed Rules

            Rule ID | New Category | New Severity | Old Category | Old Severity | Notes
            --------|--------------|--------------|--------------|--------------|-------
            LL1002 | DataLoss | Error | DataLoss | Warning | fails on clean data
            """;
        const string unshipped = """
            ### Removed Rules

            Rule ID | Category | Severity | Notes
            --------|----------|----------|-------
            LL1003 | DataLoss | Error | merged
            """;

        var current = AnalyzerReleases.Parse(("Shipped.md", shipped), ("Unshipped.md", unshipped));

        Assert.Equal(["LL1001", "LL1002"], current.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("DataLoss", "Error", "Shipped.md"), current["LL1001"]);
        Assert.Equal(("DataLoss", "Error", "Shipped.md"), current["LL1002"]);
    }

    [Fact]
    public void CategoryRanges_ReadsRangesSingleIdsAndComments()
    {
        var ranges = CategoryRanges.Parse("""
            # comment
            DataLoss: LL1001-LL1011
            Reversibility: LL2001-LL2003, LL2010
            """);

        Assert.Equal(["DataLoss"], ranges.OwnersOf("LL1011"));
        Assert.Equal(["Reversibility"], ranges.OwnersOf("LL2010"));
        Assert.Empty(ranges.OwnersOf("LL1012"));
        Assert.Empty(ranges.OwnersOf("LL2004"));
    }

    [Fact]
    public void RulesIndex_ListsEveryDescriptorOnceInIdOrder()
    {
        var index = RulesIndex.Generate(AnalyzerCatalog.Descriptors.Reverse(), []);
        var rows = index.Split('\n').Where(static line => line.StartsWith("| [LL", StringComparison.Ordinal)).ToList();

        Assert.Equal(AnalyzerCatalog.Descriptors.Select(static d => $"| [{d.Id}]({d.Id}.md) ").ToList(), rows.Select(static row => row[..(row.IndexOf(')', StringComparison.Ordinal) + 2)]).ToList());
        Assert.Contains("\n## Planned (0)\n\nNone: every rule of the catalog has shipped.\n", index, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesIndex_ShippedFromDescriptors_PlannedFromTheCatalog()
    {
        // LL9001 ships (its descriptor wins over its catalog row), LL9002 is planned, LL9003 ships without a catalog row.
        var catalog = RulesIndex.ParseCatalog("""
            | Id | Title | Category | Default severity |
            |---|---|---|---|
            | LL9002 | Planned rule | Correctness | Warning |
            | LL9001 | Old catalog title | Correctness | Warning |
            """);
        DiagnosticDescriptor[] descriptors =
        [
            new("LL9003", "Uncatalogued rule", "{0}", "Correctness", DiagnosticSeverity.Info, isEnabledByDefault: false),
            new("LL9001", "Shipped rule", "{0}", "Correctness", DiagnosticSeverity.Error, isEnabledByDefault: true),
        ];

        var index = RulesIndex.Generate(descriptors, catalog);

        Assert.Contains("""
            ## Shipped (2)

            | Id | Title | Category | Default severity |
            |---|---|---|---|
            | [LL9001](LL9001.md) | Shipped rule | Correctness | Error |
            | [LL9003](LL9003.md) | Uncatalogued rule | Correctness | Disabled |

            ## Planned (1)

            Not in the analyzers yet: they report nothing. Titles and severities are the catalog's and may change when a rule ships.

            | Id | Title | Category | Default severity |
            |---|---|---|---|
            | LL9002 | Planned rule | Correctness | Warning |

            """.ReplaceLineEndings("\n"), index, StringComparison.Ordinal);
        Assert.EndsWith("| LL9002 | Planned rule | Correctness | Warning |\n", index, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_RowWithoutEveryCell_IsRejected()
    {
        Assert.Throws<FormatException>(() => RulesIndex.ParseCatalog("| LL9001 | Title | Correctness |\n"));
    }
}
