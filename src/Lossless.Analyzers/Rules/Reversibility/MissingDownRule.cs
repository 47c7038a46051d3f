using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.Reversibility;

/// <summary>LL2001: Up changes the schema and the class does not override Down. Reported on the class name beside Up.</summary>
internal sealed class MissingDownRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL2001_MissingDown);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        if (migration.DownMethod is not null || migration.UpMethod is not { } up || Reversal.OperationsToUndo(migration) == 0)
        {
            return;
        }

        context.Report(Diagnostic.Create(Descriptors.LL2001_MissingDown, ClassNameBeside(migration.Type, up), migration.Type.Name));
    }

    /// <summary>The class name in the file that declares Up (not the .Designer.cs partial).</summary>
    private static Location ClassNameBeside(INamedTypeSymbol type, IMethodSymbol up)
    {
        var upTree = up.Locations.IsEmpty ? null : up.Locations[0].SourceTree;
        foreach (var location in type.Locations)
        {
            if (location.IsInSource && location.SourceTree == upTree)
            {
                return location;
            }
        }

        return type.Locations.IsEmpty ? Location.None : type.Locations[0];
    }
}
