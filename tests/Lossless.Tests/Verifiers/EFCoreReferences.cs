using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace Lossless.Tests.Verifiers;

/// <summary>
/// The metadata references a test migration compiles against: the running .NET runtime and the real EF Core 10
/// and provider assemblies this test project references (as dotnet/efcore's own analyzer tests do), chosen per provider.
/// </summary>
public static class EFCoreReferences
{
    private static readonly ConcurrentDictionary<TestProvider, ImmutableArray<MetadataReference>> Cache = new();

    private static readonly string[] ProviderAssemblies =
    [
        "Npgsql.EntityFrameworkCore.PostgreSQL",
        "Npgsql",
        "Microsoft.EntityFrameworkCore.SqlServer",
        "Microsoft.Data.SqlClient",
        "Microsoft.EntityFrameworkCore.Sqlite",
        "Microsoft.Data.Sqlite",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> Runtime = new(() => Select(static (name, isRuntime) => isRuntime));

    public static ImmutableArray<MetadataReference> For(TestProvider provider) => Cache.GetOrAdd(provider, Create);

    /// <summary>The .NET runtime alone: a compilation that does not reference EF Core.</summary>
    public static ImmutableArray<MetadataReference> RuntimeOnly() => Runtime.Value;

    private static ImmutableArray<MetadataReference> Create(TestProvider provider)
    {
        var wanted = provider switch
        {
            TestProvider.PostgreSql => new[] { "Npgsql.EntityFrameworkCore.PostgreSQL", "Npgsql" },
            TestProvider.SqlServer => new[] { "Microsoft.EntityFrameworkCore.SqlServer", "Microsoft.Data.SqlClient" },
            TestProvider.Sqlite => new[] { "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.Data.Sqlite" },
            _ => Array.Empty<string>(),
        };

        return Select((name, isRuntime) =>
        {
            var isEFCore = name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal);
            var isProvider = Array.IndexOf(ProviderAssemblies, name) >= 0;
            return (isRuntime || isEFCore || isProvider) && (!isProvider || Array.IndexOf(wanted, name) >= 0);
        });
    }

    private static ImmutableArray<MetadataReference> Select(Func<string, bool, bool> include)
    {
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in paths)
        {
            if (include(Path.GetFileNameWithoutExtension(path), path.StartsWith(runtimeDirectory, StringComparison.Ordinal)))
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
        }

        return references.ToImmutable();
    }
}
