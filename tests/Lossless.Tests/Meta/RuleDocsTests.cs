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
    public void RulesIndex_MatchesTheDescriptors()
    {
        var expected = RulesIndex.Generate(AnalyzerCatalog.Descriptors);
        var path = RepositoryFiles.PathOf(RulesIndex.RelativePath);

        if (Environment.GetEnvironmentVariable(RulesIndex.UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? RepositoryFiles.ReadText(RulesIndex.RelativePath) : "(missing)";
        Assert.True(
            actual == expected,
            $"{RulesIndex.RelativePath} is out of date with the descriptors. Regenerate it: " +
            $"{RulesIndex.UpdateVariable}=1 dotnet test tests/Lossless.Tests --filter FullyQualifiedName~Meta\n" +
            $"--- expected ---\n{expected}--- actual ---\n{actual}");
    }
}
