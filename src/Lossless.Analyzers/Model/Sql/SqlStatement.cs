using System;
using System.Collections.Generic;

namespace Lossless.Analyzers.Model.Sql;

/// <summary>What a statement does, by its main verb.</summary>
public enum SqlVerb
{
    Other = 0,
    Select,
    Insert,
    Update,
    Delete,
    Merge,
    Create,
    Alter,
    Drop,
    Truncate,
}

/// <summary>A table as SQL text names it: schema (null when not written) and name, unquoted.</summary>
public readonly struct SqlName
{
    public SqlName(string? schema, string name)
    {
        Schema = schema;
        Name = name;
    }

    public string? Schema { get; }

    public string Name { get; }

    /// <summary>Same name ignoring case (SQL folds or compares unquoted names so); schemas match when either is not written.</summary>
    public bool Matches(string? schema, string name)
        => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase)
        && (Schema is null || schema is null || string.Equals(Schema, schema, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Schema is null ? Name : Schema + "." + Name;
}

/// <summary>One column type change inside an ALTER TABLE: <c>ALTER [COLUMN] c TYPE t [USING …]</c> and its spellings.</summary>
public sealed class SqlColumnTypeChange
{
    public SqlColumnTypeChange(string column, string? type, bool hasUsing, bool usingIsThePlainCast = false)
    {
        Column = column;
        Type = type;
        HasUsing = hasUsing;
        UsingIsThePlainCast = usingIsThePlainCast;
    }

    /// <summary>The column name, unquoted.</summary>
    public string Column { get; }

    /// <summary>The new type as written (<c>text</c>, <c>nvarchar(50)</c>), or null when it could not be read.</summary>
    public string? Type { get; }

    /// <summary>PostgreSQL's <c>USING expression</c>: the statement converts the values itself.</summary>
    public bool HasUsing { get; }

    /// <summary>The <c>USING</c> expression is the column, <c>col::text</c> or <c>CAST(col AS text)</c> (varchar alike).</summary>
    public bool UsingIsThePlainCast { get; }
}

/// <summary>
/// One statement of a Sql step, read once from its tokens: its verb, the table it writes, the columns it assigns,
/// the tables and names it reads, its WHERE, and whether (and how) it destroys data. A fact the statement's shape
/// does not show is left empty: rules never guess from it.
/// </summary>
public sealed class SqlStatement
{
    private static readonly List<string> NoNames = new();
    private static readonly List<SqlName> NoTables = new();
    private static readonly List<SqlColumnTypeChange> NoTypeChanges = new();
    private static readonly HashSet<string> NoReads = new(StringComparer.OrdinalIgnoreCase);

    internal SqlStatement(SqlVerb verb, string text)
    {
        Verb = verb;
        Text = text;
    }

    public SqlVerb Verb { get; }

    /// <summary>The statement as written, whitespace collapsed, shortened to 80 characters.</summary>
    public string Text { get; }

    /// <summary>
    /// The table the statement writes: UPDATE t, DELETE FROM t, INSERT INTO t, TRUNCATE t, ALTER TABLE t, CREATE TABLE t
    /// (… AS SELECT), SELECT … INTO t. Null for other statements or when not a plain name.
    /// </summary>
    public SqlName? Target { get; internal set; }

    /// <summary>UPDATE: the columns SET assigns; INSERT: its column list. Names unquoted, as written.</summary>
    public List<string> Assigned { get; internal set; } = NoNames;

    /// <summary>The tables the statement reads rows from: FROM, JOIN and USING, subqueries included (not DELETE's own table).</summary>
    public List<SqlName> Sources { get; internal set; } = NoTables;

    /// <summary>
    /// Names in positions where values are read and written elsewhere: an UPDATE's SET expressions, an INSERT's or
    /// CREATE TABLE … AS / SELECT … INTO's SELECT. Compared ignoring case.
    /// </summary>
    public HashSet<string> Reads { get; internal set; } = NoReads;

    /// <summary>True when the statement has a top-level WHERE (UPDATE, DELETE).</summary>
    public bool HasWhere { get; internal set; }

    /// <summary>Columns whose every NULL row the statement's WHERE selects: <c>WHERE c IS NULL</c>, alone or OR-ed with other conditions.</summary>
    public List<string> NullSelected { get; internal set; } = NoNames;

    /// <summary>The destructive action the statement takes, before any fact about the tables is considered (LL1009).</summary>
    public DestructiveSqlKind? Destructive { get; internal set; }

    /// <summary>DROP TABLE: the tables it drops.</summary>
    public List<SqlName> DroppedTables { get; internal set; } = NoTables;

    /// <summary>ALTER TABLE t RENAME TO n: the new name.</summary>
    public string? RenamedTo { get; internal set; }

    /// <summary>ALTER TABLE: true when one of its actions drops a column.</summary>
    public bool DropsColumn { get; internal set; }

    /// <summary>ALTER TABLE … ADD [COLUMN] c: the columns the statement adds to <see cref="Target"/>.</summary>
    public List<string> AddedColumns { get; internal set; } = NoNames;

    /// <summary>ALTER TABLE: the column type changes among its actions.</summary>
    public List<SqlColumnTypeChange> TypeChanges { get; internal set; } = NoTypeChanges;

    /// <summary>True when the statement copies values out of other rows into a table: INSERT … SELECT, UPDATE … FROM/JOIN or with SET expressions that read, CREATE TABLE … AS SELECT, SELECT … INTO.</summary>
    public bool CopiesValues => Reads.Count > 0 && Target is not null;

    /// <summary>True when <see cref="Reads"/> holds the name.</summary>
    public bool ReadsName(string name) => Reads.Contains(name);

    /// <summary>True when the statement assigns the column (case ignored).</summary>
    public bool AssignsColumn(string name)
    {
        foreach (var column in Assigned)
        {
            if (string.Equals(column, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the statement reads rows of the table (FROM, JOIN, USING).</summary>
    public bool ReadsTable(string? schema, string table)
    {
        foreach (var source in Sources)
        {
            if (source.Matches(schema, table))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the WHERE selects every row of the column that holds NULL.</summary>
    public bool SelectsNullsOf(string column)
    {
        foreach (var name in NullSelected)
        {
            if (string.Equals(name, column, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Verb + ": " + Text;
}
