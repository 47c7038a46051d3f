using System.Collections.Immutable;
using System.Reflection;
using Lossless.Analyzers.Infrastructure;
using Lossless.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.Corpus;

/// <summary>
/// Every analyzer of Lossless.Analyzers and every code fix of Lossless.CodeFixes, found by reflection (as the
/// robustness tests find them), so rules and fixes added later are run without being listed here.
/// </summary>
public static class Catalog
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        ConcreteSubtypes(typeof(MigrationAnalyzer).Assembly, typeof(DiagnosticAnalyzer))
            .Where(static type => type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } attribute && attribute.Languages.Contains(LanguageNames.CSharp))
            .Select(static type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> Fixers { get; } =
        ConcreteSubtypes(typeof(FixerKeys).Assembly, typeof(CodeFixProvider))
            .Select(static type => (CodeFixProvider)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    /// <summary>The rule ids the analyzers declare, in ordinal order.</summary>
    public static ImmutableArray<string> RuleIds { get; } = Analyzers
        .SelectMany(static analyzer => analyzer.SupportedDiagnostics)
        .Select(static descriptor => descriptor.Id)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>The default severity a rule id's descriptor declares (Disabled when off by default).</summary>
    public static string DefaultSeverity(string id)
    {
        foreach (var descriptor in Analyzers.SelectMany(static analyzer => analyzer.SupportedDiagnostics))
        {
            if (descriptor.Id == id)
            {
                return descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";
            }
        }

        return string.Empty;
    }

    /// <summary>True for a diagnostic Lossless reports (not the compiler's, not the driver's AD ids).</summary>
    public static bool IsLossless(Diagnostic diagnostic) => diagnostic.Id.StartsWith("LL", StringComparison.Ordinal);

    private static IEnumerable<Type> ConcreteSubtypes(Assembly assembly, Type baseType)
        => assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && baseType.IsAssignableFrom(type))
            .OrderBy(static type => type.FullName, StringComparer.Ordinal);
}
