using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules;

/// <summary>
/// A rule judges a migration model that has already been read, and reports. It never walks syntax or
/// operations again.
/// </summary>
internal abstract class MigrationRule
{
    public abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public abstract void Analyze(MigrationModel migration, RuleContext context);
}
