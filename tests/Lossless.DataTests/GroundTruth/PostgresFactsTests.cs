using Lossless.Analyzers.Model.Providers;
using Lossless.DataTests.Infrastructure;

namespace Lossless.DataTests.GroundTruth;

/// <summary>PostgreSQL facts behind the catalog beyond the table's outcomes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresFactsTests
{
    private readonly PostgresCluster cluster;

    public PostgresFactsTests(PostgresCluster cluster) => this.cluster = cluster;

    [Fact]
    public void DoubleToInteger_RoundsFractions_ButFailsOnValuesOutOfRange()
    {
        // The lossy change also fails when an integer part does not fit (LL1001 says large values also fail).
        var result = AlterColumnProbe.Run(
            new TestDatabase(DatabaseProvider.PostgreSql, cluster.CreateDatabase("double_overflow").ConnectionString),
            new ColumnDefinition(typeof(double)),
            new ColumnDefinition(typeof(int)),
            [2.7, 5000000000.0]);

        Assert.Equal(ProbeOutcome.Error, result.Outcome);
        Assert.Equal("22003", result.Error!.Code);
        Assert.False(result.MigrationRecorded);
        Assert.Equal("double precision", result.ColumnTypeAfter);
        Assert.Equal([2.7, 5000000000.0], result.ValuesAfter);
    }

    [Fact]
    public void TimestamptzToTimestamp_KeepsTheSessionsWallClock()
    {
        // The same instant becomes a different timestamp depending on the migrating session's TimeZone.
        var instant = new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Utc);
        DateTime ConvertedIn(string timeZone)
        {
            var database = cluster.CreateDatabase("tz");
            var result = AlterColumnProbe.Run(
                new TestDatabase(DatabaseProvider.PostgreSql, database.WithTimeZone(timeZone)),
                new ColumnDefinition(typeof(DateTime)),
                new ColumnDefinition(typeof(DateTime), "timestamp without time zone"),
                [instant]);
            Assert.Null(result.Error);
            return Assert.IsType<DateTime>(Assert.Single(result.ValuesAfter));
        }

        Assert.Equal(new DateTime(2024, 3, 1, 10, 0, 0), ConvertedIn("UTC"));
        Assert.Equal(new DateTime(2024, 3, 1, 5, 0, 0), ConvertedIn("America/New_York"));
        Assert.Equal(new DateTime(2024, 3, 1, 19, 0, 0), ConvertedIn("Asia/Tokyo"));
    }
}
