using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.DataLoss;

/// <summary>
/// LL1007 on AlterColumn from oldNullable: true to nullable: false, in both shapes: no default (fails on rows holding
/// NULL) and EF's placeholder default (every NULL silently becomes it). Not reported with a deliberate default (a
/// non-placeholder value, SQL, or the target model's HasDefaultValue), after a data step that fills or deletes the
/// column's NULLs (an UPDATE of the column, a DELETE … WHERE col IS NULL, a verified marker), or on a table Up created.
/// A step or default still marked "lossless: choose" is neither: the message says what is left to choose.
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
                || DestructiveFacts.RequiredWithoutDeliberateDefault(migration, operation, i) is not { } required)
            {
                continue;
            }

            // EF Core runs SQLite table rebuilds (this is one) after every other operation: a data step anywhere in Up runs first.
            var backfill = migration.DataSteps.Backfill(required.Column, migration.Provider == DatabaseProvider.Sqlite ? up.Length : i);
            if (backfill == DataStepState.Done)
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
            properties.Add(DiagnosticProperties.StoreType, operation.GetString("type"));
            properties.Add(DiagnosticProperties.ModelDefault, DestructiveFacts.ModelDefault(migration, column));
            var effect = noDefault
                ? "fails on every row that holds NULL"
                : "turns every NULL it holds into the placeholder " + placeholder;
            if (backfill == DataStepState.Unchosen)
            {
                properties.Add(DiagnosticProperties.Unchosen, "Backfill");
                effect += DestructiveFacts.Unchosen("backfill");
            }
            else if (required.UnchosenDefault)
            {
                properties.Add(DiagnosticProperties.Unchosen, "Default");
                effect += DestructiveFacts.Unchosen("default");
            }

            context.Report(Diagnostic.Create(Descriptors.LL1007_MadeRequired, operation.Location, properties.ToImmutable(), column.ToString(), effect));
        }
    }
}
