using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.Targets;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.Availability;

/// <summary>
/// LL3005 on SQLite: per table, the first operation of Up that makes EF rebuild it. EF runs rebuilds after every
/// other operation and commits the migration in pieces, so a failure in a rebuild leaves the migration half applied
/// and unrecorded. Data first: an operation a data-loss rule reported is passed over for the table's next one. Info by
/// default, warning with lossless.deploy_model = online, off with offline, like the whole category.
/// </summary>
internal sealed class SqliteRebuildNotAtomicRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL3005_SqliteNotAtomic);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        if (migration.Provider != DatabaseProvider.Sqlite || !AvailabilityFacts.IsOn(migration))
        {
            return;
        }

        var up = migration.Up;
        var reported = new List<ColumnRefTable>();
        for (var i = 0; i < up.Length; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operation = up[i];
            if (!SqliteRebuilds.RebuildsExistingTable(migration, i, operation)
                || context.HasDataLossDiagnostic(operation.Location)
                || Contains(reported, operation.Schema, operation.Table!))
            {
                continue;
            }

            var table = new ColumnRefTable(operation.Schema, operation.Table!);
            reported.Add(table);
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(DiagnosticProperties.Schema, table.Schema);
            properties.Add(DiagnosticProperties.Table, table.Name);
            properties.Add(DiagnosticProperties.Provider, ProviderDetector.ToOptionValue(migration.Provider));
            context.Report(AvailabilityFacts.Create(migration, Descriptors.LL3005_SqliteNotAtomic, operation.Location, properties.ToImmutable(), operation.MethodName, table.ToString()));
        }
    }

    private static bool Contains(List<ColumnRefTable> tables, string? schema, string name)
    {
        foreach (var table in tables)
        {
            if (string.Equals(table.Name, name, StringComparison.Ordinal) && ColumnRef.SchemasMatch(table.Schema, schema))
            {
                return true;
            }
        }

        return false;
    }
}
