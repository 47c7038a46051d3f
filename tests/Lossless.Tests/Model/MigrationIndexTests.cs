using System.Text;
using Lossless.Analyzers.Infrastructure;
using Lossless.Analyzers.Model;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace Lossless.Tests.Model;

/// <summary>
/// <see cref="MigrationIndex.Previous"/>: the migration of the same DbContext whose [Migration] id sorts just before
/// (ordinal), as EF Core orders a context's migrations; rules read that migration's Designer as the previous model.
/// </summary>
public class MigrationIndexTests
{
    [Fact]
    public void MigrationsOfTwoContextsDeclaredOutOfOrder_EachGetsThePreviousOfItsOwnContext()
    {
        var (_, index, symbols) = Index(
            M("Blog", "20240103000000_BlogThird", "BlogContext"),
            M("Shop", "20240102000000_ShopSecond", "ShopContext"),
            M("Blog", "20240101000000_BlogFirst", "BlogContext"),
            M("Shop", "20240101000000_ShopFirst", "ShopContext"),
            M("Blog", "20240102000000_BlogSecond", "BlogContext"));

        Assert.Equal(
            "BlogFirst <- (none); BlogSecond <- BlogFirst; BlogThird <- BlogSecond; ShopFirst <- (none); ShopSecond <- ShopFirst",
            Describe(index, symbols, "BlogFirst", "BlogSecond", "BlogThird", "ShopFirst", "ShopSecond"));
    }

    [Fact]
    public void MigrationsWithoutDbContext_AreOneGroupOfTheirOwn()
    {
        var (_, index, symbols) = Index(
            M("Loose", "20240102000000_LooseSecond", null),
            M("Blog", "20240101000000_BlogFirst", "BlogContext"),
            M("Loose", "20240101000000_LooseFirst", null),
            M("Blog", "20240103000000_BlogThird", "BlogContext"));

        Assert.Equal(
            "LooseFirst <- (none); LooseSecond <- LooseFirst; BlogThird <- BlogFirst",
            Describe(index, symbols, "LooseFirst", "LooseSecond", "BlogThird"));
    }

    /// <summary>Two migrations with one id (LL4001 reports them): the one found first in the namespaces is the previous of the next id.</summary>
    [Fact]
    public void TwoMigrationsWithTheSameId_TheFirstDeclaredIsThePreviousOfTheNext()
    {
        var (_, index, symbols) = Index(
            M("Blog", "20240101000000_First", "BlogContext"),
            M("Blog", "20240102000000_Twin", "BlogContext", "TwinA"),
            M("Blog", "20240102000000_Twin", "BlogContext", "TwinB"),
            M("Blog", "20240103000000_Third", "BlogContext"));

        Assert.Equal(
            "TwinA <- First; TwinB <- First; Third <- TwinA",
            Describe(index, symbols, "TwinA", "TwinB", "Third"));
    }

    /// <summary>Ids compared as ordinal text: '_' (0x5F) sorts after upper-case letters and before lower-case ones, a shorter prefix first.</summary>
    [Fact]
    public void IdsComparedOrdinally_NotByCulture()
    {
        var (_, index, symbols) = Index(
            M("Blog", "20240101000000_b", "BlogContext", "Lower"),
            M("Blog", "20240101000000_B", "BlogContext", "Upper"),
            M("Blog", "20240101000000", "BlogContext", "Bare"),
            M("Blog", "20240101000000__", "BlogContext", "Underscore"));

        Assert.Equal(
            "Bare <- (none); Upper <- Bare; Underscore <- Upper; Lower <- Underscore",
            Describe(index, symbols, "Bare", "Upper", "Underscore", "Lower"));
    }

    /// <summary>Many migrations of three contexts in a shuffled order: each answer is the greatest lower id of its context, found by comparing with every other.</summary>
    [Fact]
    public void ManyMigrationsShuffled_EachPreviousIsTheGreatestLowerIdOfItsContext()
    {
        var random = new Random(16);
        var contexts = new[] { "AContext", "BContext", null };
        var migrations = new List<(string Namespace, string Id, string? Context, string Class)>();
        for (var i = 0; i < 60; i++)
        {
            // Some ids repeat within a context; every class name is unique.
            var id = $"2024{random.Next(1, 13):00}{random.Next(1, 8):00}000000_M";
            migrations.Add(("N" + (i % 4), id, contexts[random.Next(contexts.Length)], "M" + i));
        }

        var (compilation, index, symbols) = Index([.. migrations]);

        var declared = migrations.Select(m => compilation.GetTypeByMetadataName($"Sample.{m.Namespace}.{m.Class}")!).ToList();
        var walked = index.Migrations(CancellationToken.None);
        foreach (var type in declared)
        {
            var id = symbols.MigrationIdOf(type)!;
            var context = symbols.DbContextOf(type);
            var expected = walked
                .Where(t => SymbolEqualityComparer.Default.Equals(symbols.DbContextOf(t), context) && string.CompareOrdinal(symbols.MigrationIdOf(t), id) < 0)
                .Select((t, order) => (Type: t, Id: symbols.MigrationIdOf(t)!, Order: order))
                .OrderByDescending(e => e.Id, StringComparer.Ordinal)
                .ThenBy(e => e.Order)
                .Select(e => e.Type)
                .FirstOrDefault();

            var actual = index.Previous(type, id, CancellationToken.None);

            Assert.True(SymbolEqualityComparer.Default.Equals(expected, actual), $"{type.Name} ({id}): expected {expected?.Name ?? "(none)"}, got {actual?.Name ?? "(none)"}");
        }

        Assert.Contains(declared, t => index.Previous(t, symbols.MigrationIdOf(t)!, CancellationToken.None) is null);
        Assert.Contains(declared, t => index.Previous(t, symbols.MigrationIdOf(t)!, CancellationToken.None) is not null);
    }

    private static (Compilation Compilation, MigrationIndex Index, MigrationSymbols Symbols) Index(params (string Namespace, string Id, string? Context, string? Class)[] migrations)
    {
        var source = new StringBuilder("""
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Sample
            {
                public class BlogContext : DbContext { }
                public class ShopContext : DbContext { }
                public class AContext : DbContext { }
                public class BContext : DbContext { }
            }

            """);
        foreach (var (ns, id, context, name) in migrations)
        {
            var className = name ?? id[(id.IndexOf('_') + 1)..];
            var contextAttribute = context is null ? string.Empty : $"[DbContext(typeof(Sample.{context}))] ";
            source.AppendLine($$"""
                namespace Sample.{{ns}}
                {
                    {{contextAttribute}}[Migration("{{id}}")]
                    public class {{className}} : Migration
                    {
                        protected override void Up(MigrationBuilder migrationBuilder) { }
                    }
                }
                """);
        }

        var compilation = ModelHarness.Compile(TestProvider.PostgreSql, source.ToString());
        var symbols = MigrationSymbols.TryCreate(compilation)!;
        return (compilation, new MigrationIndex(compilation, symbols), symbols);
    }

    private static (string Namespace, string Id, string? Context, string? Class) M(string ns, string id, string? context, string? className = null)
        => (ns, id, context, className);

    private static string Describe(MigrationIndex index, MigrationSymbols symbols, params string[] classNames)
    {
        var all = index.Migrations(CancellationToken.None);
        return string.Join("; ", classNames.Select(name =>
        {
            var type = all.Single(t => t.Name == name);
            var previous = index.Previous(type, symbols.MigrationIdOf(type)!, CancellationToken.None);
            return $"{name} <- {previous?.Name ?? "(none)"}";
        }));
    }
}
