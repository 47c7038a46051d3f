using System.Data.Common;
using System.Globalization;
using System.Text;
using Lossless.Analyzers.Model.Providers;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lossless.DataTests.Migrations;

/// <summary>
/// A database's schema (tables, columns, types, nullability, defaults, keys, foreign keys, indexes) and every row of
/// every table, as text, so that two moments can be compared exactly. EF Core's own bookkeeping tables are left out.
/// </summary>
public sealed class DatabaseSnapshot
{
    private DatabaseSnapshot(string schema, IReadOnlyDictionary<string, IReadOnlyList<string>> rows)
    {
        Schema = schema;
        Rows = rows;
    }

    /// <summary>One line per table, column, key, foreign key and index, sorted.</summary>
    public string Schema { get; }

    /// <summary>Every row of every table, by table, each row its values as text in column order, rows sorted.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Rows { get; }

    /// <summary>The rows of all tables as one text, for an exact comparison with a readable diff.</summary>
    public string Data => string.Join("\n", Rows.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"[{t.Key}]\n" + string.Join("\n", t.Value)));

    public static DatabaseSnapshot Take(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.PostgreSql => TakePostgres(connectionString),
        DatabaseProvider.Sqlite => TakeSqlite(connectionString),
        _ => throw new NotSupportedException(provider.ToString()),
    };

    private static bool IsBookkeeping(string table) => table.StartsWith("__EFMigrations", StringComparison.Ordinal);

    private static DatabaseSnapshot TakePostgres(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var schema = new List<string>();
        schema.AddRange(Query(connection, """
            SELECT 'column ' || c.table_schema || '.' || c.table_name || '.' || c.column_name || ' ' || format_type(a.atttypid, a.atttypmod)
                   || CASE WHEN c.is_nullable = 'NO' THEN ' not null' ELSE ' null' END
                   || COALESCE(' default ' || c.column_default, '')
            FROM information_schema.columns c
            JOIN pg_attribute a ON a.attrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass AND a.attname = c.column_name
            WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_name NOT LIKE '\_\_EFMigrations%'
            """));
        schema.AddRange(Query(connection, """
            SELECT 'constraint ' || n.nspname || '.' || t.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
            FROM pg_constraint con
            JOIN pg_class t ON t.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND t.relname NOT LIKE '\_\_EFMigrations%'
            """));
        schema.AddRange(Query(connection, """
            SELECT 'index ' || schemaname || '.' || tablename || ' ' || indexdef
            FROM pg_indexes
            WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND tablename NOT LIKE '\_\_EFMigrations%'
            """));
        schema.Sort(StringComparer.Ordinal);

        var rows = new Dictionary<string, IReadOnlyList<string>>();
        var tables = Query(connection, """
            SELECT quote_ident(table_schema) || '.' || quote_ident(table_name)
            FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
            """);
        foreach (var table in tables.Where(t => !IsBookkeeping(t.Split('.').Last().Trim('"'))))
        {
            // A row as PostgreSQL prints it (text output of every column), so no value is reinterpreted on the way.
            rows[table] = Query(connection, $"SELECT t::text FROM {table} t").OrderBy(r => r, StringComparer.Ordinal).ToList();
        }

        return new DatabaseSnapshot(string.Join("\n", schema), rows);
    }

    private static DatabaseSnapshot TakeSqlite(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var schema = new List<string>();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
            .Where(t => !IsBookkeeping(t))
            .ToList();
        var rows = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var table in tables)
        {
            var quoted = "\"" + table.Replace("\"", "\"\"") + "\"";
            schema.AddRange(Query(connection, $"SELECT 'column {table.Replace("'", "''")}.' || name || ' ' || type || CASE WHEN \"notnull\" THEN ' not null' ELSE ' null' END || COALESCE(' default ' || dflt_value, '') || CASE WHEN pk > 0 THEN ' pk' || pk ELSE '' END FROM pragma_table_info('{table.Replace("'", "''")}')"));
            schema.AddRange(Query(connection, $"SELECT 'foreign key {table.Replace("'", "''")}.' || \"from\" || ' -> ' || \"table\" || '.' || \"to\" || ' on delete ' || on_delete FROM pragma_foreign_key_list('{table.Replace("'", "''")}')"));
            schema.AddRange(Query(connection, $"SELECT 'index {table.Replace("'", "''")} ' || il.name || CASE WHEN il.\"unique\" THEN ' unique' ELSE '' END || ' (' || (SELECT group_concat(ii.name, ',') FROM pragma_index_info(il.name) ii) || ')' FROM pragma_index_list('{table.Replace("'", "''")}') il WHERE il.origin = 'c'"));
            rows[table] = ReadRows(connection, $"SELECT * FROM {quoted}");
        }

        schema.Sort(StringComparer.Ordinal);
        return new DatabaseSnapshot(string.Join("\n", schema), rows);
    }

    /// <summary>SQLite rows with each value's storage class, so 'abc' in an INTEGER column is visible as text.</summary>
    private static List<string> ReadRows(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Append(i == 0 ? "(" : ",");
                var value = reader.GetValue(i);
                row.Append(value switch
                {
                    DBNull => "NULL",
                    byte[] bytes => "x'" + Convert.ToHexString(bytes) + "'",
                    string text => "'" + text + "'",
                    double real => real.ToString("R", CultureInfo.InvariantCulture) + "r",
                    IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                });
            }

            rows.Add(row.Append(')').ToString());
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static List<string> Query(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(reader.IsDBNull(0) ? "NULL" : reader.GetString(0));
        }

        return result;
    }

    public override string ToString() => Schema + "\n\n" + Data;
}
