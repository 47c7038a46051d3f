using Lossless.Analyzers.Model.Providers;
using Lossless.DataTests.Infrastructure;
using Lossless.DataTests.Migrations;
using Npgsql;

namespace Lossless.DataTests.Availability;

/// <summary>
/// Each Availability fix on a real PostgreSQL with EF Core's own migrator: the migration (the operation, then a step
/// that keeps its transaction open for 1.5 s, as a long migration would) is applied to a table with rows while a writer
/// inserts with lock_timeout 300ms. Unfixed, the writer is blocked (the lock is held to the end of the transaction);
/// fixed, it never is; and both leave the same catalog (indexes, constraints and whether they are validated, columns).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FixProofTests(PostgresCluster cluster)
{
    private const string HoldTheTransaction = """
                    migrationBuilder.Sql("SELECT pg_sleep(1.5);");
        """;

    public static TheoryData<string, string, string> Fixes() => new()
    {
        {
            "LL3001",
            """
                            migrationBuilder.CreateIndex(name: "IX_users_email", table: "users", column: "email");
            """,
            """
                            migrationBuilder.CreateIndex(name: "IX_users_email", table: "users", column: "email")
                                .Annotation("Npgsql:CreatedConcurrently", true);
            """
        },
        {
            "LL3008",
            """
                            migrationBuilder.DropIndex(name: "IX_users_name", table: "users");
            """,
            """
                            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS \"IX_users_name\";", suppressTransaction: true);
            """
        },
        {
            "LL3004",
            """
                            migrationBuilder.AddForeignKey(name: "FK_orders_users_user_id", table: "orders", column: "user_id",
                                principalTable: "users", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            """,
            """"
                            migrationBuilder.Sql("""
                                DO $lossless$
                                BEGIN
                                    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'FK_orders_users_user_id' AND conrelid = '"orders"'::regclass) THEN
                                        ALTER TABLE "orders" ADD CONSTRAINT "FK_orders_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE NOT VALID;
                                    END IF;
                                END $lossless$;
                                """);
                            migrationBuilder.Sql("ALTER TABLE \"orders\" VALIDATE CONSTRAINT \"FK_orders_users_user_id\";", suppressTransaction: true);
            """"
        },
        {
            "LL3007",
            """
                            migrationBuilder.AddColumn<Guid>(name: "public_id", table: "users", type: "uuid", nullable: true, defaultValueSql: "gen_random_uuid()");
            """,
            """
                            migrationBuilder.AddColumn<Guid>(name: "public_id", table: "users", type: "uuid", nullable: true);
                            migrationBuilder.Sql("ALTER TABLE \"users\" ALTER COLUMN \"public_id\" SET DEFAULT gen_random_uuid();");
                            migrationBuilder.Sql("UPDATE \"users\" SET \"public_id\" = gen_random_uuid() WHERE \"public_id\" IS NULL;", suppressTransaction: true);
            """
        },
    };

    /// <summary>
    /// LL3007's fix on a required column ends with the AlterColumn that makes it required (LL3006 then applies): the
    /// fixed migration leaves the catalog the unfixed one leaves, and every existing row has its own value.
    /// </summary>
    [Fact]
    public void LL3007_RequiredColumn_FixedMigration_MakesTheSameCatalog_AndFillsEveryRow()
    {
        const string unfixedUp = """
                        migrationBuilder.AddColumn<Guid>(name: "public_id", table: "users", type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()");
            """;
        const string fixedUp = """
                        migrationBuilder.AddColumn<Guid>(name: "public_id", table: "users", type: "uuid", nullable: true);
                        migrationBuilder.Sql("ALTER TABLE \"users\" ALTER COLUMN \"public_id\" SET DEFAULT gen_random_uuid();");
                        migrationBuilder.Sql("UPDATE \"users\" SET \"public_id\" = gen_random_uuid() WHERE \"public_id\" IS NULL;", suppressTransaction: true);
                        migrationBuilder.AlterColumn<Guid>(name: "public_id", table: "users", type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()",
                            oldClrType: typeof(Guid), oldType: "uuid", oldNullable: true, oldDefaultValueSql: "gen_random_uuid()");
            """;

        var unfixedDatabase = LockProbe.NewDatabase(cluster, "ll3007_unfixed");
        using (var unfixed = CompiledMigrations.Compile(CompiledMigrationsTests.Context, MigrationSources.Migration("20250101000000_Change", unfixedUp)))
        {
            unfixed.Migrate(DatabaseProvider.PostgreSql, unfixedDatabase);
        }

        var fixedDatabase = LockProbe.NewDatabase(cluster, "ll3007_fixed");
        using (var fixedMigration = CompiledMigrations.Compile(CompiledMigrationsTests.Context, MigrationSources.Migration("20250101000000_Change", fixedUp)))
        {
            fixedMigration.Migrate(DatabaseProvider.PostgreSql, fixedDatabase);
        }

        Assert.Equal(Catalog.Of(unfixedDatabase, "users"), Catalog.Of(fixedDatabase, "users"));
        Assert.Contains("default public_id gen_random_uuid()", Catalog.Of(fixedDatabase, "users"), StringComparison.Ordinal);
        using var connection = new NpgsqlConnection(fixedDatabase);
        connection.Open();
        Assert.Equal(2000L, LockProbe.Scalar<long>(connection, "SELECT count(DISTINCT public_id) FROM users"));
        LockProbe.Execute(connection, "INSERT INTO users (id) VALUES (777777)");
        Assert.Equal(1L, LockProbe.Scalar<long>(connection, "SELECT count(*) FROM users WHERE id = 777777 AND public_id IS NOT NULL"));
    }

    /// <summary>
    /// LL3006's fix keeps SET NOT NULL's ACCESS EXCLUSIVE (briefly: the scan is skipped, LockProofTests proves it), so the
    /// writer proof does not apply; the fixed migration, run twice over a failure in between, leaves the catalog the
    /// unfixed one leaves.
    /// </summary>
    [Fact]
    public void LL3006_FixedMigration_MakesTheSameCatalog()
    {
        const string alter = """
                        migrationBuilder.AlterColumn<string>(name: "email", table: "users", type: "text", nullable: false,
                            oldClrType: typeof(string), oldType: "text", oldNullable: true);
            """;
        const string fixedUp = """"
                        migrationBuilder.Sql("""
                            DO $lossless$
                            BEGIN
                                IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'CK_users_email_not_null' AND conrelid = '"users"'::regclass) THEN
                                    ALTER TABLE "users" ADD CONSTRAINT "CK_users_email_not_null" CHECK ("email" IS NOT NULL) NOT VALID;
                                END IF;
                            END $lossless$;
                            """);
                        migrationBuilder.Sql("ALTER TABLE \"users\" VALIDATE CONSTRAINT \"CK_users_email_not_null\";", suppressTransaction: true);
            """" + alter + """
                        migrationBuilder.Sql("ALTER TABLE \"users\" DROP CONSTRAINT IF EXISTS \"CK_users_email_not_null\";");
            """;

        var unfixedDatabase = LockProbe.NewDatabase(cluster, "ll3006_unfixed");
        using (var unfixed = CompiledMigrations.Compile(CompiledMigrationsTests.Context, MigrationSources.Migration("20250101000000_Change", alter)))
        {
            unfixed.Migrate(DatabaseProvider.PostgreSql, unfixedDatabase);
        }

        // A NULL written after the backfill makes the VALIDATE fail: the NOT VALID check is committed, the migration is not
        // recorded. Once the row is fixed, the same migration runs again (the ADD is skipped) and completes.
        var fixedDatabase = LockProbe.NewDatabase(cluster, "ll3006_fixed", "INSERT INTO users (id) VALUES (999999);");
        using var fixedMigration = CompiledMigrations.Compile(CompiledMigrationsTests.Context, MigrationSources.Migration("20250101000000_Change", fixedUp));
        var failure = Assert.ThrowsAny<Exception>(() => fixedMigration.Migrate(DatabaseProvider.PostgreSql, fixedDatabase));
        var postgres = Assert.IsType<PostgresException>(failure is PostgresException ? failure : failure.InnerException ?? failure);
        Assert.Equal(PostgresErrorCodes.CheckViolation, postgres.SqlState);
        using (var connection = new NpgsqlConnection(fixedDatabase))
        {
            connection.Open();
            LockProbe.Execute(connection, "UPDATE users SET email = 'fixed@example.com' WHERE id = 999999");
        }

        fixedMigration.Migrate(DatabaseProvider.PostgreSql, fixedDatabase);
        Assert.Equal(Catalog.Of(unfixedDatabase, "users"), Catalog.Of(fixedDatabase, "users"));
        Assert.Contains("column email text NOT NULL", Catalog.Of(fixedDatabase, "users"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Fixes))]
    public async Task FixedMigration_NeverBlocksTheWriter_AndMakesTheSameCatalog(string rule, string unfixedUp, string fixedUp)
    {
        var unfixed = await ApplyWhileWritingAsync(rule + "_unfixed", unfixedUp + HoldTheTransaction);
        var fixedRun = await ApplyWhileWritingAsync(rule + "_fixed", fixedUp + HoldTheTransaction);

        Assert.True(unfixed.Blocked > 0, $"{rule}: the unfixed migration never blocked the writer ({unfixed.Inserted} inserts): the proof proves nothing.");
        Assert.Equal(0, fixedRun.Blocked);
        Assert.True(fixedRun.Inserted > 0);
        Assert.Equal(unfixed.Catalog, fixedRun.Catalog);
    }

    private async Task<(int Inserted, int Blocked, string Catalog)> ApplyWhileWritingAsync(string hint, string up)
    {
        var connectionString = LockProbe.NewDatabase(cluster, hint);
        using var compiled = CompiledMigrations.Compile(CompiledMigrationsTests.Context, MigrationSources.Migration("20250101000000_Change", up));

        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() => Write(connectionString, stop.Token));
        await Task.Delay(200);
        await Task.Run(() => compiled.Migrate(DatabaseProvider.PostgreSql, connectionString));
        await Task.Delay(200);
        await stop.CancelAsync();
        var (inserted, blocked) = await writer;
        return (inserted, blocked, Catalog.Of(connectionString, "users") + "\n" + Catalog.Of(connectionString, "orders"));
    }

    private static (int Inserted, int Blocked) Write(string connectionString, CancellationToken stop)
    {
        int inserted = 0, blocked = 0, id = 500000;
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        while (!stop.IsCancellationRequested)
        {
            using var transaction = connection.BeginTransaction();
            try
            {
                LockProbe.Execute(connection, "SET LOCAL lock_timeout = '300ms'", transaction);
                LockProbe.Execute(connection, $"INSERT INTO users (id, email) VALUES ({++id}, 'w{id}@example.com')", transaction);
                transaction.Commit();
                inserted++;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                blocked++;
            }

            Thread.Sleep(20);
        }

        return (inserted, blocked);
    }
}

/// <summary>What the catalog says about a table: columns, indexes, constraints (with convalidated), one line each, sorted.</summary>
public static class Catalog
{
    public static string Of(string connectionString, string table)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var lines = new List<string>();
        void Read(string sql)
        {
            using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("t", table);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                lines.Add(reader.GetString(0));
            }
        }

        Read("SELECT 'column ' || attname || ' ' || format_type(atttypid, atttypmod) || CASE WHEN attnotnull THEN ' NOT NULL' ELSE '' END FROM pg_attribute WHERE attrelid = @t::regclass AND attnum > 0 AND NOT attisdropped");
        Read("SELECT 'index ' || indexrelid::regclass::text || ' ' || pg_get_indexdef(indexrelid) || CASE WHEN indisvalid THEN '' ELSE ' INVALID' END FROM pg_index WHERE indrelid = @t::regclass");
        Read("SELECT 'default ' || a.attname || ' ' || pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = @t::regclass");
        Read("SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) || CASE WHEN convalidated THEN '' ELSE ' NOT VALIDATED' END FROM pg_constraint WHERE conrelid = @t::regclass");
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }
}
