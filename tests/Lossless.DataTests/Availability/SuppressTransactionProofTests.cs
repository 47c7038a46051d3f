using Lossless.Analyzers.Model.Providers;
using Lossless.DataTests.Infrastructure;
using Lossless.DataTests.Migrations;
using Npgsql;

namespace Lossless.DataTests.Availability;

/// <summary>
/// What EF Core 10 (Npgsql) does with a suppressTransaction: true step in the middle of a migration, which the
/// Availability fixes write (VALIDATE CONSTRAINT, DROP INDEX CONCURRENTLY): which steps are committed when a later
/// step fails, and whether the migration is recorded.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SuppressTransactionProofTests(PostgresCluster cluster)
{
    [Fact]
    public void SuppressedStepMidMigration_CommitsWhatCameBefore_WhenALaterStepFails()
    {
        var connectionString = LockProbe.NewDatabase(cluster, "suppress", "CREATE TABLE marks (step text PRIMARY KEY);");
        using var compiled = CompiledMigrations.Compile(
            CompiledMigrationsTests.Context,
            MigrationSources.Migration("20250101000000_Steps", """
                            migrationBuilder.Sql("INSERT INTO marks VALUES ('before');");
                            migrationBuilder.Sql("INSERT INTO marks VALUES ('suppressed');", suppressTransaction: true);
                            migrationBuilder.Sql("INSERT INTO marks VALUES ('after');");
                            migrationBuilder.Sql("SELECT 1 / 0;");
                """));

        var failure = Assert.ThrowsAny<Exception>(() => compiled.Migrate(DatabaseProvider.PostgreSql, connectionString));
        var postgres = Assert.IsType<PostgresException>(failure is PostgresException ? failure : failure.InnerException ?? failure);
        Assert.Equal(PostgresErrorCodes.DivisionByZero, postgres.SqlState);

        using var check = new NpgsqlConnection(connectionString);
        check.Open();
        var marks = new List<string>();
        using (var command = new NpgsqlCommand("SELECT step FROM marks ORDER BY step", check))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                marks.Add(reader.GetString(0));
            }
        }

        // EF commits the transaction before a suppressed step and opens a new one after it: what came before is
        // committed, what came after rolls back with the failure, and the migration is not recorded.
        Assert.Equal(["before", "suppressed"], marks);
        Assert.Equal(0L, LockProbe.Scalar<long>(check, "SELECT count(*) FROM \"__EFMigrationsHistory\""));

        // Run again, it repeats the committed steps: they must be idempotent (IF NOT EXISTS, IF EXISTS).
        var again = Assert.ThrowsAny<Exception>(() => compiled.Migrate(DatabaseProvider.PostgreSql, connectionString));
        var duplicate = Assert.IsType<PostgresException>(again is PostgresException ? again : again.InnerException ?? again);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, duplicate.SqlState);
    }
}
