using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.Availability;

/// <summary>
/// LL3002 on an AlterColumn type change with no data-loss diagnostic that still rewrites every row of an existing table
/// under an exclusive lock: on PostgreSQL every change but a varchar length increase, varchar → text, a numeric
/// precision increase at the same scale and a timestamp/time precision increase; on SQL Server a change of a fixed-size
/// type or of decimal precision. The one Availability rule a rewritten table does not silence: it is the rewrite.
/// </summary>
internal sealed class TypeChangeRewritesTableRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL3002_TypeChangeRewritesTable);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        if (migration.Provider is not (DatabaseProvider.PostgreSql or DatabaseProvider.SqlServer) || !AvailabilityFacts.IsOn(migration))
        {
            return;
        }

        var up = migration.Up;
        for (var i = 0; i < up.Length; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operation = up[i];
            if (operation.Kind != MigrationOperationKind.AlterColumn
                || !AvailabilityFacts.IsCandidate(migration, context, i, operation)
                || operation.GetString("name") is not { } name
                || AvailabilityFacts.Rewrite(migration, operation) is not { } rewrite)
            {
                continue;
            }

            var table = AvailabilityFacts.Display(operation.Schema, operation.Table!);
            var effect = migration.Provider == DatabaseProvider.PostgreSql
                ? "rewrites every row and index of '" + table + "' under an ACCESS EXCLUSIVE lock: reads and writes wait until the migration commits; for a large table, use expand/contract"
                : "updates every row of '" + table + "' (a size-of-data operation) under a schema modification lock: reads and writes wait until the migration commits; for a large table, use expand/contract";
            var properties = AvailabilityFacts.Properties(migration, operation.Schema, operation.Table!);
            properties.Add(DiagnosticProperties.Column, name);
            properties.Add(DiagnosticProperties.OldType, rewrite.Old.Text);
            properties.Add(DiagnosticProperties.NewType, rewrite.New.Text);
            context.Report(AvailabilityFacts.Create(migration, Descriptors.LL3002_TypeChangeRewritesTable, operation.Location, properties.ToImmutable(), table + "." + name, rewrite.Old.Text, rewrite.New.Text, effect));
        }
    }
}
