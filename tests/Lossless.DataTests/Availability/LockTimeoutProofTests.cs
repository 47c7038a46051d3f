using Lossless.Analyzers.Model.Providers;
using Lossless.DataTests.Infrastructure;
using Lossless.DataTests.Migrations;
using Npgsql;

namespace Lossless.DataTests.Availability;

/// <summary>
/// LL3009's claim, with EF Core's own migrator: a migration that waits for a lock another session holds (an open
/// transaction that read the table) queues every later query on the table behind itself; with SET LOCAL lock_timeout
/// first, it fails after the timeout with 55P03 and leaves nothing changed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LockTimeoutProofTests(PostgresCluster cluster)
{
    private const string AddNickname = """
                    migrationBuilder.AddColumn<string>(name: "nickname", table: "users", type: "text", nullable: true);
        """;

    [Fact]
    public void WithLockTimeout_BlockedMigrationFailsWith55P03_AndChangesNothing()
    {
        var connectionString = LockProbe.NewDatabase(cluster, "ll3009_timeout");
        using var compiled = CompiledMigrations.Compile(
            CompiledMigrationsTests.Context,
            MigrationSources.Migration("20250101000000_AddNickname", """
                            migrationBuilder.Sql("SET LOCAL lock_timeout = '1s';");
                """ + AddNickname));

        using var longReader = new NpgsqlConnection(connectionString);
        longReader.Open();
        using var open = longReader.BeginTransaction();
        LockProbe.Execute(longReader, "SELECT count(*) FROM users", open);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var failure = Assert.ThrowsAny<Exception>(() => compiled.Migrate(DatabaseProvider.PostgreSql, connectionString));
        started.Stop();
        open.Rollback();

        var postgres = Assert.IsType<PostgresException>(failure is PostgresException ? failure : failure.InnerException ?? failure);
        Assert.Equal(PostgresErrorCodes.LockNotAvailable, postgres.SqlState);
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(30));

        using var check = new NpgsqlConnection(connectionString);
        check.Open();
        Assert.Equal(0L, LockProbe.Scalar<long>(check, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname'"));
        Assert.Equal(0L, LockProbe.Scalar<long>(check, "SELECT count(*) FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '20250101000000_AddNickname'"));

        // Once the other transaction is gone, the same migration applies.
        compiled.Migrate(DatabaseProvider.PostgreSql, connectionString);
        Assert.Equal(1L, LockProbe.Scalar<long>(check, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname'"));
    }

    [Fact]
    public async Task WithoutLockTimeout_MigrationWaits_AndQueuesEveryReaderBehindItself()
    {
        var connectionString = LockProbe.NewDatabase(cluster, "ll3009_wait");
        using var compiled = CompiledMigrations.Compile(CompiledMigrationsTests.Context, MigrationSources.Migration("20250101000000_AddNickname", AddNickname));

        using var longReader = new NpgsqlConnection(connectionString);
        longReader.Open();
        var open = longReader.BeginTransaction();
        LockProbe.Execute(longReader, "SELECT count(*) FROM users", open);

        // Before the migration: a reader goes through.
        Assert.False(LockProbe.IsBlocked(connectionString, "SELECT count(*) FROM users"));

        var migration = Task.Run(() => compiled.Migrate(DatabaseProvider.PostgreSql, connectionString));
        using var check = new NpgsqlConnection(connectionString);
        check.Open();
        var waiting = false;
        for (var i = 0; i < 100 && !waiting; i++)
        {
            await Task.Delay(100);
            waiting = LockProbe.Scalar<long>(check, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%ALTER TABLE users ADD nickname%'") == 1;
        }

        Assert.True(waiting, "The migration's ALTER TABLE never waited for the lock.");
        Assert.False(migration.IsCompleted);

        // While the ALTER waits, a plain reader that the open transaction alone would not block waits behind it.
        Assert.True(LockProbe.IsBlocked(connectionString, "SELECT count(*) FROM users"));

        open.Commit();
        await migration.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1L, LockProbe.Scalar<long>(check, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname'"));
    }
}
