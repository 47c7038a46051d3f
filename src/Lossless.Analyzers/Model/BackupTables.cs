using System;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.Analyzers.Model;

/// <summary>
/// Names of Lossless's own backup tables, from the .editorconfig key <c>lossless.backup_table_format</c> (default
/// <c>__lossless_backup_{table}_{column}_{migration}</c>): the fixes of LL1004/LL1005 name the tables they create by it,
/// and the rules recognise a later drop of such a table (neither LL1005 nor LL1009). A whole-table backup has no
/// column: <c>{column}</c> and the underscore beside it are left out. Names longer than 63 characters (PostgreSQL's
/// limit, which it would silently truncate) keep their first 54 characters and end with <c>_</c> and a hash of the
/// whole name.
/// </summary>
public static class BackupTables
{
    public const string OptionKey = "lossless.backup_table_format";

    public const string DefaultFormat = "__lossless_backup_{table}_{column}_{migration}";

    public const int MaxLength = 63;

    private const int HashLength = 8;

    /// <summary>The configured format, or the default when the key is absent, blank or has no <c>{table}</c>.</summary>
    public static string FormatFrom(AnalyzerConfigOptions? options)
        => options is not null && options.TryGetValue(OptionKey, out var format) ? Normalize(format) : DefaultFormat;

    /// <summary>The format as configured, or the default when it is null, blank or has no <c>{table}</c>.</summary>
    public static string Normalize(string? format)
        => format is not null && format.Trim().Length > 0 && format.IndexOf("{table}", StringComparison.Ordinal) >= 0 ? format.Trim() : DefaultFormat;

    /// <summary>The backup table's name for a table (and column, or null for the whole table) dropped by a migration.</summary>
    public static string For(string format, string table, string? column, string migrationId)
    {
        var text = column is null ? WithoutColumn(format) : format;
        text = text.Replace("{table}", table).Replace("{column}", column ?? string.Empty).Replace("{migration}", migrationId);
        return text.Length <= MaxLength ? text : text.Substring(0, MaxLength - HashLength - 1) + "_" + Hash(text);
    }

    /// <summary>
    /// True when <paramref name="name"/> is a name <see cref="For"/> gives with this format for some table, column (or
    /// none) and migration id: every placeholder stands for at least one character, letters compared ignoring case. A
    /// name cut to 63 characters and a hash matches when its first 54 characters begin such a name.
    /// </summary>
    public static bool IsBackupTable(string format, string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        if (Matches(format, name, prefix: false) || Matches(WithoutColumn(format), name, prefix: false))
        {
            return true;
        }

        if (name.Length != MaxLength || name[MaxLength - HashLength - 1] != '_' || !IsHex(name, MaxLength - HashLength))
        {
            return false;
        }

        var head = name.Substring(0, MaxLength - HashLength - 1);
        return Matches(format, head, prefix: true) || Matches(WithoutColumn(format), head, prefix: true);
    }

    private static string WithoutColumn(string format)
        => format.Replace("_{column}", string.Empty).Replace("{column}_", string.Empty).Replace("{column}", string.Empty);

    private static bool IsHex(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (!Uri.IsHexDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Glob match of the name against the format, each {placeholder} one or more characters; with <paramref name="prefix"/>, the name may end anywhere in the format.</summary>
    private static bool Matches(string format, string name, bool prefix)
    {
        // Pattern: literal characters, and '\0' for a placeholder.
        var pattern = new StringBuilder(format.Length);
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '{')
            {
                var close = format.IndexOf('}', i);
                var placeholder = close < 0 ? null : format.Substring(i, close - i + 1);
                if (placeholder is "{table}" or "{column}" or "{migration}")
                {
                    pattern.Append('\0');
                    i = close;
                    continue;
                }
            }

            pattern.Append(format[i]);
        }

        var p = pattern.ToString();

        // The literal characters before the first placeholder must begin the name: most names fail here, before the memo.
        for (var i = 0; i < p.Length && i < name.Length && p[i] != '\0'; i++)
        {
            if (char.ToUpperInvariant(name[i]) != char.ToUpperInvariant(p[i]))
            {
                return false;
            }
        }

        var memo = new bool?[name.Length + 1, p.Length + 1];
        return Match(name, 0, p, 0, prefix, memo);
    }

    private static bool Match(string name, int i, string pattern, int j, bool prefix, bool?[,] memo)
    {
        if (memo[i, j] is { } known)
        {
            return known;
        }

        bool result;
        if (i == name.Length)
        {
            result = j == pattern.Length || prefix;
        }
        else if (j == pattern.Length)
        {
            result = false;
        }
        else if (pattern[j] == '\0')
        {
            // A placeholder takes this character, then either ends or takes more.
            result = Match(name, i + 1, pattern, j + 1, prefix, memo) || Match(name, i + 1, pattern, j, prefix, memo);
        }
        else
        {
            result = char.ToUpperInvariant(name[i]) == char.ToUpperInvariant(pattern[j]) && Match(name, i + 1, pattern, j + 1, prefix, memo);
        }

        memo[i, j] = result;
        return result;
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
