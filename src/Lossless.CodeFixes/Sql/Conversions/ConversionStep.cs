using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;

namespace Lossless.CodeFixes.Sql.Conversions;

/// <summary>
/// The SQL text of one migrationBuilder.Sql(...) step a type-change fix writes: the verified marker naming every
/// column, a guard that aborts the migration before anything changes when a value would be lost, changed or fail
/// (naming table, column, the number of such rows and up to three of their primary-key values, never their contents),
/// then the statements that convert. A guard reads each table once, set-based.
/// </summary>
internal static class ConversionStep
{
    /// <summary>
    /// Builds the step. <paramref name="checks"/> pairs each column with its check (null: nothing to verify);
    /// <paramref name="statements"/> follow the guard. Lines are separated by '\n'.
    /// </summary>
    public static string Build(DatabaseProvider provider, IReadOnlyList<ColumnConversion> columns, IReadOnlyList<ValueCheck?> checks, IReadOnlyList<string> statements)
    {
        var lines = new List<string> { Marker(columns) };
        var guarded = new List<int>();
        for (var i = 0; i < columns.Count; i++)
        {
            if (checks[i] is not null)
            {
                guarded.Add(i);
            }
        }

        if (guarded.Count > 0)
        {
            switch (provider)
            {
                case DatabaseProvider.PostgreSql:
                    PostgreSqlBlock(lines, PostgreSqlChecks(columns, checks, guarded, out var perRow), perRow);
                    break;
                case DatabaseProvider.SqlServer:
                    lines.Add("DECLARE @bad bigint, @keys nvarchar(max), @message nvarchar(2048);");
                    foreach (var i in guarded)
                    {
                        lines.Add(string.Empty);
                        AddThrow(lines, columns[i], checks[i]!.Predicate!, Message(columns[i], checks[i]!));
                    }

                    break;
                case DatabaseProvider.Sqlite:
                    SqliteGuard(lines, columns, checks, guarded);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(provider), provider, "No guard for this provider.");
            }
        }

        lines.AddRange(statements);
        return string.Join("\n", lines);
    }

    /// <summary>The PostgreSQL conversion statement with an explicit cast: ALTER TABLE … ALTER COLUMN … TYPE … USING ….</summary>
    public static string AlterTypeUsing(ColumnConversion conversion)
        => "ALTER TABLE " + conversion.Table + " ALTER COLUMN " + conversion.Name + " TYPE " + conversion.To.Text
            + " USING " + conversion.Name + "::" + conversion.To.Text + ";";

    /// <summary>"-- lossless: verified users.id, projects.userId": the rules recognise the migration as verified by it.</summary>
    public static string Marker(IReadOnlyList<ColumnConversion> columns)
    {
        var text = new StringBuilder(VerifiedMarker.Prefix);
        for (var i = 0; i < columns.Count; i++)
        {
            text.Append(i == 0 ? " " : ", ").Append(columns[i].Column.ToString());
        }

        return text.ToString();
    }

    /// <summary>
    /// The abort message, with {count} and {keys} to fill: table.column, both types, and "without loss" only when the
    /// check proves every value that passes reads back the same.
    /// </summary>
    public static AbortMessage Message(ColumnConversion conversion, ValueCheck check)
        => new(
            "lossless: ",
            " value(s) of " + conversion.Column.ToString() + " cannot be converted from " + conversion.From.Text + " to " + conversion.To.Text + (check.ProvesNoLoss ? " without loss" : string.Empty),
            KeyPhrase(conversion),
            "; the migration was stopped and nothing was changed");

    /// <summary>", e.g. in the rows with id " (or "with (tenant, id) ") before the key values; empty when the table's key is not known.</summary>
    private static string KeyPhrase(ColumnConversion conversion)
        => conversion.Key.Length switch
        {
            0 => string.Empty,
            1 => ", e.g. in the rows with " + conversion.Key[0] + " ",
            _ => ", e.g. in the rows with (" + string.Join(", ", conversion.Key) + ") ",
        };

    // ---------------------------------------------------------------- PostgreSQL: DO block, RAISE EXCEPTION

    /// <summary>
    /// The body of the DO block, per table. Where a check has a fast form (casts that raise only on values that do not
    /// convert), one scan counts with it, inside one exception block for the whole scan; only when that count is not
    /// zero, or a cast raised (the migration then stops anyway), do the exact checks run: one scan counting each
    /// column's rows with expressions that never raise (a loop over the values only for the types no expression
    /// decides), then, for each column with any, its first rows by key, and the block raises. A table whose values all
    /// pass is read once.
    /// </summary>
    private static List<string> PostgreSqlChecks(IReadOnlyList<ColumnConversion> columns, IReadOnlyList<ValueCheck?> checks, List<int> guarded, out bool perRow)
    {
        var body = new List<string>();
        perRow = false;
        foreach (var group in GroupByTable(columns, guarded))
        {
            if (body.Count > 0)
            {
                body.Add(string.Empty);
            }

            var exact = ExactChecks(columns, checks, group, ref perRow);
            var fast = new List<string>();
            foreach (var i in group)
            {
                if ((checks[i]!.FastPredicate ?? checks[i]!.Predicate) is { } predicate)
                {
                    fast.Add(predicate);
                }
            }

            if (fast.Count < group.Count || !group.Exists(i => checks[i]!.FastPredicate is not null))
            {
                body.AddRange(exact);
                continue;
            }

            body.Add("    BEGIN");
            body.Add("        SELECT count(*) INTO bad FROM " + columns[group[0]].Table + " WHERE " + (fast.Count == 1 ? fast[0] : "(" + string.Join(") OR (", fast) + ")") + ";");
            body.Add("    EXCEPTION WHEN others THEN");
            body.Add("        bad := -1;");
            body.Add("    END;");
            body.Add("    IF bad <> 0 THEN");
            foreach (var line in exact)
            {
                body.Add(line.Length == 0 ? line : "    " + line);
            }

            body.Add("    END IF;");
        }

        return body;
    }

    /// <summary>The guarded columns grouped by table, in the order their tables first appear.</summary>
    private static List<List<int>> GroupByTable(IReadOnlyList<ColumnConversion> columns, List<int> guarded)
    {
        var groups = new List<List<int>>();
        foreach (var i in guarded)
        {
            if (groups.Find(g => SameTable(columns[g[0]], columns[i])) is { } group)
            {
                group.Add(i);
            }
            else
            {
                groups.Add(new List<int> { i });
            }
        }

        return groups;
    }

    /// <summary>The exact checks of one table's columns: loops for the per-value checks, one scan for the set-based ones.</summary>
    private static List<string> ExactChecks(IReadOnlyList<ColumnConversion> columns, IReadOnlyList<ValueCheck?> checks, List<int> group, ref bool perRow)
    {
        var body = new List<string>();
        var setBased = new List<int>();
        foreach (var i in group)
        {
            var column = columns[i];
            var check = checks[i]!;
            if (check.Predicate is not null)
            {
                setBased.Add(i);
                continue;
            }

            // No expression decides it: each value is converted and read back, an error counting as a failure.
            perRow = true;
            var withKey = !column.Key.IsEmpty;
            if (body.Count > 0)
            {
                body.Add(string.Empty);
            }

            body.Add("    bad := 0;");
            if (withKey)
            {
                body.Add("    keys := NULL;");
            }

            body.Add("    FOR r IN SELECT " + column.Name + " AS v" + (withKey ? ", " + PostgreSqlKeyText(column) + " AS k" : string.Empty) + " FROM " + column.Table + " WHERE " + column.Name + " IS NOT NULL LOOP");
            body.Add("        BEGIN");
            body.Add("            ok := (" + check.RowTest + ");");
            body.Add("        EXCEPTION WHEN others THEN");
            body.Add("            ok := false;");
            body.Add("        END;");
            body.Add("        IF ok IS NOT TRUE THEN");
            body.Add("            bad := bad + 1;");
            if (withKey)
            {
                body.Add("            IF bad <= 3 THEN");
                body.Add("                keys := concat_ws(', ', keys, r.k);");
                body.Add("            END IF;");
            }

            body.Add("        END IF;");
            body.Add("    END LOOP;");
            AddRaise(body, column, null, Message(column, check), "bad");
        }

        if (setBased.Count == 0)
        {
            return body;
        }

        if (body.Count > 0)
        {
            body.Add(string.Empty);
        }

        var first = columns[setBased[0]];
        if (setBased.Count == 1)
        {
            var check = checks[setBased[0]]!;
            body.Add("    SELECT count(*) INTO bad FROM " + first.Table + " WHERE " + check.Predicate + ";");
            AddRaise(body, first, check.Predicate, Message(first, check), "bad");
            return body;
        }

        var counts = new List<string>();
        var targets = new List<string>();
        foreach (var j in setBased)
        {
            counts.Add("count(*) FILTER (WHERE " + checks[j]!.Predicate + ")");
            targets.Add("bad_" + Number(j + 1));
        }

        body.Add("    SELECT " + string.Join(", ", counts) + " INTO " + string.Join(", ", targets) + " FROM " + first.Table + ";");
        foreach (var j in setBased)
        {
            AddRaise(body, columns[j], checks[j]!.Predicate!, Message(columns[j], checks[j]!), "bad_" + Number(j + 1));
        }

        return body;
    }

    /// <summary>
    /// IF count &gt; 0: look up the first rows by key (unless <paramref name="predicate"/> is null: a loop collected them),
    /// then RAISE EXCEPTION with count and keys (a literal % is written %%).
    /// </summary>
    private static void AddRaise(List<string> body, ColumnConversion column, string? predicate, AbortMessage message, string count)
    {
        var format = message.Prefix.Replace("%", "%%") + "%" + message.Subject.Replace("%", "%%");
        var arguments = count;
        body.Add("    IF " + count + " > 0 THEN");
        if (!column.Key.IsEmpty)
        {
            if (predicate is not null)
            {
                body.Add("        SELECT string_agg(k, ', ') INTO keys FROM (SELECT " + PostgreSqlKeyText(column) + " AS k FROM " + column.Table + " WHERE " + predicate + " ORDER BY " + KeyList(column) + " LIMIT 3) AS first_rows;");
            }

            format += message.Keys.Replace("%", "%%") + "%";
            arguments += ", keys";
        }

        format += message.Suffix.Replace("%", "%%");
        body.Add("        RAISE EXCEPTION " + SqlDialect.QuoteLiteral(DatabaseProvider.PostgreSql, format) + ", " + arguments + ";");
        body.Add("    END IF;");
    }

    private static string PostgreSqlKeyText(ColumnConversion column)
    {
        if (column.Key.Length == 1)
        {
            return Quote(column, column.Key[0]) + "::text";
        }

        var parts = new List<string>();
        foreach (var key in column.Key)
        {
            parts.Add(Quote(column, key) + "::text");
        }

        return "'(' || " + string.Join(" || ', ' || ", parts) + " || ')'";
    }

    private static void PostgreSqlBlock(List<string> lines, List<string> body, bool perRow)
    {
        var tag = DollarTag(body);
        lines.Add("DO " + tag);
        lines.Add("DECLARE");
        var declared = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in body)
        {
            foreach (var variable in Variables(line))
            {
                declared.Add(variable);
            }
        }

        foreach (var variable in declared)
        {
            lines.Add("    " + variable + " bigint;");
        }

        var text = string.Join("\n", body);
        if (text.IndexOf(" INTO keys ", StringComparison.Ordinal) >= 0 || text.IndexOf("keys := ", StringComparison.Ordinal) >= 0)
        {
            lines.Add("    keys text;");
        }

        if (perRow)
        {
            lines.Add("    ok boolean;");
            lines.Add("    r record;");
        }

        lines.Add("BEGIN");
        lines.AddRange(body);
        lines.Add("END");
        lines.Add(tag + ";");
    }

    /// <summary>The count variables a line assigns: bad, bad_1, bad_2, ….</summary>
    private static IEnumerable<string> Variables(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith("bad := 0", StringComparison.Ordinal))
        {
            yield return "bad";
        }

        var into = trimmed.IndexOf(" INTO ", StringComparison.Ordinal);
        if (trimmed.StartsWith("SELECT count(*)", StringComparison.Ordinal) && into >= 0)
        {
            var end = trimmed.IndexOf(" FROM ", into, StringComparison.Ordinal);
            foreach (var name in trimmed.Substring(into + 6, end - into - 6).Split(','))
            {
                yield return name.Trim();
            }
        }
    }

    // ---------------------------------------------------------------- Expand/contract: copy into the new column

    /// <summary>
    /// The copy step of expand/contract: the marker, the check that every value converts, the copy with an explicit
    /// conversion into <paramref name="target"/>, and the check that every value arrived.
    /// </summary>
    public static string Copy(ColumnConversion conversion, ValueCheck? check, string target)
    {
        var provider = conversion.Provider;
        var lines = new List<string> { Marker(new[] { conversion }) };
        var quotedTarget = SqlDialect.QuoteIdentifier(provider, target);
        var lost = new AbortMessage("lossless: ", " value(s) of " + conversion.Column.ToString() + " were not copied to " + target, KeyPhrase(conversion), "; the migration was stopped and nothing was changed");
        var notCopied = "(" + conversion.Name + " IS NULL) <> (" + quotedTarget + " IS NULL)";
        if (provider == DatabaseProvider.PostgreSql)
        {
            var guarded = new List<int>();
            if (check is not null)
            {
                guarded.Add(0);
            }

            var body = PostgreSqlChecks(new[] { conversion }, new[] { check }, guarded, out var perRow);
            if (body.Count > 0)
            {
                body.Add(string.Empty);
            }

            body.Add("    UPDATE " + conversion.Table + " SET " + quotedTarget + " = " + conversion.Name + "::" + conversion.To.Text + ";");
            body.Add("    SELECT count(*) INTO bad FROM " + conversion.Table + " WHERE " + notCopied + ";");
            AddRaise(body, conversion, notCopied, lost, "bad");
            PostgreSqlBlock(lines, body, perRow);
        }
        else
        {
            lines.Add("DECLARE @bad bigint, @keys nvarchar(max), @message nvarchar(2048);");
            if (check is not null)
            {
                lines.Add(string.Empty);
                AddThrow(lines, conversion, check.Predicate!, Message(conversion, check));
            }

            lines.Add(string.Empty);
            lines.Add("UPDATE " + conversion.Table + " SET " + quotedTarget + " = CAST(" + conversion.Name + " AS " + conversion.To.Text + ");");
            AddThrow(lines, conversion, "CASE WHEN " + conversion.Name + " IS NULL THEN 1 ELSE 0 END <> CASE WHEN " + quotedTarget + " IS NULL THEN 1 ELSE 0 END", lost);
        }

        return string.Join("\n", lines);
    }

    private static string DollarTag(List<string> body)
    {
        var text = string.Join("\n", body);
        var tag = "$lossless$";
        for (var n = 1; text.IndexOf(tag, StringComparison.Ordinal) >= 0; n++)
        {
            tag = "$lossless" + n.ToString(CultureInfo.InvariantCulture) + "$";
        }

        return tag;
    }

    // ---------------------------------------------------------------- SQL Server: THROW

    private static void AddThrow(List<string> lines, ColumnConversion column, string predicate, AbortMessage message)
    {
        lines.Add("SELECT @bad = COUNT_BIG(*) FROM " + column.Table + " WHERE " + predicate + ";");
        lines.Add("IF @bad > 0");
        lines.Add("BEGIN");
        var parts = new List<string> { Literal(message.Prefix), "@bad" };
        if (column.Key.IsEmpty)
        {
            parts.Add(Literal(message.Subject + message.Suffix));
        }
        else
        {
            parts.Add(Literal(message.Subject));
            var keyText = column.Key.Length == 1
                ? "CONVERT(nvarchar(max), " + Quote(column, column.Key[0]) + ")"
                : "CONCAT(N'(', " + string.Join(", N', ', ", KeyConversions(column)) + ", N')')";
            lines.Add("    SELECT @keys = STRING_AGG(k, N', ') FROM (SELECT TOP (3) " + keyText + " AS k FROM " + column.Table + " WHERE " + predicate + " ORDER BY " + KeyList(column) + ") AS first_rows;");
            parts.Add(Literal(message.Keys));
            parts.Add("@keys");
            parts.Add(Literal(message.Suffix));
        }

        lines.Add("    SET @message = CONCAT(" + string.Join(", ", parts) + ");");
        lines.Add("    THROW 50000, @message, 1;");
        lines.Add("END;");

        static string Literal(string text) => SqlDialect.QuoteLiteral(DatabaseProvider.SqlServer, text);
    }

    private static IEnumerable<string> KeyConversions(ColumnConversion column)
    {
        foreach (var key in column.Key)
        {
            yield return "CONVERT(nvarchar(max), " + Quote(column, key) + ")";
        }
    }

    // ---------------------------------------------------------------- SQLite: a TEMP trigger that raises

    /// <summary>
    /// RAISE() outside a trigger fails at prepare time even on clean data: the guard is a TEMP trigger on a TEMP table
    /// that aborts with the message of the row inserted into it, and a row is inserted only when a column has values
    /// that would not survive (its first rows by key looked up only then).
    /// </summary>
    private static void SqliteGuard(List<string> lines, IReadOnlyList<ColumnConversion> columns, IReadOnlyList<ValueCheck?> checks, List<int> guarded)
    {
        var guards = new List<(ColumnConversion, string, AbortMessage)>();
        foreach (var i in guarded)
        {
            guards.Add((columns[i], checks[i]!.Predicate!, Message(columns[i], checks[i]!)));
        }

        SqliteGuard(lines, guards);
    }

    /// <summary>
    /// The SQLite guard for any predicate: the TEMP table and trigger, one INSERT per column whose rows match the
    /// predicate (the count, and the first three keys), then the TEMP table dropped (its trigger with it).
    /// </summary>
    internal static void SqliteGuard(List<string> lines, IReadOnlyList<(ColumnConversion Column, string Predicate, AbortMessage Message)> guards)
    {
        var table = SqlDialect.QuoteIdentifier(DatabaseProvider.Sqlite, "lossless_guard");
        lines.Add("CREATE TEMP TABLE " + table + " (\"message\" TEXT NOT NULL);");
        lines.Add("CREATE TEMP TRIGGER " + SqlDialect.QuoteIdentifier(DatabaseProvider.Sqlite, "lossless_guard_abort") + " BEFORE INSERT ON " + table);
        lines.Add("BEGIN");
        lines.Add("    SELECT RAISE(ABORT, NEW.\"message\");");
        lines.Add("END;");
        foreach (var (column, predicate, message) in guards)
        {
            var text = new StringBuilder("INSERT INTO " + table + " SELECT ")
                .Append(Literal(message.Prefix)).Append(" || count(*) || ");
            if (column.Key.IsEmpty)
            {
                text.Append(Literal(message.Subject + message.Suffix));
            }
            else
            {
                var keyText = column.Key.Length == 1
                    ? Quote(column, column.Key[0])
                    : "'(' || " + string.Join(" || ', ' || ", QuotedKeys(column)) + " || ')'";
                text.Append(Literal(message.Subject)).Append(" || ").Append(Literal(message.Keys))
                    .Append(" || (SELECT group_concat(k, ', ') FROM (SELECT ").Append(keyText).Append(" AS k FROM ").Append(column.Table)
                    .Append(" WHERE ").Append(predicate).Append(" ORDER BY ").Append(KeyList(column)).Append(" LIMIT 3)) || ").Append(Literal(message.Suffix));
            }

            text.Append(" FROM ").Append(column.Table).Append(" WHERE ").Append(predicate).Append(" HAVING count(*) > 0;");
            lines.Add(text.ToString());
        }

        lines.Add("DROP TABLE " + table + ";");

        static string Literal(string text) => SqlDialect.QuoteLiteral(DatabaseProvider.Sqlite, text);
    }

    /// <summary>", e.g. in the rows with id " before the key values, for messages written outside a type conversion.</summary>
    internal static string KeyPhraseOf(ColumnConversion conversion) => KeyPhrase(conversion);

    // ---------------------------------------------------------------- Shared

    private static IEnumerable<string> QuotedKeys(ColumnConversion column)
    {
        foreach (var key in column.Key)
        {
            yield return Quote(column, key);
        }
    }

    private static string KeyList(ColumnConversion column) => string.Join(", ", QuotedKeys(column));

    private static string Quote(ColumnConversion column, string name) => SqlDialect.QuoteIdentifier(column.Provider, name);

    private static bool SameTable(ColumnConversion left, ColumnConversion right)
        => string.Equals(left.Column.Table, right.Column.Table, StringComparison.Ordinal) && string.Equals(left.Column.Schema, right.Column.Schema, StringComparison.Ordinal);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An abort message in four parts: "lossless: ", count, " value(s) of t.c …", ", e.g. in the rows with id ", keys, "; the migration …".</summary>
internal readonly struct AbortMessage
{
    public AbortMessage(string prefix, string subject, string keys, string suffix)
    {
        Prefix = prefix;
        Subject = subject;
        Keys = keys;
        Suffix = suffix;
    }

    public string Prefix { get; }

    public string Subject { get; }

    /// <summary>The words before the key values; empty when there are none to name.</summary>
    public string Keys { get; }

    public string Suffix { get; }
}
