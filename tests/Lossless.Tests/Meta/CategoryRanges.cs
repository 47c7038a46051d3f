using System.Globalization;
using System.Text.RegularExpressions;

namespace Lossless.Tests.Meta;

/// <summary>
/// src/Lossless.Analyzers/DiagnosticCategoryAndIdRanges.txt: one line per category,
/// <c>Category: LL1001-LL1003</c>, more ranges or single ids after commas, <c>#</c> comments.
/// </summary>
internal sealed partial class CategoryRanges
{
    public const string RelativePath = "src/Lossless.Analyzers/DiagnosticCategoryAndIdRanges.txt";

    private readonly List<(string Category, string Prefix, int First, int Last)> ranges = [];

    private CategoryRanges()
    {
    }

    public static CategoryRanges Load() => Parse(RepositoryFiles.ReadText(RelativePath));

    public static CategoryRanges Parse(string text)
    {
        var result = new CategoryRanges();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"{RelativePath}: '{line}' is not 'Category: LL1001-LL1003'.");
            }

            var category = line[..colon].Trim();
            foreach (var part in line[(colon + 1)..].Split(','))
            {
                var match = RangePattern().Match(part.Trim());
                if (!match.Success)
                {
                    throw new FormatException($"{RelativePath}: '{part.Trim()}' in '{line}' is not an id or an id range like LL1001-LL1003.");
                }

                var prefix = match.Groups["prefix"].Value;
                var first = int.Parse(match.Groups["first"].Value, CultureInfo.InvariantCulture);
                var last = match.Groups["last"].Success
                    ? int.Parse(match.Groups["last"].Value, CultureInfo.InvariantCulture)
                    : first;
                if (match.Groups["lastPrefix"].Success && match.Groups["lastPrefix"].Value != prefix)
                {
                    throw new FormatException($"{RelativePath}: the range '{part.Trim()}' mixes prefixes.");
                }

                result.ranges.Add((category, prefix, first, last));
            }
        }

        return result;
    }

    /// <summary>The categories whose ranges contain <paramref name="id"/> (exactly one when the file is right).</summary>
    public IReadOnlyList<string> OwnersOf(string id)
    {
        var match = IdPattern().Match(id);
        if (!match.Success)
        {
            return [];
        }

        var prefix = match.Groups["prefix"].Value;
        var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        return ranges
            .Where(range => range.Prefix == prefix && range.First <= number && number <= range.Last)
            .Select(static range => range.Category)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"^(?<prefix>[A-Z]+)(?<first>\d+)(?:\s*-\s*(?<lastPrefix>[A-Z]+)(?<last>\d+))?$")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"^(?<prefix>[A-Z]+)(?<number>\d+)$")]
    private static partial Regex IdPattern();
}
