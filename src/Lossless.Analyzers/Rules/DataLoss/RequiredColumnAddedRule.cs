using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.DataLoss;

/// <summary>
/// LL1008 on AddColumn with nullable: false to a table Up does not create: with no default it fails on any table
/// that has rows (SQLite refuses it even on an empty one); with EF's placeholder default every existing row gets it.
/// Not reported with a deliberate default, a computed or generated column, or on the add of a rename pair (LL1006).
/// </summary>
internal sealed class RequiredColumnAddedRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL1008_RequiredColumnAdded);

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
            var noDefault = placeholder is null;
            string effect;
            if (noDefault)
            {
                effect = migration.Provider == DatabaseProvider.Sqlite
                    ? "with no default fails, on SQLite even when the table is empty"
                    : "with no default fails on a table that has rows";
            }
            else
            {
                effect = "gives every existing row the placeholder " + placeholder;
                var references = migration.Keys.ReferencesFrom(column);
                if (references.Count > 0)
                {
                    effect += ", which references no row of '" + DestructiveFacts.Display(references[0].Principal.Schema, references[0].Principal.Table) + "' and makes the foreign key fail";
                }
            }

            var properties = DestructiveFacts.Properties(migration, column.Schema, column.Table, column.Column);
            properties.Add(DiagnosticProperties.Shape, noDefault ? "NoDefault" : "Placeholder");
            properties.Add(DiagnosticProperties.Placeholder, placeholder);
            properties.Add(DiagnosticProperties.ClrType, operation.ClrType?.MetadataName);
            properties.Add(DiagnosticProperties.ModelDefault, DestructiveFacts.ModelDefault(migration, column));
            context.Report(Diagnostic.Create(Descriptors.LL1008_RequiredColumnAdded, operation.Location, properties.ToImmutable(), column.ToString(), effect));
        }
    }
}
