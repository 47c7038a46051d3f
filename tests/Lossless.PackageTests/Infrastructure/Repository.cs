using System.Reflection;

namespace Lossless.PackageTests.Infrastructure;

/// <summary>Where the repository is and how this test assembly was built.</summary>
internal static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds Analyzers.sln, found by walking up from the test assembly.</summary>
    public static string Root => LazyRoot.Value;

    public static string Configuration => Metadata("Lossless.Configuration");

    public static string LosslessVersion => Metadata("Lossless.Version");

    public static string EFCoreVersion => Metadata("Lossless.EFCoreVersion");

    public static string NpgsqlEFCoreVersion => Metadata("Lossless.NpgsqlEFCoreVersion");

    public static string PackageProject => Path.Combine(Root, "src", "Lossless.Package", "Lossless.Package.csproj");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Analyzers.sln above {AppContext.BaseDirectory}.");
    }

    private static string Metadata(string key)
    {
        foreach (var attribute in typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute.Key == key && !string.IsNullOrEmpty(attribute.Value))
            {
                return attribute.Value;
            }
        }

        throw new InvalidOperationException($"The test assembly has no '{key}' metadata.");
    }
}
