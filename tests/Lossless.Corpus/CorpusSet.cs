using System.Collections.Immutable;
using System.Globalization;

namespace Lossless.Corpus;

/// <summary>
/// One row of the corpus's sets.tsv: a migrations folder of one repository at a pinned commit, with one DbContext and
/// one provider (<c>npgsql</c>, <c>sqlserver</c>, <c>sqlite</c>, or <c>none</c> for the MySQL sets: no provider
/// assembly is referenced and the analyzers run provider-neutral).
/// </summary>
public sealed record CorpusSet(string Name, string Repository, string Commit, string Folder, string Provider, int ListedFiles)
{
    /// <summary>The sets of <paramref name="corpus"/>'s sets.tsv, in its order.</summary>
    public static ImmutableArray<CorpusSet> Read(string corpus)
    {
        var path = Path.Combine(corpus, "sets.tsv");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no sets.tsv in '{corpus}': extract the corpus first (README \"Real-world corpus\")", path);
        }

        var sets = ImmutableArray.CreateBuilder<CorpusSet>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < 6)
            {
                throw new InvalidDataException($"{path}: expected set, repo, commit, folder, provider, files: '{line}'");
            }

            sets.Add(new CorpusSet(cells[0], cells[1], cells[2], cells[3], cells[4], int.Parse(cells[5], CultureInfo.InvariantCulture)));
        }

        return sets.ToImmutable();
    }

    /// <summary>The set's source files, relative to its folder with '/' separators, in ordinal order.</summary>
    public ImmutableArray<string> Files(string corpus)
    {
        var root = Path.Combine(corpus, Name);
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>The stub file that declares the repository's own DbContext types and namespaces, compiled with the set.</summary>
    public string StubPath(string corpus) => Path.Combine(corpus, "_stubs", Name + ".cs");

    /// <summary>The stub's path as the reports name it.</summary>
    public string StubRelativePath => "_stubs/" + Name + ".cs";
}
