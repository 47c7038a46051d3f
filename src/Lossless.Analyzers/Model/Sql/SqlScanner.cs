using System;
using System.Collections.Generic;
using System.Text;
using Lossless.Analyzers.Model.Providers;

namespace Lossless.Analyzers.Model.Sql;

/// <summary>What a destructive statement does.</summary>
public enum DestructiveSqlKind
{
    DropTable,
    DropColumn,
    DropSchema,
    DropDatabase,
    Truncate,
    DeleteWithoutWhere,
    UpdateWithoutWhere,
    ColumnTypeChange,
}

/// <summary>One destructive statement found in SQL text.</summary>
public sealed class DestructiveStatement
{
    public DestructiveStatement(DestructiveSqlKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public DestructiveSqlKind Kind { get; }

    /// <summary>The statement as written, whitespace collapsed, shortened to 80 characters.</summary>
    public string Text { get; }

    public override string ToString() => Kind + ": " + Text;
}

/// <summary>An UPDATE statement's target table and the columns its SET list assigns.</summary>
public sealed class SqlUpdate
{
    public SqlUpdate(string? schema, string table, List<string> columns, bool hasWhere)
    {
        Schema = schema;
        Table = table;
        Columns = columns;
        HasWhere = hasWhere;
    }

    public string? Schema { get; }

    public string Table { get; }

    /// <summary>Column names as written, unquoted.</summary>
    public List<string> Columns { get; }

    public bool HasWhere { get; }
}

/// <summary>
/// Reads the statements of SQL text on top of <see cref="SqlLexer"/> (<see cref="Read"/>): what each writes, reads and
/// destroys. Statements are split the way the database splits them: at <c>;</c>, at a dollar quote and after
/// BEGIN / THEN / ELSE / LOOP / DECLARE (so that <c>ON DELETE CASCADE</c>, <c>FOR UPDATE</c> and
/// <c>ON CONFLICT DO UPDATE</c> are never mistaken for statements), and on SQL Server also at a <c>GO</c> line and at a
/// new line that starts a new statement (T-SQL needs no <c>;</c>).
/// </summary>
public static class SqlScanner
{
    /// <summary>Reads every statement of the text. Never throws.</summary>
    public static List<SqlStatement> Read(string sql, DatabaseProvider provider)
    {
        var tokens = SqlLexer.Tokenize(sql);
        var temporaryTables = TemporaryTables(tokens);
        var result = new List<SqlStatement>();
        foreach (var (start, end) in Statements(sql, tokens, provider))
        {
            result.Add(Analyze(sql, tokens, start, end, temporaryTables));
        }

        return result;
    }

    public static List<DestructiveStatement> FindDestructive(string sql) => FindDestructive(sql, DatabaseProvider.Unknown);

    public static List<DestructiveStatement> FindDestructive(string sql, DatabaseProvider provider)
    {
        var result = new List<DestructiveStatement>();
        foreach (var statement in Read(sql, provider))
        {
            if (statement.Destructive is { } kind)
            {
                result.Add(new DestructiveStatement(kind, statement.Text));
            }
        }

        return result;
    }

    public static List<SqlUpdate> FindUpdates(string sql)
    {
        var result = new List<SqlUpdate>();
        foreach (var statement in Read(sql, DatabaseProvider.Unknown))
        {
            if (statement.Verb == SqlVerb.Update && statement.Target is { } target)
            {
                result.Add(new SqlUpdate(target.Schema, target.Name, statement.Assigned, statement.HasWhere));
            }
        }

        return result;
    }

    // ---------------------------------------------------------------- Splitting

    /// <summary>Statement ranges [start, end) of token indexes.</summary>
    private static List<(int Start, int End)> Statements(string sql, List<SqlToken> tokens, DatabaseProvider provider)
    {
        var tsql = provider == DatabaseProvider.SqlServer;
        var result = new List<(int, int)>();
        var i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.IsPunctuation(';') || token.Kind == SqlTokenKind.DollarQuote || IsBlockWord(token) || (tsql && IsGoLine(sql, tokens, i)))
            {
                i++;
                continue;
            }

            var start = i;
            var depth = 0;
            var cases = 0;
            while (i < tokens.Count)
            {
                var current = tokens[i];
                if (current.IsPunctuation('('))
                {
                    depth++;
                }
                else if (current.IsPunctuation(')'))
                {
                    depth--;
                }
                else if (current.Is("CASE"))
                {
                    cases++;
                }
                else if (current.Is("END") && cases > 0)
                {
                    cases--;
                }
                else if ((depth <= 0 && current.IsPunctuation(';')) || current.Kind == SqlTokenKind.DollarQuote)
                {
                    break;
                }
                else if (i > start && depth <= 0 && cases == 0 && IsBlockWord(current))
                {
                    // IF … THEN <statement>, WHILE … LOOP <statement>, BEGIN <statement>: the block word ends this one.
                    i++;
                    break;
                }
                else if (tsql && i > start && depth <= 0 && cases == 0 && (IsGoLine(sql, tokens, i) || StartsTsqlStatement(sql, tokens, start, i)))
                {
                    break;
                }

                i++;
            }

            result.Add((start, i));
        }

        return result;
    }

    private static bool IsBlockWord(SqlToken token)
        => token.Is("BEGIN") || token.Is("THEN") || token.Is("ELSE") || token.Is("LOOP") || token.Is("DECLARE");

    private static bool AtLineStart(string sql, List<SqlToken> tokens, int i)
    {
        var from = i == 0 ? 0 : tokens[i - 1].End;
        var length = tokens[i].Start - from;
        return i == 0 || (length > 0 && sql.IndexOf('\n', from, length) >= 0);
    }

    /// <summary>A T-SQL batch separator: GO alone on its line.</summary>
    private static bool IsGoLine(string sql, List<SqlToken> tokens, int i)
        => tokens[i].Is("GO") && AtLineStart(sql, tokens, i) && (i + 1 == tokens.Count || AtLineStart(sql, tokens, i + 1));

    private static readonly string[] TsqlStatementWords = ["UPDATE", "DELETE", "INSERT", "TRUNCATE", "MERGE", "EXEC", "EXECUTE", "PRINT", "RAISERROR", "THROW", "GRANT", "DENY", "REVOKE", "USE"];

    private static readonly string[] ObjectWords = ["TABLE", "VIEW", "INDEX", "UNIQUE", "CLUSTERED", "NONCLUSTERED", "PROCEDURE", "PROC", "FUNCTION", "TRIGGER", "SCHEMA", "DATABASE", "TYPE", "SEQUENCE", "SYNONYM", "USER", "ROLE", "LOGIN", "STATISTICS", "FULLTEXT", "OR"];

    /// <summary>
    /// True when the token opens a new T-SQL statement on a new line: a statement word (UPDATE, DELETE, INSERT, …), or
    /// CREATE / ALTER / DROP of an object (TABLE, INDEX, …). ALTER TABLE's own <c>DROP COLUMN</c> / <c>ALTER COLUMN</c>
    /// / <c>ADD</c> on a new line continue it; SELECT, SET and WITH never split (INSERT … SELECT, UPDATE … SET).
    /// </summary>
    private static bool StartsTsqlStatement(string sql, List<SqlToken> tokens, int start, int i)
    {
        var token = tokens[i];
        if (token.Kind != SqlTokenKind.Word || !AtLineStart(sql, tokens, i))
        {
            return false;
        }

        if (IsAnyOf(token, TsqlStatementWords))
        {
            // MERGE … WHEN MATCHED THEN UPDATE is split by THEN already; INSERT … EXEC stays one statement, and so does
            // WITH cte AS (…) UPDATE ….
            return !(tokens[start].Is("INSERT") && (token.Is("EXEC") || token.Is("EXECUTE")))
                && !(tokens[start].Is("WITH") && (token.Is("UPDATE") || token.Is("DELETE") || token.Is("INSERT") || token.Is("MERGE")));
        }

        if (token.Is("SET"))
        {
            // SET IDENTITY_INSERT t ON / SET NOCOUNT ON on a line of its own, but UPDATE t\nSET c = … goes on.
            return !(tokens[start].Is("UPDATE") || tokens[start].Is("MERGE") || tokens[start].Is("WITH") || tokens[start].Is("ALTER"));
        }

        if (token.Is("CREATE") || token.Is("ALTER") || token.Is("DROP"))
        {
            return i + 1 < tokens.Count && IsAnyOf(tokens[i + 1], ObjectWords);
        }

        return false;
    }

    // ---------------------------------------------------------------- One statement

    private static SqlStatement Analyze(string sql, List<SqlToken> tokens, int start, int end, HashSet<string> temporaryTables)
    {
        var text = Display(sql, tokens[start].Start, tokens[end - 1].End);
        var verbIndex = MainVerb(tokens, start, end);
        if (verbIndex < 0)
        {
            return new SqlStatement(SqlVerb.Other, text);
        }

        var verb = tokens[verbIndex];
        var next = verbIndex + 1 < end ? tokens[verbIndex + 1] : default;
        if (verb.Is("UPDATE"))
        {
            return Update(tokens, verbIndex, end, text);
        }

        if (verb.Is("DELETE"))
        {
            return Delete(tokens, verbIndex, end, text);
        }

        if (verb.Is("INSERT"))
        {
            return Insert(tokens, verbIndex, end, text);
        }

        if (verb.Is("SELECT"))
        {
            return SelectInto(tokens, verbIndex, end, text);
        }

        if (verb.Is("CREATE"))
        {
            return CreateTableAs(tokens, verbIndex, end, text);
        }

        if (verb.Is("TRUNCATE"))
        {
            var truncate = new SqlStatement(SqlVerb.Truncate, text) { Destructive = DestructiveSqlKind.Truncate };
            var i = verbIndex + 1;
            if (i < end && tokens[i].Is("TABLE"))
            {
                i++;
            }

            if (ReadQualifiedName(tokens, ref i, end, out var schema, out var name))
            {
                truncate.Target = new SqlName(schema, name);
            }

            return truncate;
        }

        if (verb.Is("DROP"))
        {
            var drop = new SqlStatement(SqlVerb.Drop, text);
            if (next.Is("TABLE"))
            {
                var dropped = DroppedTables(tokens, verbIndex + 2, end);
                drop.DroppedTables = dropped;
                drop.Destructive = DropsOnlyTemporaryTables(dropped, temporaryTables) ? null : DestructiveSqlKind.DropTable;
            }
            else if (next.Is("SCHEMA"))
            {
                drop.Destructive = DestructiveSqlKind.DropSchema;
            }
            else if (next.Is("DATABASE"))
            {
                drop.Destructive = DestructiveSqlKind.DropDatabase;
            }

            return drop;
        }

        if (verb.Is("ALTER") && next.Is("TABLE"))
        {
            return AlterTable(tokens, verbIndex + 2, end, text);
        }

        if (verb.Is("MERGE"))
        {
            return new SqlStatement(SqlVerb.Merge, text);
        }

        return new SqlStatement(verb.Is("ALTER") ? SqlVerb.Alter : SqlVerb.Other, text);
    }

    private static SqlStatement Update(List<SqlToken> tokens, int verb, int end, string text)
    {
        var statement = new SqlStatement(SqlVerb.Update, text);
        var i = verb + 1;
        if (i < end && tokens[i].Is("ONLY"))
        {
            i++;
        }

        if (i + 3 < end && tokens[i].Is("TOP") && tokens[i + 1].IsPunctuation('('))
        {
            // T-SQL UPDATE TOP (n) t.
            i = SkipParentheses(tokens, i + 1, end);
        }

        if (!ReadQualifiedName(tokens, ref i, end, out var schema, out var table))
        {
            return statement;
        }

        statement.Target = new SqlName(schema, table);
        var set = IndexOfTopLevel(tokens, i, end, "SET");
        var where = IndexOfTopLevel(tokens, i, end, "WHERE");
        statement.HasWhere = where >= 0;
        statement.Destructive = where < 0 ? DestructiveSqlKind.UpdateWithoutWhere : null;
        if (set < 0)
        {
            return statement;
        }

        var assigned = new List<string>();
        var reads = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var depth = 0;
        var inValue = false;
        for (var j = set + 1; j < end; j++)
        {
            var token = tokens[j];
            if (depth == 0 && (token.Is("FROM") || token.Is("WHERE") || token.Is("RETURNING") || token.Is("OUTPUT")))
            {
                break;
            }

            if (token.IsPunctuation('('))
            {
                depth++;
            }
            else if (token.IsPunctuation(')'))
            {
                depth--;
            }
            else if (depth == 0 && token.IsPunctuation(','))
            {
                inValue = false;
                continue;
            }

            if (inValue)
            {
                if (token.IsName)
                {
                    reads.Add(token.Text);
                }

                continue;
            }

            if (depth == 0 && token.IsName)
            {
                // SET col = …, or SET t.col = …: the column is the last name before '='.
                var k = j;
                while (k + 2 < end && tokens[k + 1].IsPunctuation('.') && tokens[k + 2].IsName)
                {
                    k += 2;
                }

                if (k + 1 < end && tokens[k + 1].IsPunctuation('='))
                {
                    assigned.Add(tokens[k].Text);
                    inValue = true;
                    j = k + 1;
                }
            }
        }

        // UPDATE … FROM s WHERE s.id = t.other_id: the join reads its columns too.
        var from = IndexOfTopLevel(tokens, set, end, "FROM");
        if (from >= 0)
        {
            for (var j = from + 1; j < end; j++)
            {
                if (tokens[j].IsName)
                {
                    reads.Add(tokens[j].Text);
                }
            }
        }

        statement.Assigned = assigned;
        statement.Reads = RemoveLiteralsWords(reads);
        statement.Sources = SourceTables(tokens, set, end);
        if (where >= 0)
        {
            statement.NullSelected = NullSelected(tokens, where + 1, end);
        }

        return statement;
    }

    private static SqlStatement Delete(List<SqlToken> tokens, int verb, int end, string text)
    {
        var statement = new SqlStatement(SqlVerb.Delete, text);
        var i = verb + 1;
        if (i < end && tokens[i].Is("FROM"))
        {
            i++;
        }

        if (i < end && tokens[i].Is("ONLY"))
        {
            i++;
        }

        if (ReadQualifiedName(tokens, ref i, end, out var schema, out var table))
        {
            statement.Target = new SqlName(schema, table);
        }

        var where = IndexOfTopLevel(tokens, verb, end, "WHERE");
        statement.HasWhere = where >= 0;
        statement.Destructive = where < 0 ? DestructiveSqlKind.DeleteWithoutWhere : null;
        if (where >= 0)
        {
            statement.NullSelected = NullSelected(tokens, where + 1, end);
        }

        return statement;
    }

    private static SqlStatement Insert(List<SqlToken> tokens, int verb, int end, string text)
    {
        var statement = new SqlStatement(SqlVerb.Insert, text);
        var i = verb + 1;
        if (i < end && tokens[i].Is("INTO"))
        {
            i++;
        }

        if (!ReadQualifiedName(tokens, ref i, end, out var schema, out var table))
        {
            return statement;
        }

        statement.Target = new SqlName(schema, table);
        if (i < end && tokens[i].IsPunctuation('('))
        {
            var columns = new List<string>();
            var close = SkipParentheses(tokens, i, end);
            for (var j = i + 1; j < close - 1; j++)
            {
                if (tokens[j].IsName && (j + 1 >= close - 1 || tokens[j + 1].IsPunctuation(',')))
                {
                    columns.Add(tokens[j].Text);
                }
            }

            statement.Assigned = columns;
            i = close;
        }

        var select = IndexOfTopLevel(tokens, i, end, "SELECT");
        if (select < 0 && i < end && tokens[i].IsPunctuation('(') && i + 1 < end && tokens[i + 1].Is("SELECT"))
        {
            select = i + 1;
        }

        if (select >= 0)
        {
            statement.Reads = Names(tokens, select + 1, end);
            statement.Sources = SourceTables(tokens, select, end);
        }

        return statement;
    }

    /// <summary>T-SQL <c>SELECT … INTO t FROM s</c>: a copy into a new table. Any other SELECT reads only.</summary>
    private static SqlStatement SelectInto(List<SqlToken> tokens, int verb, int end, string text)
    {
        var statement = new SqlStatement(SqlVerb.Select, text);
        var into = IndexOfTopLevel(tokens, verb, end, "INTO");
        if (into < 0)
        {
            return statement;
        }

        var i = into + 1;
        if (ReadQualifiedName(tokens, ref i, end, out var schema, out var table))
        {
            statement.Target = new SqlName(schema, table);
            statement.Reads = Names(tokens, verb + 1, into);
            statement.Sources = SourceTables(tokens, into, end);
        }

        return statement;
    }

    /// <summary><c>CREATE [TEMP] TABLE t AS SELECT …</c>: a copy into a new table. Other CREATEs write nothing we follow.</summary>
    private static SqlStatement CreateTableAs(List<SqlToken> tokens, int verb, int end, string text)
    {
        var statement = new SqlStatement(SqlVerb.Create, text);
        var i = verb + 1;
        while (i < end && (tokens[i].Is("TEMP") || tokens[i].Is("TEMPORARY") || tokens[i].Is("UNLOGGED") || tokens[i].Is("GLOBAL") || tokens[i].Is("LOCAL")))
        {
            i++;
        }

        if (i >= end || !tokens[i].Is("TABLE"))
        {
            return statement;
        }

        i++;
        while (i < end && (tokens[i].Is("IF") || tokens[i].Is("NOT") || tokens[i].Is("EXISTS")))
        {
            i++;
        }

        if (!ReadQualifiedName(tokens, ref i, end, out var schema, out var table))
        {
            return statement;
        }

        var select = IndexOfTopLevel(tokens, i, end, "SELECT");
        if (IndexOfTopLevel(tokens, i, end, "AS") >= 0 && select >= 0)
        {
            statement.Target = new SqlName(schema, table);
            statement.Reads = Names(tokens, select + 1, end);
            statement.Sources = SourceTables(tokens, select, end);
        }

        return statement;
    }

    private static readonly string[] NotColumns = ["CONSTRAINT", "INDEX", "PRIMARY", "FOREIGN", "KEY", "CHECK", "DEFAULT", "PARTITION", "TRIGGER", "PERIOD", "SYSTEM", "IDENTITY", "EXPRESSION", "NOT", "STATISTICS", "UNIQUE"];

    private static readonly string[] ColumnActions = ["SET", "DROP", "TYPE", "ADD", "RESTART", "RESET", "OPTIONS"];

    private static SqlStatement AlterTable(List<SqlToken> tokens, int i, int end, string text)
    {
        var statement = new SqlStatement(SqlVerb.Alter, text);
        while (i < end && (tokens[i].Is("IF") || tokens[i].Is("EXISTS") || tokens[i].Is("ONLY")))
        {
            i++;
        }

        if (!ReadQualifiedName(tokens, ref i, end, out var schema, out var table))
        {
            return statement;
        }

        statement.Target = new SqlName(schema, table);
        List<SqlColumnTypeChange>? changes = null;
        var depth = 0;
        var actionStart = true;
        for (; i < end; i++)
        {
            var token = tokens[i];
            if (token.IsPunctuation('('))
            {
                depth++;
            }
            else if (token.IsPunctuation(')'))
            {
                depth--;
            }
            else if (depth == 0 && token.IsPunctuation(','))
            {
                actionStart = true;
                continue;
            }
            else if (depth == 0 && actionStart)
            {
                if (token.Is("RENAME") && i + 2 < end && tokens[i + 1].Is("TO") && tokens[i + 2].IsName)
                {
                    statement.RenamedTo = tokens[i + 2].Text;
                }

                if (AddedColumn(tokens, i, end) is { } added)
                {
                    (statement.AddedColumns = statement.AddedColumns.Count == 0 ? new List<string>() : statement.AddedColumns).Add(added);
                }

                var kind = ClassifyAction(tokens, i, end, out var change);
                if (kind == DestructiveSqlKind.DropColumn)
                {
                    statement.DropsColumn = true;
                }

                if (change is not null)
                {
                    (changes ??= new List<SqlColumnTypeChange>()).Add(change);
                }

                statement.Destructive ??= kind;
            }

            actionStart = false;
        }

        if (changes is not null)
        {
            statement.TypeChanges = changes;
        }

        return statement;
    }

    /// <summary>ALTER TABLE's <c>ADD [COLUMN] [IF NOT EXISTS] c &lt;type&gt;</c>: the column's name; null for ADD CONSTRAINT, PRIMARY KEY, ….</summary>
    private static string? AddedColumn(List<SqlToken> tokens, int i, int end)
    {
        if (!tokens[i].Is("ADD"))
        {
            return null;
        }

        var j = i + 1;
        var explicitColumn = j < end && tokens[j].Is("COLUMN");
        if (explicitColumn)
        {
            j++;
        }

        if (j + 2 < end && tokens[j].Is("IF") && tokens[j + 1].Is("NOT") && tokens[j + 2].Is("EXISTS"))
        {
            j += 3;
        }

        // A column is followed by its type; ADD CONSTRAINT x …, ADD PRIMARY KEY (…), ADD UNIQUE (…) are not columns.
        if (j + 1 >= end || !tokens[j].IsName || !tokens[j + 1].IsName
            || (!explicitColumn && IsAnyOf(tokens[j], AddedNotColumns)))
        {
            return null;
        }

        return tokens[j].Text;
    }

    private static readonly string[] AddedNotColumns = ["CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE", "CHECK", "INDEX", "KEY", "EXCLUDE", "PERIOD"];

    /// <summary>One action of ALTER TABLE: DROP [COLUMN] c, ALTER [COLUMN] c TYPE / SET DATA TYPE / &lt;type&gt;, MODIFY, CHANGE.</summary>
    private static DestructiveSqlKind? ClassifyAction(List<SqlToken> tokens, int i, int end, out SqlColumnTypeChange? change)
    {
        change = null;
        var action = tokens[i];
        var j = i + 1;
        if (action.Is("DROP"))
        {
            if (j < end && tokens[j].Is("COLUMN"))
            {
                return DestructiveSqlKind.DropColumn;
            }

            // PostgreSQL and MySQL accept DROP c without COLUMN.
            return j < end && tokens[j].IsName && !IsAnyOf(tokens[j], NotColumns) ? DestructiveSqlKind.DropColumn : null;
        }

        if (action.Is("MODIFY") || action.Is("CHANGE"))
        {
            if (j < end && tokens[j].Is("COLUMN"))
            {
                j++;
            }

            if (j < end && tokens[j].IsName)
            {
                var column = tokens[j].Text;
                j += action.Is("CHANGE") ? 2 : 1;
                change = new SqlColumnTypeChange(column, TypeText(tokens, j, end), hasUsing: false);
            }

            return DestructiveSqlKind.ColumnTypeChange;
        }

        if (!action.Is("ALTER"))
        {
            return null;
        }

        var explicitColumn = j < end && tokens[j].Is("COLUMN");
        if (explicitColumn)
        {
            j++;
        }

        if (j >= end || !tokens[j].IsName || (!explicitColumn && IsAnyOf(tokens[j], NotColumns)))
        {
            return null;
        }

        var name = tokens[j].Text;
        j++;
        if (j >= end)
        {
            return null;
        }

        var what = tokens[j];
        int typeStart;
        if (what.Is("TYPE"))
        {
            typeStart = j + 1;
        }
        else if (what.Is("SET") && j + 2 < end && tokens[j + 1].Is("DATA") && tokens[j + 2].Is("TYPE"))
        {
            typeStart = j + 3;
        }
        else if (explicitColumn && what.IsName && !IsAnyOf(what, ColumnActions))
        {
            // SQL Server: ALTER COLUMN c nvarchar(50) NOT NULL.
            typeStart = j;
        }
        else
        {
            return null;
        }

        var hasUsing = HasTopLevelWord(tokens, typeStart, end, "USING");
        change = new SqlColumnTypeChange(name, TypeText(tokens, typeStart, end), hasUsing, hasUsing && UsingIsThePlainCast(tokens, typeStart, end, name));
        return DestructiveSqlKind.ColumnTypeChange;
    }

    /// <summary>
    /// The action's <c>USING</c> expression is the column itself, <c>col::text</c> (or varchar, character varying) or
    /// <c>CAST(col AS text)</c>: the values are converted as the plain cast does, nothing computed in their place.
    /// </summary>
    private static bool UsingIsThePlainCast(List<SqlToken> tokens, int start, int end, string column)
    {
        var i = start;
        var depth = 0;
        while (i < end && !(depth == 0 && (tokens[i].Is("USING") || tokens[i].IsPunctuation(','))))
        {
            depth += tokens[i].IsPunctuation('(') ? 1 : tokens[i].IsPunctuation(')') ? -1 : 0;
            i++;
        }

        if (i >= end || !tokens[i].Is("USING"))
        {
            return false;
        }

        var expression = new StringBuilder();
        for (i++, depth = 0; i < end && !(depth == 0 && tokens[i].IsPunctuation(',')); i++)
        {
            depth += tokens[i].IsPunctuation('(') ? 1 : tokens[i].IsPunctuation(')') ? -1 : 0;
            expression.Append(tokens[i].Text).Append(' ');
        }

        var text = expression.ToString().TrimEnd();
        foreach (var type in new[] { "text", "varchar", "character varying" })
        {
            if (Same(text, column) || Same(text, column + " : : " + type) || Same(text, "CAST ( " + column + " AS " + type + " )"))
            {
                return true;
            }
        }

        return false;

        static bool Same(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A type as written: its words and a parenthesised argument list, up to NULL, NOT, COLLATE, USING, a comma or the end.</summary>
    private static string? TypeText(List<SqlToken> tokens, int i, int end)
    {
        var text = new StringBuilder();
        while (i < end)
        {
            var token = tokens[i];
            if (token.IsPunctuation('('))
            {
                var close = SkipParentheses(tokens, i, end);
                text.Append('(');
                for (var k = i + 1; k < close - 1; k++)
                {
                    text.Append(tokens[k].Text);
                }

                text.Append(')');
                i = close;
                continue;
            }

            if (token.Kind == SqlTokenKind.QuotedIdentifier && token.Text.Length == 0 && text.Length > 0)
            {
                // PostgreSQL's text[]: the lexer reads [] as an empty bracketed name.
                text.Append("[]");
                i++;
                continue;
            }

            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)
                || token.Is("NULL") || token.Is("NOT") || token.Is("COLLATE") || token.Is("USING") || token.Is("DEFAULT")
                || token.Is("CONSTRAINT") || token.Is("SET") || token.Is("DROP") || token.Is("AFTER") || token.Is("FIRST"))
            {
                break;
            }

            if (text.Length > 0 && text[text.Length - 1] != '(')
            {
                text.Append(' ');
            }

            text.Append(token.Text);
            i++;
        }

        return text.Length == 0 ? null : text.ToString();
    }

    private static bool HasTopLevelWord(List<SqlToken> tokens, int start, int end, string keyword)
    {
        var depth = 0;
        for (var i = start; i < end; i++)
        {
            if (tokens[i].IsPunctuation('('))
            {
                depth++;
            }
            else if (tokens[i].IsPunctuation(')'))
            {
                depth--;
            }
            else if (depth == 0 && tokens[i].IsPunctuation(','))
            {
                return false;
            }
            else if (depth == 0 && tokens[i].Is(keyword))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The tables after every FROM, JOIN and USING (and the comma-separated list after FROM), subqueries included.</summary>
    private static List<SqlName> SourceTables(List<SqlToken> tokens, int start, int end)
    {
        var result = new List<SqlName>();
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (!(token.Is("FROM") || token.Is("JOIN") || token.Is("USING")))
            {
                continue;
            }

            var j = i + 1;
            while (j < end && tokens[j].Is("ONLY"))
            {
                j++;
            }

            while (ReadQualifiedName(tokens, ref j, end, out var schema, out var name))
            {
                result.Add(new SqlName(schema, name));

                // An alias (AS x, or a bare word that is not a keyword), then a comma for the next table of FROM a, b.
                if (j < end && tokens[j].Is("AS"))
                {
                    j++;
                }

                if (j < end && tokens[j].IsName && !IsClauseWord(tokens[j]))
                {
                    j++;
                }

                if (j < end && tokens[j].IsPunctuation(',') && token.Is("FROM"))
                {
                    j++;
                    continue;
                }

                break;
            }
        }

        return result;
    }

    private static readonly string[] ClauseWords = ["WHERE", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "OUTER", "ON", "GROUP", "ORDER", "HAVING", "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT", "SET", "RETURNING", "OUTPUT", "WINDOW", "FETCH", "FOR", "WITH", "USING", "NATURAL", "LATERAL", "SELECT", "VALUES", "OPTION"];

    private static bool IsClauseWord(SqlToken token) => IsAnyOf(token, ClauseWords);

    /// <summary>Every name in [start, end): what a SELECT list or SET expression reads.</summary>
    private static HashSet<string> Names(List<SqlToken> tokens, int start, int end)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = start; i < end; i++)
        {
            if (tokens[i].IsName)
            {
                names.Add(tokens[i].Text);
            }
        }

        return RemoveLiteralsWords(names);
    }

    /// <summary>Drops the words that are values, never names: NULL, TRUE, FALSE, DEFAULT.</summary>
    private static HashSet<string> RemoveLiteralsWords(HashSet<string> names)
    {
        names.Remove("NULL");
        names.Remove("TRUE");
        names.Remove("FALSE");
        names.Remove("DEFAULT");
        return names;
    }

    /// <summary>
    /// The columns whose NULL rows a WHERE selects whole: a top-level disjunct that is exactly <c>c IS NULL</c> (or
    /// <c>t.c IS NULL</c>). <c>c IS NULL AND x = 1</c> leaves some NULLs, and is no such disjunct.
    /// </summary>
    private static List<string> NullSelected(List<SqlToken> tokens, int start, int end)
    {
        var result = new List<string>();
        var depth = 0;
        var disjunct = start;
        for (var i = start; i <= end; i++)
        {
            var stop = i == end
                || (depth == 0 && (tokens[i].Is("OR") || tokens[i].Is("RETURNING") || tokens[i].Is("ORDER") || tokens[i].Is("LIMIT") || tokens[i].Is("OUTPUT")));
            if (!stop)
            {
                if (tokens[i].IsPunctuation('('))
                {
                    depth++;
                }
                else if (tokens[i].IsPunctuation(')'))
                {
                    depth--;
                }

                continue;
            }

            if (IsNullTest(tokens, disjunct, i) is { } column)
            {
                result.Add(column);
            }

            if (i < end && !tokens[i].Is("OR"))
            {
                break;
            }

            disjunct = i + 1;
        }

        return result;
    }

    private static string? IsNullTest(List<SqlToken> tokens, int start, int end)
    {
        // Strip balanced outer parentheses: (c IS NULL).
        while (end - start >= 2 && tokens[start].IsPunctuation('(') && tokens[end - 1].IsPunctuation(')') && SkipParentheses(tokens, start, end) == end)
        {
            start++;
            end--;
        }

        var i = start;
        if (!ReadQualifiedName(tokens, ref i, end, out _, out var column))
        {
            return null;
        }

        return i + 2 == end && tokens[i].Is("IS") && tokens[i + 1].Is("NULL") ? column : null;
    }

    /// <summary>The index just after the parenthesis that closes the one at <paramref name="open"/>.</summary>
    private static int SkipParentheses(List<SqlToken> tokens, int open, int end)
    {
        var depth = 0;
        for (var i = open; i < end; i++)
        {
            if (tokens[i].IsPunctuation('('))
            {
                depth++;
            }
            else if (tokens[i].IsPunctuation(')'))
            {
                depth--;
                if (depth == 0)
                {
                    return i + 1;
                }
            }
        }

        return end;
    }

    /// <summary>The statement's verb: its first word, or after WITH … AS (…), the first top-level DML word.</summary>
    private static int MainVerb(List<SqlToken> tokens, int start, int end)
    {
        if (!tokens[start].Is("WITH"))
        {
            return tokens[start].Kind == SqlTokenKind.Word ? start : -1;
        }

        var depth = 0;
        for (var i = start + 1; i < end; i++)
        {
            if (tokens[i].IsPunctuation('('))
            {
                depth++;
            }
            else if (tokens[i].IsPunctuation(')'))
            {
                depth--;
            }
            else if (depth == 0 && (tokens[i].Is("SELECT") || tokens[i].Is("INSERT") || tokens[i].Is("UPDATE") || tokens[i].Is("DELETE") || tokens[i].Is("MERGE")))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsAnyOf(SqlToken token, string[] keywords)
    {
        if (token.Kind != SqlTokenKind.Word)
        {
            return false;
        }

        foreach (var keyword in keywords)
        {
            if (token.Is(keyword))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The names CREATE TEMP/TEMPORARY TABLE creates in this text: dropping them again destroys nothing.</summary>
    private static HashSet<string> TemporaryTables(List<SqlToken> tokens)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 3 < tokens.Count; i++)
        {
            if (tokens[i].Is("CREATE") && (tokens[i + 1].Is("TEMP") || tokens[i + 1].Is("TEMPORARY")) && tokens[i + 2].Is("TABLE"))
            {
                var j = i + 3;
                while (j < tokens.Count && (tokens[j].Is("IF") || tokens[j].Is("NOT") || tokens[j].Is("EXISTS")))
                {
                    j++;
                }

                if (ReadQualifiedName(tokens, ref j, tokens.Count, out _, out var table))
                {
                    names.Add(table);
                }
            }
        }

        return names;
    }

    private static List<SqlName> DroppedTables(List<SqlToken> tokens, int i, int end)
    {
        var result = new List<SqlName>();
        while (i < end && (tokens[i].Is("IF") || tokens[i].Is("EXISTS")))
        {
            i++;
        }

        while (ReadQualifiedName(tokens, ref i, end, out var schema, out var table))
        {
            result.Add(new SqlName(schema, table));
            if (i < end && tokens[i].IsPunctuation(','))
            {
                i++;
                continue;
            }

            break;
        }

        return result;
    }

    private static bool DropsOnlyTemporaryTables(List<SqlName> dropped, HashSet<string> temporaryTables)
    {
        if (temporaryTables.Count == 0 || dropped.Count == 0)
        {
            return false;
        }

        foreach (var table in dropped)
        {
            if (!temporaryTables.Contains(table.Name))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads name or schema.name (each quoted or not; a database prefix is skipped); leaves <paramref name="i"/> after it.</summary>
    private static bool ReadQualifiedName(List<SqlToken> tokens, ref int i, int end, out string? schema, out string name)
    {
        schema = null;
        name = string.Empty;
        if (i >= end || !tokens[i].IsName)
        {
            return false;
        }

        name = tokens[i].Text;
        i++;
        while (i + 1 < end && tokens[i].IsPunctuation('.') && tokens[i + 1].IsName)
        {
            schema = name;
            name = tokens[i + 1].Text;
            i += 2;
        }

        return true;
    }

    private static int IndexOfTopLevel(List<SqlToken> tokens, int start, int end, string keyword)
    {
        var depth = 0;
        for (var i = start; i < end; i++)
        {
            if (tokens[i].IsPunctuation('('))
            {
                depth++;
            }
            else if (tokens[i].IsPunctuation(')'))
            {
                depth--;
            }
            else if (depth == 0 && tokens[i].Is(keyword))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Display(string sql, int start, int end)
    {
        var text = new StringBuilder();
        var space = false;
        for (var i = start; i < end && i < sql.Length; i++)
        {
            if (char.IsWhiteSpace(sql[i]))
            {
                space = text.Length > 0;
                continue;
            }

            if (space)
            {
                text.Append(' ');
                space = false;
            }

            text.Append(sql[i]);
        }

        return text.Length > 80 ? text.ToString(0, 79) + "…" : text.ToString();
    }
}
