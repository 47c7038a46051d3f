using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.DataLoss;

/// <summary>
/// LL1007 on AlterColumn from oldNullable: true to nullable: false, in both shapes: no default (fails on rows holding
/// NULL) and EF's placeholder default (every NULL silently becomes it). Not reported with a deliberate default (a
/// non-placeholder value, SQL, or the target model's HasDefaultValue), after a backfill UPDATE of the column, or on a
/// table Up created.
/// </summary>
internal sealed class MadeRequiredRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL1007_MadeRequired);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        var up = migration.Up;
        for (var i = 0; i < up.Length; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operation = up[i];
            if (operation.Kind != MigrationOperationKind.AlterColumn
                || operation["oldNullable"].Value is not true
                || DestructiveFacts.RequiredWithoutDeliberateDefault(migration, operation, i) is not { } required
                || DestructiveFacts.IsBackfilled(up, 0, migration.Provider == DatabaseProvider.Sqlite ? up.Length : i, required.Column))
            {
                continue;
            }

            var column = required.Column;
            var placeholder = required.Placeholder;
            var noDefault = placeholder is null;
            var properties = DestructiveFacts.Properties(migration, column.Schema, column.Table, column.Column);
            properties.Add(DiagnosticProperties.Shape, noDefault ? "NoDefault" : "Placeholder");
            properties.Add(DiagnosticProperties.Placeholder, placeholder);
            properties.Add(DiagnosticProperties.ClrType, operation.ClrType?.MetadataName);
            properties.Add(DiagnosticProperties.ModelDefault, DestructiveFacts.ModelDefault(migration, column));
            var effect = noDefault
                ? "fails on every row that holds NULL"
                : "turns every NULL it holds into the placeholder " + placeholder;
            context.Report(Diagnostic.Create(Descriptors.LL1007_MadeRequired, operation.Location, properties.ToImmutable(), column.ToString(), effect));
        }
    }
}
