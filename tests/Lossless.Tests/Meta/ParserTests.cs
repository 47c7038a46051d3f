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
        var index = RulesIndex.Generate(AnalyzerCatalog.Descriptors.Reverse());
        var rows = index.Split('\n').Where(static line => line.StartsWith("| [LL", StringComparison.Ordinal)).ToList();

        Assert.Equal(AnalyzerCatalog.Descriptors.Select(static d => $"| [{d.Id}]({d.Id}.md) ").ToList(), rows.Select(static row => row[..(row.IndexOf(')', StringComparison.Ordinal) + 2)]).ToList());
    }
}
