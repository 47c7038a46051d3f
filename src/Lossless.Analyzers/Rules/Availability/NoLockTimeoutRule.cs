using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.Availability;

/// <summary>
/// LL3009, with lossless.deploy_model = online only: a PostgreSQL migration whose Up locks an existing table before any
/// step sets lock_timeout. Reported once, on the first such operation that no data-loss rule reported. A rewritten table
/// does not silence it: the wait for the first lock comes before the rewrite.
/// </summary>
internal sealed class NoLockTimeoutRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL3009_NoLockTimeout);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        if (migration.Provider != DatabaseProvider.PostgreSql || migration.DeployModel != DeployModel.Online)
        {
            return;
        }

        var up = migration.Up;
        for (var i = 0; i < up.Length; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operation = up[i];
            if (operation.Kind == MigrationOperationKind.Sql && AvailabilityFacts.SetsLockTimeout(operation))
            {
                return;
            }

            if (!TakesLock(operation) || !AvailabilityFacts.IsCandidate(migration, context, i, operation))
            {
                continue;
            }

            var table = operation.Table!;
            var properties = AvailabilityFacts.Properties(migration, operation.Schema, table);
            properties.Add(DiagnosticProperties.LockTimeout, migration.LockTimeout);
            context.Report(AvailabilityFacts.Create(migration, Descriptors.LL3009_NoLockTimeout, operation.Location, properties.ToImmutable(), operation.MethodName, AvailabilityFacts.Display(operation.Schema, table)));
            return;
        }
    }

    /// <summary>The operations that lock a table for their statement and hold the lock to the end of the transaction.</summary>
    private static bool TakesLock(MigrationOperation operation) => operation.Kind switch
    {
        MigrationOperationKind.AlterColumn or MigrationOperationKind.AddColumn or MigrationOperationKind.DropColumn
            or MigrationOperationKind.RenameColumn or MigrationOperationKind.RenameTable
            or MigrationOperationKind.AddForeignKey or MigrationOperationKind.DropForeignKey
            or MigrationOperationKind.AddCheckConstraint or MigrationOperationKind.CreateCheckConstraint or MigrationOperationKind.DropCheckConstraint
            or MigrationOperationKind.AddPrimaryKey or MigrationOperationKind.DropPrimaryKey
            or MigrationOperationKind.AddUniqueConstraint or MigrationOperationKind.DropUniqueConstraint
            or MigrationOperationKind.DropIndex => true,

        // A concurrent build runs outside the transaction and its SHARE UPDATE EXCLUSIVE request queues no reader or writer.
        MigrationOperationKind.CreateIndex => !(operation.Annotations.TryGetValue(IndexBlocksWritesRule.ConcurrentAnnotation, out var concurrent) && concurrent.Value is true),
        _ => false,
    };
}
