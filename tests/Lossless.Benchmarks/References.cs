using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace Lossless.Benchmarks;

/// <summary>
/// The metadata references the generated project compiles against, taken from this process's own trusted platform
/// assemblies: the .NET runtime, and the real EF Core 10 and Npgsql assemblies this project references.
/// </summary>
public static class References
{
    /// <summary>The runtime, EF Core (with the Microsoft.Extensions it exposes) and the Npgsql provider.</summary>
    public static ImmutableArray<MetadataReference> WithEFCore { get; } = Select(static (name, isRuntime) =>
        isRuntime
        || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
        || name.StartsWith("Npgsql", StringComparison.Ordinal));

    /// <summary>The .NET runtime alone.</summary>
    public static ImmutableArray<MetadataReference> RuntimeOnly { get; } = Select(static (_, isRuntime) => isRuntime);

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
