using Lossless.Analyzers.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.CodeFixes.Sql;

/// <summary>Forwards to <see cref="BackupTables"/> in the analyzer assembly, which the rules share to recognise a drop of a backup table.</summary>
public static class BackupTableNames
{
    public const string OptionKey = BackupTables.OptionKey;

    public const string DefaultFormat = BackupTables.DefaultFormat;

    public const int MaxLength = BackupTables.MaxLength;

    public static string FormatFrom(AnalyzerConfigOptions? options) => BackupTables.FormatFrom(options);

    public static string For(string format, string table, string? column, string migrationId) => BackupTables.For(format, table, column, migrationId);
}
