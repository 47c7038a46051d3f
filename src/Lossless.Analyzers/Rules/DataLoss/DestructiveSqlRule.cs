using System.Collections.Generic;
using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.Sql;
using Lossless.Analyzers.Model.StoreTypes;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.DataLoss;

/// <summary>
/// LL1009 on migrationBuilder.Sql(…) in Up whose constant text holds a destructive statement outside comments and
/// string literals. Not reported: a step marked <c>-- lossless: verified</c>; an UPDATE that assigns only columns this
/// Up added (a backfill); a DROP TABLE of Lossless's own backup tables; a column type change the classifier proves a
/// widening against the previous target model. One diagnostic per Sql step, naming its first destructive statement.
/// </summary>
internal sealed class DestructiveSqlRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL1009_DestructiveSql);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        foreach (var step in migration.DataSteps.Steps)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (step.VerifiedColumns.Count > 0 || Model.Operations.VerifiedMarker.IsMarked(step.Operation))
            {
                continue;
            }

            SqlStatement? first = null;
            var count = 0;
            foreach (var statement in step.Statements)
            {
                if (IsDestructive(migration, step, statement))
                {
                    first ??= statement;
                    count++;
                }
            }

            if (first is null)
            {
                continue;
            }

            var effect = Effect(first.Destructive!.Value);
            if (count > 1)
            {
                effect += count == 2 ? ", and 1 more destructive statement follows" : ", and " + (count - 1) + " more destructive statements follow";
            }

            context.Report(Diagnostic.Create(Descriptors.LL1009_DestructiveSql, step.Operation.Location, first.Text, effect));
        }
    }

    private static bool IsDestructive(MigrationModel migration, SqlStep step, SqlStatement statement)
    {
        switch (statement.Destructive)
        {
            case null:
                return false;
            case DestructiveSqlKind.DropTable:
                return !DropsOnlyBackupTables(migration, statement.DroppedTables);
            case DestructiveSqlKind.UpdateWithoutWhere:
                return !migration.DataSteps.AssignsOnlyAddedColumns(statement, step.Index);
            case DestructiveSqlKind.ColumnTypeChange:
                return statement.DropsColumn || !WidensOnly(migration, statement);
            default:
                return true;
        }
    }

    private static bool DropsOnlyBackupTables(MigrationModel migration, List<SqlName> tables)
    {
        if (tables.Count == 0)
        {
            return false;
        }

        foreach (var table in tables)
        {
            if (!migration.IsBackupTable(table.Name))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when every type change of the ALTER TABLE keeps every value: the column's type in the previous migration's
    /// target model, against the new type, is identical or a widening (varchar(n) to text, int to bigint).
    /// </summary>
    private static bool WidensOnly(MigrationModel migration, SqlStatement statement)
    {
        if (statement.TypeChanges.Count == 0 || statement.Target is not { } target)
        {
            return false;
        }

        if (IntoUnboundedTextOnly(migration, statement))
        {
            return true;
        }

        if (migration.PreviousTargetModel is not { } previous)
        {
            return false;
        }

        var table = FindTable(previous, target);
        if (table is null)
        {
            return false;
        }

        foreach (var change in statement.TypeChanges)
        {
            if (change.Type is null || FindColumn(table, change.Column) is not { } column || OldType(column, migration.Provider) is not { } oldType)
            {
                return false;
            }

            var newType = StoreTypeParser.Parse(change.Type, migration.Provider);
            var conversion = StoreTypeClassifier.Classify(oldType, newType, migration.Provider);
            if (conversion.Class is not (ConversionClass.Identical or ConversionClass.Widening))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// PostgreSQL: <c>TYPE text</c> (or <c>varchar</c> without a length), with no <c>USING</c> or the plain cast: every value
    /// of every type has a text form, so the change neither fails nor loses anything, whatever the old type (which a
    /// project without Designer files does not give).
    /// </summary>
    private static bool IntoUnboundedTextOnly(MigrationModel migration, SqlStatement statement)
    {
        if (migration.Provider != DatabaseProvider.PostgreSql)
        {
            return false;
        }

        foreach (var change in statement.TypeChanges)
        {
            if (change.Type is null)
            {
                return false;
            }

            var type = StoreTypeParser.Parse(change.Type, migration.Provider);
            if (type.Length is not null || type.IsArray || type.Name is not ("text" or "character varying"))
            {
                return false;
            }

            if (change.HasUsing && !change.UsingIsThePlainCast)
            {
                return false;
            }
        }

        return true;
    }

    private static Model.Targets.TargetTable? FindTable(Model.Targets.TargetModel model, SqlName name)
    {
        foreach (var table in model.Tables)
        {
            if (name.Matches(table.Schema, table.Name))
            {
                return table;
            }
        }

        return null;
    }

    private static Model.Targets.TargetColumn? FindColumn(Model.Targets.TargetTable table, string name)
    {
        foreach (var column in table.Columns)
        {
            if (string.Equals(column.Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return column;
            }
        }

        return null;
    }

    private static StoreType? OldType(Model.Targets.TargetColumn column, DatabaseProvider provider)
    {
        if (column.ColumnType is { } columnType)
        {
            return StoreTypeParser.Parse(columnType, provider);
        }

        var clr = column.ClrType?.TrimEnd('?');
        return clr is null ? null : ClrTypeMapping.FromClrType(clr, provider, column.MaxLength, column.Precision, column.Scale, column.IsUnicode, column.IsFixedLength);
    }

    private static string Effect(DestructiveSqlKind kind) => kind switch
    {
        DestructiveSqlKind.DropTable => "drops a table and every row it holds",
        DestructiveSqlKind.DropColumn => "drops a column and every value it holds",
        DestructiveSqlKind.DropSchema => "drops a schema and every table in it",
        DestructiveSqlKind.DropDatabase => "drops a whole database",
        DestructiveSqlKind.Truncate => "deletes every row of the table",
        DestructiveSqlKind.DeleteWithoutWhere => "has no WHERE and deletes every row of the table",
        DestructiveSqlKind.UpdateWithoutWhere => "has no WHERE and overwrites every row of the table",
        _ => "changes a column's type: every stored value is converted, and values that do not convert fail or change",
    };
}
