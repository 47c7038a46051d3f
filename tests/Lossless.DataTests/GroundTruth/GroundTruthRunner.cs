using System.Collections.Concurrent;
using Lossless.Analyzers.Model.Providers;
using Lossless.DataTests.Infrastructure;

namespace Lossless.DataTests.GroundTruth;

/// <summary>What the database did with a case's edge values and, when the case has them, its clean values.</summary>
public sealed class Observation
{
    public Observation(ProbeResult edge, ProbeResult? clean)
    {
        Edge = edge;
        Clean = clean;
    }

    public ProbeResult Edge { get; }

    public ProbeResult? Clean { get; }

    public override string ToString() => "edge: " + Edge + (Clean is null ? "" : Environment.NewLine + "clean: " + Clean);
}

/// <summary>Runs each case once per test run (each run on a fresh database) and shares the observation between the tests that assert on it.</summary>
public static class GroundTruthRunner
{
    private static readonly ConcurrentDictionary<string, Lazy<Observation>> Observations = new(StringComparer.Ordinal);

    public static Observation Observe(GroundTruthCase c, PostgresCluster? cluster)
        => Observations.GetOrAdd(c.Name, _ => new Lazy<Observation>(() => Run(c, cluster))).Value;

    private static Observation Run(GroundTruthCase c, PostgresCluster? cluster)
    {
        var edge = RunOnce(c, c.Edge, c.EdgeTimeZone, cluster);
        var clean = c.Clean is null ? null : RunOnce(c, c.Clean, null, cluster);
        return new Observation(edge, clean);
    }

    private static ProbeResult RunOnce(GroundTruthCase c, object?[] values, string? timeZone, PostgresCluster? cluster)
    {
        if (c.Provider == DatabaseProvider.PostgreSql)
        {
            if (cluster is null)
            {
                throw new InvalidOperationException("A PostgreSQL case needs the PostgreSQL cluster fixture.");
            }

            var database = cluster.CreateDatabase(c.Name);
            var connectionString = timeZone is null ? database.ConnectionString : database.WithTimeZone(timeZone);
            return AlterColumnProbe.Run(new TestDatabase(DatabaseProvider.PostgreSql, connectionString), c.Old, c.New, values);
        }

        using var sqlite = new SqliteDatabase();
        return AlterColumnProbe.Run(sqlite.Database, c.Old, c.New, values);
    }
}
