using Lossless.Analyzers.Model.Providers;
using Lossless.CodeFixes;
using Lossless.DataTests.Infrastructure;
using Lossless.DataTests.Migrations;

namespace Lossless.DataTests.TypeChanges;

/// <summary>
/// Incident 0024 on a real PostgreSQL: the sample's dangerous migration (samples/, unchanged), fixed by LL1003's key
/// conversion into tests/Incident/20250117120000_YummyChamber.cs, and that fixed migration run by EF Core's migrator
/// over the incident's data.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class IncidentFixTests
{
    public const string FixedMigrationPath = "tests/Incident/20250117120000_YummyChamber.cs";

    private const string SampleMigrations = "samples/Lossless.Sample/Migrations/";
    private const string BeforeId = "20250110150000_LongerProjectTitles";

    /// <summary>The sample's DbContext, with the constructor EF Core's migrator needs here.</summary>
    private const string Context = """
        using Microsoft.EntityFrameworkCore;

        namespace Lossless.Sample
        {
            public class SampleDbContext : DbContext
            {
                public SampleDbContext(DbContextOptions<SampleDbContext> options) : base(options)
                {
                }
            }
        }
        """;

    private const string Seed = """
        INSERT INTO users (id, name, email) VALUES
            ('92256ac9-495a-4ba2-aecc-fa4ce6756baa', 'Ada', 'ada@example.com'),
            ('user_2XQLfuJvWKZKnpOfkW2I5dZxVZYE', 'Dev', 'dev@example.com');
        INSERT INTO projects (title, "userId") VALUES
            ('Launch video', '92256ac9-495a-4ba2-aecc-fa4ce6756baa'),
            ('Dev project', 'user_2XQLfuJvWKZKnpOfkW2I5dZxVZYE');
        INSERT INTO accounts (provider, "providerAccountId", "userId") VALUES
            ('github', '1001', '92256ac9-495a-4ba2-aecc-fa4ce6756baa'),
            ('google', '2002', 'user_2XQLfuJvWKZKnpOfkW2I5dZxVZYE');
        """;

    private const string UuidSeed = """
        INSERT INTO users (id, name, email) VALUES
            ('92256ac9-495a-4ba2-aecc-fa4ce6756baa', 'Ada', 'ada@example.com'),
            ('F5A14A55-0629-41D3-8EA6-0172B542C6B4', 'Dev', 'dev@example.com');
        INSERT INTO projects (title, "userId") VALUES
            ('Launch video', '92256ac9-495a-4ba2-aecc-fa4ce6756baa'),
            ('Dev project', 'F5A14A55-0629-41D3-8EA6-0172B542C6B4');
        INSERT INTO accounts (provider, "providerAccountId", "userId") VALUES
            ('github', '1001', '92256ac9-495a-4ba2-aecc-fa4ce6756baa'),
            ('google', '2002', 'F5A14A55-0629-41D3-8EA6-0172B542C6B4');
        """;

    private readonly PostgresCluster _cluster;

    public IncidentFixTests(PostgresCluster cluster) => _cluster = cluster;

    private static string[] Sources(string yummyChamber) =>
    [
        Read(SampleMigrations + "20250102090000_InitialCreate.cs"),
        Read(SampleMigrations + "20250102090000_InitialCreate.Designer.cs"),
        Read(SampleMigrations + "20250110150000_LongerProjectTitles.cs"),
        Read(SampleMigrations + "20250110150000_LongerProjectTitles.Designer.cs"),
        yummyChamber,
        Read(SampleMigrations + "20250117120000_YummyChamber.Designer.cs"),
        Context,
    ];

    [Fact]
    public async Task KeyConversion_TurnsTheSampleMigrationIntoTheCheckedInFixedOne()
    {
        var dangerous = Read(SampleMigrations + "20250117120000_YummyChamber.cs");
        var fixedSource = await FixApplier.ApplyAsync(DatabaseProvider.PostgreSql, Sources(dangerous), 4, FixerKeys.LL1003_ConvertKey);
        if (Environment.GetEnvironmentVariable("LOSSLESS_UPDATE_INCIDENT") == "1")
        {
            File.WriteAllText(Path(FixedMigrationPath), fixedSource);
        }

        Assert.Equal(Read(FixedMigrationPath), fixedSource.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Empty(await FixApplier.DiagnoseAsync(DatabaseProvider.PostgreSql, Sources(fixedSource)));
    }

    [Fact]
    public void FixedMigration_OnANextAuthId_AbortsNamingItAndKeepsEveryUserAndProject()
    {
        using var compiled = CompiledMigrations.Compile(Sources(Read(FixedMigrationPath)));
        var database = _cluster.CreateDatabase("incident_nextauth").ConnectionString;
        compiled.Migrate(DatabaseProvider.PostgreSql, database, BeforeId);
        Execute(database, Seed);
        var before = DatabaseSnapshot.Take(DatabaseProvider.PostgreSql, database);

        var failure = Assert.ThrowsAny<Exception>(() => compiled.Migrate(DatabaseProvider.PostgreSql, database));

        Assert.Contains(
            "lossless: 1 value(s) of users.id cannot be converted from character varying(255) to uuid without loss, e.g. in the rows with id user_2XQLfuJvWKZKnpOfkW2I5dZxVZYE; the migration was stopped and nothing was changed",
            failure.Message + failure.InnerException?.Message,
            StringComparison.Ordinal);
        var after = DatabaseSnapshot.Take(DatabaseProvider.PostgreSql, database);
        Assert.Equal(before.Schema, after.Schema);
        Assert.Equal(before.Data, after.Data);
        Assert.Equal(2, after.Rows["public.users"].Count);
        Assert.Equal(2, after.Rows["public.projects"].Count);
        Assert.Equal(2, after.Rows["public.accounts"].Count);
        Assert.Contains("constraint public.projects FK_projects_users_userId FOREIGN KEY (\"userId\") REFERENCES users(id) ON DELETE CASCADE", after.Schema);
    }

    [Fact]
    public void FixedMigration_OnUuidIds_ConvertsEveryColumnKeepsEveryRowAndRelationship_AndDownRestores()
    {
        using var compiled = CompiledMigrations.Compile(Sources(Read(FixedMigrationPath)));
        var database = _cluster.CreateDatabase("incident_uuids").ConnectionString;
        compiled.Migrate(DatabaseProvider.PostgreSql, database, BeforeId);
        Execute(database, UuidSeed);
        var before = DatabaseSnapshot.Take(DatabaseProvider.PostgreSql, database);

        compiled.Migrate(DatabaseProvider.PostgreSql, database);
        var converted = DatabaseSnapshot.Take(DatabaseProvider.PostgreSql, database);

        Assert.Equal(
            ["(92256ac9-495a-4ba2-aecc-fa4ce6756baa,Ada,ada@example.com)", "(f5a14a55-0629-41d3-8ea6-0172b542c6b4,Dev,dev@example.com)"],
            converted.Rows["public.users"]);
        Assert.Equal(
            ["(1,\"Launch video\",92256ac9-495a-4ba2-aecc-fa4ce6756baa)", "(2,\"Dev project\",f5a14a55-0629-41d3-8ea6-0172b542c6b4)"],
            converted.Rows["public.projects"]);
        Assert.Equal(
            ["(1,github,1001,92256ac9-495a-4ba2-aecc-fa4ce6756baa)", "(2,google,2002,f5a14a55-0629-41d3-8ea6-0172b542c6b4)"],
            converted.Rows["public.accounts"]);
        Assert.Contains("column public.users.id uuid not null", converted.Schema);
        Assert.Contains("column public.projects.userId uuid not null", converted.Schema);
        Assert.Contains("column public.accounts.userId uuid not null", converted.Schema);
        Assert.Contains("constraint public.projects FK_projects_users_userId FOREIGN KEY (\"userId\") REFERENCES users(id) ON DELETE CASCADE", converted.Schema);
        Assert.Contains("constraint public.accounts FK_accounts_users_userId FOREIGN KEY (\"userId\") REFERENCES users(id) ON DELETE CASCADE", converted.Schema);

        compiled.Migrate(DatabaseProvider.PostgreSql, database, BeforeId);
        var reverted = DatabaseSnapshot.Take(DatabaseProvider.PostgreSql, database);
        Assert.Equal(before.Schema, reverted.Schema);
        Assert.Equal(
            before.Data.Replace("F5A14A55-0629-41D3-8EA6-0172B542C6B4", "f5a14a55-0629-41d3-8ea6-0172b542c6b4", StringComparison.Ordinal),
            reverted.Data);
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string Read(string relativePath) => File.ReadAllText(Path(relativePath)).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Path(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return System.IO.Path.Combine(directory.FullName, relativePath);
            }
        }

        throw new InvalidOperationException("No Analyzers.sln above " + AppContext.BaseDirectory + ": run the tests from a build inside the repository.");
    }
}
