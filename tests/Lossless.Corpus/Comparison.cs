using System.Globalization;
using System.Text;

namespace Lossless.Corpus;

/// <summary>
/// Diffs two runs' diagnostics.tsv by set, file, line and rule id (a diagnostic that only moved column, or changed
/// severity, is the same one); on the same key, messages are compared too. What appeared, disappeared or changed its
/// message, per rule id, then row by row: what the team reads to prove that no true diagnostic was lost.
/// </summary>
public static class Comparison
{
    public static string Compare(IReadOnlyList<DiagnosticRow> before, IReadOnlyList<DiagnosticRow> after, string beforeName, string afterName, IReadOnlySet<string>? sets)
    {
        if (sets is not null)
        {
            before = before.Where(d => sets.Contains(d.Set)).ToList();
        }

        var appeared = new List<DiagnosticRow>();
        var disappeared = new List<DiagnosticRow>();
        var changed = new List<(DiagnosticRow Before, DiagnosticRow After)>();
        var oldByKey = before.GroupBy(Key).ToDictionary(static g => g.Key, static g => g.ToList());
        var newByKey = after.GroupBy(Key).ToDictionary(static g => g.Key, static g => g.ToList());
        foreach (var key in oldByKey.Keys.Union(newByKey.Keys))
        {
            var olds = oldByKey.TryGetValue(key, out var o) ? o.ToList() : [];
            var news = newByKey.TryGetValue(key, out var n) ? n.ToList() : [];
            foreach (var row in news.ToList())
            {
                var same = olds.FindIndex(old => old.Message == row.Message);
                if (same >= 0)
                {
                    olds.RemoveAt(same);
                    news.Remove(row);
                }
            }

            var paired = Math.Min(olds.Count, news.Count);
            for (var i = 0; i < paired; i++)
            {
                changed.Add((olds[i], news[i]));
            }

            disappeared.AddRange(olds.Skip(paired));
            appeared.AddRange(news.Skip(paired));
        }

        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"# Diagnostics compared: {beforeName} → {afterName}");
        text.AppendLine();
        Line($"{before.Count} diagnostics before, {after.Count} after{(sets is null ? string.Empty : $", in the {sets.Count} sets of this run")}: {appeared.Count} appeared, {disappeared.Count} disappeared, {changed.Count} changed message.");
        text.AppendLine();
        text.AppendLine("| rule | before | after | appeared | disappeared | changed message |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        var ids = before.Select(static d => d.Id).Concat(after.Select(static d => d.Id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            Line($"| {id} | {before.Count(d => d.Id == id)} | {after.Count(d => d.Id == id)} | {appeared.Count(d => d.Id == id)} | {disappeared.Count(d => d.Id == id)} | {changed.Count(c => c.After.Id == id)} |");
        }

        text.AppendLine();
        foreach (var id in ids)
        {
            var plus = appeared.Where(d => d.Id == id).OrderBy(Key, StringComparer.Ordinal).ToList();
            var minus = disappeared.Where(d => d.Id == id).OrderBy(Key, StringComparer.Ordinal).ToList();
            var tilde = changed.Where(c => c.After.Id == id).OrderBy(static c => Key(c.After), StringComparer.Ordinal).ToList();
            if (plus.Count + minus.Count + tilde.Count == 0)
            {
                continue;
            }

            Line($"## {id}");
            text.AppendLine();
            foreach (var d in minus)
            {
                Line($"- disappeared: {d.Set} {d.File}({d.Line},{d.Column}) {d.Severity}: {d.Message}");
            }

            foreach (var d in plus)
            {
                Line($"- appeared: {d.Set} {d.File}({d.Line},{d.Column}) {d.Severity}: {d.Message}");
            }

            foreach (var (old, now) in tilde)
            {
                Line($"- changed: {now.Set} {now.File}({now.Line},{now.Column})\n  - before: {old.Message}\n  - after: {now.Message}");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Key(DiagnosticRow row) => string.Join('\t', row.Set, row.File, row.Line.ToString("D6", CultureInfo.InvariantCulture), row.Id);
}
