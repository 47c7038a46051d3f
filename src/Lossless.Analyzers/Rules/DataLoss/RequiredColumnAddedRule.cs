using System;
using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.Targets;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.DataLoss;

/// <summary>
/// LL1008 and LL1012 on AddColumn with nullable: false to a table Up does not create. LL1008 when the migration fails
/// or writes a meaningless value: no default (fails on any table that has rows; SQLite refuses it even on an empty
/// one); EF's placeholder on a foreign-key column (references nothing) or on a column this migration makes unique
/// (fails with two rows); Guid.Empty or a minimum date on any column. LL1012 (info) for '', 0 and false (and the other
/// zeros a new object gets) on a plain column. Not reported with a deliberate default, a computed or generated column,
/// or on the add of a rename pair (LL1006).
/// </summary>
internal sealed class RequiredColumnAddedRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.LL1008_RequiredColumnAdded,
        Descriptors.LL1012_ExistingRowsGetPlaceholder);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        var up = migration.Up;
        for (var i = 0; i < up.Length; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operation = up[i];
            if (operation.Kind != MigrationOperationKind.AddColumn
                || migration.PairOf(operation) is not null
                || DestructiveFacts.RequiredWithoutDeliberateDefault(migration, operation, i) is not { } required)
            {
                continue;
            }

            var column = required.Column;
            var placeholder = required.Placeholder;

            // A placeholder that a later UPDATE of only this Up's new columns overwrites is never read. (No default:
            // the AddColumn itself fails first, whatever follows.)
            var overwrite = placeholder is null ? DataStepState.None : migration.DataSteps.Overwrite(column, i);
            if (overwrite == DataStepState.Done)
            {
                continue;
            }

            var descriptor = Descriptors.LL1008_RequiredColumnAdded;
            string effect;
            if (placeholder is null)
            {
                effect = migration.Provider == DatabaseProvider.Sqlite
                    ? "with no default fails, on SQLite even when the table is empty"
                    : "with no default fails on a table that has rows";
            }
            else if (PlaceholderDefaults.Describe(operation["defaultValue"]) is null)
            {
                // A value that is no placeholder but still marked "lossless: choose": nobody chose it yet.
                effect = "gives every existing row the default " + placeholder;
            }
            else
            {
                effect = "gives every existing row the placeholder " + placeholder;
                var references = migration.ReferencesFrom(column);
                if (references.Count > 0)
                {
                    effect += ", which references no row of '" + DestructiveFacts.Display(references[0].Principal.Schema, references[0].Principal.Table) + "' and makes the foreign key fail";
                }
                else if (MadeUniqueInUp(migration, column))
                {
                    effect += ", and the unique index on it fails as soon as the table has two rows";
                }
                else if (PlaceholderDefaults.IsMeaningless(placeholder))
                {
                    effect += ", a value that means no value";
                }
                else
                {
                    descriptor = Descriptors.LL1012_ExistingRowsGetPlaceholder;
                }
            }

            var properties = DestructiveFacts.Properties(migration, column.Schema, column.Table, column.Column);
            if (overwrite == DataStepState.Unchosen)
            {
                properties.Add(DiagnosticProperties.Unchosen, "Backfill");
                effect += DestructiveFacts.Unchosen("backfill");
            }
            else if (required.UnchosenDefault)
            {
                properties.Add(DiagnosticProperties.Unchosen, "Default");
                effect += DestructiveFacts.Unchosen("default");
            }

            properties.Add(DiagnosticProperties.Shape, placeholder is null ? "NoDefault" : "Placeholder");
            properties.Add(DiagnosticProperties.Placeholder, placeholder);
            properties.Add(DiagnosticProperties.ClrType, operation.ClrType?.MetadataName);
            properties.Add(DiagnosticProperties.ModelDefault, DestructiveFacts.ModelDefault(migration, column));
            properties.Add(DiagnosticProperties.StoreType, DropAddPairing.StoreTypeOf(operation, migration.Provider));
            context.Report(Diagnostic.Create(descriptor, operation.Location, properties.ToImmutable(), column.ToString(), effect));
        }
    }

    /// <summary>True when Up puts a unique index, unique constraint or primary key on the column (alone or with others).</summary>
    private static bool MadeUniqueInUp(MigrationModel migration, ColumnRef column)
    {
        foreach (var operation in migration.Up)
        {
            var unique = operation.Kind switch
            {
                MigrationOperationKind.CreateIndex => operation["unique"].Value is true,
                MigrationOperationKind.AddUniqueConstraint or MigrationOperationKind.AddPrimaryKey => true,
                _ => false,
            };
            if (unique && DestructiveFacts.SameTable(operation, column.Schema, column.Table) && NamesColumn(operation, column.Column))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamesColumn(MigrationOperation operation, string column)
    {
        if (string.Equals(operation.GetString("column"), column, StringComparison.Ordinal))
        {
            return true;
        }

        return operation["columns"].Value is string[] columns && Array.IndexOf(columns, column) >= 0;
    }
}
