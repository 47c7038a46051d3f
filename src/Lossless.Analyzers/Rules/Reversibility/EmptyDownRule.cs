using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.Reversibility;

/// <summary>
/// LL2002: Down is declared but has no operations, or only throws, while Up has operations. A Down that hands the
/// builder to code elsewhere is not judged. Reported on the name of Down.
/// </summary>
internal sealed class EmptyDownRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL2002_EmptyDown);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        if (migration.DownMethod is not { } down || down.Locations.IsEmpty)
        {
            return;
        }

        var count = Reversal.OperationsToUndo(migration);
        if (count == 0)
        {
            return;
        }

        string? problem = null;
        if (migration.DownOnlyThrows)
        {
            problem = "only throws: " + Reversal.Operations(count) + " of Up cannot be rolled back";
        }
        else if (migration.Down.IsEmpty && !migration.IsDownOpaque)
        {
            problem = "has no operations: a rollback records the migration as undone and leaves " + Reversal.Operations(count) + " of Up in place";
        }

        if (problem is not null)
        {
            context.Report(Diagnostic.Create(Descriptors.LL2002_EmptyDown, down.Locations[0], migration.Type.Name, problem));
        }
    }
}
