using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Lossless.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.Tests.Meta;

/// <summary>Every descriptor is complete: id, category range, help page, release row, README row, an analyzer that reports it.</summary>
public sealed partial class DescriptorTests
{
    private const string HelpLinkBase = "https://github.com/lossless-efcore/lossless/blob/main/docs/rules/";

    public static TheoryData<string> Ids => AnalyzerCatalog.DescriptorIds();

    [Fact]
    public void Descriptors_AreFound()
    {
        // Guards the reflection: if it found nothing, every theory below would have no cases.
        Assert.Contains(AnalyzerCatalog.Descriptors, static d => d.Id == RuleIds.LossyTypeChange);
    }

    [Fact]
    public void Descriptors_HaveUniqueIds()
    {
        var duplicates = AnalyzerCatalog.DescriptorFields
            .GroupBy(static field => field.Descriptor.Id, StringComparer.Ordinal)
            .Where(static group => group.Count() > 1)
            .Select(static group => $"{group.Key}: {string.Join(", ", group.Select(static field => field.FieldName))}")
            .ToList();

        Assert.True(duplicates.Count == 0, "Ids used by more than one descriptor: " + string.Join("; ", duplicates));
    }

    [Fact]
    public void RuleIds_EachHaveADescriptor()
    {
        var ids = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(static field => (Name: field.Name, Id: (string)field.GetRawConstantValue()!))
            .ToList();

        Assert.NotEmpty(ids);
        foreach (var (name, id) in ids)
        {
            Assert.True(
                AnalyzerCatalog.Descriptors.Any(d => d.Id == id),
                $"RuleIds.{name} = \"{id}\" has no descriptor in Descriptors.");
        }
    }

    [Fact]
    public void Analyzers_AreExportedForCSharp()
    {
        Assert.NotEmpty(AnalyzerCatalog.Analyzers);
        foreach (var analyzer in AnalyzerCatalog.Analyzers)
        {
            var attribute = analyzer.GetType().GetCustomAttribute<DiagnosticAnalyzerAttribute>();
            Assert.True(attribute is not null, $"{analyzer.GetType().Name} has no [DiagnosticAnalyzer]: no compiler would load it.");
            Assert.Contains(LanguageNames.CSharp, attribute!.Languages);
        }
    }

    [Fact]
    public void Analyzers_SupportOnlyCatalogDescriptors()
    {
        foreach (var analyzer in AnalyzerCatalog.Analyzers)
        {
            foreach (var supported in analyzer.SupportedDiagnostics)
            {
                Assert.True(
                    AnalyzerCatalog.Descriptors.Any(d => ReferenceEquals(d, supported)),
                    $"{analyzer.GetType().Name} supports {supported.Id}, which is not a field of Descriptors: declare it in Descriptors.*.cs.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_IsSupportedByAnAnalyzer(string id)
    {
        var supporters = AnalyzerCatalog.Analyzers
            .Where(analyzer => analyzer.SupportedDiagnostics.Any(d => d.Id == id))
            .ToList();

        Assert.True(supporters.Count > 0, $"No DiagnosticAnalyzer lists {id} in SupportedDiagnostics: it can never be reported.");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_IdHasTheProductFormat(string id)
    {
        Assert.Matches(IdPattern(), id);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_CategoryOwnsTheIdRange(string id)
    {
        var descriptor = AnalyzerCatalog.Descriptor(id);
        var owners = CategoryRanges.Load().OwnersOf(id);

        Assert.True(
            owners.Count == 1,
            $"{id} must be in exactly one range of {CategoryRanges.RelativePath}; owners: [{string.Join(", ", owners)}].");
        Assert.Equal(owners[0], descriptor.Category);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HelpLinkIsItsDocsPage(string id)
    {
        var descriptor = AnalyzerCatalog.Descriptor(id);

        Assert.Equal(HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        Assert.True(
            File.Exists(RepositoryFiles.PathOf($"docs/rules/{id}.md")),
            $"docs/rules/{id}.md does not exist; the help link of {id} points at it.");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_TitleAndMessageHaveNoFinalPeriod(string id)
    {
        var descriptor = AnalyzerCatalog.Descriptor(id);
        var title = descriptor.Title.ToString(CultureInfo.InvariantCulture);
        var message = descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);

        Assert.False(string.IsNullOrWhiteSpace(title), $"{id} has no title.");
        Assert.False(string.IsNullOrWhiteSpace(message), $"{id} has no message format.");
        Assert.False(title.TrimEnd().EndsWith('.'), $"The title of {id} ends with a period: \"{title}\".");
        Assert.False(message.TrimEnd().EndsWith('.'), $"The message format of {id} ends with a period: \"{message}\".");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HasAnAnalyzerReleasesRow(string id)
    {
        var descriptor = AnalyzerCatalog.Descriptor(id);

        Assert.True(
            AnalyzerReleases.Current().TryGetValue(id, out var row),
            $"{id} has no row in {AnalyzerReleases.UnshippedPath} or {AnalyzerReleases.ShippedPath}.");
        Assert.Equal((descriptor.Category, AnalyzerCatalog.ReleaseSeverity(descriptor)), (row.Category, row.Severity));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HasAReadmeRow(string id)
    {
        Assert.True(File.Exists(RepositoryFiles.PathOf("README.md")), "README.md is missing at the repository root; its rule table must list every rule.");
        var readme = RepositoryFiles.ReadText("README.md");
        var row = new Regex($@"^\|\s*\[?{Regex.Escape(id)}\b", RegexOptions.Multiline);

        Assert.True(row.IsMatch(readme), $"README.md has no rule-table row starting with '| {id}' or '| [{id}]'.");
    }

    [GeneratedRegex(@"^LL\d{4}$")]
    private static partial Regex IdPattern();
}
