using System;
using System.Collections.Generic;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.Sql;
using Lossless.Analyzers.Model.Targets;

namespace Lossless.Analyzers.Model;

/// <summary>One Sql step of Up with constant text, read once: its statements, its markers.</summary>
public sealed class SqlStep
{
    internal SqlStep(int index, MigrationOperation operation, string text, DatabaseProvider provider)
    {
        Index = index;
        Operation = operation;
        Text = text;
        IsUnchosen = UnchosenMarker.InSql(text);
        VerifiedColumns = VerifiedMarker.ColumnsOf(operation);
        Statements = SqlScanner.Read(text, provider);
    }

    /// <summary>The step's position in Up.</summary>
    public int Index { get; }

    public MigrationOperation Operation { get; }

    public string Text { get; }

    /// <summary>True when the text still carries <c>lossless: choose</c>: a value a person must choose was not chosen yet.</summary>
    public bool IsUnchosen { get; }

    /// <summary>The columns its <c>-- lossless: verified</c> marker names (table.column or schema.table.column parts).</summary>
    public List<string[]> VerifiedColumns { get; }

    public List<SqlStatement> Statements { get; }

    /// <summary>True when the marker names the column (or, with column "*", the table).</summary>
    public bool IsVerifiedFor(ColumnRef column)
    {
        foreach (var parts in VerifiedColumns)
        {
            if (string.Equals(parts[parts.Length - 1], column.Column, StringComparison.OrdinalIgnoreCase)
                && string.Equals(parts[parts.Length - 2], column.Table, StringComparison.OrdinalIgnoreCase)
                && (parts.Length == 2 || column.Schema is null || string.Equals(parts[0], column.Schema, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Whether a data step that a rule looks for is there, and whether its value was chosen.</summary>
public enum DataStepState
{
    None = 0,

    /// <summary>A step that does it and still carries <c>lossless: choose</c>: not done yet.</summary>
    Unchosen,

    Done,
}

/// <summary>
/// The hand-written data steps of one Up (RULES.md "Data steps that people write by hand are recognised"): the Sql
/// steps' statements, each lexed once, and the questions the rules ask of them — was a column backfilled before it
/// became required, was a placeholder overwritten, were a column's values moved before it was dropped.
/// </summary>
public sealed class DataSteps
{
    private readonly MigrationModel _migration;

    internal DataSteps(MigrationModel migration)
    {
        _migration = migration;
        var steps = new List<SqlStep>();
        var up = migration.Up;
        for (var i = 0; i < up.Length; i++)
        {
            if (up[i].Kind == MigrationOperationKind.Sql && up[i].GetString("sql") is { } sql)
            {
                steps.Add(new SqlStep(i, up[i], sql, migration.Provider));
            }
        }

        Steps = steps;
    }

    /// <summary>The Sql steps of Up whose text is constant, in order.</summary>
    public IReadOnlyList<SqlStep> Steps { get; }

    /// <summary>The step at Up's index, or null when that operation is no Sql step with constant text.</summary>
    public SqlStep? At(int upIndex)
    {
        foreach (var step in Steps)
        {
            if (step.Index == upIndex)
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>
    /// LL1007: whether a step before <paramref name="end"/> fills or removes the column's NULLs: an UPDATE that assigns
    /// it, a DELETE (or UPDATE) whose WHERE selects its NULL rows, or a <c>-- lossless: verified</c> marker naming it.
    /// </summary>
    public DataStepState Backfill(ColumnRef column, int end)
    {
        var state = DataStepState.None;
        foreach (var step in Steps)
        {
            if (step.Index >= end)
            {
                break;
            }

            if (Fills(step, column))
            {
                if (!step.IsUnchosen)
                {
                    return DataStepState.Done;
                }

                state = DataStepState.Unchosen;
            }
        }

        return state;
    }

    private static bool Fills(SqlStep step, ColumnRef column)
    {
        if (step.IsVerifiedFor(column))
        {
            return true;
        }

        foreach (var statement in step.Statements)
        {
            if (statement.Target is { } target && target.Matches(column.Schema, column.Table)
                && ((statement.Verb == SqlVerb.Update && statement.AssignsColumn(column.Column))
                    || (statement.Verb == SqlVerb.Delete && statement.SelectsNullsOf(column.Column))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// LL1008/LL1012: whether a step after the AddColumn at <paramref name="addIndex"/> overwrites the column's placeholder:
    /// an UPDATE of its table whose SET assigns it and only columns this Up added before that step.
    /// </summary>
    public DataStepState Overwrite(ColumnRef column, int addIndex)
    {
        var state = DataStepState.None;
        foreach (var step in Steps)
        {
            if (step.Index <= addIndex)
            {
                continue;
            }

            foreach (var statement in step.Statements)
            {
                if (statement.Verb == SqlVerb.Update && statement.Target is { } target && target.Matches(column.Schema, column.Table)
                    && statement.AssignsColumn(column.Column) && AssignsOnlyAddedColumns(statement, step.Index))
                {
                    if (!step.IsUnchosen)
                    {
                        return DataStepState.Done;
                    }

                    state = DataStepState.Unchosen;
                }
            }
        }

        return state;
    }

    /// <summary>
    /// LL1009: an UPDATE whose SET assigns only columns that this Up added (AddColumn, or CreateTable) before the step at
    /// <paramref name="stepIndex"/>: a backfill of new columns, whatever its WHERE.
    /// </summary>
    public bool AssignsOnlyAddedColumns(SqlStatement update, int stepIndex)
    {
        if (update.Verb != SqlVerb.Update || update.Target is not { } target || update.Assigned.Count == 0)
        {
            return false;
        }

        foreach (var column in update.Assigned)
        {
            if (!IsAddedBefore(target, column, stepIndex) && !IsAddedInSqlBefore(target, column, stepIndex, update))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An earlier statement (an earlier step, or earlier in the same one) ran <c>ALTER TABLE t ADD [COLUMN] c</c>.</summary>
    private bool IsAddedInSqlBefore(SqlName table, string column, int stepIndex, SqlStatement update)
    {
        foreach (var step in Steps)
        {
            if (step.Index > stepIndex)
            {
                break;
            }

            foreach (var statement in step.Statements)
            {
                if (ReferenceEquals(statement, update))
                {
                    return false;
                }

                if (statement.Target is { } target && target.Matches(table.Schema, table.Name) && statement.AddedColumns.Exists(added => string.Equals(added, column, StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsAddedBefore(SqlName table, string column, int end)
    {
        var up = _migration.Up;
        for (var i = 0; i < end && i < up.Length; i++)
        {
            var operation = up[i];
            if (operation.Table is not { } name || !table.Matches(operation.Schema, name))
            {
                continue;
            }

            if (operation.Kind == MigrationOperationKind.AddColumn && string.Equals(operation.GetString("name"), column, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (operation.Kind == MigrationOperationKind.CreateTable)
            {
                foreach (var definition in operation.Columns)
                {
                    if (string.Equals(definition.Name, column, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// LL1004/LL1006: whether a step in [<paramref name="start"/>, <paramref name="end"/>) reads the column's values and
    /// writes them elsewhere — INSERT … SELECT, UPDATE … FROM/JOIN, an UPDATE whose SET expression uses it, CREATE TABLE
    /// … AS SELECT, SELECT … INTO: the values were moved before the drop.
    /// </summary>
    public bool MovesColumn(ColumnRef column, int start, int end)
    {
        foreach (var step in Steps)
        {
            if (step.Index < start || step.Index >= end)
            {
                continue;
            }

            foreach (var statement in step.Statements)
            {
                if (!statement.CopiesValues || !statement.ReadsName(column.Column))
                {
                    continue;
                }

                var readsTable = statement.ReadsTable(column.Schema, column.Table);
                var updatesOwnTable = statement.Verb == SqlVerb.Update && statement.Target is { } target && target.Matches(column.Schema, column.Table)
                    && !AssignsOnly(statement, column.Column);
                if (readsTable || updatesOwnTable)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool AssignsOnly(SqlStatement statement, string column)
    {
        foreach (var assigned in statement.Assigned)
        {
            if (!string.Equals(assigned, column, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// LL1004/LL1005/LL1006: whether a step before <paramref name="end"/> deletes every row of the table (<c>DELETE FROM t</c>
    /// without <c>WHERE</c>, <c>TRUNCATE t</c>). That step is the destructive one (LL1009 names it); a later drop on the
    /// emptied table loses nothing more.
    /// </summary>
    public bool EmptiesTable(string? schema, string table, int end)
    {
        foreach (var step in Steps)
        {
            if (step.Index >= end)
            {
                break;
            }

            foreach (var statement in step.Statements)
            {
                if (((statement.Verb == SqlVerb.Delete && !statement.HasWhere) || statement.Verb == SqlVerb.Truncate)
                    && statement.Target is { } target && target.Matches(schema, table))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>LL1005/LL1006: whether a step before <paramref name="end"/> copies rows of the table into another one.</summary>
    public bool MovesTable(string? schema, string table, int end)
    {
        foreach (var step in Steps)
        {
            if (step.Index >= end)
            {
                break;
            }

            foreach (var statement in step.Statements)
            {
                if (statement.CopiesValues && statement.ReadsTable(schema, table) && !statement.Target!.Value.Matches(schema, table))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>LL1006: whether a step in [<paramref name="start"/>, <paramref name="end"/>) writes the column (UPDATE SET, INSERT column list).</summary>
    public bool WritesColumn(ColumnRef column, int start, int end)
    {
        foreach (var step in Steps)
        {
            if (step.Index < start || step.Index >= end)
            {
                continue;
            }

            foreach (var statement in step.Statements)
            {
                if (statement.Verb is SqlVerb.Update or SqlVerb.Insert && statement.Target is { } target && target.Matches(column.Schema, column.Table) && statement.AssignsColumn(column.Column))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// LL1002/LL1003 where the conversion fails on every database: whether a marked step before <paramref name="end"/>
    /// that names the column really converts it — <c>ALTER TABLE t ALTER COLUMN c TYPE … USING …</c>, or a copy of its
    /// values into another column of the table.
    /// </summary>
    public bool ConvertsColumn(ColumnRef column, int end)
    {
        foreach (var step in Steps)
        {
            if (step.Index >= end)
            {
                break;
            }

            if (step.IsUnchosen || !step.IsVerifiedFor(column))
            {
                continue;
            }

            foreach (var statement in step.Statements)
            {
                if (statement.Target is not { } target || !target.Matches(column.Schema, column.Table))
                {
                    continue;
                }

                foreach (var change in statement.TypeChanges)
                {
                    if (change.HasUsing && string.Equals(change.Column, column.Column, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                if (statement.Verb == SqlVerb.Update && statement.ReadsName(column.Column) && !AssignsOnly(statement, column.Column))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
