using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.Availability;

/// <summary>
/// LL3001 on a PostgreSQL CreateIndex on an existing table without Npgsql:CreatedConcurrently: CREATE INDEX holds a
/// SHARE lock (writes wait, reads go on) for the whole build and to the end of the migration's transaction.
/// </summary>
internal sealed class IndexBlocksWritesRule : MigrationRule
{
    public const string ConcurrentAnnotation = "Npgsql:CreatedConcurrently";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL3001_IndexBlocksWrites);

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
            if (operation.Kind != MigrationOperationKind.CreateIndex
                || !AvailabilityFacts.IsCandidate(migration, context, i, operation)
                || operation.GetString("name") is not { } name
                || IsConcurrentOrUnknown(operation)
                || AvailabilityFacts.IsRewrittenBy(migration, i - 1, operation.Schema, operation.Table!))
            {
                continue;
            }

            var table = operation.Table!;
            var properties = AvailabilityFacts.Properties(migration, operation.Schema, table);
            properties.Add(DiagnosticProperties.Name, name);
            context.Report(AvailabilityFacts.Create(migration, Descriptors.LL3001_IndexBlocksWrites, operation.Location, properties.ToImmutable(), name, AvailabilityFacts.Display(operation.Schema, table)));
        }
    }

    /// <summary>True when the index is built concurrently, or when whether it is cannot be known (a non-constant annotation value).</summary>
    private static bool IsConcurrentOrUnknown(MigrationOperation operation)
        => operation.Annotations.TryGetValue(ConcurrentAnnotation, out var value) && (value.Value is true || !value.IsKnown);
}
