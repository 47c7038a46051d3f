using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Targets;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.DataLoss;

/// <summary>
/// LL1005 on DropTable and DropSchema in Up, unless a marked backup step covers the table (<c>table.*</c>), the
/// table belongs to a rename pair (LL1006), or Up created it.
/// </summary>
internal sealed class DropTableRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL1005_DropTable);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        var up = migration.Up;
        for (var i = 0; i < up.Length; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operation = up[i];
            if (operation.Kind == MigrationOperationKind.DropSchema && operation.GetString("name") is { } schemaName)
            {
                var schemaProperties = DestructiveFacts.Properties(migration, schemaName, string.Empty, null);
                schemaProperties.Add(DiagnosticProperties.Target, "Schema");
                context.Report(Diagnostic.Create(Descriptors.LL1005_DropTable, operation.Location, schemaProperties.ToImmutable(), "schema", schemaName, "every table in it and all their rows"));
                continue;
            }

            if (operation.Kind != MigrationOperationKind.DropTable || !DestructiveFacts.IsKnown(operation, needsName: false))
            {
                continue;
            }

            var table = operation.Table!;
            if (migration.HoldsNoRowsBefore(i, operation.Schema, table)
                || migration.IsBackupTable(table)
                || migration.DataSteps.MovesTable(operation.Schema, table, i)
                || VerifiedMarker.Covers(up, i, new ColumnRef(operation.Schema, table, "*"))
                || migration.PairOf(operation) is not null)
            {
                continue;
            }

            var properties = DestructiveFacts.Properties(migration, operation.Schema, table, null);
            properties.Add(DiagnosticProperties.Target, "Table");
            var create = DestructiveFacts.InDown(migration, MigrationOperationKind.CreateTable, operation.Schema, table, null);
            var columns = new List<string>();
            var identities = new List<string>();
            if (create is not null && !create.Columns.IsEmpty)
            {
                foreach (var column in create.Columns)
                {
                    if (column.Name is not { } name)
                    {
                        columns.Clear();
                        break;
                    }

                    columns.Add(name);
                    if (IsIdentity(column))
                    {
                        identities.Add(name);
                    }
                }
            }
            else if (migration.PreviousTargetModel?.FindTable(operation.Schema, table) is { } previous)
            {
                foreach (var column in previous.Columns)
                {
                    columns.Add(column.Name);
                }
            }

            if (columns.Count > 0)
            {
                properties.Add(DiagnosticProperties.Columns, DestructiveFacts.Lines(columns));
                properties.Add(DiagnosticProperties.IdentityColumns, DestructiveFacts.Lines(identities));
            }

            var locations = new List<Location>();
            var roles = new List<string>();
            DestructiveFacts.AddLocation(locations, roles, "DownCreate", create);
            properties.Add(DiagnosticProperties.LocationRoles, string.Join(",", roles));
            context.Report(Diagnostic.Create(Descriptors.LL1005_DropTable, operation.Location, locations, properties.ToImmutable(), "table", DestructiveFacts.Display(operation.Schema, table), "it and every row it holds"));
        }
    }

    private static bool IsIdentity(ColumnDefinition column)
    {
        foreach (var annotation in column.Annotations)
        {
            var value = annotation.Value.Value?.ToString() ?? string.Empty;
            if (annotation.Key == "SqlServer:Identity"
                || annotation.Key == "Sqlite:Autoincrement"
                || (annotation.Key.EndsWith(":ValueGenerationStrategy", StringComparison.Ordinal) && (value.IndexOf("Identity", StringComparison.Ordinal) >= 0 || value.IndexOf("Serial", StringComparison.Ordinal) >= 0)))
            {
                return true;
            }
        }

        return false;
    }
}
