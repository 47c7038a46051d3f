using System;
using Lossless.Analyzers.Model.Providers;

namespace Lossless.Analyzers.Model;

/// <summary>
/// Database object names as EF Core writes them: a default key, index or foreign-key name longer than the provider's
/// identifier limit is cut to the limit, its last kept character replaced by <c>~</c> (PostgreSQL, 63: the first 62
/// characters and <c>~</c>), as EF Core's Uniquifier.Truncate does.
/// </summary>
public static class Identifiers
{
    /// <summary>The provider's identifier limit EF Core cuts names to when the model does not say: PostgreSQL 63, MySQL 64, SQL Server 128; SQLite none.</summary>
    public static int? DefaultMaxLength(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSql => 63,
        DatabaseProvider.MySql => 64,
        DatabaseProvider.SqlServer => 128,
        _ => null,
    };

    /// <summary>The name as EF Core writes it under a limit.</summary>
    public static string Truncate(string name, int maxLength)
        => maxLength > 1 && name.Length > maxLength ? name.Substring(0, maxLength - 1) + "~" : name;

    /// <summary>
    /// True when two names are the same object's name as EF Core would write it: equal, or equal once cut to the limit
    /// (the model's, else the provider's; with neither known, any of the providers' limits).
    /// </summary>
    public static bool SameName(string? left, string? right, int? maxLength, DatabaseProvider provider)
    {
        if (left is null || right is null)
        {
            return false;
        }

        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return true;
        }

        if ((maxLength ?? DefaultMaxLength(provider)) is int max)
        {
            return string.Equals(Truncate(left, max), Truncate(right, max), StringComparison.Ordinal);
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            return false;
        }

        foreach (var limit in new[] { 63, 64, 128 })
        {
            if (string.Equals(Truncate(left, limit), Truncate(right, limit), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
