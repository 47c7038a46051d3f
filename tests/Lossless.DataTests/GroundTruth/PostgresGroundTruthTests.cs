using Lossless.Analyzers.Model.Providers;
using Lossless.DataTests.Infrastructure;

namespace Lossless.DataTests.GroundTruth;

/// <summary>The ground-truth table on the test run's PostgreSQL cluster.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGroundTruthTests
{
    private readonly PostgresCluster cluster;

    public PostgresGroundTruthTests(PostgresCluster cluster) => this.cluster = cluster;

    public static TheoryData<string> Cases => GroundTruthTable.PostgreSqlNames;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Database_DoesWhatTheTableSays(string name)
    {
        var c = GroundTruthTable.Find(name);
        GroundTruthAssert.DatabaseDidWhatTheTableSays(c, GroundTruthRunner.Observe(c, cluster));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classifier_AgreesWithTheDatabase(string name)
    {
        var c = GroundTruthTable.Find(name);
        GroundTruthAssert.ClassifierAgreesWithTheDatabase(c, GroundTruthRunner.Observe(c, cluster));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ClrTypeMapping_GivesEfDefaultStoreType(string name)
    {
        var c = GroundTruthTable.Find(name);
        var observation = GroundTruthRunner.Observe(c, cluster);
        var checkedAny = false;
        if (c.Old.StoreType is null)
        {
            GroundTruthAssert.ClrTypeMappingAgreesWithEf(DatabaseProvider.PostgreSql, c.Old, observation.Edge.OldStoreType);
            checkedAny = true;
        }

        if (c.New.StoreType is null)
        {
            GroundTruthAssert.ClrTypeMappingAgreesWithEf(DatabaseProvider.PostgreSql, c.New, observation.Edge.NewStoreType);
            checkedAny = true;
        }

        if (!checkedAny)
        {
            // Both store types are explicit: EF scaffolds them as given.
            Assert.Equal(c.Old.StoreType, observation.Edge.OldStoreType);
            Assert.Equal(c.New.StoreType, observation.Edge.NewStoreType);
        }
    }
}
