using System;
using System.Collections.Generic;
using Lossless.Analyzers.Model.Targets;

namespace Lossless.Analyzers.Model.Operations;

/// <summary>
/// The "-- lossless: verified users.id, projects.userId" marker that opens a Sql step written by a fix (or by hand):
/// a visible statement that the data was checked before the change.
/// </summary>
public static class VerifiedMarker
{
    public const string Prefix = "-- lossless: verified";

    /// <summary>The columns a Sql operation's marker names; empty when it has no marker or its text is not constant.</summary>
    public static List<string[]> ColumnsOf(MigrationOperation operation)
    {
        var result = new List<string[]>();
        if (operation.Kind != MigrationOperationKind.Sql || operation.GetString("sql") is not { } sql)
        {
            return result;
        }

        var line = FirstNonBlankLine(sql);
        if (line is null || !line.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return result;
        }

        foreach (var item in line.Substring(Prefix.Length).Split(','))
        {
            var parts = item.Trim().Split('.');
            if (parts.Length is 2 or 3 && Array.IndexOf(parts, string.Empty) < 0)
            {
                result.Add(parts);
            }
        }

        return result;
    }

    /// <summary>True when the operation is a Sql step whose constant text opens with the marker.</summary>
    public static bool IsMarked(MigrationOperation operation)
        => operation.Kind == MigrationOperationKind.Sql
        && operation.GetString("sql") is { } sql
        && FirstNonBlankLine(sql) is { } line
        && line.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when a marked Sql step among <paramref name="steps"/>[0..<paramref name="end"/>) names the column.</summary>
    public static bool Covers(IReadOnlyList<MigrationOperation> steps, int end, ColumnRef column)
    {
        for (var i = 0; i < end && i < steps.Count; i++)
        {
            foreach (var parts in ColumnsOf(steps[i]))
            {
                if (Names(parts, column))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Names(string[] parts, ColumnRef column)
    {
        var table = parts[parts.Length - 2];
        var name = parts[parts.Length - 1];
        if (!string.Equals(table, column.Table, StringComparison.OrdinalIgnoreCase) || !string.Equals(name, column.Column, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return parts.Length == 2 || column.Schema is null || string.Equals(parts[0], column.Schema, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The first line with anything but white space, trimmed; found without splitting the whole text (a step may hold a long script).</summary>
    internal static string? FirstNonBlankLine(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var first = start;
            var last = end;
            while (first < last && char.IsWhiteSpace(text[first]))
            {
                first++;
            }

            while (last > first && char.IsWhiteSpace(text[last - 1]))
            {
                last--;
            }

            if (last > first)
            {
                return text.Substring(first, last - first);
            }

            start = end + 1;
        }

        return null;
    }
}
