namespace Lossless.Tests.Meta;

/// <summary>Files of the repository the tests were built from, found by walking up to Analyzers.sln.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string PathOf(string relativePath) =>
        Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The file's text with line endings normalised to LF, so a CRLF checkout compares equal.</summary>
    public static string ReadText(string relativePath) =>
        File.ReadAllText(PathOf(relativePath)).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No Analyzers.sln in '{AppContext.BaseDirectory}' or any directory above it: the meta tests must run from a build inside the repository.");
    }
}
