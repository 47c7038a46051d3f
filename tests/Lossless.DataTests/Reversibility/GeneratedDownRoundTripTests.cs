using System.Data.Common;
using System.Text.RegularExpressions;
using Lossless.Analyzers.Model.Providers;
using Lossless.DataTests.Infrastructure;
using Lossless.DataTests.Migrations;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lossless.DataTests.Reversibility;

/// <summary>
/// The proof of the LL2001/LL2002 fix on real databases: for each migration EF Core scaffolded (together they cover
/// every operation kind of the table of inverses), its Down is removed and generated again from Up; then Up and the
/// generated Down run with EF Core's migrator on seeded data, and the catalog after Down (tables, columns, types,
/// nullability, defaults, identity, keys, foreign keys, indexes) must equal the catalog before Up, and so must every
/// row where the data can survive the round trip.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GeneratedDownRoundTripTests
{
    /// <summary>Rows present before each migration, inserted right after the initial one: they live through every step.</summary>
    private const string Seed = """
        INSERT INTO users (id, email, name, legacy, code, balance) VALUES (1, 'ada@example.com', 'Ada', 'kept', 'A1', 12.50);
        INSERT INTO users (id, email, name, legacy, code, balance) VALUES (2, 'bob@example.com', 'Bob O''Brien', NULL, 'B2', 0.25);
        INSERT INTO posts (id, user_id, title) VALUES (1, 1, 'Hello');
        INSERT INTO posts (id, user_id, title) VALUES (2, 2, 'World');
        INSERT INTO tags (id, label) VALUES (10, 'red');
        INSERT INTO audit_entries (id, message, at) VALUES (1, 'created', '2025-01-01 10:00:00');
        """;

    private readonly PostgresCluster _cluster;

    public GeneratedDownRoundTripTests(PostgresCluster cluster) => _cluster = cluster;

    public static TheoryData<string> Migrations() => new(ScaffoldedSet.Ids(DatabaseProvider.PostgreSql));

    [Theory]
    [MemberData(nameof(Migrations))]
    public async Task PostgreSql_GeneratedDown_RestoresTheCatalogAndRows(string id)
    {
        await RoundTripAsync(DatabaseProvider.PostgreSql, _cluster.CreateDatabase("down").ConnectionString, _cluster.CreateDatabase("efdown").ConnectionString, id);
    }

    [Theory]
    [MemberData(nameof(Migrations))]
    public async Task Sqlite_GeneratedDown_RestoresTheCatalogAndRows(string id)
    {
        using var database = new SqliteDatabase();
        using var baseline = new SqliteDatabase();
        await RoundTripAsync(DatabaseProvider.Sqlite, database.ConnectionString, baseline.ConnectionString, id);
    }

    [Fact]
    public void ScaffoldedSet_CoversEveryOperationKindOfTheIssue()
    {
        // The operation kinds whose generated inverse the round trip proves, on both providers.
        foreach (var provider in new[] { DatabaseProvider.PostgreSql, DatabaseProvider.Sqlite })
        {
            var ups = string.Join("\n", ScaffoldedSet.Ids(provider).Select(id => ScaffoldedSet.Migration(provider, id).Split("void Down(")[0]));
            foreach (var kind in new[] { "CreateTable", "AddColumn", "AlterColumn", "RenameColumn", "RenameTable", "CreateIndex", "AddForeignKey", "AddPrimaryKey", "AddUniqueConstraint", "EnsureSchema", "InsertData", "DropColumn", "DropTable", "DropIndex", "DropForeignKey", "DropPrimaryKey" })
            {
                Assert.Contains("migrationBuilder." + kind + "(", ups.Replace("<int>(", "(").Replace("<string>(", "(").Replace("<decimal>(", "("));
            }
        }
    }

    /// <summary>
    /// Where no Down can restore the catalog, and EF Core's own scaffolded Down leaves exactly the same: the lines
    /// missing from and added to the catalog after the round trip.
    /// </summary>
    private static readonly Dictionary<(DatabaseProvider, string), (string[] Lost, string[] Added)> Inherent = new()
    {
        // EF Core rebuilds a SQLite table from the target model, which never knew the DEFAULT 0 that EF's own
        // AddColumn placeholder gave users.age: Up's rebuild drops it, and no Down built from the model brings it back.
        [(DatabaseProvider.Sqlite, "20250101030000_WidenName")] = (["column users.age INTEGER not null default 0"], ["column users.age INTEGER not null"]),

        // Re-adding the required column age to existing rows needs a default (SQLite refuses NOT NULL without one);
        // the earlier rebuild had dropped the original DEFAULT 0, so the placeholder's DEFAULT 0 is new.
        [(DatabaseProvider.Sqlite, "20250101100000_DropLegacyAndAudit")] = (["column users.age INTEGER not null"], ["column users.age INTEGER not null default 0"]),
    };

    /// <summary>Where EF Core's own scaffolded Down does not restore the catalog and the generated one does.</summary>
    private static readonly Dictionary<(DatabaseProvider, string), (string[] Lost, string[] Added)> ScaffoldedMisses = new()
    {
        // EF's Down makes name required again with its placeholder defaultValue: "", which stays as a column default
        // that users.name never had; the generated Down restores the column exactly (and fails, rather than writing '',
        // if rows with NULL names were added meanwhile).
        [(DatabaseProvider.PostgreSql, "20250101030000_WidenName")] = (
            ["column public.users.name character varying(100) not null"],
            ["column public.users.name character varying(100) not null default ''::character varying"]),
    };

    private static async Task RoundTripAsync(DatabaseProvider provider, string connectionString, string baselineConnectionString, string id)
    {
        var (sources, generated) = await ScaffoldedSet.WithGeneratedDownAsync(provider, id);
        Assert.Contains("protected override void Down(MigrationBuilder migrationBuilder)", generated);
        var (before, applied, reverted) = Run(provider, connectionString, id, sources);
        Assert.NotEqual(before.Schema + before.Data, applied.Schema + applied.Data);

        // The same steps with EF Core's own scaffolded Down, on a database of its own: where no Down can restore the
        // catalog, EF's own leaves the same; where EF's own misses something, it is named below.
        var scaffolded = ScaffoldedSet.Ids(provider).SelectMany(each => new[] { ScaffoldedSet.Migration(provider, each), ScaffoldedSet.Designer(provider, each) })
            .Append(CompiledMigrationsTests.Context).ToArray();
        var (baselineBefore, _, baselineReverted) = Run(provider, baselineConnectionString, id, scaffolded);
        Assert.Equal(before.Schema + before.Data, baselineBefore.Schema + baselineBefore.Data);
        var (scaffoldedLost, scaffoldedAdded) = Difference(before.Schema, baselineReverted.Schema);
        var scaffoldedMisses = ScaffoldedMisses.TryGetValue((provider, id), out var misses) ? misses : Inherent.GetValueOrDefault((provider, id), ([], []));
        Assert.Equal(scaffoldedMisses.Lost, scaffoldedLost);
        Assert.Equal(scaffoldedMisses.Added, scaffoldedAdded);

        var (lost, added) = Difference(before.Schema, reverted.Schema);
        if (Inherent.TryGetValue((provider, id), out var inherent))
        {
            Assert.Equal(inherent.Lost, lost);
            Assert.Equal(inherent.Added, added);
        }
        else
        {
            Assert.Equal(before.Schema, reverted.Schema);
        }

        if (id.EndsWith("_DropLegacyAndAudit", StringComparison.Ordinal))
        {
            // What Up dropped cannot come back: the audit rows are gone, and the re-added legacy column holds its
            // default for every row (age held EF Core's placeholder 0 before, and gets it again).
            Assert.Single(before.Rows["audit_entries"]);
            Assert.Empty(reverted.Rows["audit_entries"]);
            Assert.Equal(
                before.Rows["users"].Select(row => Regex.Replace(row, "legacy=[^;]*", "legacy='none'")),
                reverted.Rows["users"]);
            Assert.Equal(Without(before, "audit_entries", "users"), Without(reverted, "audit_entries", "users"));
        }
        else
        {
            Assert.Equal(before.Data, reverted.Data);
        }

        if (id.EndsWith("_Settings", StringComparison.Ordinal) && provider == DatabaseProvider.PostgreSql)
        {
            // EnsureSchema has no inverse, as EF Core scaffolds it: the empty schema stays, and no table is left in it.
            Assert.Equal("1", Scalar(provider, connectionString, "SELECT count(*)::text FROM pg_namespace WHERE nspname = 'config'"));
            Assert.DoesNotContain("config.", reverted.Schema);
        }
    }

    /// <summary>Seeds, migrates to just before <paramref name="id"/>, applies it, reverts it: the catalog at each moment.</summary>
    private static (Catalog Before, Catalog Applied, Catalog Reverted) Run(DatabaseProvider provider, string connectionString, string id, string[] sources)
    {
        using var compiled = CompiledMigrations.Compile(sources);
        var index = compiled.MigrationIds.ToList().IndexOf(id);
        Assert.True(index >= 0, id + " is not among " + string.Join(", ", compiled.MigrationIds));
        var previous = index == 0 ? "0" : compiled.MigrationIds[index - 1];
        if (index > 0)
        {
            compiled.Migrate(provider, connectionString, compiled.MigrationIds[0]);
            Execute(provider, connectionString, Seed);
            compiled.Migrate(provider, connectionString, previous);
        }

        var before = Catalog.Take(provider, connectionString);
        compiled.Migrate(provider, connectionString, id);
        var applied = Catalog.Take(provider, connectionString);
        compiled.Migrate(provider, connectionString, previous);
        return (before, applied, Catalog.Take(provider, connectionString));
    }

    private static (string[] Lost, string[] Added) Difference(string before, string after)
    {
        var left = before.Split('\n');
        var right = after.Split('\n');
        return (left.Except(right).ToArray(), right.Except(left).ToArray());
    }

    private static string Without(Catalog catalog, params string[] tables)
        => string.Join("\n", catalog.Rows.Where(t => !tables.Contains(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => "[" + t.Key + "]\n" + string.Join("\n", t.Value)));

    private static void Execute(DatabaseProvider provider, string connectionString, string sql)
    {
        using var connection = Open(provider, connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Scalar(DatabaseProvider provider, string connectionString, string sql)
    {
        using var connection = Open(provider, connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    internal static DbConnection Open(DatabaseProvider provider, string connectionString)
    {
        DbConnection connection = provider == DatabaseProvider.PostgreSql ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
