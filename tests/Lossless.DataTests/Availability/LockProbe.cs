using Lossless.DataTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql;

namespace Lossless.DataTests.Availability;

/// <summary>What a migration step holds and blocks while its transaction is open.</summary>
public sealed record LockObservation(
    IReadOnlyDictionary<string, IReadOnlySet<string>> Modes,
    IReadOnlyDictionary<string, bool> ReaderBlocked,
    IReadOnlyDictionary<string, bool> WriterBlocked,
    IReadOnlyDictionary<string, bool> Rewritten,
    IReadOnlyList<string> Notices)
{
    /// <summary>The strongest lock mode the migrating session holds on the table, or null.</summary>
    public string? Strongest(string table)
        => Modes.TryGetValue(table, out var modes) ? LockProbe.Order.LastOrDefault(modes.Contains) : null;
}

/// <summary>
/// Runs SQL as EF Core 10 + Npgsql generate it (EF's own IMigrationsSqlGenerator) inside an open transaction on a table
/// with rows, reads the locks it holds from pg_locks, and tries a reader and a writer on each table from other sessions
/// with a short lock_timeout: a reader or writer is blocked when it fails with 55P03.
/// </summary>
public static class LockProbe
{
    /// <summary>PostgreSQL's table lock modes, weakest first.</summary>
    public static readonly string[] Order =
    [
        "AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock",
        "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock",
    ];

    public const string Schema = """
        CREATE TABLE users (id integer PRIMARY KEY, email text, name text, quantity integer, title character varying(50), price numeric(10,2));
        CREATE INDEX "IX_users_name" ON users (name);
        CREATE TABLE orders (id integer PRIMARY KEY, user_id integer);
        INSERT INTO users SELECT g, 'u' || g || '@example.com', 'n' || g, g, 't' || g, g FROM generate_series(1, 2000) g;
        INSERT INTO orders SELECT g, g FROM generate_series(1, 2000) g;
        """;

    private static int writes;

    /// <summary>The SQL EF Core 10's Npgsql migrations SQL generator writes for the operations.</summary>
    public static IReadOnlyList<MigrationCommand> Generate(params MigrationOperation[] operations)
    {
        var options = new DbContextOptionsBuilder<DbContext>().UseNpgsql("Host=127.0.0.1;Database=unused").Options;
        using var context = new DbContext(options);
        return context.GetService<IMigrationsSqlGenerator>().Generate(operations);
    }

    /// <summary>A fresh database with <see cref="Schema"/> and <paramref name="setup"/> applied (committed).</summary>
    public static string NewDatabase(PostgresCluster cluster, string hint, string? setup = null)
    {
        var connectionString = cluster.CreateDatabase(hint).ConnectionString;
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Execute(connection, Schema + (setup ?? string.Empty));
        return connectionString;
    }

    /// <summary>Runs <paramref name="statements"/> in an open transaction and observes it; then rolls back.</summary>
    public static LockObservation Observe(string connectionString, IEnumerable<string> statements, params string[] tables)
    {
        using var migrating = new NpgsqlConnection(connectionString);
        migrating.Open();
        var notices = new List<string>();
        migrating.Notice += (_, e) => notices.Add(e.Notice.MessageText);
        var oids = new Dictionary<string, uint>();
        var filenodes = new Dictionary<string, uint>();
        foreach (var table in tables)
        {
            oids[table] = Scalar<uint>(migrating, $"SELECT '{table}'::regclass::oid");
            filenodes[table] = Scalar<uint>(migrating, $"SELECT pg_relation_filenode('{table}'::regclass)");
        }

        using var transaction = migrating.BeginTransaction();
        foreach (var statement in statements)
        {
            using var command = new NpgsqlCommand(statement, migrating, transaction);
            command.ExecuteNonQuery();
        }

        var modes = new Dictionary<string, IReadOnlySet<string>>();
        var rewritten = new Dictionary<string, bool>();
        foreach (var table in tables)
        {
            var held = new HashSet<string>(StringComparer.Ordinal);
            using (var command = new NpgsqlCommand("SELECT mode FROM pg_locks WHERE locktype = 'relation' AND granted AND pid = pg_backend_pid() AND relation = @oid", migrating, transaction))
            {
                command.Parameters.AddWithValue("oid", NpgsqlTypes.NpgsqlDbType.Oid, oids[table]);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    held.Add(reader.GetString(0));
                }
            }

            modes[table] = held;
            using (var command = new NpgsqlCommand("SELECT pg_relation_filenode(@oid::oid::regclass)", migrating, transaction))
            {
                command.Parameters.AddWithValue("oid", NpgsqlTypes.NpgsqlDbType.Oid, oids[table]);
                rewritten[table] = Convert.ToUInt32(command.ExecuteScalar()) != filenodes[table];
            }
        }

        var readerBlocked = new Dictionary<string, bool>();
        var writerBlocked = new Dictionary<string, bool>();
        foreach (var table in tables)
        {
            readerBlocked[table] = IsBlocked(connectionString, $"SELECT count(*) FROM {table}");
            var id = 100000 + Interlocked.Increment(ref writes);
            writerBlocked[table] = IsBlocked(connectionString, table == "orders"
                ? $"INSERT INTO orders (id, user_id) VALUES ({id}, 1)"
                : $"INSERT INTO users (id) VALUES ({id})");
        }

        transaction.Rollback();
        return new LockObservation(modes, readerBlocked, writerBlocked, rewritten, notices);
    }

    /// <summary>True when the statement, from its own session with lock_timeout 300ms, fails on the lock (55P03).</summary>
    public static bool IsBlocked(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "SET LOCAL lock_timeout = '300ms'", transaction);
        try
        {
            Execute(connection, sql, transaction);
            return false;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return true;
        }
    }

    public static void Execute(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    public static T Scalar<T>(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
