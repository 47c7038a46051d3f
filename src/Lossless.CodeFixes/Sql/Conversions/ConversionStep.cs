using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;

namespace Lossless.CodeFixes.Sql.Conversions;

/// <summary>
/// The SQL text of one migrationBuilder.Sql(...) step a type-change fix writes: the verified marker naming every
/// column, a guard that aborts the migration (naming table, column and count) when a value would be lost or
/// changed, then the statements that convert.
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
                    PostgreSqlGuard(lines, columns, checks, guarded);
                    break;
                case DatabaseProvider.SqlServer:
                    SqlServerGuard(lines, columns, checks, guarded);
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

    /// <summary>The abort message: table, column, both types and (where the database can say it) the count.</summary>
    public static string Message(ColumnConversion conversion, string count)
        => "lossless: " + count + " of " + conversion.Column.ToString() + " cannot be converted from " + conversion.From.Text + " to " + conversion.To.Text
            + " without loss; the migration was stopped and nothing was changed";

    // ---------------------------------------------------------------- PostgreSQL: DO block, RAISE EXCEPTION

    private static void PostgreSqlGuard(List<string> lines, IReadOnlyList<ColumnConversion> columns, IReadOnlyList<ValueCheck?> checks, List<int> guarded)
        => PostgreSqlBlock(lines, PostgreSqlChecks(columns, checks, guarded, out var perRow), perRow);

    /// <summary>The body of the DO block: per column, count the values that would be lost, and raise when there are any.</summary>
    private static List<string> PostgreSqlChecks(IReadOnlyList<ColumnConversion> columns, IReadOnlyList<ValueCheck?> checks, List<int> guarded, out bool perRow)
    {
        var body = new List<string>();
        perRow = false;
        foreach (var i in guarded)
        {
            var column = columns[i];
            var check = checks[i]!;
            if (body.Count > 0)
            {
                body.Add(string.Empty);
            }

            if (check.Predicate is { } predicate)
            {
                body.Add("    SELECT count(*) INTO bad FROM " + column.Table + " WHERE " + predicate + ";");
            }
            else
            {
                perRow = true;
                body.Add("    bad := 0;");
                body.Add("    FOR r IN SELECT " + column.Name + " AS v FROM " + column.Table + " WHERE " + column.Name + " IS NOT NULL LOOP");
                body.Add("        BEGIN");
                if (check.RowTestIsCast)
                {
                    body.Add("            PERFORM " + check.RowTest + ";");
                }
                else
                {
                    body.Add("            IF NOT (" + check.RowTest + ") THEN");
                    body.Add("                bad := bad + 1;");
                    body.Add("            END IF;");
                }

                body.Add("        EXCEPTION WHEN others THEN");
                body.Add("            bad := bad + 1;");
                body.Add("        END;");
                body.Add("    END LOOP;");
            }

            AddRaise(body, Message(column, "{count}"));
        }

        return body;
    }

    /// <summary>IF bad &gt; 0 THEN RAISE EXCEPTION '…', bad: the message is a RAISE format, % is the count, a literal % is written %%.</summary>
    private static void AddRaise(List<string> body, string message)
    {
        var split = message.IndexOf("{count}", StringComparison.Ordinal);
        var format = message.Substring(0, split).Replace("%", "%%") + "% value(s)" + message.Substring(split + "{count}".Length).Replace("%", "%%");
        body.Add("    IF bad > 0 THEN");
        body.Add("        RAISE EXCEPTION " + SqlDialect.QuoteLiteral(DatabaseProvider.PostgreSql, format) + ", bad;");
        body.Add("    END IF;");
    }

    private static void PostgreSqlBlock(List<string> lines, List<string> body, bool perRow)
    {
        var tag = DollarTag(body);
        lines.Add("DO " + tag);
        lines.Add("DECLARE");
        lines.Add("    bad bigint;");
        if (perRow)
        {
            lines.Add("    r record;");
        }

        lines.Add("BEGIN");
        lines.AddRange(body);
        lines.Add("END");
        lines.Add(tag + ";");
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
        var lost = "lossless: {count} of " + conversion.Column.ToString() + " were not copied to " + target + "; the migration was stopped and nothing was changed";
        var guarded = new List<int>();
        if (check is not null)
        {
            guarded.Add(0);
        }

        if (provider == DatabaseProvider.PostgreSql)
        {
            var body = PostgreSqlChecks(new[] { conversion }, new[] { check }, guarded, out var perRow);
            if (body.Count > 0)
            {
                body.Add(string.Empty);
            }

            body.Add("    UPDATE " + conversion.Table + " SET " + quotedTarget + " = " + conversion.Name + "::" + conversion.To.Text + ";");
            body.Add("    SELECT count(*) INTO bad FROM " + conversion.Table + " WHERE (" + conversion.Name + " IS NULL) <> (" + quotedTarget + " IS NULL);");
            AddRaise(body, lost);
            PostgreSqlBlock(lines, body, perRow);
        }
        else
        {
            SqlServerGuard(lines, new[] { conversion }, new[] { check }, guarded);
            if (guarded.Count == 0)
            {
                lines.Add("DECLARE @bad bigint, @message nvarchar(2048);");
            }

            lines.Add(string.Empty);
            lines.Add("UPDATE " + conversion.Table + " SET " + quotedTarget + " = CAST(" + conversion.Name + " AS " + conversion.To.Text + ");");
            AddThrow(lines, "SELECT @bad = COUNT_BIG(*) FROM " + conversion.Table + " WHERE CASE WHEN " + conversion.Name + " IS NULL THEN 1 ELSE 0 END <> CASE WHEN " + quotedTarget + " IS NULL THEN 1 ELSE 0 END;", lost);
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

    private static void SqlServerGuard(List<string> lines, IReadOnlyList<ColumnConversion> columns, IReadOnlyList<ValueCheck?> checks, List<int> guarded)
    {
        if (guarded.Count == 0)
        {
            return;
        }

        lines.Add("DECLARE @bad bigint, @message nvarchar(2048);");
        foreach (var i in guarded)
        {
            var column = columns[i];
            lines.Add(string.Empty);
            AddThrow(lines, "SELECT @bad = COUNT_BIG(*) FROM " + column.Table + " WHERE " + checks[i]!.Predicate + ";", Message(column, "{count}"));
        }
    }

    private static void AddThrow(List<string> lines, string count, string message)
    {
        var split = message.IndexOf("{count}", StringComparison.Ordinal);
        lines.Add(count);
        lines.Add("IF @bad > 0");
        lines.Add("BEGIN");
        lines.Add("    SET @message = CONCAT(" + SqlDialect.QuoteLiteral(DatabaseProvider.SqlServer, message.Substring(0, split)) + ", @bad, "
            + SqlDialect.QuoteLiteral(DatabaseProvider.SqlServer, " value(s)" + message.Substring(split + "{count}".Length)) + ");");
        lines.Add("    THROW 50000, @message, 1;");
        lines.Add("END;");
    }

    // ---------------------------------------------------------------- SQLite: a TEMP trigger that raises

    /// <summary>
    /// RAISE() outside a trigger fails at prepare time even on clean data, and its message must be a literal: the guard
    /// is a TEMP trigger that aborts when a count inserted into a TEMP table is not zero.
    /// </summary>
    private static void SqliteGuard(List<string> lines, IReadOnlyList<ColumnConversion> columns, IReadOnlyList<ValueCheck?> checks, List<int> guarded)
    {
        var table = SqlDialect.QuoteIdentifier(DatabaseProvider.Sqlite, "lossless_guard");
        lines.Add("CREATE TEMP TABLE " + table + " (\"step\" INTEGER NOT NULL, \"rows\" INTEGER NOT NULL);");
        for (var n = 0; n < guarded.Count; n++)
        {
            var column = columns[guarded[n]];
            var step = (n + 1).ToString(CultureInfo.InvariantCulture);
            lines.Add("CREATE TEMP TRIGGER " + SqlDialect.QuoteIdentifier(DatabaseProvider.Sqlite, "lossless_guard_" + step) + " BEFORE INSERT ON " + table
                + " WHEN NEW.\"step\" = " + step + " AND NEW.\"rows\" > 0");
            lines.Add("BEGIN");
            lines.Add("    SELECT RAISE(ABORT, " + SqlDialect.QuoteLiteral(DatabaseProvider.Sqlite, Message(column, "values")) + ");");
            lines.Add("END;");
        }

        for (var n = 0; n < guarded.Count; n++)
        {
            var index = guarded[n];
            lines.Add("INSERT INTO " + table + " SELECT " + (n + 1).ToString(CultureInfo.InvariantCulture) + ", count(*) FROM " + columns[index].Table + " WHERE " + checks[index]!.Predicate + ";");
        }

        lines.Add("DROP TABLE " + table + ";");
    }
}
