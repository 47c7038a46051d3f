using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;
using Lossless.Analyzers.Model.Targets;
using Lossless.CodeFixes.Sql.Conversions;
using Lossless.DataTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lossless.DataTests.TypeChanges;

/// <summary>
/// What each text guard lets through is exactly what the database converts without loss. For every probe value, the
/// guard's own predicate (as the fix writes it) is asked on a real database, and so is the database itself: on
/// PostgreSQL, does the cast succeed and does the value read back as the same text (after the one documented
/// normalisation of the type: uuid case, hyphens and braces; 't'/'f' for true/false; zeros added to numeric's scale);
/// on SQLite, does a table rebuild's copy into the new affinity keep it as that type and read back the same. The two
/// must agree on every probe, the catalog's '02134', ' 42', '+5' and '1.0' among them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GuardSemanticsTests
{
    private static readonly string[] IntegerProbes =
    [
        "42", "-7", "0", "2147483647", "-2147483648", "02134", " 42", "42 ", "+5", "1.0", "-0", "00", "2147483648", "-2147483649",
        "9223372036854775807", "99999999999999999999", "abc", "", "4 2", "1e3", "0x1F", "١٢", "12_000",
    ];

    private static readonly string[] DecimalProbes =
    [
        "12.5", "12.50", "-0.01", "0", "0.5", "12345678.99", "123456789.12", "12.345", "02134", "-0", "1.", ".5", "+1", " 1", "1e3", "NaN",
        "99999999.995", "-99999999.99", "0.00", "1,5", "Infinity", "",
    ];

    private static readonly string[] FloatProbes =
    [
        "0.1", "-2.5", "100", "1.5", "1.50", "0", "-0", "1e3", "123456789012345678", "0.0001", "0.00001", "1" + new string('0', 400), "0." + new string('0', 400) + "1",
        "NaN", "Infinity", "-Infinity", "nan", "inf", " 1", "+1", "3.141592653589793", "1e+300", "1e+21", "1e21", "1e-05", "1E+21", "1e+400", "1e-400", "",
    ];

    private static readonly string[] BooleanProbes = ["true", "false", "t", "f", "TRUE", "yes", "1", "0", " true", "tr", "on", "off", ""];

    private static readonly string[] DateProbes =
    [
        "2024-02-29", "2025-02-29", "2025-02-30", "0001-01-01", "9999-12-31", "0000-01-01", "2025-13-01", "2025-1-5", "20250105", " 2025-01-05",
        "2025-01-05 ", "2025-01-05T00:00", "05/01/2025", "2025-04-31", "",
    ];

    private static readonly string[] UuidProbes =
    [
        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}",
        "a0eebc999c0b4ef8bb6d6bb9bd380a11", "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", "{a0eebc999c0b4ef8bb6d6bb9bd380a11}",
        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111", "a0e-ebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
        "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", " a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11 ", "a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11-",
        "g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "user_2XQLfuJvWKZKnpOfkW2I5dZxVZYE", "",
    ];

    private static readonly string[] TimestampProbes = ["2025-01-17 10:00:00", "2025-01-17 10:00:00.5", "2025-01-17T10:00:00", "2025-01-17 10:00", "garbage", "2025-02-30 10:00:00", ""];

    private readonly PostgresCluster _cluster;

    public GuardSemanticsTests(PostgresCluster cluster) => _cluster = cluster;

    public static TheoryData<string, string, string> PostgreSqlCases() => new()
    {
        { "integer", "v::integer::text = v", string.Join("\n", IntegerProbes) },
        { "bigint", "v::bigint::text = v", string.Join("\n", IntegerProbes) },
        { "smallint", "v::smallint::text = v", string.Join("\n", IntegerProbes) },
        // numeric holds NaN and the infinities; EF Core reads numeric into .NET's decimal, which does not.
        { "numeric(10,2)", "v::numeric(10,2) = v::numeric AND v::numeric::text = v AND v NOT IN ('NaN', 'Infinity', '-Infinity')", string.Join("\n", DecimalProbes) },
        { "numeric", "v::numeric::text = v AND v NOT IN ('NaN', 'Infinity', '-Infinity')", string.Join("\n", DecimalProbes) },
        { "double precision", "v::double precision::text = v", string.Join("\n", FloatProbes) },
        { "real", "v::real::text = v", string.Join("\n", FloatProbes) },
        { "boolean", "v::boolean::text = v OR v::boolean::text = CASE v WHEN 't' THEN 'true' WHEN 'f' THEN 'false' END", string.Join("\n", BooleanProbes) },
        { "date", "v::date::text = v", string.Join("\n", DateProbes) },
        { "uuid", "v::uuid IS NOT NULL", string.Join("\n", UuidProbes) },
        { "timestamp without time zone", "v::timestamp::text = v", string.Join("\n", TimestampProbes) },
    };

    [Theory]
    [MemberData(nameof(PostgreSqlCases))]
    public void PostgreSql_TextGuard_LetsThroughExactlyWhatConvertsWithoutLoss(string type, string readsBackTheSame, string probes)
    {
        var values = probes.Split('\n');
        var conversion = new ColumnConversion(new ColumnRef(null, "probes", "v"), StoreTypeParser.Parse("text", DatabaseProvider.PostgreSql), StoreTypeParser.Parse(type, DatabaseProvider.PostgreSql), DatabaseProvider.PostgreSql);
        Assert.True(ValueCheck.TryCreate(conversion, out var check));
        Assert.NotNull(check);
        Assert.True(check.ProvesNoLoss);

        using var connection = new NpgsqlConnection(_cluster.CreateDatabase("guard_" + type.Replace(" ", "_").Replace("(", "_").Replace(",", "_").Replace(")", string.Empty)).ConnectionString);
        connection.Open();
        Execute(connection, $$"""
            CREATE TABLE probes (id integer PRIMARY KEY, v text);
            CREATE FUNCTION converts(v text) RETURNS boolean LANGUAGE plpgsql AS $$
            BEGIN
                RETURN coalesce({{readsBackTheSame}}, false);
            EXCEPTION WHEN others THEN
                RETURN false;
            END
            $$;
            """);
        for (var i = 0; i < values.Length; i++)
        {
            using var insert = new NpgsqlCommand("INSERT INTO probes VALUES ($1, $2)", connection);
            insert.Parameters.AddWithValue(i);
            insert.Parameters.AddWithValue(values[i]);
            insert.ExecuteNonQuery();
        }

        // A set-based guard names the rows it rejects; a per-row one tries each value as its loop does.
        var rejected = check.Predicate is { } predicate
            ? $"({predicate}) IS TRUE"
            : $"NOT converts_as_the_guard(v)";
        if (check.Predicate is null)
        {
            Execute(connection, $$"""
                CREATE FUNCTION converts_as_the_guard(v text) RETURNS boolean LANGUAGE plpgsql AS $$
                DECLARE
                    ok boolean;
                BEGIN
                    ok := ({{check.RowTest!.Replace("r.v", "v")}});
                    RETURN ok IS TRUE;
                EXCEPTION WHEN others THEN
                    RETURN false;
                END
                $$;
                """);
        }

        // The fast form (plain casts, the guard's one scan when every value passes) must agree wherever it does not raise:
        // where it raises, the guard runs the exact check.
        Execute(connection, $$"""
            CREATE FUNCTION fast_rejects(v text) RETURNS boolean LANGUAGE plpgsql AS $$
            BEGIN
                RETURN ({{check.FastPredicate ?? "NULL::boolean"}}) IS TRUE;
            EXCEPTION WHEN others THEN
                RETURN NULL;
            END
            $$;
            """.Replace("\"v\"", "v"));

        var disagreements = new List<string>();
        using var command = new NpgsqlCommand($"SELECT v, {rejected}, converts(v), fast_rejects(v) FROM probes ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var value = reader.GetString(0);
            var guardRejects = reader.GetBoolean(1);
            var convertsWithoutLoss = reader.GetBoolean(2);
            if (guardRejects == convertsWithoutLoss)
            {
                disagreements.Add($"'{value}': the guard {(guardRejects ? "rejects" : "lets through")} it, PostgreSQL {(convertsWithoutLoss ? "converts it and reads it back" : "does not convert it without loss")}");
            }

            if (check.FastPredicate is not null && !reader.IsDBNull(3) && reader.GetBoolean(3) != guardRejects)
            {
                disagreements.Add($"'{value}': the fast form {(reader.GetBoolean(3) ? "rejects" : "lets through")} it, the exact check does not");
            }
        }

        Assert.True(disagreements.Count == 0, "text to " + type + ":\n" + string.Join("\n", disagreements));
    }

    public static TheoryData<string, string> SqliteCases() => new()
    {
        { "INTEGER", string.Join("\n", IntegerProbes) },
        { "REAL", string.Join("\n", FloatProbes) },
        { "NUMERIC", string.Join("\n", DecimalProbes) },
    };

    /// <summary>SQLite: what the rebuild's INSERT … SELECT (no cast) leaves in a column of the new affinity must be of its kind and read back as the text it was.</summary>
    [Theory]
    [MemberData(nameof(SqliteCases))]
    public void Sqlite_TextGuard_LetsThroughExactlyWhatTheRebuildKeeps(string type, string probes)
    {
        var values = probes.Split('\n');
        var conversion = new ColumnConversion(new ColumnRef(null, "probes", "v"), StoreTypeParser.Parse("TEXT", DatabaseProvider.Sqlite), StoreTypeParser.Parse(type, DatabaseProvider.Sqlite), DatabaseProvider.Sqlite);
        Assert.True(ValueCheck.TryCreate(conversion, out var check));
        Assert.NotNull(check?.Predicate);

        using var database = new SqliteDatabase();
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        Execute(connection, $"CREATE TABLE probes (id INTEGER PRIMARY KEY, v TEXT); CREATE TABLE rebuilt (id INTEGER PRIMARY KEY, v {type});");
        for (var i = 0; i < values.Length; i++)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO probes VALUES ($id, $v)";
            insert.Parameters.AddWithValue("$id", i);
            insert.Parameters.AddWithValue("$v", values[i]);
            insert.ExecuteNonQuery();
        }

        // What EF Core's rebuild does: copy with no cast, the new column's affinity converting what it will.
        Execute(connection, "INSERT INTO rebuilt SELECT id, v FROM probes;");
        var kinds = type == "INTEGER" ? "'integer'" : type == "REAL" ? "'real'" : "'integer', 'real'";
        var disagreements = new List<string>();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT p.v, ({check!.Predicate}) <> 0, typeof(r.v) IN ({kinds}) AND CAST(r.v AS TEXT) = p.v
            FROM probes AS p JOIN rebuilt AS r ON r.id = p.id ORDER BY p.id
            """.Replace("\"v\"", "p.v");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var value = reader.GetString(0);
            var guardRejects = reader.GetBoolean(1);
            var keptAsItWas = reader.GetBoolean(2);
            if (guardRejects == keptAsItWas)
            {
                disagreements.Add($"'{value}': the guard {(guardRejects ? "rejects" : "lets through")} it, the rebuild {(keptAsItWas ? "keeps it as a number that reads back the same" : "does not keep it")}");
            }
        }

        Assert.True(disagreements.Count == 0, "TEXT to " + type + ":\n" + string.Join("\n", disagreements));
    }

    private static void Execute(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
