using System.Text.RegularExpressions;
using Lossless.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace Lossless.PackageTests;

/// <summary>README's first command: samples/run.sh replays incident 0024 against the packed analyzer.</summary>
public sealed class SampleTests(ITestOutputHelper output)
{
    /// <summary>
    /// On this machine as it is (CI's is fresh). The default provider, README's `./samples/run.sh`, runs in
    /// <see cref="AfterReadmeInstallSteps_RunScript_StillBuildsThePackageItPacks"/>, on top of a user's cache.
    /// </summary>
    [Fact]
    public async Task IncidentSample_RunScriptSqlServer_ReportsLL1003OnUsersIdAndProjectsUserId()
    {
        var run = await Command.RunAsync("bash", Repository.Root, Path.Combine(Repository.Root, "samples", "run.sh"), "SqlServer");
        output.WriteLine(run.ToString());

        AssertIncidentCaught(run, "SqlServer");
    }

    /// <summary>The incident's silent face: on SQLite YummyChamber is empty, and LL1010 names the three id columns on its Up.</summary>
    [Fact]
    public async Task IncidentSample_RunScriptSqlite_ReportsLL1010OnTheEmptyMigration()
    {
        var run = await Command.RunAsync("bash", Repository.Root, Path.Combine(Repository.Root, "samples", "run.sh"), "sqlite");
        output.WriteLine(run.ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var column in new[] { "users.id", "accounts.userId", "projects.userId" })
        {
            Assert.Contains($"SqliteMigrations/20250117120000_YummyChamber.cs(11,33): warning LL1010: Changing the CLR type of '{column}' from string to Guid keeps its SQLite column type TEXT", run.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("LL1003", run.Output, StringComparison.Ordinal);
        Assert.Contains("incident 0024's silent face caught (Sqlite)", run.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// README's Install steps, followed word for word by a user whose home is a temporary folder, put
    /// Lossless.EntityFrameworkCore 0.1.0 into that user's NuGet cache; samples/run.sh, which reads that cache as a
    /// fallback, must still build the sample against the package it packs, not against the cached 0.1.0.
    /// </summary>
    [Fact]
    public async Task AfterReadmeInstallSteps_RunScript_StillBuildsThePackageItPacks()
    {
        using var home = new TemporaryDirectory("home");
        var userPackages = Path.Combine(home.Path, ".nuget", "packages");
        LinkMachinePackages(userPackages);
        var user = new Dictionary<string, string?> { ["HOME"] = home.Path, ["NUGET_PACKAGES"] = null, ["DOTNET_CLI_HOME"] = null };

        // "in your project's folder": a project of the user's.
        var app = Path.Combine(home.Path, "app");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);

        var steps = InstallSteps();
        Assert.Equal(3, steps.Count);
        foreach (var step in steps)
        {
            var folder = step.StartsWith("dotnet add package ", StringComparison.Ordinal) ? app : Repository.Root;
            var result = await Command.RunAsync("bash", folder, user, "-c", step);
            output.WriteLine(result.ToString());
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        var cached = Path.Combine(userPackages, "lossless.entityframeworkcore", Repository.LosslessVersion);
        Assert.True(Directory.Exists(cached), $"the Install steps did not put {Repository.LosslessVersion} into the user's cache ({cached})");

        var run = await Command.RunAsync("bash", Repository.Root, user, Path.Combine(Repository.Root, "samples", "run.sh"), "Npgsql");
        output.WriteLine(run.ToString());
        AssertIncidentCaught(run, "Npgsql");
    }

    private static void AssertIncidentCaught(CommandResult run, string provider)
    {
        var (folder, oldType, newType) = provider == "Npgsql"
            ? ("Migrations", "character varying(255)", "uuid")
            : ("SqlServerMigrations", "nvarchar(255)", "uniqueidentifier");

        Assert.True(run.ExitCode == 0, run.ToString());
        var incident = $"samples/Lossless.Sample/{folder}/20250117120000_YummyChamber.cs";

        // The package packed by this run, with a version no cache holds, is the one the sample was built against.
        var packed = Assert.Single(run.Lines, static l => l.StartsWith("artifacts/packages/Lossless.EntityFrameworkCore.", StringComparison.Ordinal));
        var version = Regex.Match(packed, @"^artifacts/packages/Lossless\.EntityFrameworkCore\.(?<version>.+)\.nupkg$").Groups["version"].Value;
        Assert.Matches($"^{Regex.Escape(Repository.LosslessVersion)}-local\\.[0-9]{{14}}$", version);
        Assert.Contains($"== build samples/Lossless.Sample ({provider}) against Lossless.EntityFrameworkCore {version} (expected to fail)", run.Lines);

        // migrationBuilder.AlterColumn<Guid>(name: "id", table: "users", ...) is the first operation of Up.
        var usersId = new Regex(
            "^" + Regex.Escape(incident) + @"\(14,30\): error LL1003: " +
            $@"Changing primary-key column 'users\.id' from '{Regex.Escape(oldType)}' to '{Regex.Escape(newType)}' \S.*; (?<relationships>.+)$");
        var match = Assert.Single(run.Lines, usersId.IsMatch);
        var relationships = usersId.Match(match).Groups["relationships"].Value;
        Assert.Contains("projects.userId", relationships, StringComparison.Ordinal);
        Assert.Contains("accounts.userId", relationships, StringComparison.Ordinal);
        // The incident's shape: the migration leaves one referencing column behind with the old type.
        Assert.Contains($"leaves accounts.userId as '{oldType}'", relationships, StringComparison.Ordinal);

        // ... and AlterColumn<Guid>(name: "userId", table: "projects", ...) the second.
        var projectsUserId = new Regex(
            "^" + Regex.Escape(incident) + @"\(23,30\): error LL1003: " +
            $@"Changing foreign-key column 'projects\.userId' from '{Regex.Escape(oldType)}' to '{Regex.Escape(newType)}' \S.*; .*users\.id.*$");
        Assert.Single(run.Lines, projectsUserId.IsMatch);

        // The widening migration (varchar(100) -> varchar(200)) stays silent, and so does the initial one.
        Assert.DoesNotContain(run.Lines, l => l.Contains("_LongerProjectTitles.cs(", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Lines, l => l.Contains("_InitialCreate.cs(", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith($"incident 0024 caught ({provider}): ", StringComparison.Ordinal));
    }

    /// <summary>The commands of README's first Install block, as a user would type them.</summary>
    private static List<string> InstallSteps()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var install = readme[readme.IndexOf("\n## Install\n", StringComparison.Ordinal)..];
        var start = install.IndexOf("```bash\n", StringComparison.Ordinal) + "```bash\n".Length;
        var block = install[start..install.IndexOf("```", start, StringComparison.Ordinal)];
        return [.. block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    /// <summary>
    /// The temporary user's NuGet cache holds what the machine's holds, linked, so that nothing is downloaded again;
    /// Lossless.EntityFrameworkCore is left out: the Install steps put it there.
    /// </summary>
    private static void LinkMachinePackages(string userPackages)
    {
        Directory.CreateDirectory(userPackages);
        if (!Directory.Exists(LocalFeed.MachinePackages))
        {
            return;
        }

        foreach (var package in Directory.GetDirectories(LocalFeed.MachinePackages))
        {
            var name = Path.GetFileName(package);
            if (name != "lossless.entityframeworkcore")
            {
                Directory.CreateSymbolicLink(Path.Combine(userPackages, name), package);
            }
        }
    }
}
