using System.Globalization;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;
using Lossless.DataTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql;

namespace Lossless.DataTests.GroundTruth;

/// <summary>
/// Every PostgreSQL store-type pair the classifier rules on, run on the real database: EF Core's Npgsql migrations
/// SQL generator writes the AlterColumn, which runs first on an empty table (does it fail whatever the data?) and
/// then on one row per sample value the old type accepts (does a value fail, or change?). A value has changed when
/// the converted value, cast back to the old type, no longer reads as the original. The change runs in session
/// TimeZone Asia/Tokyo and is compared in UTC, so conversions that depend on the session's zone show.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSweepTests
{
    /// <summary>The classifier's PostgreSQL pairs (its unit-test table) whose types a stock PostgreSQL has.</summary>
    public static TheoryData<string, string> Pairs => new()
    {
        { "varchar(255)", "character varying(255)" }, { "int4", "integer" }, { "int", "int4" },
        { "timestamptz", "timestamp with time zone" }, { "timestamp", "timestamp(6) without time zone" },
        { "decimal(10,2)", "numeric(10,2)" }, { "_int4", "integer[]" },
        { "varchar(50)", "varchar(100)" }, { "varchar(50)", "text" }, { "character varying(255)", "text" },
        { "text", "varchar" }, { "text", "citext" }, { "char(10)", "varchar(10)" }, { "smallint", "integer" },
        { "integer", "bigint" }, { "integer", "numeric" }, { "integer", "numeric(10,0)" }, { "integer", "double precision" },
        { "smallint", "real" }, { "numeric(10,2)", "numeric(12,2)" }, { "numeric(10,2)", "numeric(12,4)" },
        { "numeric(10,2)", "numeric" }, { "numeric(10,0)", "bigint" }, { "numeric(9,0)", "integer" },
        { "numeric(15,2)", "double precision" }, { "real", "double precision" }, { "date", "timestamp" },
        { "timestamp(3)", "timestamp" }, { "time", "interval" }, { "time", "timetz" }, { "jsonb", "json" },
        { "integer[]", "bigint[]" }, { "uuid", "text" }, { "uuid", "varchar(36)" }, { "integer", "text" },
        { "integer", "varchar(11)" }, { "bigint", "text" }, { "boolean", "text" }, { "date", "text" },
        { "timestamptz", "text" }, { "double precision", "text" }, { "numeric(10,2)", "text" }, { "jsonb", "text" },
        { "bytea", "text" }, { "integer[]", "text" },
        { "numeric(10,2)", "numeric(10,0)" }, { "numeric(10,4)", "numeric(12,2)" }, { "numeric(10,2)", "numeric(8,0)" },
        { "numeric(10,2)", "numeric(6,0)" }, { "numeric", "numeric(10,2)" }, { "numeric(10,2)", "integer" },
        { "numeric", "double precision" }, { "double precision", "integer" }, { "double precision", "bigint" },
        { "real", "smallint" }, { "double precision", "real" }, { "double precision", "numeric(10,2)" },
        { "double precision", "numeric" }, { "bigint", "double precision" }, { "integer", "real" },
        { "timestamp", "date" }, { "timestamptz", "date" }, { "timestamptz", "timestamp" },
        { "timestamp with time zone", "timestamp without time zone" }, { "timestamp", "timestamptz" },
        { "date", "timestamptz" }, { "timestamp", "time" }, { "timestamp", "timestamp(3)" }, { "time", "time(0)" },
        { "timetz", "time" }, { "interval", "time" }, { "json", "jsonb" }, { "varchar(50)", "char(50)" },
        { "bigint", "integer" }, { "integer", "smallint" }, { "bigint[]", "integer[]" }, { "varchar(100)", "varchar(50)" },
        { "text", "varchar(255)" }, { "text", "char(1)" }, { "numeric(12,2)", "numeric(10,2)" },
        { "numeric(10,2)", "numeric(10,4)" }, { "numeric(10,0)", "integer" }, { "bigint", "numeric(10,0)" },
        { "integer", "varchar(5)" }, { "uuid", "varchar(20)" }, { "jsonb", "varchar(100)" },
        { "text", "uuid" }, { "varchar(255)", "uuid" }, { "character varying(36)", "uuid" }, { "text", "integer" },
        { "varchar(20)", "bigint" }, { "text", "numeric(10,2)" }, { "text", "double precision" }, { "text", "date" },
        { "text", "timestamptz" }, { "text", "boolean" }, { "text", "jsonb" }, { "text", "json" }, { "text", "bytea" },
        { "text", "xml" }, { "text", "interval" }, { "text", "text[]" }, { "text[]", "integer[]" },
        { "integer", "integer[]" }, { "integer", "boolean" }, { "boolean", "integer" }, { "integer", "uuid" },
        { "uuid", "bytea" }, { "integer", "timestamp" }, { "date", "integer" }, { "jsonb", "integer" },
        { "time", "timestamp" }, { "date", "time" },
    };

    /// <summary>Sample values, as SQL literals; each pair uses those its old type accepts.</summary>
    private static readonly string[] Samples =
    [
        // text
        "abc", "", "ab  ", "Łódź", new string('x', 60), GroundTruthTable.NextAuthId, GroundTruthTable.UuidText,
        new string('x', 300), "{\"k\": \"" + new string('y', 150) + "\"}",
        "123", "12.50", "2.7", "true", "{\"b\": 1, \"a\": 2, \"a\": 3}", "{a,b}", "{1,2}", "1 day", "13:45", "<a/>",
        // numbers
        "0", "1", "-1", "2", "42", "2.5", "1.5", "12345.67", "12345.6789", "-0.01", "0.001", "32768", "2147483648",
        "5000000000", "9999999999", "16777217", "9007199254740993", "123456789012.34", "1e30", "0.1",
        // booleans, uuids, bytes, arrays
        "false", "\\x01ff", "{5000000000}", "{}",
        // dates and times
        "2024-03-01", "2024-03-01 13:45:30.123456", "2024-03-01 00:00:00", "2024-03-01 20:00:00+00",
        "13:45:30.5", "13:45:00+02", "25:00:00", "1 day 02:00:00",
    ];


    private static readonly object Gate = new();
    private static (PostgresCluster Cluster, PostgresDatabase Database)? shared;

    private readonly PostgresCluster cluster;

    public PostgresSweepTests(PostgresCluster cluster) => this.cluster = cluster;

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Classifier_AgreesWithPostgreSql(string from, string to)
    {
        var sql = GenerateAlterColumnSql(from, to);
        Assert.Equal("ALTER TABLE t ALTER COLUMN v TYPE " + to + ";", sql.Trim());

        var measured = Measure(from, sql);
        var conversion = StoreTypeClassifier.Classify(
            StoreTypeParser.Parse(from, DatabaseProvider.PostgreSql), StoreTypeParser.Parse(to, DatabaseProvider.PostgreSql), DatabaseProvider.PostgreSql);

        // A change that rounds some values and fails on others is lossy (LL1001, whose message says large values
        // fail too); one that only fails on some values may fail; one that fails on an empty table fails always.
        ConversionClass[] expected = measured.FailsOnEmptyTable ? [ConversionClass.MayFail]
            : measured.Changes.Count > 0 ? [ConversionClass.Lossy]
            : measured.Failures.Count > 0 ? [ConversionClass.MayFail]
            : [ConversionClass.Identical, ConversionClass.Widening];
        var message = from + " -> " + to + ": PostgreSQL " + measured + "; the classifier said " + conversion.Class
            + (conversion.FailsEvenOnValidData ? " (fails even on valid data)" : "") + ": " + conversion.Effect;
        Assert.True(measured.Accepted > 0 || measured.FailsOnEmptyTable, message + " (no sample value fits " + from + ")");
        Assert.True(Array.IndexOf(expected, conversion.Class) >= 0, message);
        Assert.True(conversion.FailsEvenOnValidData == measured.FailsOnEmptyTable, message);
        if (measured.Failures.Count > 0)
        {
            Assert.True(conversion.Effect.Contains("fail", StringComparison.Ordinal), message + " (the effect must say that some values fail)");
        }
    }

    private sealed class Measurement
    {
        public bool FailsOnEmptyTable { get; set; }

        public string? EmptyTableError { get; set; }

        public int Accepted { get; set; }

        public List<string> Failures { get; } = [];

        public List<string> Changes { get; } = [];

        public override string ToString()
            => (FailsOnEmptyTable ? "fails on an empty table (" + EmptyTableError + ")"
                : Failures.Count > 0 ? "fails on " + string.Join("; ", Failures.Take(3))
                : Changes.Count > 0 ? "changes " + string.Join("; ", Changes.Take(3))
                : "keeps every value")
                + " [" + Accepted.ToString(CultureInfo.InvariantCulture) + " sample values]";
    }

    private Measurement Measure(string from, string alterSql)
    {
        using var connection = new NpgsqlConnection(SweepDatabase().ConnectionString);
        connection.Open();
        var measurement = new Measurement();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "CREATE TABLE t (id integer PRIMARY KEY, v " + from + ")");

        Execute(connection, "SAVEPOINT empty");
        try
        {
            Execute(connection, alterSql);
        }
        catch (PostgresException exception)
        {
            measurement.FailsOnEmptyTable = true;
            measurement.EmptyTableError = exception.SqlState + " " + exception.MessageText;
        }

        Execute(connection, "ROLLBACK TO SAVEPOINT empty");
        if (measurement.FailsOnEmptyTable)
        {
            return measurement;
        }

        foreach (var sample in Samples)
        {
            Execute(connection, "SAVEPOINT sample");
            try
            {
                Execute(connection, "INSERT INTO t VALUES (1, " + Literal(sample) + ")");
            }
            catch (PostgresException)
            {
                Execute(connection, "ROLLBACK TO SAVEPOINT sample");
                continue;
            }

            measurement.Accepted++;
            Execute(connection, "SET LOCAL TimeZone = 'UTC'");
            var before = Text(connection, "SELECT v::text FROM t");
            Execute(connection, "SET LOCAL TimeZone = 'Asia/Tokyo'");
            try
            {
                Execute(connection, alterSql);
            }
            catch (PostgresException exception)
            {
                measurement.Failures.Add(Literal(sample) + ": " + exception.SqlState + " " + exception.MessageText);
                Execute(connection, "ROLLBACK TO SAVEPOINT sample");
                continue;
            }

            Execute(connection, "SET LOCAL TimeZone = 'UTC'");
            Execute(connection, "SAVEPOINT back");
            string? after;
            try
            {
                // char(n) pads: the client reads the padding (bpchar's output), which a cast to text would strip.
                after = Text(connection, IsBlankPadded(alterSql) ? "SELECT concat(v) FROM t" : "SELECT (v::" + from + ")::text FROM t");
            }
            catch (PostgresException)
            {
                Execute(connection, "ROLLBACK TO SAVEPOINT back");
                after = Text(connection, "SELECT v::text FROM t");
            }

            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                measurement.Changes.Add((before ?? "NULL") + " -> " + (Text(connection, "SELECT v::text FROM t") ?? "NULL"));
            }

            Execute(connection, "ROLLBACK TO SAVEPOINT sample");
        }

        transaction.Rollback();
        return measurement;
    }

    /// <summary>One database for the sweep: each pair runs in its own transaction, rolled back at the end.</summary>
    private PostgresDatabase SweepDatabase()
    {
        lock (Gate)
        {
            if (shared is { } existing && existing.Cluster == cluster)
            {
                return existing.Database;
            }

            var database = cluster.CreateDatabase("sweep");
            using (var connection = new NpgsqlConnection(database.ConnectionString))
            {
                connection.Open();
                Execute(connection, "CREATE EXTENSION IF NOT EXISTS citext");
            }

            shared = (cluster, database);
            return database;
        }
    }

    /// <summary>The SQL EF Core's Npgsql migrations SQL generator writes for AlterColumn(type: to, oldType: from).</summary>
    private static string GenerateAlterColumnSql(string from, string to)
    {
        using var context = new ProbeContext(
            new TestDatabase(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=unused"),
            new ColumnDefinition(typeof(string)));
        var operation = new AlterColumnOperation
        {
            Table = ProbeContext.TableName,
            Name = ProbeContext.ValueColumn,
            ClrType = typeof(string),
            ColumnType = to,
            IsNullable = true,
            OldColumn = new AddColumnOperation
            {
                Table = ProbeContext.TableName,
                Name = ProbeContext.ValueColumn,
                ClrType = typeof(string),
                ColumnType = from,
                IsNullable = true,
            },
        };
        var commands = context.GetService<IMigrationsSqlGenerator>().Generate([operation], context.DesignTimeModel);
        return Assert.Single(commands).CommandText;
    }

    private static bool IsBlankPadded(string alterSql)
    {
        var type = alterSql[(alterSql.LastIndexOf(" TYPE ", StringComparison.Ordinal) + 6)..].TrimEnd(';', ' ', '\n');
        return type.StartsWith("char(", StringComparison.OrdinalIgnoreCase) || type.StartsWith("character(", StringComparison.OrdinalIgnoreCase)
            || type is "char" or "character";
    }

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string? Text(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar() as string;
    }
}
