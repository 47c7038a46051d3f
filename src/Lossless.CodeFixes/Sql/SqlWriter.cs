using System.Collections.Generic;
using System.Text;
using Lossless.Analyzers.Model.Providers;

namespace Lossless.CodeFixes.Sql;

/// <summary>
/// The SQL that fixes write, per provider, every name quoted through <see cref="SqlDialect"/>: backup tables
/// (CREATE TABLE … AS SELECT, or SELECT … INTO on SQL Server), restores by key, whole-table restores, and NULL backfills.
/// Each method returns one or more statements, each ending with a semicolon and separated by newlines.
/// </summary>
public static class SqlWriter
{
    /// <summary>Copies <paramref name="columns"/> (or every column, when null) of a table into a new backup table.</summary>
    public static string CreateBackup(DatabaseProvider provider, string? schema, string table, string backupTable, IReadOnlyList<string>? columns)
    {
        var source = SqlDialect.QuoteTable(provider, schema, table);
        var backup = SqlDialect.QuoteTable(provider, schema, backupTable);
        var list = columns is null ? "*" : ColumnList(provider, columns, prefix: null);
        return provider == DatabaseProvider.SqlServer
            ? "SELECT " + list + " INTO " + backup + " FROM " + source + ";"
            : "CREATE TABLE " + backup + " AS SELECT " + list + " FROM " + source + ";";
    }

    /// <summary>
    /// Puts a column's values back from a backup table by key. A correlated UPDATE, which every provider runs the same
    /// way; rows that are not in the backup (added since) keep their value.
    /// </summary>
    public static string RestoreColumn(DatabaseProvider provider, string? schema, string table, string column, string backupTable, IReadOnlyList<string> keyColumns)
    {
        var target = SqlDialect.QuoteTable(provider, schema, table);
        var backup = SqlDialect.QuoteTable(provider, schema, backupTable);
        var quotedColumn = SqlDialect.QuoteIdentifier(provider, column);
        var match = new StringBuilder();
        for (var i = 0; i < keyColumns.Count; i++)
        {
            var key = SqlDialect.QuoteIdentifier(provider, keyColumns[i]);
            match.Append(i == 0 ? string.Empty : " AND ").Append("b.").Append(key).Append(" = ").Append(target).Append('.').Append(key);
        }

        return "UPDATE " + target + " SET " + quotedColumn + " = (SELECT b." + quotedColumn + " FROM " + backup + " AS b WHERE " + match + ")"
            + " WHERE EXISTS (SELECT 1 FROM " + backup + " AS b WHERE " + match + ");";
    }

    /// <summary>
    /// Inserts every row of a backup table back into a re-created table, explicitly naming the columns; identity
    /// columns get their explicit values (SQL Server: IDENTITY_INSERT) and, on PostgreSQL, their sequence moves past them.
    /// </summary>
    public static string RestoreRows(DatabaseProvider provider, string? schema, string table, string backupTable, IReadOnlyList<string> columns, IReadOnlyList<string> identityColumns)
    {
        var target = SqlDialect.QuoteTable(provider, schema, table);
        var backup = SqlDialect.QuoteTable(provider, schema, backupTable);
        var list = ColumnList(provider, columns, prefix: null);
        var text = new StringBuilder();
        var identityInsert = provider == DatabaseProvider.SqlServer && identityColumns.Count > 0;
        if (identityInsert)
        {
            text.Append("SET IDENTITY_INSERT ").Append(target).Append(" ON;\n");
        }

        text.Append("INSERT INTO ").Append(target).Append(" (").Append(list).Append(") SELECT ").Append(list).Append(" FROM ").Append(backup).Append(';');
        if (identityInsert)
        {
            text.Append("\nSET IDENTITY_INSERT ").Append(target).Append(" OFF;");
        }

        if (provider == DatabaseProvider.PostgreSql)
        {
            foreach (var identity in identityColumns)
            {
                var quoted = SqlDialect.QuoteIdentifier(provider, identity);
                text.Append("\nSELECT setval(pg_get_serial_sequence(")
                    .Append(SqlDialect.QuoteLiteral(provider, target)).Append(", ").Append(SqlDialect.QuoteLiteral(provider, identity))
                    .Append("), max(").Append(quoted).Append(")) FROM ").Append(target).Append(';');
            }
        }

        return text.ToString();
    }

    public static string DropTable(DatabaseProvider provider, string? schema, string table)
        => "DROP TABLE " + SqlDialect.QuoteTable(provider, schema, table) + ";";

    /// <summary>UPDATE t SET c = value WHERE c IS NULL: gives the rows holding NULL a value (the fixes write one left to choose) before the column becomes required.</summary>
    public static string BackfillNulls(DatabaseProvider provider, string? schema, string table, string column, string valueLiteral)
    {
        var quoted = SqlDialect.QuoteIdentifier(provider, column);
        return "UPDATE " + SqlDialect.QuoteTable(provider, schema, table) + " SET " + quoted + " = " + valueLiteral + " WHERE " + quoted + " IS NULL;";
    }

    /// <summary>UPDATE t SET col = value; every row: the column was just added, and every row holds the same placeholder.</summary>
    public static string FillAddedColumn(DatabaseProvider provider, string? schema, string table, string column, string valueLiteral)
        => "UPDATE " + SqlDialect.QuoteTable(provider, schema, table) + " SET " + SqlDialect.QuoteIdentifier(provider, column) + " = " + valueLiteral + ";";

    private static string ColumnList(DatabaseProvider provider, IReadOnlyList<string> columns, string? prefix)
    {
        var text = new StringBuilder();
        for (var i = 0; i < columns.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(prefix).Append(SqlDialect.QuoteIdentifier(provider, columns[i]));
        }

        return text.ToString();
    }
}
