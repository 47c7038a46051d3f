using System.Collections.Generic;
using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.DataLoss;

/// <summary>
/// LL1006 on the DropColumn / DropTable of each drop + add pair that reads as a rename (see <see cref="DropAddPairing"/>);
/// LL1004, LL1005 and LL1008 stay silent on the pair.
/// </summary>
internal sealed class RenameAsDropAndAddRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL1006_RenameAsDropAndAdd);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        foreach (var pair in migration.DropAddPairs)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var drop = pair.Drop;
            var add = pair.Add;
            var table = drop.Table!;
            var locations = new List<Location>();
            var roles = new List<string>();
            DestructiveFacts.AddLocation(locations, roles, "UpAdd", add);
            if (pair.IsTable)
            {
                var newTable = add.Table!;
                var properties = DestructiveFacts.Properties(migration, drop.Schema, table, null);
                properties.Add(DiagnosticProperties.Target, "Table");
                properties.Add(DiagnosticProperties.NewName, newTable);
                if (add.Schema != drop.Schema)
                {
                    properties.Add(DiagnosticProperties.NewSchema, add.Schema);
                }

                DestructiveFacts.AddLocation(locations, roles, "DownDrop", DestructiveFacts.InDown(migration, MigrationOperationKind.DropTable, add.Schema, newTable, null));
                DestructiveFacts.AddLocation(locations, roles, "DownAdd", DestructiveFacts.InDown(migration, MigrationOperationKind.CreateTable, drop.Schema, table, null));
                if (CanRenameTable(migration, add))
                {
                    properties.Add(DiagnosticProperties.CanRename, "true");
                    var key = PrimaryKeyOf(add);
                    if (key is not null)
                    {
                        properties.Add(DiagnosticProperties.PrimaryKeyName, key.Name);
                        properties.Add(DiagnosticProperties.KeyColumns, DestructiveFacts.Lines(key.Columns));
                        var oldKey = DestructiveFacts.InDown(migration, MigrationOperationKind.CreateTable, drop.Schema, table, null) is { } recreate ? PrimaryKeyOf(recreate) : null;
                        properties.Add(DiagnosticProperties.OldPrimaryKeyName, oldKey?.Name ?? "PK_" + table);
                    }
                }

                properties.Add(DiagnosticProperties.LocationRoles, string.Join(",", roles));
                context.Report(Diagnostic.Create(Descriptors.LL1006_RenameAsDropAndAdd, drop.Location, locations, properties.ToImmutable(), "Table", DestructiveFacts.Display(drop.Schema, table), DestructiveFacts.Display(add.Schema, newTable), pair.Reason));
            }
            else
            {
                var oldName = drop.GetString("name")!;
                var newName = add.GetString("name")!;
                var properties = DestructiveFacts.Properties(migration, drop.Schema, table, oldName);
                properties.Add(DiagnosticProperties.Target, "Column");
                properties.Add(DiagnosticProperties.NewName, newName);
                properties.Add(DiagnosticProperties.OldType, pair.OldType);
                properties.Add(DiagnosticProperties.NewType, pair.NewType);
                DestructiveFacts.AddLocation(locations, roles, "DownDrop", DestructiveFacts.InDown(migration, MigrationOperationKind.DropColumn, add.Schema, table, newName));
                DestructiveFacts.AddLocation(locations, roles, "DownAdd", DestructiveFacts.InDown(migration, MigrationOperationKind.AddColumn, drop.Schema, table, oldName));
                properties.Add(DiagnosticProperties.LocationRoles, string.Join(",", roles));
                context.Report(Diagnostic.Create(Descriptors.LL1006_RenameAsDropAndAdd, drop.Location, locations, properties.ToImmutable(), "Column", DestructiveFacts.Display(drop.Schema, table) + "." + oldName, newName, pair.Reason));
            }
        }
    }

    private static ConstraintDefinition? PrimaryKeyOf(MigrationOperation create)
    {
        foreach (var constraint in create.Constraints)
        {
            if (constraint.Kind == ConstraintKind.PrimaryKey && constraint.Name is not null && !constraint.Columns.IsEmpty)
            {
                return constraint;
            }
        }

        return null;
    }

    /// <summary>
    /// A RenameTable replaces the pair cleanly when the created table brings no foreign keys and Up adds no index or
    /// key to it: the renamed table keeps its own, under their old names.
    /// </summary>
    private static bool CanRenameTable(MigrationModel migration, MigrationOperation create)
    {
        foreach (var constraint in create.Constraints)
        {
            if (constraint.Kind != ConstraintKind.PrimaryKey)
            {
                return false;
            }
        }

        foreach (var operation in migration.Up)
        {
            if (!ReferenceEquals(operation, create) && operation.Kind != MigrationOperationKind.DropTable && DestructiveFacts.SameTable(operation, create.Schema, create.Table!))
            {
                return false;
            }
        }

        return true;
    }
}
