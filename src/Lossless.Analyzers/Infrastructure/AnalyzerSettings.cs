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
    /// <summary>Migrations whose [Migration] id sorts at or before this one are already applied everywhere: silent.</summary>
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
    /// True when lossless.since_migration names an id at or after this migration's: it was applied before Lossless
    /// was adopted, and reporting on it now would only bury the team in warnings about history.
    /// </summary>
    public static bool IsBeforeAdoption(INamedTypeSymbol type, string? migrationId, AnalyzerOptions options)
    {
        if (migrationId is null || Read(type, options, SinceMigrationKey) is not { } since)
        {
            return false;
        }

        return string.Compare(migrationId, since, StringComparison.OrdinalIgnoreCase) <= 0;
    }
}
