namespace Lossless.DataTests.Infrastructure;

/// <summary>Test classes in this collection share one <see cref="PostgresCluster"/> for the whole run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
