using Lossless.Analyzers.Model.Providers;
using Lossless.DataTests.Infrastructure;

namespace Lossless.DataTests.GroundTruth;

/// <summary>
/// One row of the ground-truth table: a column type change on one provider, the values that show it at its
/// worst (<see cref="Edge"/>) and, where they differ, values that would convert (<see cref="Clean"/>), and what
/// the database was measured to do with each.
/// </summary>
public sealed class GroundTruthCase
{
    public required string Name { get; init; }

    public required DatabaseProvider Provider { get; init; }

    public required ColumnDefinition Old { get; init; }

    public required ColumnDefinition New { get; init; }

    /// <summary>Edge values: a NextAuth id into uuid, 80 characters into 50, 12345.67 into numeric(10,0), …</summary>
    public required object?[] Edge { get; init; }

    /// <summary>PostgreSQL session TimeZone of the migrating connection for the edge run (null: the cluster's UTC).</summary>
    public string? EdgeTimeZone { get; init; }

    /// <summary>What the database does with the edge values.</summary>
    public required ProbeOutcome EdgeOutcome { get; init; }

    /// <summary>The SQLSTATE (PostgreSQL) when <see cref="EdgeOutcome"/> is an error.</summary>
    public string? EdgeSqlState { get; init; }

    /// <summary>The exact values EF reads after the migration, when it succeeded and values changed.</summary>
    public object?[]? EdgeValuesAfter { get; init; }

    /// <summary>SQLite: typeof(v) of each row after the migration ('abc' stays text in an INTEGER column).</summary>
    public string[]? EdgeStorageAfter { get; init; }

    /// <summary>Values that would convert; null when the edge values already convert cleanly.</summary>
    public object?[]? Clean { get; init; }

    public ProbeOutcome? CleanOutcome { get; init; }

    public string? CleanSqlState { get; init; }

    public string[]? CleanStorageAfter { get; init; }

    /// <summary>EF's model differ produces no operation for this change (same store type on the provider).</summary>
    public bool NoOperation { get; init; }

    public override string ToString() => Name;
}
