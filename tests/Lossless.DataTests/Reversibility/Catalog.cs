using System.Data.Common;
using Lossless.Analyzers.Model.Providers;
using Lossless.DataTests.Migrations;

namespace Lossless.DataTests.Reversibility;

/// <summary>
/// <see cref="DatabaseSnapshot"/>'s catalog plus what a rollback must also restore and that snapshot does not show
/// (PostgreSQL identity columns, SQLite AUTOINCREMENT), and every row with its values by column name: a column that
/// Down re-adds comes back last, so rows are compared by name, not by position.
/// </summary>
internal sealed class Catalog
{
    private Catalog(string schema, IReadOnlyDictionary<string, IReadOnlyList<string>> rows)
    {
        Schema = schema;
        Rows = rows;
    }

    public string Schema { get; }

    /// <summary>Rows by table: "column=value;…" with columns in name order, values as the database quotes them, rows sorted.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Rows { get; }

    public string Data => string.Join("\n", Rows.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => "[" + t.Key + "]\n" + string.Join("\n", t.Value)));

    public static Catalog Take(DatabaseProvider provider, string connectionString)
    {
        var snapshot = DatabaseSnapshot.Take(provider, connectionString);
        using var connection = GeneratedDownRoundTripTests.Open(provider, connectionString);
        var extra = provider == DatabaseProvider.PostgreSql
            ? Query(connection, """
                SELECT 'identity ' || table_schema || '.' || table_name || '.' || column_name || ' ' || COALESCE(identity_generation, '')
                FROM information_schema.columns
                WHERE is_identity = 'YES' AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_name NOT LIKE '\_\_EFMigrations%'
                """)
            : Query(connection, """
                SELECT 'autoincrement ' || name FROM sqlite_master
                WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%' AND name NOT LIKE '\_\_EFMigrations%' ESCAPE '\'
                UNION ALL
                SELECT 'unique constraint ' || m.name || ' (' || (SELECT group_concat(ii.name, ',') FROM pragma_index_info(il.name) ii) || ')'
                FROM sqlite_master m JOIN pragma_index_list(m.name) il
                WHERE m.type = 'table' AND il.origin = 'u' AND m.name NOT LIKE '\_\_EFMigrations%' ESCAPE '\'
                """);
        var schema = snapshot.Schema.Split('\n').Where(line => line.Length > 0).Concat(extra).Order(StringComparer.Ordinal);

        var rows = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (table, columns) in Tables(provider, connection))
        {
            var quoted = string.Join(", ", columns.Select(column => provider == DatabaseProvider.PostgreSql
                ? "quote_nullable(" + Identifier(column) + "::text)"
                : "quote(" + Identifier(column) + ")"));
            var values = new List<string>();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT " + quoted + " FROM " + (provider == DatabaseProvider.PostgreSql ? table : Identifier(table));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                values.Add(string.Join(";", columns.Select((column, i) => column + "=" + reader.GetString(i))));
            }

            values.Sort(StringComparer.Ordinal);
            rows[provider == DatabaseProvider.PostgreSql ? table.Split('.').Last().Trim('"') : table] = values;
        }

        return new Catalog(string.Join("\n", schema), rows);
    }

    private static List<(string Table, List<string> Columns)> Tables(DatabaseProvider provider, DbConnection connection)
    {
        var names = provider == DatabaseProvider.PostgreSql
            ? Query(connection, """
                SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_name NOT LIKE '\_\_EFMigrations%'
                """)
            : Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_\\_EFMigrations%' ESCAPE '\\'");
        var result = new List<(string, List<string>)>();
        foreach (var name in names)
        {
            var columns = provider == DatabaseProvider.PostgreSql
                ? Query(connection, $"SELECT attname FROM pg_attribute WHERE attrelid = '{name.Replace("'", "''")}'::regclass AND attnum > 0 AND NOT attisdropped")
                : Query(connection, $"SELECT name FROM pragma_table_info('{name.Replace("'", "''")}')");
            columns.Sort(StringComparer.Ordinal);
            result.Add((name, columns));
        }

        return result;
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    private static List<string> Query(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }
}
