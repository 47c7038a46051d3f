using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace Lossless.Corpus;

/// <summary>
/// What a set compiles against, as a net10.0 project referencing EF Core 10 Relational and the set's provider does:
/// the SDK's net10.0 reference assemblies (Microsoft.NETCore.App.Ref, the pack a build compiles against; the running
/// runtime's own assemblies when the pack is not installed), and the real EF Core, Microsoft.Extensions and provider
/// assemblies this project references, taken from this process's trusted platform assemblies as
/// tests/Lossless.Tests/Verifiers/EFCoreReferences.cs does. Only the set's provider is referenced, so the analyzers
/// find it as they would in the project; <c>none</c> references no provider.
/// </summary>
public static class CorpusReferences
{
    private static readonly ConcurrentDictionary<string, ImmutableArray<MetadataReference>> Cache = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string[]> ProviderAssemblies = new(StringComparer.Ordinal)
    {
        ["npgsql"] = ["Npgsql.EntityFrameworkCore.PostgreSQL", "Npgsql"],
        ["sqlserver"] = ["Microsoft.EntityFrameworkCore.SqlServer", "Microsoft.Data.SqlClient"],
        ["sqlite"] = ["Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.Data.Sqlite"],
        ["none"] = [],
    };

    private static readonly Lazy<(ImmutableArray<string> Paths, string Description)> Runtime = new(FindRuntime);

    /// <summary>Where the runtime references come from, for the report.</summary>
    public static string RuntimeDescription => Runtime.Value.Description;

    /// <summary>The references for a set whose sets.tsv provider is <paramref name="provider"/>.</summary>
    public static ImmutableArray<MetadataReference> For(string provider)
    {
        if (!ProviderAssemblies.ContainsKey(provider))
        {
            throw new ArgumentException($"unknown provider '{provider}' in sets.tsv (expected npgsql, sqlserver, sqlite or none)", nameof(provider));
        }

        return Cache.GetOrAdd(provider, Create);
    }

    private static ImmutableArray<MetadataReference> Create(string provider)
    {
        var wanted = ProviderAssemblies[provider];
        var allProviders = ProviderAssemblies.Values.SelectMany(static names => names).ToHashSet(StringComparer.Ordinal);
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in Runtime.Value.Paths)
        {
            references.Add(MetadataReference.CreateFromFile(path));
        }

        foreach (var path in TrustedPlatformAssemblies())
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (path.StartsWith(runtimeDirectory, StringComparison.Ordinal))
            {
                continue;
            }

            var isEFCore = name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal);
            var isProvider = allProviders.Contains(name);
            if ((isEFCore && !isProvider) || (isProvider && Array.IndexOf(wanted, name) >= 0))
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
        }

        return references.ToImmutable();
    }

    private static IEnumerable<string> TrustedPlatformAssemblies()
        => ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Order(StringComparer.Ordinal);

    /// <summary>
    /// The net10.0 reference pack of the SDK this runs on (dotnet/packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/ref/net10.0),
    /// the running runtime's version first; the runtime's implementation assemblies when no pack is installed.
    /// </summary>
    private static (ImmutableArray<string>, string) FindRuntime()
    {
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var tfm = $"net{Environment.Version.Major}.0";
        if (Directory.Exists(packs))
        {
            var running = Environment.Version.ToString(3);
            var candidates = Directory.GetDirectories(packs)
                .Select(static directory => Path.GetFileName(directory))
                .Where(version => version.StartsWith(Environment.Version.Major + ".", StringComparison.Ordinal))
                .OrderByDescending(version => version == running)
                .ThenByDescending(static version => Version.TryParse(version.Split('-')[0], out var parsed) ? parsed : new Version(0, 0));
            foreach (var version in candidates)
            {
                var directory = Path.Combine(packs, version, "ref", tfm);
                if (Directory.Exists(directory))
                {
                    var paths = Directory.GetFiles(directory, "*.dll").Order(StringComparer.Ordinal).ToImmutableArray();
                    return (paths, $"Microsoft.NETCore.App.Ref {version} ({tfm} reference assemblies, {paths.Length} files)");
                }
            }
        }

        var runtimePaths = TrustedPlatformAssemblies().Where(path => path.StartsWith(runtimeDirectory, StringComparison.Ordinal)).ToImmutableArray();
        return (runtimePaths, $"the running runtime's assemblies in {runtimeDirectory} (no Microsoft.NETCore.App.Ref pack found under {packs})");
    }
}
