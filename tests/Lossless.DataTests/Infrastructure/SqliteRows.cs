using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Lossless.DataTests.Infrastructure;

/// <summary>What a SQLite database holds, as the SQLite DataTests assert it: one line per row, columns joined by ',', NULL as "NULL".</summary>
public static class SqliteRows
{
    public static List<string> Read(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    /// <summary>Runs SQL that returns no rows (a seed, a script) on its own connection.</summary>
    public static void Execute(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
