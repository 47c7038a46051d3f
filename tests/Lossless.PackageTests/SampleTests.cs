using System.Text.RegularExpressions;
using Lossless.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace Lossless.PackageTests;

/// <summary>README's first command: samples/run.sh replays incident 0024 against the packed analyzer.</summary>
public sealed class SampleTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Npgsql", "Migrations", "character varying(255)", "uuid")]
    [InlineData("SqlServer", "SqlServerMigrations", "nvarchar(255)", "uniqueidentifier")]
    public async Task IncidentSample_RunScript_ReportsLL1003OnUsersIdAndProjectsUserId(
        string provider, string folder, string oldType, string newType)
    {
        var run = await Command.RunAsync("bash", Repository.Root, Path.Combine(Repository.Root, "samples", "run.sh"), provider);
        output.WriteLine(run.ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        var incident = $"samples/Lossless.Sample/{folder}/20250117120000_YummyChamber.cs";

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
}
