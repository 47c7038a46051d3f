using System.Text;
using System.Text.RegularExpressions;

namespace Lossless.Tests.Meta;

/// <summary>
/// Every relative link in README.md and docs/ leads somewhere: the file exists and, when the link names a heading, the
/// heading is there under the anchor GitHub gives it. The performance history moved out of the README into
/// docs/performance.md, and the README's pass list links each pass's heading: a heading renamed there breaks no build
/// but would leave a reader on the top of a thousand-line page.
/// </summary>
public sealed partial class DocsLinksTests
{
    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>();
        pages.Add("README.md");
        foreach (var path in Directory.GetFiles(RepositoryFiles.PathOf("docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            pages.Add(Path.GetRelativePath(RepositoryFiles.Root, path).Replace(Path.DirectorySeparatorChar, '/'));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void RelativeLinks_LeadToAFileAndItsHeading(string page)
    {
        var broken = new List<string>();
        foreach (var (line, target) in Links(RepositoryFiles.ReadText(page)))
        {
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var path = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var resolved = path.Length == 0 ? page : Normalize(Path.GetDirectoryName(page)!.Replace('\\', '/'), path);
            var full = RepositoryFiles.PathOf(resolved);
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                broken.Add($"{page}:{line}: {target} (no {resolved})");
            }
            else if (anchor is not null && resolved.EndsWith(".md", StringComparison.Ordinal) && !Anchors(RepositoryFiles.ReadText(resolved)).Contains(anchor))
            {
                broken.Add($"{page}:{line}: {target} (no heading #{anchor} in {resolved})");
            }
        }

        Assert.True(broken.Count == 0, "Links that lead nowhere:\n" + string.Join("\n", broken));
    }

    [Theory]
    [InlineData("Eleventh pass: a Designer's scan starts from another's, and from its text", "eleventh-pass-a-designers-scan-starts-from-anothers-and-from-its-text")]
    [InlineData("Which rules fail the build", "which-rules-fail-the-build")]
    [InlineData("`LL1001`: a column's type narrows", "ll1001-a-columns-type-narrows")]
    [InlineData("Annotations (SARIF) and code scanning", "annotations-sarif-and-code-scanning")]
    [InlineData("LL1001–LL1003 and the 1% arm", "ll1001ll1003-and-the-1-arm")]
    public void Slug_IsGitHubs(string heading, string expected) => Assert.Equal(expected, Slug(heading));

    [Fact]
    public void Anchors_NumberARepeatedHeading_AndSkipCodeBlocks()
    {
        var anchors = Anchors("# Title\n\n## Usage\n\n```sh\n# not a heading\n```\n\n## Usage\n");

        Assert.Equal(new[] { "title", "usage", "usage-1" }, anchors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Links_SkipCodeBlocksAndInlineCode()
    {
        var links = Links("See [rules](docs/rules/LL1001.md#why).\n\n```md\n[not](nowhere.md)\n```\n\nNor `[this](x.md)`; [and](#that).\n");

        Assert.Equal(new[] { (1, "docs/rules/LL1001.md#why"), (7, "#that") }, links);
    }

    /// <summary>The anchor GitHub gives a heading: lower case, punctuation dropped but '-' and '_', spaces to '-'.</summary>
    internal static string Slug(string heading)
    {
        var text = LinkInHeading().Replace(heading.Replace("`", string.Empty, StringComparison.Ordinal), "$1").Trim().ToLowerInvariant();
        var slug = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    /// <summary>The anchors of a page's headings, outside fenced code; a repeated one gets -1, -2, … as on GitHub.</summary>
    internal static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var fenced = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (!fenced && Heading().Match(line) is { Success: true } heading)
            {
                var slug = Slug(heading.Groups[1].Value);
                var count = seen.TryGetValue(slug, out var before) ? before + 1 : 0;
                seen[slug] = count;
                anchors.Add(count == 0 ? slug : $"{slug}-{count}");
            }
        }

        return anchors;
    }

    /// <summary>Each inline link's target with its line number, outside fenced code and inline code.</summary>
    internal static List<(int Line, string Target)> Links(string markdown)
    {
        var links = new List<(int, string)>();
        var fenced = false;
        var number = 0;
        foreach (var line in markdown.Split('\n'))
        {
            number++;
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (fenced)
            {
                continue;
            }

            foreach (Match link in InlineLink().Matches(InlineCode().Replace(line, string.Empty)))
            {
                links.Add((number, link.Groups[1].Value));
            }
        }

        return links;
    }

    private static string Normalize(string directory, string path)
    {
        var parts = new List<string>(directory.Length == 0 ? [] : directory.Split('/'));
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    [GeneratedRegex(@"^#{1,6}\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkInHeading();
}
