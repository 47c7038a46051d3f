using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace Lossless.Benchmarks;

/// <summary>
/// The metadata references the generated project compiles against, taken from this process's own trusted platform
/// assemblies: the .NET runtime, and the real EF Core 10, Npgsql and SQLite provider assemblies this project
/// references. Each set holds one provider, as a project does: the analyzers find the provider by reference.
/// </summary>
public static class References
{
    /// <summary>The runtime, EF Core (with the Microsoft.Extensions it exposes) and the Npgsql provider.</summary>
    public static ImmutableArray<MetadataReference> WithEFCore { get; } = Select(static (name, isRuntime) =>
        isRuntime || IsEFCore(name) || name.StartsWith("Npgsql", StringComparison.Ordinal));

    /// <summary>The runtime, EF Core and the SQLite provider.</summary>
    public static ImmutableArray<MetadataReference> WithEFCoreSqlite { get; } = Select(static (name, isRuntime) =>
        isRuntime || IsEFCore(name) || name == "Microsoft.EntityFrameworkCore.Sqlite");

    /// <summary>The references for a project scaffolded for <paramref name="provider"/>.</summary>
    public static ImmutableArray<MetadataReference> For(GeneratedProvider provider)
        => provider == GeneratedProvider.Sqlite ? WithEFCoreSqlite : WithEFCore;

    /// <summary>The .NET runtime alone.</summary>
    public static ImmutableArray<MetadataReference> RuntimeOnly { get; } = Select(static (_, isRuntime) => isRuntime);

    /// <summary>EF Core and the Microsoft.Extensions it exposes, without a provider.</summary>
    private static bool IsEFCore(string name)
        => (name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && !name.StartsWith("Microsoft.EntityFrameworkCore.Sqlite", StringComparison.Ordinal))
            || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal);

    private static ImmutableArray<MetadataReference> Select(Func<string, bool, bool> include)
    {
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            if (include(Path.GetFileNameWithoutExtension(path), path.StartsWith(runtimeDirectory, StringComparison.Ordinal)))
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
        }

        return references.ToImmutable();
    }
}
