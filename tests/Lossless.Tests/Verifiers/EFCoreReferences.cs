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

    public static ImmutableArray<MetadataReference> For(TestProvider provider) => Cache.GetOrAdd(provider, Create);

    private static ImmutableArray<MetadataReference> Create(TestProvider provider)
    {
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var wanted = provider switch
        {
            TestProvider.PostgreSql => new[] { "Npgsql.EntityFrameworkCore.PostgreSQL", "Npgsql" },
            TestProvider.SqlServer => new[] { "Microsoft.EntityFrameworkCore.SqlServer", "Microsoft.Data.SqlClient" },
            TestProvider.Sqlite => new[] { "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.Data.Sqlite" },
            _ => Array.Empty<string>(),
        };

        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in paths)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var isRuntime = path.StartsWith(runtimeDirectory, StringComparison.Ordinal);
            var isEFCore = name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal);
            var isProvider = Array.IndexOf(ProviderAssemblies, name) >= 0;
            if ((isRuntime || isEFCore || isProvider) && (!isProvider || Array.IndexOf(wanted, name) >= 0))
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
        }

        return references.ToImmutable();
    }
}
