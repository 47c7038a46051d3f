using System;
using Lossless.Analyzers.Model.Providers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.Analyzers.Infrastructure;

/// <summary>
/// The .editorconfig settings of one migration, read from the options of the files that declare it (a setting in a
/// section matching the migration's file wins), then from the global options.
/// </summary>
internal static class AnalyzerSettings
{
    /// <summary>Migrations this id (or bare timestamp) covers were applied everywhere before Lossless: silent. See <see cref="Covers"/>.</summary>
    public const string SinceMigrationKey = "lossless.since_migration";

    public static string? Read(INamedTypeSymbol type, AnalyzerOptions options, string key)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (options.AnalyzerConfigOptionsProvider.GetOptions(reference.SyntaxTree).TryGetValue(key, out var value) && value.Trim().Length > 0)
            {
                return value.Trim();
            }
        }

        return options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(key, out var global) && global.Trim().Length > 0 ? global.Trim() : null;
    }

    public static DatabaseProvider Provider(INamedTypeSymbol type, AnalyzerOptions options, DatabaseProvider referenced)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var configured = ProviderDetector.FromOptions(options.AnalyzerConfigOptionsProvider.GetOptions(reference.SyntaxTree));
            if (configured is { } provider)
            {
                return provider;
            }
        }

        return ProviderDetector.FromOptions(options.AnalyzerConfigOptionsProvider.GlobalOptions) ?? referenced;
    }

    /// <summary>
    /// True when lossless.since_migration covers this migration: it was applied before Lossless was adopted, and
    /// reporting on it now would only bury the team in warnings about history.
    /// </summary>
    public static bool IsBeforeAdoption(INamedTypeSymbol type, string? migrationId, AnalyzerOptions options)
    {
        if (migrationId is null || Read(type, options, SinceMigrationKey) is not { } since)
        {
            return false;
        }

        return Covers(since, migrationId);
    }

    /// <summary>
    /// Whether the lossless.since_migration value <paramref name="since"/> covers the migration with this id. A full id
    /// (<c>20250117120000_YummyChamber</c>) covers every id that sorts at or before it, itself included. A bare
    /// timestamp or a prefix of one (<c>20250117120000</c>, <c>20250117</c>: digits only) covers every id whose first
    /// as many characters sort at or before it, so the migrations of that second (or day) are covered too. Ordinal,
    /// ignoring case: EF Core ids start with a <c>yyyyMMddHHmmss</c> timestamp, so this is the order EF applies them in.
    /// </summary>
    internal static bool Covers(string since, string migrationId)
    {
        var length = IsDigits(since) ? since.Length : Math.Max(since.Length, migrationId.Length);
        return string.Compare(migrationId, 0, since, 0, length, StringComparison.OrdinalIgnoreCase) <= 0;
    }

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return text.Length > 0;
    }
}
