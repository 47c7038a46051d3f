namespace Lossless.Tests.Verifiers;

/// <summary>Which EF Core provider assemblies a test compilation references, besides EF Core Relational.</summary>
public enum TestProvider
{
    /// <summary>EF Core Relational only: the provider is unknown.</summary>
    None,
    PostgreSql,
    SqlServer,
    Sqlite,
}
