using Lossless.DataTests.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Lossless.DataTests.Availability;

/// <summary>
/// Each Availability rule's claim on a real PostgreSQL: the SQL exactly as EF Core 10 + Npgsql generate it, in an open
/// transaction on tables with rows; the lock mode it holds (pg_locks); whether a reader and a writer from another
/// session with lock_timeout 300ms are blocked; and whether the table was rewritten (its relfilenode changed).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LockProofTests(PostgresCluster cluster)
{
    private const string AccessExclusive = "AccessExclusiveLock";

    private LockObservation Observe(string hint, MigrationOperation operation, params string[] tables)
        => Observe(hint, null, operation, tables);

    private LockObservation Observe(string hint, string? setup, MigrationOperation operation, params string[] tables)
    {
        var connectionString = LockProbe.NewDatabase(cluster, hint, setup);
        var commands = LockProbe.Generate(operation);
        Assert.All(commands, static command => Assert.False(command.TransactionSuppressed));
        return LockProbe.Observe(connectionString, commands.Select(static c => c.CommandText), tables);
    }

    private static AlterColumnOperation AlterType(string column, Type clr, string type, Type oldClr, string oldType) => new()
    {
        Table = "users",
        Name = column,
        ClrType = clr,
        ColumnType = type,
        IsNullable = true,
        OldColumn = new AddColumnOperation { Table = "users", Name = column, ClrType = oldClr, ColumnType = oldType, IsNullable = true },
    };

    [Fact]
    public void LL3001_CreateIndex_HoldsShare_BlocksTheWriterNotTheReader()
    {
        var seen = Observe("ll3001", new CreateIndexOperation { Name = "IX_users_email", Table = "users", Columns = ["email"] }, "users");

        Assert.Equal("ShareLock", seen.Strongest("users"));
        Assert.False(seen.ReaderBlocked["users"]);
        Assert.True(seen.WriterBlocked["users"]);
        Assert.False(seen.Rewritten["users"]);
    }

    [Theory]
    [InlineData("quantity", typeof(long), "bigint", typeof(int), "integer")]
    [InlineData("quantity", typeof(double), "double precision", typeof(int), "integer")]
    [InlineData("price", typeof(decimal), "numeric(12,4)", typeof(decimal), "numeric(10,2)")]
    [InlineData("title", typeof(string), "character(60)", typeof(string), "character varying(50)")]
    public void LL3002_TypeChangeThatRewrites_HoldsAccessExclusive_BlocksBoth_AndRewrites(string column, Type clr, string type, Type oldClr, string oldType)
    {
        var seen = Observe("ll3002", AlterType(column, clr, type, oldClr, oldType), "users");

        Assert.Equal(AccessExclusive, seen.Strongest("users"));
        Assert.True(seen.ReaderBlocked["users"]);
        Assert.True(seen.WriterBlocked["users"]);
        Assert.True(seen.Rewritten["users"]);
    }

    [Theory]
    [InlineData("title", typeof(string), "character varying(100)", typeof(string), "character varying(50)")]
    [InlineData("title", typeof(string), "text", typeof(string), "character varying(50)")]
    [InlineData("price", typeof(decimal), "numeric(12,2)", typeof(decimal), "numeric(10,2)")]
    [InlineData("price", typeof(decimal), "numeric", typeof(decimal), "numeric(10,2)")]
    public void LL3002_ChangeInTheCatalogOnly_DoesNotRewrite(string column, Type clr, string type, Type oldClr, string oldType)
    {
        var seen = Observe("ll3002_catalog", AlterType(column, clr, type, oldClr, oldType), "users");

        // The lock is still ACCESS EXCLUSIVE, for a catalog update instead of a rewrite: LL3002 stays silent on these.
        Assert.Equal(AccessExclusive, seen.Strongest("users"));
        Assert.False(seen.Rewritten["users"]);
    }

    [Fact]
    public void LL3003_RenameColumn_HoldsAccessExclusive_AndTheOldNameFailsOnceCommitted()
    {
        var seen = Observe("ll3003", new RenameColumnOperation { Table = "users", Name = "name", NewName = "full_name" }, "users");
        Assert.Equal(AccessExclusive, seen.Strongest("users"));
        Assert.True(seen.ReaderBlocked["users"]);

        var connectionString = LockProbe.NewDatabase(cluster, "ll3003_commit");
        using var connection = new Npgsql.NpgsqlConnection(connectionString);
        connection.Open();
        foreach (var command in LockProbe.Generate(new RenameColumnOperation { Table = "users", Name = "name", NewName = "full_name" }))
        {
            LockProbe.Execute(connection, command.CommandText);
        }

        // What the version of the application still running sends: its query now fails.
        var failure = Assert.Throws<Npgsql.PostgresException>(() => LockProbe.Execute(connection, "SELECT name FROM users WHERE id = 1"));
        Assert.Equal(Npgsql.PostgresErrorCodes.UndefinedColumn, failure.SqlState);
    }

    [Fact]
    public void LL3004_AddForeignKey_HoldsShareRowExclusiveOnBothTables_BlocksWritersNotReaders()
    {
        var seen = Observe(
            "ll3004_fk",
            new AddForeignKeyOperation { Name = "FK_orders_users_user_id", Table = "orders", Columns = ["user_id"], PrincipalTable = "users", PrincipalColumns = ["id"] },
            "orders",
            "users");

        Assert.Equal("ShareRowExclusiveLock", seen.Strongest("orders"));
        Assert.Equal("ShareRowExclusiveLock", seen.Strongest("users"));
        Assert.False(seen.ReaderBlocked["orders"]);
        Assert.False(seen.ReaderBlocked["users"]);
        Assert.True(seen.WriterBlocked["orders"]);
        Assert.True(seen.WriterBlocked["users"]);
    }

    [Fact]
    public void LL3004_AddCheckConstraint_HoldsAccessExclusive_BlocksBoth()
    {
        var seen = Observe("ll3004_ck", new AddCheckConstraintOperation { Name = "CK_users_quantity", Table = "users", Sql = "quantity >= 0" }, "users");

        Assert.Equal(AccessExclusive, seen.Strongest("users"));
        Assert.True(seen.ReaderBlocked["users"]);
        Assert.True(seen.WriterBlocked["users"]);
    }

    [Fact]
    public void LL3004_ValidateConstraint_HoldsShareUpdateExclusive_BlocksNobody()
    {
        // The recognised pattern: NOT VALID in the migration's transaction (committed here), VALIDATE in its own.
        var connectionString = LockProbe.NewDatabase(cluster, "ll3004_validate", """
            ALTER TABLE orders ADD CONSTRAINT "FK_orders_users_user_id" FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
            ALTER TABLE users ADD CONSTRAINT "CK_users_quantity" CHECK (quantity >= 0) NOT VALID;
            """);

        var fk = LockProbe.Observe(connectionString, ["ALTER TABLE orders VALIDATE CONSTRAINT \"FK_orders_users_user_id\""], "orders", "users");
        Assert.Equal("ShareUpdateExclusiveLock", fk.Strongest("orders"));
        Assert.Equal("RowShareLock", fk.Strongest("users"));
        Assert.False(fk.ReaderBlocked["orders"]);
        Assert.False(fk.WriterBlocked["orders"]);
        Assert.False(fk.WriterBlocked["users"]);

        var check = LockProbe.Observe(connectionString, ["ALTER TABLE users VALIDATE CONSTRAINT \"CK_users_quantity\""], "users");
        Assert.Equal("ShareUpdateExclusiveLock", check.Strongest("users"));
        Assert.False(check.ReaderBlocked["users"]);
        Assert.False(check.WriterBlocked["users"]);
    }

    [Fact]
    public void LL3006_SetNotNull_HoldsAccessExclusive_BlocksBoth_AndScans()
    {
        var operation = new AlterColumnOperation
        {
            Table = "users",
            Name = "email",
            ClrType = typeof(string),
            ColumnType = "text",
            IsNullable = false,
            OldColumn = new AddColumnOperation { Table = "users", Name = "email", ClrType = typeof(string), ColumnType = "text", IsNullable = true },
        };
        var connectionString = LockProbe.NewDatabase(cluster, "ll3006");
        var statements = LockProbe.Generate(operation).Select(static c => c.CommandText).ToList();
        var seen = LockProbe.Observe(connectionString, ["SET LOCAL client_min_messages = debug1", .. statements], "users");

        Assert.Equal(AccessExclusive, seen.Strongest("users"));
        Assert.True(seen.ReaderBlocked["users"]);
        Assert.True(seen.WriterBlocked["users"]);
        Assert.DoesNotContain(seen.Notices, static n => n.Contains("sufficient to prove", StringComparison.Ordinal));

        // With a validated CHECK (email IS NOT NULL), PostgreSQL 12+ skips the scan and says so.
        var withCheck = LockProbe.NewDatabase(cluster, "ll3006_check", """
            ALTER TABLE users ADD CONSTRAINT "CK_users_email_not_null" CHECK (email IS NOT NULL) NOT VALID;
            ALTER TABLE users VALIDATE CONSTRAINT "CK_users_email_not_null";
            """);
        var skipped = LockProbe.Observe(withCheck, ["SET LOCAL client_min_messages = debug1", .. statements], "users");
        Assert.Contains(skipped.Notices, static n => n.Contains("existing constraints on column \"users.email\" are sufficient to prove that it does not contain nulls", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("gen_random_uuid()", "uuid", true)]
    [InlineData("now()", "timestamp with time zone", false)]
    [InlineData("'pending'", "text", false)]
    public void LL3007_AddColumnWithDefault_RewritesOnlyForAVolatileOne(string defaultSql, string type, bool rewrites)
    {
        var seen = Observe("ll3007", new AddColumnOperation { Table = "users", Name = "added", ClrType = typeof(string), ColumnType = type, IsNullable = false, DefaultValueSql = defaultSql }, "users");

        Assert.Equal(AccessExclusive, seen.Strongest("users"));
        Assert.Equal(rewrites, seen.Rewritten["users"]);
    }

    [Fact]
    public void LL3008_DropIndex_HoldsAccessExclusiveOnTheTable_BlocksBoth()
    {
        var seen = Observe("ll3008", new DropIndexOperation { Name = "IX_users_name", Table = "users" }, "users");

        Assert.Equal(AccessExclusive, seen.Strongest("users"));
        Assert.True(seen.ReaderBlocked["users"]);
        Assert.True(seen.WriterBlocked["users"]);
    }
}
