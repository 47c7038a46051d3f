using System.Text;
using Lossless.Analyzers.Infrastructure;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Targets;
using Lossless.Tests.Verifiers;

namespace Lossless.Tests.Model;

/// <summary>
/// Which Designers a comparison scans (<see cref="DesignerModel.TablesChangedSince"/>): in migration order from the
/// nearest scan made before, so that each scan takes its predecessor's reading of the entities that did not change.
/// The first migration asked about (an editor, one migration) looks at most sixteen Designers back; from the second, or
/// once the DbContext has that many scans, the compilation is being analyzed whole and the walk goes back as far as it
/// must. Which scan a scan starts
/// from changes its cost only (<see cref="DesignerModelTests"/> proves the readings equal).
/// </summary>
public class DesignerScanOrderTests
{
    private const int Migrations = 40;

    [Fact]
    public void LastMigrationAskedFirst_ScansOnlyTheDesignersWithinReach()
    {
        var designers = Designers();

        Assert.NotNull(designers[39].TablesChangedSince(designers[38]));

        // Sixteen back from M38 none was scanned: M38 is scanned alone, and nothing before it.
        Assert.Equal("M38 M39", Scanned(designers));
    }

    [Fact]
    public void SecondComparisonFarAhead_ScansEveryDesignerBetweenInOrder()
    {
        var designers = Designers();
        Assert.NotNull(designers[1].TablesChangedSince(designers[0]));

        // A second migration compared: the compilation is analyzed beyond one migration (the driver judges some of a
        // history's last migrations among its first), so M38 is not scanned from M1 past the reach but after M37, and
        // so on back to M1.
        Assert.NotNull(designers[39].TablesChangedSince(designers[38]));

        Assert.Equal(string.Join(" ", Enumerable.Range(0, Migrations).Select(static i => "M" + i)), Scanned(designers));
        for (var i = 1; i < Migrations; i++)
        {
            Assert.Equal(designers[i - 1].MadeScan()!.Id, designers[i].MadeScan()!.FromId);
        }
    }

    [Fact]
    public void SixteenScansMadeInOrder_ThenTheLastAsked_ScansEveryDesignerBetweenInOrder()
    {
        var designers = Designers();
        for (var i = 1; i <= 16; i++)
        {
            Assert.NotNull(designers[i].TablesChangedSince(designers[i - 1]));
        }

        Assert.NotNull(designers[39].TablesChangedSince(designers[38]));

        Assert.Equal(string.Join(" ", Enumerable.Range(0, Migrations).Select(static i => "M" + i)), Scanned(designers));
        for (var i = 1; i < Migrations; i++)
        {
            // Each took its predecessor's reading of the entity whose text did not change.
            Assert.Equal(designers[i - 1].MadeScan()!.Id, designers[i].MadeScan()!.FromId);
        }
    }

    [Fact]
    public void TwoThreadsAskInOneStretchAtOnce_EveryDesignerScannedOnceFromItsPredecessor()
    {
        var designers = Designers();
        for (var i = 1; i <= 16; i++)
        {
            Assert.NotNull(designers[i].TablesChangedSince(designers[i - 1]));
        }

        // Both chains start at M17: one thread walks them while the other waits, then takes what was scanned.
        using var barrier = new Barrier(2);
        var tables = new List<ColumnRefTable>?[2];
        var threads = new[] { (Index: 0, Asked: 39), (Index: 1, Asked: 30) }.Select(ask => new Thread(() =>
        {
            barrier.SignalAndWait();
            tables[ask.Index] = designers[ask.Asked].TablesChangedSince(designers[ask.Asked - 1]);
        })).ToList();
        threads.ForEach(static thread => thread.Start());
        threads.ForEach(static thread => Assert.True(thread.Join(60_000), "a thread asking about a Designer never returned"));

        Assert.All(tables, static found => Assert.NotNull(found));
        Assert.Equal(string.Join(" ", Enumerable.Range(0, Migrations).Select(static i => "M" + i)), Scanned(designers));
        for (var i = 1; i < Migrations; i++)
        {
            Assert.Equal(designers[i - 1].MadeScan()!.Id, designers[i].MadeScan()!.FromId);
        }
    }

    [Fact]
    public void AfterAnAdoptionPoint_TheWalkStopsAtTheLastMigrationNotJudged()
    {
        // lossless.since_migration covers M0…M19: no rule compares them, and M19's Designer is read only as M20's
        // previous model. The walk in migration order stops there instead of scanning the history before it.
        var designers = Designers(judgedFrom: 20);
        Assert.NotNull(designers[21].TablesChangedSince(designers[20]));
        Assert.NotNull(designers[39].TablesChangedSince(designers[38]));

        Assert.Equal(string.Join(" ", Enumerable.Range(19, Migrations - 19).Select(static i => "M" + i)), Scanned(designers));
        for (var i = 20; i < Migrations; i++)
        {
            Assert.Equal(designers[i - 1].MadeScan()!.Id, designers[i].MadeScan()!.FromId);
        }
    }

    private static string Scanned(IReadOnlyList<DesignerModel> designers)
        => string.Join(" ", designers.Select(static (designer, i) => (designer, i)).Where(static d => d.designer.MadeScan() is not null).Select(static d => "M" + d.i));

    /// <summary>
    /// A DbContext's migrations M0…M39, each Designer the previous one's model plus an entity of its own, every
    /// entity's block the same text from the Designer that adds it on; those before M<paramref name="judgedFrom"/> are
    /// not judged (as lossless.since_migration makes them).
    /// </summary>
    private static List<DesignerModel> Designers(int judgedFrom = 0)
    {
        var source = new StringBuilder("""
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Sample
            {
                public class ShopContext : DbContext { }
            }

            """);
        for (var i = 0; i < Migrations; i++)
        {
            var entities = new StringBuilder();
            for (var e = 0; e <= i; e++)
            {
                entities.AppendLine($$"""
                                modelBuilder.Entity("Sample.Item{{e}}", b =>
                                {
                                    b.Property<int>("Id").HasColumnType("INTEGER");
                                    b.Property<string>("Name").HasColumnType("TEXT");
                                    b.HasKey("Id");
                                    b.ToTable("Items{{e}}");
                                });
                    """);
            }

            source.AppendLine($$"""
                namespace Sample.Migrations
                {
                    [DbContext(typeof(Sample.ShopContext))]
                    [Migration("20240101{{i:000000}}_M{{i}}")]
                    public partial class M{{i}} : Migration
                    {
                        protected override void Up(MigrationBuilder migrationBuilder) { }
                    }

                    partial class M{{i}}
                    {
                        protected override void BuildTargetModel(ModelBuilder modelBuilder)
                        {
                {{entities}}
                        }
                    }
                }
                """);
        }

        var compilation = ModelHarness.Compile(TestProvider.Sqlite, source.ToString());
        var symbols = MigrationSymbols.TryCreate(compilation)!;
        var index = new MigrationIndex(compilation, symbols, type => int.Parse(type.Name[1..], System.Globalization.CultureInfo.InvariantCulture) < judgedFrom);
        return Enumerable.Range(0, Migrations)
            .Select(i => index.Designer(compilation.GetTypeByMetadataName($"Sample.Migrations.M{i}")!, CancellationToken.None)!)
            .ToList();
    }
}
