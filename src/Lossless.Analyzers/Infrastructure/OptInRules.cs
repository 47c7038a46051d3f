using System.Collections.Immutable;
using System.Threading;
using Lossless.Analyzers.Rules;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Infrastructure;

/// <summary>
/// The rules no configuration of a compilation turns on, which the analyzer then does not run. A rule whose every
/// diagnostic is disabled by default (LL4004) reports only where its id is given a severity: in a rule set or
/// on the command line (the compilation's specific options), in a .globalconfig, or in an .editorconfig section a file
/// falls under. Bulk settings (dotnet_analyzer_diagnostic.category-…, dotnet_analyzer_diagnostic.severity) do not
/// apply to such rules. Wherever a rule may be on, by any of these, for any file, it runs everywhere and the compiler
/// keeps or drops what it reports, as for every other rule: a rule is skipped only when all it could report is
/// dropped.
/// </summary>
internal static class OptInRules
{
    /// <summary>For each rule, whether nothing turns it on; default when every rule may report.</summary>
    public static ImmutableArray<bool> Skipped(ImmutableArray<MigrationRule> rules, Compilation compilation, CancellationToken cancellationToken)
    {
        bool[]? skipped = null;
        for (var i = 0; i < rules.Length; i++)
        {
            if (IsOff(rules[i], compilation, cancellationToken))
            {
                (skipped ??= new bool[rules.Length])[i] = true;
            }
        }

        return skipped is null ? default : ImmutableArray.Create(skipped);
    }

    private static bool IsOff(MigrationRule rule, Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var descriptor in rule.SupportedDiagnostics)
        {
            if (descriptor.IsEnabledByDefault || MayBeOn(descriptor.Id, compilation, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether any configuration names <paramref name="id"/> with any severity but none ("suppress").</summary>
    private static bool MayBeOn(string id, Compilation compilation, CancellationToken cancellationToken)
    {
        if (compilation.Options.SpecificDiagnosticOptions.TryGetValue(id, out var specific) && specific != ReportDiagnostic.Suppress)
        {
            return true;
        }

        if (compilation.Options.SyntaxTreeOptionsProvider is not { } provider)
        {
            return false;
        }

        if (provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out var global) && global != ReportDiagnostic.Suppress)
        {
            return true;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (provider.TryGetDiagnosticValue(tree, id, cancellationToken, out var severity) && severity != ReportDiagnostic.Suppress)
            {
                return true;
            }
        }

        return false;
    }
}
