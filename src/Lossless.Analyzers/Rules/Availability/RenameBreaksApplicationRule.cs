using System;
using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.Availability;

/// <summary>
/// LL3003 on RenameColumn and RenameTable of an existing table, on every provider: the version of the application still
/// running while the migration is applied queries the old name. About names, not locks: a table this migration rewrites
/// is still renamed under the running application, so the rewrite does not silence it.
/// </summary>
internal sealed class RenameBreaksApplicationRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL3003_RenameBreaksApplication);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        if (!AvailabilityFacts.IsOn(migration))
        {
            return;
        }

        var up = migration.Up;
        for (var i = 0; i < up.Length; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operation = up[i];
            if (operation.Kind is not (MigrationOperationKind.RenameColumn or MigrationOperationKind.RenameTable)
                || !AvailabilityFacts.IsCandidate(migration, context, i, operation)
                || operation.GetString("name") is not { } name)
            {
                continue;
            }

            var table = operation.Table!;
            var properties = AvailabilityFacts.Properties(migration, operation.Schema, table);
            if (operation.Kind == MigrationOperationKind.RenameColumn)
            {
                if (operation.GetString("newName") is not { } newName || string.Equals(newName, name, StringComparison.Ordinal))
                {
                    continue;
                }

                properties.Add(DiagnosticProperties.Column, name);
                properties.Add(DiagnosticProperties.NewName, newName);
                context.Report(AvailabilityFacts.Create(migration, Descriptors.LL3003_RenameBreaksApplication, operation.Location, properties.ToImmutable(), "column", AvailabilityFacts.Display(operation.Schema, table) + "." + name, newName, name));
            }
            else
            {
                if (!operation["newName"].IsKnown || !operation["newSchema"].IsKnown)
                {
                    continue;
                }

                var newName = operation.GetString("newName") ?? name;
                var newSchema = operation.GetString("newSchema") ?? operation.Schema;
                if (string.Equals(newName, name, StringComparison.Ordinal) && string.Equals(newSchema, operation.Schema, StringComparison.Ordinal))
                {
                    continue;
                }

                properties.Add(DiagnosticProperties.NewName, newName);
                properties.Add(DiagnosticProperties.NewSchema, newSchema);
                var oldDisplay = AvailabilityFacts.Display(operation.Schema, name);
                context.Report(AvailabilityFacts.Create(migration, Descriptors.LL3003_RenameBreaksApplication, operation.Location, properties.ToImmutable(), "table", oldDisplay, AvailabilityFacts.Display(newSchema, newName), oldDisplay));
            }
        }
    }
}
