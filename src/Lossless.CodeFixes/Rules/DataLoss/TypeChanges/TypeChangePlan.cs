using System.Collections.Generic;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.Targets;
using Lossless.CodeFixes.Migrations;
using Lossless.CodeFixes.Sql.Conversions;

namespace Lossless.CodeFixes.Rules.DataLoss.TypeChanges;

/// <summary>
/// Turns one dangerous AlterColumn into the steps of a fix kind, as edits of the migration's document. Every fact
/// comes from the migration model the rule judged (operations, keys, target model, previous target model); when one
/// is missing nothing is written.
/// </summary>
internal sealed partial class TypeChangePlan
{
    private readonly FixRequest _request;

    public TypeChangePlan(FixRequest request) => _request = request;

    private LoadedMigration Migration => _request.Migration;

    private DocumentEdits Edits => _request.Edits;

    private DatabaseProvider Provider => Migration.Provider;

    // ---------------------------------------------------------------- Verify-then-convert, and USING on PostgreSQL

    /// <summary>
    /// A guard step before the AlterColumn. On PostgreSQL, a conversion without an assignment cast fails whatever the
    /// data, so there the step also converts with USING (explicitCast) and plain verification is not written.
    /// </summary>
    public bool VerifyThenConvert(MigrationOperation alterColumn, ColumnConversion conversion, bool explicitCast)
    {
        if (conversion.NeedsExplicitCast != explicitCast
            || !ValueCheck.TryCreate(conversion, out var check)
            || check is null
            || Migration.StatementOf(alterColumn) is not { } statement
            || LoadedMigration.ReceiverOf(alterColumn) is not { } receiver)
        {
            return false;
        }

        var code = Edits.Code(receiver);
        if (explicitCast)
        {
            code.Comment("PostgreSQL has no automatic cast from " + conversion.From.Text + " to " + conversion.To.Text + ": stop the migration if a value of " + conversion + " would not convert, else convert with an explicit cast.")
                .Sql(ConversionStep.Build(Provider, new[] { conversion }, new[] { check }, new[] { ConversionStep.AlterTypeUsing(conversion) }));
        }
        else
        {
            code.Comment("Stop the migration before it changes anything if a value of " + conversion + " would not survive the change to " + conversion.To.Text + ".")
                .Sql(ConversionStep.Build(Provider, new[] { conversion }, new[] { check }, new string[0]));
        }

        Edits.InsertBefore(statement, code);
        return InverseInDown(new[] { conversion.Column });
    }

    /// <summary>
    /// Down's AlterColumn on each column is the inverse conversion; where it, too, cannot run as EF writes it
    /// (PostgreSQL without a cast) or can lose values, it gets the same verification and explicit cast.
    /// </summary>
    private bool InverseInDown(IReadOnlyList<ColumnRef> columns)
    {
        foreach (var column in columns)
        {
            foreach (var inverse in LoadedMigration.OnColumn(Migration.Model.Down, MigrationOperationKind.AlterColumn, column))
            {
                if (!TryConversion(Migration, inverse, out var conversion) || conversion.KeepsEveryValue)
                {
                    continue;
                }

                if (!ValueCheck.TryCreate(conversion, out var check)
                    || Migration.StatementOf(inverse) is not { } statement
                    || LoadedMigration.ReceiverOf(inverse) is not { } receiver)
                {
                    return false;
                }

                Edits.InsertBefore(statement, Edits.Code(receiver)
                    .Comment("Stop the rollback before it changes anything if a value of " + conversion + " would not survive the change back to " + conversion.To.Text + ".")
                    .Sql(ConversionStep.Build(Provider, new[] { conversion }, new[] { check }, conversion.NeedsExplicitCast ? new[] { ConversionStep.AlterTypeUsing(conversion) } : new string[0])));
            }
        }

        return true;
    }

    // ---------------------------------------------------------------- Shared

    /// <summary>The conversion of an AlterColumn, with its types resolved as the rule resolves them.</summary>
    public static bool TryConversion(LoadedMigration migration, MigrationOperation alterColumn, out ColumnConversion conversion)
    {
        conversion = null!;
        if (alterColumn.Kind != MigrationOperationKind.AlterColumn
            || alterColumn.Table is not { } table
            || alterColumn.GetString("name") is not { } name
            || alterColumn["schema"].State == ArgumentState.Unknown
            || !AlterColumnTypes.TryResolve(alterColumn, migration.Provider, out var oldType, out var newType))
        {
            return false;
        }

        conversion = new ColumnConversion(new ColumnRef(alterColumn.Schema, table, name), oldType, newType, migration.Provider, KeyOf(migration, alterColumn.Schema, table));
        return true;
    }

    /// <summary>The table's primary key as the rules know it (target model, else previous target model): what an abort names rows by.</summary>
    public static System.Collections.Immutable.ImmutableArray<string> KeyOf(LoadedMigration migration, string? schema, string table)
        => Analyzers.Rules.DataLoss.DestructiveFacts.PrimaryKey(migration.Model, schema, table);

    private static ColumnRef ColumnOf(MigrationOperation alterColumn)
        => new(alterColumn.Schema, alterColumn.Table!, alterColumn.GetString("name")!);
}
