using System.Diagnostics;
using System.Globalization;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;
using Lossless.Analyzers.Model.Targets;
using Lossless.CodeFixes.Sql.Conversions;
using Lossless.DataTests.Infrastructure;
using Npgsql;

namespace Lossless.Benchmarks.Guards;

/// <summary>
/// RULES.md "It costs no more than the change": each guard the type-change fixes write, run on a PostgreSQL table of
/// N rows (1,000,000 by default) whose every value passes it, timed beside the ALTER it protects (EF Core's
/// ALTER … TYPE, or the fix's ALTER … TYPE … USING where PostgreSQL has no cast). Each pair runs in a transaction that
/// is rolled back, three times; medians are printed. Parallel query is off, as the ALTER has none. Not a test: a
/// measurement, read in the README.
/// </summary>
internal static class GuardBenchmark
{
    /// <summary>One conversion: the column's type, the values it is filled with (an expression over i), the new type.</summary>
    private sealed record Case(string From, string Values, string To);

    private static readonly Case[] Cases =
    [
        new("text", "(i % 100000)::text", "integer"),
        new("text", "(i * 7)::bigint::text", "bigint"),
        new("character varying(255)", "md5(i::text)::uuid::text", "uuid"),
        new("text", "(i / 100.0)::numeric(12,2)::text", "numeric(12,2)"),
        new("text", "(i::float8 / 4)::text", "double precision"),
        new("text", "CASE WHEN i % 2 = 0 THEN 'true' ELSE 'false' END", "boolean"),
        new("text", "(date '2000-01-01' + i % 10000)::text", "date"),
        new("text", "to_char(timestamp '2000-01-01' + i * interval '1 minute', 'YYYY-MM-DD HH24:MI:SS')", "timestamp without time zone"),
        new("character varying(255)", "'name-' || i", "character varying(50)"),
        new("numeric(12,2)", "i::numeric(12,2)", "numeric(12,0)"),
        new("bigint", "i::bigint", "integer"),
        new("timestamp without time zone", "timestamp '2000-01-01' + (i % 10000) * interval '1 day'", "date"),
    ];

    public static int Run(int rows)
    {
        Console.WriteLine($"Guard benchmark: each guard on {rows:N0} rows that all pass it, beside the ALTER it protects (median of 3, each in a rolled-back transaction).");
        using var cluster = new PostgresCluster();
        Console.WriteLine($"PostgreSQL {cluster.ServerVersion}, {Environment.ProcessorCount} cores");
        var database = cluster.CreateDatabase("guards").ConnectionString;
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        Execute(connection, "SET max_parallel_workers_per_gather = 0");

        Console.WriteLine();
        Console.WriteLine("| conversion | guard | guard (s) | ALTER (s) | guard / ALTER |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        var slower = new List<string>();
        for (var n = 0; n < Cases.Length; n++)
        {
            var @case = Cases[n];
            var table = "t" + n.ToString(CultureInfo.InvariantCulture);
            Execute(connection, $"CREATE TABLE {table} (id integer PRIMARY KEY, c {@case.From} NOT NULL)");
            Execute(connection, $"INSERT INTO {table} SELECT i, {@case.Values} FROM generate_series(1, {rows}) AS s(i)");
            Execute(connection, $"VACUUM ANALYZE {table}");

            var conversion = new ColumnConversion(
                new ColumnRef(null, table, "c"),
                StoreTypeParser.Parse(@case.From, DatabaseProvider.PostgreSql),
                StoreTypeParser.Parse(@case.To, DatabaseProvider.PostgreSql),
                DatabaseProvider.PostgreSql,
                ["id"]);
            if (!ValueCheck.TryCreate(conversion, out var check) || check is null)
            {
                Console.WriteLine($"| {@case.From} → {@case.To} | none | | | |");
                continue;
            }

            var guard = ConversionStep.Build(DatabaseProvider.PostgreSql, [conversion], [check], []);
            var alter = conversion.NeedsExplicitCast
                ? ConversionStep.AlterTypeUsing(conversion)
                : $"ALTER TABLE {conversion.Table} ALTER COLUMN {conversion.Name} TYPE {conversion.To.Text};";

            var guardTimes = new List<double>();
            var alterTimes = new List<double>();
            for (var run = 0; run < 3; run++)
            {
                using var transaction = connection.BeginTransaction();
                guardTimes.Add(Time(connection, guard));
                alterTimes.Add(Time(connection, alter));
                transaction.Rollback();
            }

            var guardTime = Median(guardTimes);
            var alterTime = Median(alterTimes);
            // What runs when every value passes: one scan with the casts the ALTER itself does (an exact, non-raising check
            // runs only after a cast raised or a value failed), or one scan with expressions.
            var kind = check.FastPredicate is not null ? "one scan, casts" : "one scan, expressions";
            Console.WriteLine($"| {@case.From} → {@case.To} | {kind} | {guardTime:F2} | {alterTime:F2} | {guardTime / alterTime:P0} |");
            if (guardTime > alterTime)
            {
                slower.Add($"{@case.From} → {@case.To}");
            }

            Execute(connection, $"DROP TABLE {table}");
        }

        Console.WriteLine();
        Console.WriteLine(slower.Count == 0
            ? "Every guard took at most the time of the ALTER it protects."
            : "Guards that took longer than their ALTER: " + string.Join(", ", slower));
        return 0;
    }

    private static double Time(NpgsqlConnection connection, string sql)
    {
        var watch = Stopwatch.StartNew();
        Execute(connection, sql);
        return watch.Elapsed.TotalSeconds;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
