using System.Globalization;

namespace Lossless.Tests.Meta;

/// <summary>docs/rules: one page per descriptor, no orphans, and an index that matches the descriptors.</summary>
public sealed class RuleDocsTests
{
    [Fact]
    public void RulePages_EachHaveADescriptorAndItsTitle()
    {
        var pages = Directory.GetFiles(RepositoryFiles.PathOf("docs/rules"), "LL*.md");
        Assert.NotEmpty(pages);

        foreach (var page in pages)
        {
            var id = Path.GetFileNameWithoutExtension(page);
            var descriptor = AnalyzerCatalog.Descriptors.SingleOrDefault(d => d.Id == id);
            Assert.True(descriptor is not null, $"docs/rules/{id}.md has no descriptor: delete the page or declare the rule.");

            var firstLine = File.ReadLines(page).FirstOrDefault() ?? string.Empty;
            Assert.Equal($"# {id}: {descriptor!.Title.ToString(CultureInfo.InvariantCulture)}", firstLine.TrimEnd());
        }
    }

    [Fact]
    public void RulesIndex_MatchesTheDescriptorsAndTheCatalog()
    {
        var expected = RulesIndex.Generate(AnalyzerCatalog.Descriptors, Catalog());
        var path = RepositoryFiles.PathOf(RulesIndex.RelativePath);

        if (Environment.GetEnvironmentVariable(RulesIndex.UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? RepositoryFiles.ReadText(RulesIndex.RelativePath) : "(missing)";
        Assert.True(
            actual == expected,
            $"{RulesIndex.RelativePath} is out of date with the descriptors or {RulesIndex.CatalogRelativePath}. Regenerate it: " +
            $"{RulesIndex.UpdateVariable}=1 dotnet test tests/Lossless.Tests --filter FullyQualifiedName~Meta\n" +
            $"--- expected ---\n{expected}--- actual ---\n{actual}");
    }

    [Fact]
    public void Catalog_ListsEachIdOnceInOrder_InItsCategorysRange()
    {
        var catalog = Catalog();
        var ids = catalog.Select(static rule => rule.Id).ToList();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), ids);
        var ranges = new Dictionary<char, string> { ['1'] = "DataLoss", ['2'] = "Reversibility", ['3'] = "Availability", ['4'] = "Correctness" };
        Assert.All(catalog, rule =>
        {
            Assert.Matches("^LL[1-4][0-9]{3}$", rule.Id);
            Assert.Equal(ranges[rule.Id[2]], rule.Category);
            Assert.Contains(rule.Severity, new[] { "Error", "Warning", "Info", "Hidden", "Disabled" });
        });
    }

    [Fact]
    public void Catalog_ListsEveryShippedRuleWithItsCategory()
    {
        // A rule is reserved in the catalog before it ships; a shipped rule keeps its catalog row.
        var catalog = Catalog().ToDictionary(static rule => rule.Id, StringComparer.Ordinal);
        Assert.All(AnalyzerCatalog.Descriptors, descriptor =>
        {
            Assert.True(catalog.TryGetValue(descriptor.Id, out var row), $"{descriptor.Id} is not in {RulesIndex.CatalogRelativePath}: add its row.");
            Assert.Equal(descriptor.Category, row!.Category);
        });
    }

    private static IReadOnlyList<CatalogRule> Catalog() => RulesIndex.ParseCatalog(RepositoryFiles.ReadText(RulesIndex.CatalogRelativePath));
}
