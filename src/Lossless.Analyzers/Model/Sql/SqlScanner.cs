using System;
using System.Collections.Generic;
using System.Text;

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
/// Reads statements out of SQL text on top of <see cref="SqlLexer"/>: which statements destroy data (LL1009), and
/// which columns UPDATE statements assign (a backfill, for LL1007). Statements start at the beginning, after
/// <c>;</c>, after a dollar quote and after BEGIN / THEN / ELSE / LOOP, so that <c>ON DELETE CASCADE</c>,
/// <c>FOR UPDATE</c> and <c>ON CONFLICT DO UPDATE</c> are never mistaken for statements.
/// </summary>
public static class SqlScanner
{
    public static List<DestructiveStatement> FindDestructive(string sql)
    {
        var result = new List<DestructiveStatement>();
        var tokens = SqlLexer.Tokenize(sql);
        var temporaryTables = TemporaryTables(tokens);
        foreach (var (start, end) in Statements(tokens))
        {
            if (Classify(tokens, start, end, temporaryTables) is { } kind)
            {
                result.Add(new DestructiveStatement(kind, Display(sql, tokens[start].Start, tokens[end - 1].End)));
            }
        }

        return result;
    }

    public static List<SqlUpdate> FindUpdates(string sql)
    {
        var result = new List<SqlUpdate>();
        var tokens = SqlLexer.Tokenize(sql);
        foreach (var (start, end) in Statements(tokens))
        {
            var verb = MainVerb(tokens, start, end);
            if (verb < 0 || !tokens[verb].Is("UPDATE"))
            {
                continue;
            }

            var i = verb + 1;
            if (i < end && tokens[i].Is("ONLY"))
            {
                i++;
            }

            if (!ReadQualifiedName(tokens, ref i, end, out var schema, out var table))
            {
                continue;
            }

            var set = IndexOfTopLevel(tokens, i, end, "SET");
            if (set < 0)
            {
                continue;
            }

            var columns = new List<string>();
            var depth = 0;
            var expectColumn = true;
            for (var j = set + 1; j < end; j++)
            {
                var token = tokens[j];
                if (token.IsPunctuation('('))
                {
                    depth++;
                }
                else if (token.IsPunctuation(')'))
                {
                    depth--;
                }
                else if (depth == 0 && (token.Is("FROM") || token.Is("WHERE") || token.Is("RETURNING")))
                {
                    break;
                }
                else if (depth == 0 && token.IsPunctuation(','))
                {
                    expectColumn = true;
                    continue;
                }
                else if (depth == 0 && expectColumn && token.IsName)
                {
                    // SET col = …, or SET t.col = …: the column is the last name before '='.
                    var k = j;
                    while (k + 2 < end && tokens[k + 1].IsPunctuation('.') && tokens[k + 2].IsName)
                    {
                        k += 2;
                    }

                    if (k + 1 < end && tokens[k + 1].IsPunctuation('='))
                    {
                        columns.Add(tokens[k].Text);
                    }

                    j = k;
                }

                expectColumn = false;
            }

            result.Add(new SqlUpdate(schema, table, columns, IndexOfTopLevel(tokens, set, end, "WHERE") >= 0));
        }

        return result;
    }

    /// <summary>Statement ranges [start, end) of token indexes.</summary>
    private static List<(int Start, int End)> Statements(List<SqlToken> tokens)
    {
        var result = new List<(int, int)>();
        var i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.IsPunctuation(';') || token.Kind == SqlTokenKind.DollarQuote || IsBlockWord(token))
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

                i++;
            }

            result.Add((start, i));
        }

        return result;
    }

    private static bool IsBlockWord(SqlToken token)
        => token.Is("BEGIN") || token.Is("THEN") || token.Is("ELSE") || token.Is("LOOP") || token.Is("DECLARE");

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

    private static DestructiveSqlKind? Classify(List<SqlToken> tokens, int start, int end, HashSet<string> temporaryTables)
    {
        var verb = MainVerb(tokens, start, end);
        if (verb < 0)
        {
            return null;
        }

        var token = tokens[verb];
        var next = verb + 1 < end ? tokens[verb + 1] : default;
        if (token.Is("DROP"))
        {
            if (next.Is("TABLE"))
            {
                return DropsOnlyTemporaryTables(tokens, verb + 2, end, temporaryTables) ? null : DestructiveSqlKind.DropTable;
            }

            return next.Is("SCHEMA") ? DestructiveSqlKind.DropSchema
                : next.Is("DATABASE") ? DestructiveSqlKind.DropDatabase
                : null;
        }

        if (token.Is("TRUNCATE"))
        {
            return DestructiveSqlKind.Truncate;
        }

        if (token.Is("DELETE"))
        {
            return IndexOfTopLevel(tokens, verb, end, "WHERE") < 0 ? DestructiveSqlKind.DeleteWithoutWhere : null;
        }

        if (token.Is("UPDATE"))
        {
            return IndexOfTopLevel(tokens, verb, end, "WHERE") < 0 ? DestructiveSqlKind.UpdateWithoutWhere : null;
        }

        if (token.Is("ALTER") && next.Is("TABLE"))
        {
            return ClassifyAlterTable(tokens, verb + 2, end);
        }

        return null;
    }

    private static readonly string[] NotColumns = ["CONSTRAINT", "INDEX", "PRIMARY", "FOREIGN", "KEY", "CHECK", "DEFAULT", "PARTITION", "TRIGGER", "PERIOD", "SYSTEM", "IDENTITY", "EXPRESSION", "NOT", "STATISTICS", "UNIQUE"];

    private static readonly string[] ColumnActions = ["SET", "DROP", "TYPE", "ADD", "RESTART", "RESET", "OPTIONS"];

    private static DestructiveSqlKind? ClassifyAlterTable(List<SqlToken> tokens, int i, int end)
    {
        while (i < end && (tokens[i].Is("IF") || tokens[i].Is("EXISTS") || tokens[i].Is("ONLY")))
        {
            i++;
        }

        if (!ReadQualifiedName(tokens, ref i, end, out _, out _))
        {
            return null;
        }

        DestructiveSqlKind? found = null;
        var depth = 0;
        var actionStart = true;
        for (; i < end && found is null; i++)
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
                found = ClassifyAction(tokens, i, end);
            }

            actionStart = false;
        }

        return found;
    }

    /// <summary>One action of ALTER TABLE: DROP [COLUMN] c, ALTER [COLUMN] c TYPE / SET DATA TYPE / &lt;type&gt;, MODIFY, CHANGE.</summary>
    private static DestructiveSqlKind? ClassifyAction(List<SqlToken> tokens, int i, int end)
    {
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

        j++;
        if (j >= end)
        {
            return null;
        }

        var what = tokens[j];
        if (what.Is("TYPE") || (what.Is("SET") && j + 2 < end && tokens[j + 1].Is("DATA") && tokens[j + 2].Is("TYPE")))
        {
            return DestructiveSqlKind.ColumnTypeChange;
        }

        // SQL Server: ALTER COLUMN c nvarchar(50) NOT NULL.
        return explicitColumn && what.IsName && !IsAnyOf(what, ColumnActions) ? DestructiveSqlKind.ColumnTypeChange : null;
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

    private static bool DropsOnlyTemporaryTables(List<SqlToken> tokens, int i, int end, HashSet<string> temporaryTables)
    {
        if (temporaryTables.Count == 0)
        {
            return false;
        }

        while (i < end && (tokens[i].Is("IF") || tokens[i].Is("EXISTS")))
        {
            i++;
        }

        var any = false;
        while (i < end)
        {
            if (!ReadQualifiedName(tokens, ref i, end, out _, out var table) || !temporaryTables.Contains(table))
            {
                return false;
            }

            any = true;
            if (i < end && tokens[i].IsPunctuation(','))
            {
                i++;
                continue;
            }

            break;
        }

        return any;
    }

    /// <summary>Reads name or schema.name (each quoted or not); leaves <paramref name="i"/> after it.</summary>
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
