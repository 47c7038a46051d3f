using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.Reversibility;

/// <summary>
/// LL2003: an operation of Up whose inverse (by the catalog's table of inverses) is missing from Down, or restores
/// something else. Only a Down that can be read whole is judged: one that is missing, empty, only throws (LL2001,
/// LL2002), loops or calls helpers is not. Reported on the Up operation; a wrong inverse is the additional location.
/// </summary>
internal sealed class DownDoesNotUndoUpRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL2003_DownDoesNotUndoUp);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        if (migration.DownMethod is null || migration.IsDownOpaque || migration.DownOnlyThrows || migration.Down.IsEmpty)
        {
            return;
        }

        var matcher = new InverseMatcher(migration);
        for (var i = 0; i < migration.Up.Length; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operation = migration.Up[i];
            if (!InverseMatcher.IsJudged(operation.Kind) || Reversal.IsBackupTableDrop(migration, operation))
            {
                continue;
            }

            var match = matcher.Match(i);
            if (match.Status is InverseStatus.Missing or InverseStatus.Wrong && match.Problem is { } problem)
            {
                var additional = match.Status == InverseStatus.Wrong && match.Inverse is { } wrong ? ImmutableArray.Create(wrong.Location) : ImmutableArray<Location>.Empty;
                context.Report(Diagnostic.Create(Descriptors.LL2003_DownDoesNotUndoUp, operation.Location, additional, properties: null, problem));
            }
        }
    }
}
