namespace Lossless.Tests.Meta;

/// <summary>
/// The release-tracking files (src/Lossless.Analyzers/AnalyzerReleases.*.md), read in release order:
/// Shipped, then Unshipped. "New Rules" and "Changed Rules" rows set a rule's category and severity,
/// "Removed Rules" rows remove it; the last row for an id wins.
/// </summary>
internal static class AnalyzerReleases
{
    public const string ShippedPath = "src/Lossless.Analyzers/AnalyzerReleases.Shipped.md";
    public const string UnshippedPath = "src/Lossless.Analyzers/AnalyzerReleases.Unshipped.md";

    /// <summary>Current category and severity of every tracked id, with the file that last set it.</summary>
    public static IReadOnlyDictionary<string, (string Category, string Severity, string File)> Current()
    {
        return Parse(
            (ShippedPath, RepositoryFiles.ReadText(ShippedPath)),
            (UnshippedPath, RepositoryFiles.ReadText(UnshippedPath)));
    }

    /// <summary>Applies the files in the order given (oldest release first).</summary>
    public static IReadOnlyDictionary<string, (string Category, string Severity, string File)> Parse(params (string File, string Text)[] files)
    {
        var result = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        foreach (var (file, text) in files)
        {
            Apply(result, file, text);
        }

        return result;
    }

    private static void Apply(Dictionary<string, (string, string, string)> state, string file, string text)
    {
        string? section = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                section = line[4..].Trim();
                continue;
            }

            if (line.StartsWith('#') || line.StartsWith(';') || !line.Contains('|', StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(static cell => cell.Trim()).ToArray();
            if (cells[0] == "Rule ID" || cells[0].StartsWith('-'))
            {
                continue;
            }

            switch (section)
            {
                case "New Rules" when cells.Length >= 3:
                case "Changed Rules" when cells.Length >= 3:
                    // Changed Rules: Rule ID | New Category | New Severity | Old Category | Old Severity | Notes
                    state[cells[0]] = (cells[1], cells[2], file);
                    break;
                case "Removed Rules":
                    state.Remove(cells[0]);
                    break;
                default:
                    throw new FormatException($"{file}: the row '{line}' is not under a '### New Rules', '### Removed Rules' or '### Changed Rules' heading with at least three cells.");
            }
        }
    }
}
