using System;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.CodeFixes.Sql;

/// <summary>
/// Names of the backup tables fixes create, from the .editorconfig key <c>lossless.backup_table_format</c>
/// (default <c>__mg_backup_{table}_{column}_{migration}</c>). A whole-table backup has no column: <c>{column}</c> and
/// the underscore beside it are left out. Names longer than 63 characters (PostgreSQL's limit, which it would
/// silently truncate) keep their first 54 characters and end with a hash of the whole name.
/// </summary>
public static class BackupTableNames
{
    public const string OptionKey = "lossless.backup_table_format";

    public const string DefaultFormat = "__mg_backup_{table}_{column}_{migration}";

    public const int MaxLength = 63;

    public static string FormatFrom(AnalyzerConfigOptions? options)
        => options is not null && options.TryGetValue(OptionKey, out var format) && format.Trim().Length > 0 && format.IndexOf("{table}", StringComparison.Ordinal) >= 0
            ? format.Trim()
            : DefaultFormat;

    public static string For(string format, string table, string? column, string migrationId)
    {
        var text = format;
        if (column is null)
        {
            text = text.Replace("_{column}", string.Empty).Replace("{column}_", string.Empty).Replace("{column}", string.Empty);
        }

        text = text.Replace("{table}", table).Replace("{column}", column ?? string.Empty).Replace("{migration}", migrationId);
        return text.Length <= MaxLength ? text : text.Substring(0, MaxLength - 9) + "_" + Hash(text);
    }

    private static string Hash(string text)
    {
        // FNV-1a: stable across runs and platforms, so Up and Down always agree on the name.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}
