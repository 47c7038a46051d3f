using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.Analyzers.Model.Providers;

/// <summary>Finds the provider from the referenced EF Core provider assembly; .editorconfig's lossless.provider overrides it.</summary>
internal static class ProviderDetector
{
    public const string OptionKey = "lossless.provider";

    public static DatabaseProvider FromReferences(Compilation compilation)
    {
        var found = DatabaseProvider.Unknown;
        foreach (var identity in compilation.ReferencedAssemblyNames)
        {
            var provider = FromAssemblyName(identity.Name);
            if (provider == DatabaseProvider.Unknown || provider == found)
            {
                continue;
            }

            if (found != DatabaseProvider.Unknown)
            {
                // Two providers referenced (a multi-database app): which one a migration targets is not known.
                return DatabaseProvider.Unknown;
            }

            found = provider;
        }

        return found;
    }

    public static DatabaseProvider FromAssemblyName(string name) => name switch
    {
        "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.PostgreSql,
        "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseProvider.SqlServer,
        "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
        "Pomelo.EntityFrameworkCore.MySql" or "MySql.EntityFrameworkCore" or "MySql.Data.EntityFrameworkCore" => DatabaseProvider.MySql,
        _ => DatabaseProvider.Unknown,
    };

    /// <summary>The .editorconfig value for the tree, or null when absent or not one we know.</summary>
    public static DatabaseProvider? FromOptions(AnalyzerConfigOptions options)
    {
        if (!options.TryGetValue(OptionKey, out var value))
        {
            return null;
        }

        return value.Trim().ToLowerInvariant() switch
        {
            "postgresql" or "postgres" or "npgsql" => DatabaseProvider.PostgreSql,
            "sqlserver" or "mssql" => DatabaseProvider.SqlServer,
            "sqlite" => DatabaseProvider.Sqlite,
            "mysql" or "mariadb" => DatabaseProvider.MySql,
            "unknown" or "none" => DatabaseProvider.Unknown,
            _ => null,
        };
    }

    public static string ToOptionValue(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSql => "postgresql",
        DatabaseProvider.SqlServer => "sqlserver",
        DatabaseProvider.Sqlite => "sqlite",
        DatabaseProvider.MySql => "mysql",
        _ => "unknown",
    };
}
