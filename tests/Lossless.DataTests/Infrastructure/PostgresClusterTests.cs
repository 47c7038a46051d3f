using Npgsql;

namespace Lossless.DataTests.Infrastructure;

[Collection(PostgresCollection.Name)]
public sealed class PostgresClusterTests
{
    private readonly PostgresCluster cluster;

    public PostgresClusterTests(PostgresCluster cluster) => this.cluster = cluster;

    [Fact]
    public void Cluster_ListensOnLoopbackOnly_WithTrustAuth()
    {
        using var connection = new NpgsqlConnection(cluster.AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT current_setting('listen_addresses'), current_setting('port'), current_user", connection);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("127.0.0.1", reader.GetString(0));
        Assert.Equal(cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1));
        Assert.Equal("postgres", reader.GetString(2));
        Assert.Matches(@"^\d+(\.\d+)?$", cluster.ServerVersion);
    }

    [Fact]
    public void CreateDatabase_GivesEachTestItsOwnEmptyDatabase()
    {
        var first = cluster.CreateDatabase("isolation");
        var second = cluster.CreateDatabase("isolation");
        Assert.NotEqual(first.Name, second.Name);

        Execute(first.ConnectionString, "CREATE TABLE t (id int)");
        Assert.Equal(1L, Scalar(first.ConnectionString, "SELECT count(*) FROM pg_tables WHERE tablename = 't'"));
        Assert.Equal(0L, Scalar(second.ConnectionString, "SELECT count(*) FROM pg_tables WHERE tablename = 't'"));
    }

    [Fact]
    public void WithTimeZone_SetsTheSessionTimeZone()
    {
        var database = cluster.CreateDatabase("timezone");
        using var connection = new NpgsqlConnection(database.WithTimeZone("America/New_York"));
        connection.Open();
        using var command = new NpgsqlCommand("SELECT current_setting('TimeZone')", connection);
        Assert.Equal("America/New_York", command.ExecuteScalar());
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static long Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (long)command.ExecuteScalar()!;
    }
}
