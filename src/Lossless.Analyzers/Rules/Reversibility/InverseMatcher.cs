using System;
using System.Collections.Generic;
using System.Text;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.Sql;
using Lossless.Analyzers.Model.StoreTypes;

namespace Lossless.Analyzers.Rules.Reversibility;

internal enum InverseStatus
{
    /// <summary>The operation has no inverse in the catalog's table, or an argument it is matched by is not known.</summary>
    NotJudged,
    Found,
    Missing,

    /// <summary>Down has the inverse operation, but it restores something other than what Up changed.</summary>
    Wrong,
}

/// <summary>What Down holds for one operation of Up.</summary>
internal readonly struct InverseMatch
{
    public InverseMatch(InverseStatus status, MigrationOperation? inverse, string? problem)
    {
        Status = status;
        Inverse = inverse;
        Problem = problem;
    }

    public InverseStatus Status { get; }

    /// <summary>The Down operation that undoes (Found, also a DropTable that covers it) or fails to undo (Wrong) the Up operation.</summary>
    public MigrationOperation? Inverse { get; }

    /// <summary>What Down does not do, completing "Down does not …".</summary>
    public string? Problem { get; }

    public static InverseMatch NotJudged => new(InverseStatus.NotJudged, null, null);

    public static InverseMatch Found(MigrationOperation inverse) => new(InverseStatus.Found, inverse, null);

    public static InverseMatch Missing(string problem) => new(InverseStatus.Missing, null, problem);
}

/// <summary>
/// The catalog's table of inverses: for an operation of Up, the operation of Down that undoes it, matched by name
/// exactly (table, schema, column, index and key names) and in any order. An operation on a table that Up creates
/// and Down drops is undone by that DropTable; one on a table that Up drops and Down re-creates, by that CreateTable.
/// Names renamed in the same Up match either name, since Down may undo the rename before or after.
/// </summary>
internal sealed class InverseMatcher
{
    private readonly MigrationModel _migration;
    private readonly List<KeyValuePair<string, string>> _tableRenames = new();
    private readonly List<KeyValuePair<string, string>> _columnRenames = new();
    private readonly List<string> _downSql = new();
    private readonly bool _downSqlUnknown;

    // The tables Up creates or drops and Down drops or re-creates, and the columns Up adds and Down drops, with known
    // names, read once: Covered and CoveredByColumnDrop ask about every operation of Up, and a migration that creates a
    // schema asks for each of its hundreds of indexes and keys about each table created before it.
    private readonly List<NamedOperation> _upTables = new();
    private readonly List<NamedOperation> _downTables = new();
    private readonly List<NamedOperation> _upAddedColumns = new();
    private readonly List<NamedOperation> _downDroppedColumns = new();

    public InverseMatcher(MigrationModel migration)
    {
        _migration = migration;
        foreach (var operation in migration.Down)
        {
            if (operation.Kind != MigrationOperationKind.Sql)
            {
                continue;
            }

            if (operation.GetString("sql") is { } text)
            {
                _downSql.Add(text);
            }
            else
            {
                _downSqlUnknown = true;
            }
        }

        foreach (var operation in migration.Up)
        {
            if (operation.Kind == MigrationOperationKind.RenameTable && Text(operation, "name", out var from) && Text(operation, "newName", out var to) && from is not null && to is not null)
            {
                _tableRenames.Add(new KeyValuePair<string, string>(from, to));
            }
            else if (operation.Kind == MigrationOperationKind.RenameColumn && Text(operation, "name", out var column) && Text(operation, "newName", out var newColumn)
                && column is not null && newColumn is not null)
            {
                _columnRenames.Add(new KeyValuePair<string, string>(column, newColumn));
            }
        }

        var up = migration.Up;
        for (var i = 0; i < up.Length; i++)
        {
            if (up[i].Kind is MigrationOperationKind.CreateTable or MigrationOperationKind.DropTable)
            {
                AddNamed(_upTables, i, up[i], "name", null);
            }
            else if (up[i].Kind == MigrationOperationKind.AddColumn)
            {
                AddNamed(_upAddedColumns, i, up[i], "table", "name");
            }
        }

        var down = migration.Down;
        for (var i = 0; i < down.Length; i++)
        {
            if (down[i].Kind is MigrationOperationKind.CreateTable or MigrationOperationKind.DropTable)
            {
                AddNamed(_downTables, i, down[i], "name", null);
            }
            else if (down[i].Kind == MigrationOperationKind.DropColumn)
            {
                AddNamed(_downDroppedColumns, i, down[i], "table", "name");
            }
        }
    }

    /// <summary>
    /// An operation whose table (and column) names are known, as <see cref="SameTable"/> and <see cref="Text"/> would
    /// read them; an operation with an unknown one is left out, as they would never match it.
    /// </summary>
    private readonly struct NamedOperation
    {
        public NamedOperation(int index, MigrationOperation operation, string? schema, string table, string? column)
        {
            Index = index;
            Operation = operation;
            Schema = schema;
            Table = table;
            Column = column;
        }

        public int Index { get; }

        public MigrationOperation Operation { get; }

        public string? Schema { get; }

        public string Table { get; }

        public string? Column { get; }
    }

    private static void AddNamed(List<NamedOperation> list, int index, MigrationOperation operation, string tableParameter, string? columnParameter)
    {
        if (!Text(operation, tableParameter, out var table) || !Text(operation, "schema", out var schema) || table is null)
        {
            return;
        }

        string? column = null;
        if (columnParameter is not null && (!Text(operation, columnParameter, out column) || column is null))
        {
            return;
        }

        list.Add(new NamedOperation(index, operation, schema, table, column));
    }

    private bool SameTable(in NamedOperation operation, string? schema, string table)
        => SchemaEquals(schema, operation.Schema) && TableEquals(table, operation.Table);

    /// <summary>True for the kinds whose inverse LL2003 looks for: those the catalog's table of inverses knows.</summary>
    public static bool IsJudged(MigrationOperationKind kind) => OperationInverses.HasInverse(kind);

    /// <summary>Finds the inverse in Down of the operation at <paramref name="upIndex"/> in Up.</summary>
    public InverseMatch Match(int upIndex)
    {
        var up = _migration.Up[upIndex];
        if (OperationInverses.InverseOf(up.Kind) is not { } inverse
            || IsChangedBySql(up)
            || Reversal.IsUndoneInUp(_migration, up))
        {
            return InverseMatch.NotJudged;
        }

        switch (up.Kind)
        {
            case MigrationOperationKind.CreateTable:
                return MatchNamed(up, inverse, "name", "drop table " + Table(up, "name") + " created here");
            case MigrationOperationKind.DropTable:
                return MatchDropTable(up);
            case MigrationOperationKind.AddColumn:
                return Covered(upIndex, up, created: true) ?? MatchColumn(up, inverse, "drop column " + Column(up) + " added here");
            case MigrationOperationKind.DropColumn:
                return Covered(upIndex, up, created: false) ?? MatchColumn(up, inverse, "re-add column " + Column(up) + " dropped here");
            case MigrationOperationKind.AlterColumn:
                return Covered(upIndex, up, created: true) ?? CoveredByColumnDrop(upIndex, up) ?? MatchAlterColumn(up);
            case MigrationOperationKind.RenameColumn:
                return Covered(upIndex, up, created: true) ?? MatchRenameColumn(up);
            case MigrationOperationKind.RenameTable:
            case MigrationOperationKind.RenameSequence:
                return MatchRenameTable(up);
            case MigrationOperationKind.RenameIndex:
                return Covered(upIndex, up, created: true) ?? MatchRenameIndex(up);
            case MigrationOperationKind.CreateIndex:
                return Covered(upIndex, up, created: true) ?? MatchConstraint(up, inverse, "drop index", "created here on table");
            case MigrationOperationKind.DropIndex:
                return Covered(upIndex, up, created: false) ?? MatchConstraint(up, inverse, "re-create index", "dropped here from table");
            case MigrationOperationKind.AddForeignKey:
                return Covered(upIndex, up, created: true) ?? MatchConstraint(up, inverse, "drop foreign key", "added here to table");
            case MigrationOperationKind.DropForeignKey:
                return Covered(upIndex, up, created: false) ?? MatchConstraint(up, inverse, "re-add foreign key", "dropped here from table");
            case MigrationOperationKind.AddPrimaryKey:
                return Covered(upIndex, up, created: true) ?? MatchConstraint(up, inverse, "drop primary key", "added here to table");
            case MigrationOperationKind.DropPrimaryKey:
                return Covered(upIndex, up, created: false) ?? MatchConstraint(up, inverse, "re-add primary key", "dropped here from table");
            case MigrationOperationKind.AddUniqueConstraint:
                return Covered(upIndex, up, created: true) ?? MatchConstraint(up, inverse, "drop unique constraint", "added here to table");
            case MigrationOperationKind.DropUniqueConstraint:
                return Covered(upIndex, up, created: false) ?? MatchConstraint(up, inverse, "re-add unique constraint", "dropped here from table");
            case MigrationOperationKind.AddCheckConstraint:
            case MigrationOperationKind.CreateCheckConstraint:
                return Covered(upIndex, up, created: true) ?? MatchConstraint(up, inverse, "drop check constraint", "added here to table");
            case MigrationOperationKind.DropCheckConstraint:
                return Covered(upIndex, up, created: false) ?? MatchConstraintAny(up, inverse, MigrationOperationKind.CreateCheckConstraint, "re-add check constraint", "dropped here from table");
            case MigrationOperationKind.DropSchema:
                return MatchNamed(up, inverse, "name", "re-create schema '" + up.GetString("name") + "' dropped here", schemaParameter: null);
            case MigrationOperationKind.InsertData:
                return Covered(upIndex, up, created: true) ?? MatchRows(up, inverse, "delete the rows inserted here into table " + Table(up, "table"));
            case MigrationOperationKind.DeleteData:
                return Covered(upIndex, up, created: false) ?? MatchRows(up, inverse, "re-insert the rows deleted here from table " + Table(up, "table"));
            case MigrationOperationKind.CreateSequence:
                return MatchNamed(up, inverse, "name", "drop sequence " + Table(up, "name") + " created here");
            case MigrationOperationKind.DropSequence:
                return MatchNamed(up, inverse, "name", "re-create sequence " + Table(up, "name") + " dropped here");
            default:
                return InverseMatch.NotJudged;
        }
    }

    /// <summary>
    /// True when raw SQL changes the operation's table where no operation shows it: Down runs a Sql step that names the
    /// table (or one whose text is not constant), or Up alters, drops or renames it in SQL. Down may well undo the
    /// operation there: not judged.
    /// </summary>
    private bool IsChangedBySql(MigrationOperation up)
    {
        if (_downSql.Count == 0 && !_downSqlUnknown && _migration.DataSteps.Steps.Count == 0)
        {
            return false;
        }

        var table = up.Table;
        var other = up.Kind is MigrationOperationKind.RenameTable ? up.GetString("newName") : null;
        if (table is null)
        {
            return _downSqlUnknown;
        }

        if (_downSqlUnknown)
        {
            return true;
        }

        foreach (var text in _downSql)
        {
            if (ContainsName(text, table) || (other is not null && ContainsName(text, other)))
            {
                return true;
            }
        }

        foreach (var step in _migration.DataSteps.Steps)
        {
            foreach (var statement in step.Statements)
            {
                if (statement.Verb is not (SqlVerb.Alter or SqlVerb.Drop or SqlVerb.Create))
                {
                    continue;
                }

                if (statement.Target is { } target && (target.Matches(up.Schema, table) || (statement.RenamedTo is { } renamed && string.Equals(renamed, table, StringComparison.OrdinalIgnoreCase))))
                {
                    return true;
                }

                foreach (var dropped in statement.DroppedTables)
                {
                    if (dropped.Matches(up.Schema, table))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="text"/> holds <paramref name="name"/> as a whole identifier, in any case, quoted or not.</summary>
    private static bool ContainsName(string text, string name)
    {
        var start = 0;
        while (start < text.Length)
        {
            var index = text.IndexOf(name, start, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return false;
            }

            var end = index + name.Length;
            if ((index == 0 || !IsIdentifierPart(text[index - 1])) && (end == text.Length || !IsIdentifierPart(text[end])))
            {
                return true;
            }

            start = index + 1;
        }

        return false;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';

    /// <summary>The same key, index or foreign-key name as EF writes it (cut to the identifier limit).</summary>
    private bool SameName(string? left, string? right)
        => Identifiers.SameName(left, right, _migration.Provider == DatabaseProvider.Unknown ? null : Identifiers.DefaultMaxLength(_migration.Provider), _migration.Provider);

    /// <summary>
    /// An operation on a table that Up creates (before it) and Down drops needs no inverse of its own; nor does one on a
    /// table that Up drops (after it) and Down re-creates.
    /// </summary>
    private InverseMatch? Covered(int upIndex, MigrationOperation up, bool created)
    {
        if (!Text(up, "table", out var table) || !Text(up, "schema", out var schema) || table is null)
        {
            return null;
        }

        var createdOrDroppedInUp = false;
        foreach (var other in _upTables)
        {
            if ((created ? other.Index < upIndex : other.Index > upIndex)
                && other.Operation.Kind == (created ? MigrationOperationKind.CreateTable : MigrationOperationKind.DropTable)
                && SameTable(other, schema, table))
            {
                createdOrDroppedInUp = true;
                break;
            }
        }

        if (!createdOrDroppedInUp)
        {
            return null;
        }

        foreach (var down in _downTables)
        {
            if (down.Operation.Kind == (created ? MigrationOperationKind.DropTable : MigrationOperationKind.CreateTable) && SameTable(down, schema, table))
            {
                return InverseMatch.Found(down.Operation);
            }
        }

        return null;
    }

    /// <summary>
    /// An AlterColumn of a column that Up added before it is undone by Down's DropColumn of that column, as an operation
    /// on a table Up created is undone by its DropTable (add nullable, fill, make required).
    /// </summary>
    private InverseMatch? CoveredByColumnDrop(int upIndex, MigrationOperation up)
    {
        if (!Text(up, "table", out var table) || !Text(up, "schema", out var schema) || !Text(up, "name", out var column) || table is null || column is null)
        {
            return null;
        }

        var added = false;
        foreach (var add in _upAddedColumns)
        {
            if (add.Index < upIndex && SameTable(add, schema, table) && string.Equals(add.Column, column, StringComparison.Ordinal))
            {
                added = true;
                break;
            }
        }

        if (added)
        {
            foreach (var down in _downDroppedColumns)
            {
                if (SameTable(down, schema, table) && string.Equals(down.Column, column, StringComparison.Ordinal))
                {
                    return InverseMatch.Found(down.Operation);
                }
            }
        }

        return null;
    }

    /// <summary>An operation identified by a name and a schema (tables, sequences, schemas).</summary>
    private InverseMatch MatchNamed(MigrationOperation up, MigrationOperationKind inverseKind, string nameParameter, string problem, string? schemaParameter = "schema")
    {
        if (!Text(up, nameParameter, out var name) || name is null)
        {
            return InverseMatch.NotJudged;
        }

        string? schema = null;
        if (schemaParameter is not null && !Text(up, schemaParameter, out schema))
        {
            return InverseMatch.NotJudged;
        }

        var unknown = false;
        foreach (var down in _migration.Down)
        {
            if (down.Kind != inverseKind)
            {
                continue;
            }

            if (!Text(down, nameParameter, out var downName) || (schemaParameter is not null && !Text(down, schemaParameter, out _)))
            {
                unknown = true;
                continue;
            }

            var sameSchema = schemaParameter is null || (Text(down, schemaParameter, out var downSchema) && SchemaEquals(downSchema, schema));
            if (sameSchema && (string.Equals(downName, name, StringComparison.Ordinal) || (inverseKind is MigrationOperationKind.DropTable or MigrationOperationKind.CreateTable && TableAlias(downName, name))))
            {
                return InverseMatch.Found(down);
            }
        }

        return unknown ? InverseMatch.NotJudged : InverseMatch.Missing(problem);
    }

    private InverseMatch MatchDropTable(MigrationOperation up)
    {
        var match = MatchNamed(up, MigrationOperationKind.CreateTable, "name", "re-create table " + Table(up, "name") + " dropped here");
        if (match.Status != InverseStatus.Found || match.Inverse is not { } create || create.Columns.IsDefaultOrEmpty)
        {
            return match;
        }

        // Re-created, but with every column it had? Only the previous migration's model knows.
        var previous = _migration.PreviousTargetModel?.FindTable(up.Schema, up.GetString("name")!);
        if (previous is null)
        {
            return match;
        }

        var missingColumns = new List<string>();
        foreach (var column in previous.Columns)
        {
            var present = false;
            foreach (var recreated in create.Columns)
            {
                if (recreated.Name is null)
                {
                    return match;
                }

                present |= string.Equals(recreated.Name, column.Name, StringComparison.Ordinal);
            }

            if (!present)
            {
                missingColumns.Add(column.Name);
            }
        }

        // Its key, indexes and foreign keys: in the CreateTable's constraints or as their own operations of Down.
        var tableName = up.GetString("name")!;
        var missingKeys = new List<string>();
        if (previous.PrimaryKeyName is { } primaryKey && !HasConstraint(create, ConstraintKind.PrimaryKey, null) && !InDown(MigrationOperationKind.AddPrimaryKey, primaryKey, tableName))
        {
            missingKeys.Add(primaryKey);
        }

        var missingIndexes = new List<string>();
        foreach (var index in previous.Indexes)
        {
            if (!InDown(MigrationOperationKind.CreateIndex, index.Name, tableName))
            {
                missingIndexes.Add(index.Name);
            }
        }

        var missingForeignKeys = new List<string>();
        // The dropped table's own relationships: the rest of the previous Designer is not read for them.
        foreach (var foreignKey in _migration.PreviousTargetModel!.ForeignKeysFrom(previous.Schema, previous.Name))
        {
            if (string.Equals(foreignKey.Dependent.Name, previous.Name, StringComparison.Ordinal) && string.Equals(foreignKey.Dependent.Schema, previous.Schema, StringComparison.Ordinal))
            {
                var name = ForeignKeyName(foreignKey);
                if (!HasConstraint(create, ConstraintKind.ForeignKey, name) && !InDown(MigrationOperationKind.AddForeignKey, name, tableName))
                {
                    missingForeignKeys.Add(name);
                }
            }
        }

        var parts = new List<string>();
        AddPart(parts, missingColumns, "column ", "columns ");
        AddPart(parts, missingKeys, "primary key ", "primary keys ");
        AddPart(parts, missingIndexes, "index ", "indexes ");
        AddPart(parts, missingForeignKeys, "foreign key ", "foreign keys ");
        if (parts.Count == 0)
        {
            return match;
        }

        return new InverseMatch(InverseStatus.Wrong, create, "re-create " + string.Join(", ", parts) + " of table " + Table(up, "name") + " dropped here");
    }

    /// <summary>EF Core's name for a foreign key the Designer does not name: FK_dependent_principal_columns.</summary>
    internal static string ForeignKeyName(Model.Targets.TargetForeignKey foreignKey)
        => foreignKey.Name ?? "FK_" + foreignKey.Dependent.Name + "_" + foreignKey.Principal.Name + "_" + string.Join("_", foreignKey.Columns);

    private static void AddPart(List<string> parts, List<string> names, string one, string many)
    {
        if (names.Count > 0)
        {
            var text = new StringBuilder(names.Count == 1 ? one : many);
            AppendList(text, names);
            parts.Add(text.ToString());
        }
    }

    private bool HasConstraint(MigrationOperation create, ConstraintKind kind, string? name)
    {
        foreach (var constraint in create.Constraints)
        {
            if (constraint.Kind == kind && (name is null || constraint.Name is null || ModelName(constraint.Name, name)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name of the previous target model (EF's default, full length) against one a migration writes (cut to the model's limit).</summary>
    private bool ModelName(string? written, string modelName)
        => Identifiers.SameName(written, modelName, _migration.PreviousTargetModel?.MaxIdentifierLength, _migration.Provider);

    private bool InDown(MigrationOperationKind kind, string name, string table)
    {
        foreach (var down in _migration.Down)
        {
            if (down.Kind == kind && (!Text(down, "name", out var downName) || ModelName(downName, name))
                && (!Text(down, "table", out var downTable) || downTable is null || TableEquals(table, downTable)))
            {
                return true;
            }
        }

        return false;
    }

    private InverseMatch MatchColumn(MigrationOperation up, MigrationOperationKind inverseKind, string problem)
    {
        if (!ColumnIdentity(up, out var schema, out var table, out var name))
        {
            return InverseMatch.NotJudged;
        }

        var unknown = false;
        foreach (var down in _migration.Down)
        {
            if (down.Kind != inverseKind)
            {
                continue;
            }

            if (!ColumnIdentity(down, out var downSchema, out var downTable, out var downName))
            {
                unknown = true;
            }
            else if (SchemaEquals(schema, downSchema) && TableEquals(table, downTable) && ColumnEquals(name, downName))
            {
                return InverseMatch.Found(down);
            }
        }

        // A column Up adds that Down renames to the one Up dropped (or the other way round): Down undid an add + drop
        // pair as the rename it was scaffolded as. The schema is back.
        if (RenamedInDown(MigrationOperationKind.RenameColumn, name, table, fromName: up.Kind == MigrationOperationKind.AddColumn) is { } rename)
        {
            return InverseMatch.Found(rename);
        }

        return unknown ? InverseMatch.NotJudged : InverseMatch.Missing(problem);
    }

    /// <summary>A rename in Down on the table whose old name (<paramref name="fromName"/>) or new name is <paramref name="name"/>.</summary>
    private MigrationOperation? RenamedInDown(MigrationOperationKind kind, string name, string? table, bool fromName)
    {
        foreach (var down in _migration.Down)
        {
            if (down.Kind == kind
                && (fromName ? down.GetString("name") : down.GetString("newName")) is { } renamed && SameName(renamed, name)
                && (table is null || down.GetString("table") is not { } downTable || TableEquals(table, downTable)))
            {
                return down;
            }
        }

        return null;
    }

    private InverseMatch MatchAlterColumn(MigrationOperation up)
    {
        if (!ColumnIdentity(up, out var schema, out var table, out var name) || !HasOldDefinition(up))
        {
            return InverseMatch.NotJudged;
        }

        var unknown = false;
        MigrationOperation? closest = null;
        string? closestDifference = null;
        foreach (var down in _migration.Down)
        {
            if (down.Kind != MigrationOperationKind.AlterColumn)
            {
                continue;
            }

            if (!ColumnIdentity(down, out var downSchema, out var downTable, out var downName))
            {
                unknown = true;
                continue;
            }

            if (!SchemaEquals(schema, downSchema) || !TableEquals(table, downTable) || !ColumnEquals(name, downName))
            {
                continue;
            }

            var difference = RestoreDifference(up, down);
            if (difference is null)
            {
                return InverseMatch.Found(down);
            }

            if (difference.Length == 0)
            {
                // An argument on either side is not known: no guess.
                unknown = true;
                continue;
            }

            closest ??= down;
            closestDifference ??= difference;
        }

        if (closest is not null && closestDifference is not null && !unknown)
        {
            return new InverseMatch(InverseStatus.Wrong, closest, "restore column " + Column(up) + " altered here: it restores " + closestDifference);
        }

        return unknown ? InverseMatch.NotJudged : InverseMatch.Missing("restore column " + Column(up) + " altered here");
    }

    /// <summary>
    /// True when the AlterColumn says what the column was (an old… argument written): EF Core 1.x scaffolded AlterColumn
    /// without them, and then nothing tells what Down must restore.
    /// </summary>
    private static bool HasOldDefinition(MigrationOperation up)
    {
        foreach (var argument in up.Arguments)
        {
            if (argument.Key.StartsWith("old", StringComparison.Ordinal) && argument.Value.IsSpecified)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What Down's AlterColumn restores differently from the definition Up replaced: null when it restores it (as far
    /// as both say), empty when an argument on either side is not known.
    /// </summary>
    private string? RestoreDifference(MigrationOperation up, MigrationOperation down)
    {
        var differences = new List<string>();
        var unknown = false;

        // The CLR type: Up's oldClrType against Down's generic argument.
        var oldClr = up["oldClrType"];
        if (oldClr.State == ArgumentState.Unknown)
        {
            unknown = true;
        }
        else if (oldClr.Value is ClrTypeName oldClrType && down.ClrType is { } downClr && !oldClrType.Equals(downClr))
        {
            differences.Add("CLR type " + Short(downClr.MetadataName) + " instead of " + Short(oldClrType.MetadataName));
        }

        var oldType = up["oldType"];
        var type = down["type"];
        if (oldType.State == ArgumentState.Unknown || type.State == ArgumentState.Unknown)
        {
            unknown = true;
        }
        else if (oldType.Value is string expected && !StoreTypesEqual(expected, type.Value as string))
        {
            differences.Add("type " + Quote(type.Value) + " instead of " + Quote(expected));
        }

        Compare(up, down, "oldNullable", "nullable", differences, ref unknown, static (actual, expected) => Equals(actual, true) ? "nullable where it was required" : "required where it was nullable");
        Compare(up, down, "oldMaxLength", "maxLength", differences, ref unknown, static (actual, expected) => "max length " + Show(actual) + " instead of " + Show(expected));
        Compare(up, down, "oldPrecision", "precision", differences, ref unknown, static (actual, expected) => "precision " + Show(actual) + " instead of " + Show(expected));
        Compare(up, down, "oldScale", "scale", differences, ref unknown, static (actual, expected) => "scale " + Show(actual) + " instead of " + Show(expected));
        Compare(up, down, "oldUnicode", "unicode", differences, ref unknown, static (actual, expected) => "unicode " + Show(actual) + " instead of " + Show(expected));
        Compare(up, down, "oldFixedLength", "fixedLength", differences, ref unknown, static (actual, expected) => "fixed length " + Show(actual) + " instead of " + Show(expected));

        if (differences.Count > 0)
        {
            var text = new StringBuilder();
            AppendList(text, differences, quote: false);
            return text.ToString();
        }

        return unknown ? string.Empty : null;
    }

    private static void Compare(MigrationOperation up, MigrationOperation down, string oldParameter, string newParameter, List<string> differences, ref bool unknown, Func<object?, object?, string> describe)
    {
        var expected = up[oldParameter];
        var actual = down[newParameter];
        if (expected.State == ArgumentState.Unknown || actual.State == ArgumentState.Unknown)
        {
            unknown = true;
            return;
        }

        if (expected.State == ArgumentState.Absent || actual.State == ArgumentState.Absent)
        {
            return;
        }

        // Left out in Up (and null by default): Up does not say what the column had, so there is nothing to check.
        if (expected.State == ArgumentState.Default && expected.Value is null)
        {
            return;
        }

        if (!Equals(expected.Value, actual.Value))
        {
            differences.Add(describe(actual.Value, expected.Value));
        }
    }

    private bool StoreTypesEqual(string expected, string? actual)
    {
        if (actual is null)
        {
            return false;
        }

        if (string.Equals(expected.Trim(), actual.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var left = StoreTypeParser.Parse(expected, _migration.Provider);
        var right = StoreTypeParser.Parse(actual, _migration.Provider);
        return left.IsKnown && right.IsKnown && left.Equals(right);
    }

    private InverseMatch MatchRenameColumn(MigrationOperation up)
    {
        if (!ColumnIdentity(up, out var schema, out var table, out var name) || !Text(up, "newName", out var newName) || newName is null)
        {
            return InverseMatch.NotJudged;
        }

        var unknown = false;
        foreach (var down in _migration.Down)
        {
            if (down.Kind != MigrationOperationKind.RenameColumn)
            {
                continue;
            }

            if (!ColumnIdentity(down, out var downSchema, out var downTable, out var downName) || !Text(down, "newName", out var downNewName))
            {
                unknown = true;
            }
            else if (SchemaEquals(schema, downSchema) && TableEquals(table, downTable)
                && string.Equals(downName, newName, StringComparison.Ordinal) && string.Equals(downNewName, name, StringComparison.Ordinal))
            {
                return InverseMatch.Found(down);
            }
        }

        return unknown ? InverseMatch.NotJudged : InverseMatch.Missing("rename column " + Qualified(schema, table + "." + newName) + " back to '" + name + "'");
    }

    private InverseMatch MatchRenameTable(MigrationOperation up)
    {
        if (!Text(up, "name", out var name) || !Text(up, "schema", out var schema) || !Text(up, "newName", out var newName) || !Text(up, "newSchema", out var newSchema) || name is null)
        {
            return InverseMatch.NotJudged;
        }

        // Where the table (or sequence) is after Up, and where Down must put it back. A missing newSchema is the default
        // schema, as EF Core reads it (a table moved out of a schema is scaffolded so), not "unchanged".
        var afterName = newName ?? name;
        var afterSchema = newSchema;
        var unknown = false;
        foreach (var down in _migration.Down)
        {
            if (down.Kind != up.Kind)
            {
                continue;
            }

            if (!Text(down, "name", out var downName) || !Text(down, "schema", out var downSchema) || !Text(down, "newName", out var downNewName) || !Text(down, "newSchema", out var downNewSchema))
            {
                unknown = true;
            }
            else if (string.Equals(downName, afterName, StringComparison.Ordinal) && SchemaEquals(downSchema, afterSchema)
                && string.Equals(downNewName ?? downName, name, StringComparison.Ordinal) && SchemaEquals(downNewSchema, schema))
            {
                return InverseMatch.Found(down);
            }
        }

        var noun = up.Kind == MigrationOperationKind.RenameTable ? "table " : "sequence ";
        return unknown ? InverseMatch.NotJudged : InverseMatch.Missing("rename " + noun + Qualified(afterSchema, afterName) + " back to " + Qualified(schema, name));
    }

    private InverseMatch MatchRenameIndex(MigrationOperation up)
    {
        if (!Text(up, "name", out var name) || !Text(up, "newName", out var newName) || !Text(up, "table", out var table) || name is null || newName is null)
        {
            return InverseMatch.NotJudged;
        }

        var unknown = false;
        foreach (var down in _migration.Down)
        {
            if (down.Kind != MigrationOperationKind.RenameIndex)
            {
                continue;
            }

            if (!Text(down, "name", out var downName) || !Text(down, "newName", out var downNewName) || !Text(down, "table", out var downTable))
            {
                unknown = true;
            }
            else if (string.Equals(downName, newName, StringComparison.Ordinal) && string.Equals(downNewName, name, StringComparison.Ordinal)
                && (table is null || downTable is null || TableEquals(table, downTable)))
            {
                return InverseMatch.Found(down);
            }
        }

        return unknown ? InverseMatch.NotJudged : InverseMatch.Missing("rename index '" + newName + "' back to '" + name + "'");
    }

    private InverseMatch MatchConstraintAny(MigrationOperation up, MigrationOperationKind inverseKind, MigrationOperationKind alternativeKind, string verb, string where)
    {
        var first = MatchConstraint(up, inverseKind, verb, where);
        if (first.Status != InverseStatus.Missing)
        {
            return first;
        }

        var second = MatchConstraint(up, alternativeKind, verb, where);
        return second.Status == InverseStatus.Missing ? first : second;
    }

    /// <summary>Indexes, keys and constraints: a name on a table (DropIndex may leave the table out).</summary>
    private InverseMatch MatchConstraint(MigrationOperation up, MigrationOperationKind inverseKind, string verb, string where)
    {
        if (!Text(up, "name", out var name) || !Text(up, "table", out var table) || !Text(up, "schema", out var schema) || name is null)
        {
            return InverseMatch.NotJudged;
        }

        var unknown = false;
        foreach (var down in _migration.Down)
        {
            if (down.Kind != inverseKind)
            {
                continue;
            }

            if (!Text(down, "name", out var downName) || !Text(down, "table", out var downTable) || !Text(down, "schema", out var downSchema))
            {
                unknown = true;
            }
            else if (SameName(downName, name) && SchemaEquals(schema, downSchema)
                && (table is null || downTable is null || TableEquals(table, downTable)))
            {
                return InverseMatch.Found(down);
            }
        }

        // An index Up creates that Down renames to what Up dropped, or the other way round: the schema is back.
        if ((up.Kind is MigrationOperationKind.CreateIndex or MigrationOperationKind.DropIndex) && RenamedInDown(MigrationOperationKind.RenameIndex, name, table, fromName: up.Kind == MigrationOperationKind.CreateIndex) is { } rename)
        {
            return InverseMatch.Found(rename);
        }

        var problem = verb + " '" + name + "' " + (table is null ? where.Substring(0, where.LastIndexOf(' ')) : where + " " + Qualified(schema, table));
        return unknown ? InverseMatch.NotJudged : InverseMatch.Missing(problem);
    }

    private InverseMatch MatchRows(MigrationOperation up, MigrationOperationKind inverseKind, string problem)
    {
        if (!Text(up, "table", out var table) || !Text(up, "schema", out var schema) || table is null)
        {
            return InverseMatch.NotJudged;
        }

        var unknown = false;
        foreach (var down in _migration.Down)
        {
            if (down.Kind != inverseKind)
            {
                continue;
            }

            if (!Text(down, "table", out var downTable) || !Text(down, "schema", out var downSchema))
            {
                unknown = true;
            }
            else if (downTable is not null && TableEquals(table, downTable) && SchemaEquals(schema, downSchema))
            {
                return CountRows(up, inverseKind, table, schema, problem, down);
            }
        }

        return unknown ? InverseMatch.NotJudged : InverseMatch.Missing(problem);
    }

    /// <summary>Down deletes (or re-inserts) rows of the table: as many as Up inserted (or deleted), when both are counted</summary>
    private InverseMatch CountRows(MigrationOperation up, MigrationOperationKind inverseKind, string table, string? schema, string problem, MigrationOperation found)
    {
        var expected = 0;
        foreach (var operation in _migration.Up)
        {
            if (operation.Kind == up.Kind && Text(operation, "table", out var t) && t is not null && TableEquals(table, t) && Text(operation, "schema", out var s) && SchemaEquals(schema, s))
            {
                if (RowCount(operation) is not int rows)
                {
                    return InverseMatch.Found(found);
                }

                expected += rows;
            }
        }

        var actual = 0;
        foreach (var operation in _migration.Down)
        {
            if (operation.Kind == inverseKind && Text(operation, "table", out var t) && t is not null && TableEquals(table, t) && Text(operation, "schema", out var s) && SchemaEquals(schema, s))
            {
                if (RowCount(operation) is not int rows)
                {
                    return InverseMatch.Found(found);
                }

                actual += rows;
            }
        }

        return actual >= expected ? InverseMatch.Found(found) : InverseMatch.Missing(problem.Replace("the rows", "every row") + ": it " + (inverseKind == MigrationOperationKind.DeleteData ? "deletes " : "re-inserts ") + actual + " of " + expected);
    }

    /// <summary>The number of rows an InsertData or DeleteData writes, from the sizes of its arrays; null when not known.</summary>
    private static int? RowCount(MigrationOperation operation)
    {
        var single = operation.Kind == MigrationOperationKind.InsertData ? "value" : "keyValue";
        var many = operation.Kind == MigrationOperationKind.InsertData ? "values" : "keyValues";
        var manyColumns = operation.Kind == MigrationOperationKind.InsertData ? "columns" : "keyColumns";
        if (operation[single].State is ArgumentState.Constant or ArgumentState.Unknown)
        {
            return 1;
        }

        var values = operation[many].Operation;
        while (values is Microsoft.CodeAnalysis.Operations.IConversionOperation conversion)
        {
            values = conversion.Operand;
        }

        if (values is not Microsoft.CodeAnalysis.Operations.IArrayCreationOperation array || array.DimensionSizes.Length == 0
            || array.DimensionSizes[0].ConstantValue is not { HasValue: true, Value: int length })
        {
            return null;
        }

        // values: object[,] is one row per line; object[] is one row of several columns, or several rows of one column.
        return array.DimensionSizes.Length == 2 || operation[manyColumns].State is ArgumentState.Absent or ArgumentState.Default ? length : 1;
    }

    private bool? SameTable(MigrationOperation operation, string nameParameter, string schemaParameter, string? schema, string table)
    {
        if (!Text(operation, nameParameter, out var name) || !Text(operation, schemaParameter, out var operationSchema) || name is null)
        {
            return null;
        }

        return SchemaEquals(schema, operationSchema) && TableEquals(table, name);
    }

    private static bool ColumnIdentity(MigrationOperation operation, out string? schema, out string table, out string name)
    {
        table = string.Empty;
        name = string.Empty;
        if (!Text(operation, "schema", out schema) || !Text(operation, "table", out var t) || !Text(operation, "name", out var n) || t is null || n is null)
        {
            return false;
        }

        table = t;
        name = n;
        return true;
    }

    /// <summary>The argument as a known string or null; false when the argument is not statically known.</summary>
    private static bool Text(MigrationOperation operation, string parameter, out string? value)
    {
        var argument = operation[parameter];
        value = argument.Value as string;
        return argument.State != ArgumentState.Unknown && (argument.Value is null || value is not null);
    }

    private static bool SchemaEquals(string? left, string? right) => string.Equals(left, right, StringComparison.Ordinal);

    private bool TableEquals(string left, string right) => string.Equals(left, right, StringComparison.Ordinal) || TableAlias(left, right);

    private bool TableAlias(string? left, string? right)
    {
        foreach (var pair in _tableRenames)
        {
            if ((pair.Key == left && pair.Value == right) || (pair.Key == right && pair.Value == left))
            {
                return true;
            }
        }

        return false;
    }

    private bool ColumnEquals(string left, string right)
    {
        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var pair in _columnRenames)
        {
            if ((pair.Key == left && pair.Value == right) || (pair.Key == right && pair.Value == left))
            {
                return true;
            }
        }

        return false;
    }

    private static string Table(MigrationOperation operation, string nameParameter)
        => Qualified(operation.GetString("schema"), operation.GetString(nameParameter) ?? "?");

    private static string Column(MigrationOperation operation)
        => Qualified(operation.GetString("schema"), (operation.GetString("table") ?? "?") + "." + (operation.GetString("name") ?? "?"));

    private static string Qualified(string? schema, string name) => schema is null ? name : schema + "." + name;

    private static string Quote(object? value) => value is string text ? "'" + text + "'" : "none";

    private static string Show(object? value) => value switch
    {
        null => "none",
        bool flag => flag ? "true" : "false",
        _ => value.ToString() ?? "none",
    };

    private static string Short(string metadataName)
    {
        var dot = metadataName.LastIndexOf('.');
        return dot < 0 ? metadataName : metadataName.Substring(dot + 1);
    }

    private static void AppendList(StringBuilder text, List<string> items, bool quote = true)
    {
        for (var i = 0; i < items.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : i == items.Count - 1 ? " and " : ", ");
            text.Append(quote ? "'" + items[i] + "'" : items[i]);
        }
    }
}
