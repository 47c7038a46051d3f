using System;
using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.Availability;

/// <summary>
/// LL3008 on a PostgreSQL DropIndex of an index on an existing table: DROP INDEX takes ACCESS EXCLUSIVE on the table
/// (reads wait too) to the end of the migration's transaction. Not reported for an index Up created before it.
/// </summary>
internal sealed class IndexDroppedUnderLockRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL3008_IndexDroppedUnderLock);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        if (migration.Provider != DatabaseProvider.PostgreSql || !AvailabilityFacts.IsOn(migration))
        {
            return;
        }

        var up = migration.Up;
        for (var i = 0; i < up.Length; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operation = up[i];
            if (operation.Kind != MigrationOperationKind.DropIndex
                || !AvailabilityFacts.IsCandidate(migration, context, i, operation)
                || operation.GetString("name") is not { } name
                || IsCreatedInUpBefore(up, i, name)
                || AvailabilityFacts.IsRewrittenBy(migration, i - 1, operation.Schema, operation.Table!))
            {
                continue;
            }

            var table = operation.Table!;
            var properties = AvailabilityFacts.Properties(migration, operation.Schema, table);
            properties.Add(DiagnosticProperties.Name, name);
            context.Report(AvailabilityFacts.Create(migration, Descriptors.LL3008_IndexDroppedUnderLock, operation.Location, properties.ToImmutable(), name, AvailabilityFacts.Display(operation.Schema, table)));
        }
    }

    private static bool IsCreatedInUpBefore(ImmutableArray<MigrationOperation> up, int index, string name)
    {
        for (var i = 0; i < index; i++)
        {
            if (up[i].Kind == MigrationOperationKind.CreateIndex && string.Equals(up[i].GetString("name"), name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
