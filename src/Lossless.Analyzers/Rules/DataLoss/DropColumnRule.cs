using System.Collections.Generic;
using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.Targets;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.DataLoss;

/// <summary>
/// LL1004 on DropColumn in Up, unless a marked backup step covers the column, an earlier Sql step copied its values
/// elsewhere (INSERT … SELECT, UPDATE … FROM, an UPDATE whose SET reads it), the column belongs to a rename pair (LL1006),
/// or Up created the table (it holds no rows yet).
/// </summary>
internal sealed class DropColumnRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL1004_DropColumn);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        var up = migration.Up;
        for (var i = 0; i < up.Length; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operation = up[i];
            if (operation.Kind != MigrationOperationKind.DropColumn || !DestructiveFacts.IsKnown(operation, needsName: true))
            {
                continue;
            }

            var table = operation.Table!;
            var name = operation.GetString("name")!;
            var column = new ColumnRef(operation.Schema, table, name);

            // EF Core runs SQLite table rebuilds (DropColumn is one) after every other operation: a backup anywhere in Up runs first.
            var before = migration.Provider == DatabaseProvider.Sqlite ? up.Length : i;
            if (migration.HoldsNoRowsBefore(i, operation.Schema, table)
                || VerifiedMarker.Covers(up, before, column)
                || migration.DataSteps.MovesColumn(column, 0, before)
                || migration.PairOf(operation) is not null)
            {
                continue;
            }

            var properties = DestructiveFacts.Properties(migration, operation.Schema, table, name);
            var key = DestructiveFacts.PrimaryKey(migration, operation.Schema, table);
            if (!key.IsEmpty && key.IndexOf(name) < 0)
            {
                properties.Add(DiagnosticProperties.KeyColumns, DestructiveFacts.Lines(key));
            }

            var locations = new List<Location>();
            var roles = new List<string>();
            DestructiveFacts.AddLocation(locations, roles, "DownAdd", DestructiveFacts.InDown(migration, MigrationOperationKind.AddColumn, operation.Schema, table, name));
            properties.Add(DiagnosticProperties.LocationRoles, string.Join(",", roles));
            context.Report(Diagnostic.Create(Descriptors.LL1004_DropColumn, operation.Location, locations, properties.ToImmutable(), column.ToString()));
        }
    }
}
