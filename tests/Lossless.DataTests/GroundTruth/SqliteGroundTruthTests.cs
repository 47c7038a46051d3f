using Lossless.Analyzers.Model.Providers;

namespace Lossless.DataTests.GroundTruth;

/// <summary>The ground-truth table on SQLite, a fresh database file per run.</summary>
public sealed class SqliteGroundTruthTests
{
    public static TheoryData<string> Cases => GroundTruthTable.SqliteNames;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Database_DoesWhatTheTableSays(string name)
    {
        var c = GroundTruthTable.Find(name);
        GroundTruthAssert.DatabaseDidWhatTheTableSays(c, GroundTruthRunner.Observe(c, null));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classifier_AgreesWithTheDatabase(string name)
    {
        var c = GroundTruthTable.Find(name);
        GroundTruthAssert.ClassifierAgreesWithTheDatabase(c, GroundTruthRunner.Observe(c, null));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ClrTypeMapping_GivesEfDefaultStoreType(string name)
    {
        var c = GroundTruthTable.Find(name);
        var observation = GroundTruthRunner.Observe(c, null);
        var checkedAny = false;
        if (c.Old.StoreType is null)
        {
            GroundTruthAssert.ClrTypeMappingAgreesWithEf(DatabaseProvider.Sqlite, c.Old, observation.Edge.OldStoreType);
            checkedAny = true;
        }

        if (c.New.StoreType is null)
        {
            GroundTruthAssert.ClrTypeMappingAgreesWithEf(DatabaseProvider.Sqlite, c.New, observation.Edge.NewStoreType);
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
