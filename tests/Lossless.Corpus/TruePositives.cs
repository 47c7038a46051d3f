using System.Globalization;
using System.Text;

namespace Lossless.Corpus;

/// <summary>
/// The diagnostics a person judged true on the corpus (true-positives.tsv: set, file, line, rule id, why), checked
/// against a run: a change that loses one of them is a regression the per-rule counts would hide.
/// </summary>
public static class TruePositives
{
    public sealed record Entry(string Set, string File, int Line, string Id, string Why);

    public static IReadOnlyList<Entry> Read(string path)
    {
        var entries = new List<Entry>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("set\t", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < 4 || !int.TryParse(cells[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw new FormatException($"{path}: expected set, file, line, id[, why] separated by tabs: '{line}'");
            }

            entries.Add(new Entry(cells[0], cells[1], number, cells[3], cells.Length > 4 ? cells[4] : string.Empty));
        }

        return entries;
    }

    /// <summary>The report, and how many listed diagnostics of the sets in <paramref name="sets"/> the run lost.</summary>
    public static (string Report, int Lost) Check(IReadOnlyList<Entry> entries, IReadOnlyList<DiagnosticRow> diagnostics, IReadOnlySet<string>? sets)
    {
        var found = diagnostics.Select(static d => (d.Set, d.File, d.Line, d.Id)).ToHashSet();
        var checkedEntries = entries.Where(e => sets is null || sets.Contains(e.Set)).ToList();
        var lost = checkedEntries.Where(e => !found.Contains((e.Set, e.File, e.Line, e.Id))).ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"\n## True positives\n\n{checkedEntries.Count} listed diagnostics checked, {checkedEntries.Count - lost.Count} found, {lost.Count} lost.\n");
        foreach (var entry in lost)
        {
            text.Append(CultureInfo.InvariantCulture, $"- LOST {entry.Id} {entry.Set} {entry.File}:{entry.Line} ({entry.Why})\n");
        }

        return (text.ToString(), lost.Count);
    }
}
