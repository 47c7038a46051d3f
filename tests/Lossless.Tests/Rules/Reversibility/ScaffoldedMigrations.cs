using Lossless.Tests.Meta;
using Lossless.Tests.Verifiers;

namespace Lossless.Tests.Rules.Reversibility;

/// <summary>
/// Migrations that EF Core 10 itself scaffolded (Up, Down and .Designer.cs) for a model that goes through every
/// operation kind of the table of inverses; see tests/Lossless.DataTests/Reversibility/Scaffolded/README.md.
/// </summary>
internal static class ScaffoldedMigrations
{
    public const string Folder = "tests/Lossless.DataTests/Reversibility/Scaffolded/";

    /// <summary>The migration ids, in order.</summary>
    public static IReadOnlyList<string> Ids(TestProvider provider)
        => Directory.GetFiles(RepositoryFiles.PathOf(Folder + provider), "*.cs.txt")
            .Select(Path.GetFileName)
            .Where(name => !name!.EndsWith(".Designer.cs.txt", StringComparison.Ordinal))
            .Select(name => name!.Substring(0, name.Length - ".cs.txt".Length))
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToList();

    public static string Migration(TestProvider provider, string id) => RepositoryFiles.ReadText(Folder + provider + "/" + id + ".cs.txt");

    public static string Designer(TestProvider provider, string id) => RepositoryFiles.ReadText(Folder + provider + "/" + id + ".Designer.cs.txt");

    /// <summary>Every migration and Designer file, and the DbContext they name.</summary>
    public static string[] All(TestProvider provider)
        => [.. Ids(provider).SelectMany(id => new[] { Migration(provider, id), Designer(provider, id) }), Sources.Usings + "\n" + Sources.Context];
}
