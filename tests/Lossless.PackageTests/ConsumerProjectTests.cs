using System.Text.Json;
using Lossless.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace Lossless.PackageTests;

/// <summary>The package as users install it: a fresh project restores the nupkg from a folder feed and builds.</summary>
[Collection(ConsumerCollection.Name)]
public sealed class ConsumerProjectTests(LocalFeed feed, ITestOutputHelper output)
{
    [Fact]
    public async Task TextToIntegerMigration_BuiltAgainstPackage_ReportsLL1002_AndEachWayOfGatingItFailsTheBuild()
    {
        var project = feed.NewFolder("shop");
        var projectFile = ShopProject.Create(project, feed.Version);

        var build = await Build(project);

        Assert.True(build.ExitCode == 0, "A warning must not fail the user's build.\n" + build);
        Assert.True(
            Directory.Exists(Path.Combine(feed.Packages, "lossless.entityframeworkcore", feed.Version, "analyzers", "dotnet", "cs")),
            "The package was not restored from the local feed into the isolated packages folder.");
        if (Directory.Exists(Path.Combine(LocalFeed.MachinePackages, "microsoft.entityframeworkcore.relational", Repository.EFCoreVersion)))
        {
            // The machine's cache served EF Core: nothing was downloaded again.
            Assert.False(Directory.Exists(Path.Combine(feed.Packages, "microsoft.entityframeworkcore.relational")));
        }

        var (line, column) = ShopProject.PositionOf(ShopProject.Migration, "AlterColumn");
        var location = Path.Combine(project, ShopProject.MigrationFile) + $"({line},{column})";
        var suffix = $" ({ShopProject.HelpUriPrefix}LL1002.md) [{projectFile}]";
        var reported = Array.FindAll(build.Lines, l => l.Contains(" LL", StringComparison.Ordinal));

        // One operation, one diagnostic: nothing else from Lossless in this project.
        Assert.Equal([$"{location}: warning LL1002: {ShopProject.Message}{suffix}"], reported.Distinct());

        // Neither command-line gate changes the compiler's inputs: right after that successful build, an incremental build
        // with one compiles nothing and reports nothing (docs/ci.md says so; CI's checkout is fresh).
        var incremental = await Build(project, ["--no-restore", "-warnaserror:LL1002"]);
        Assert.Equal(0, incremental.ExitCode);
        Assert.DoesNotContain(incremental.Lines, static l => l.Contains(" LL", StringComparison.Ordinal));

        // The ways a team makes the build fail on a warning-level rule (docs/ci.md), each fails a build that compiles. MSBuild's
        // switch turns the logged warning into an error, the property makes it the compiler's error: SARIF tells them apart.
        (string How, string Argument, string SarifLevel)[] gates =
        [
            ("MSBuild's -warnaserror switch", "-warnaserror:LL1002", "warning"),
            ("the compiler's WarningsAsErrors property", "-p:WarningsAsErrors=LL1002", "error"),
        ];
        foreach (var (how, argument, sarifLevel) in gates)
        {
            var sarif = Path.Combine(project, "gate.sarif");
            var gated = await Build(project, ["--no-restore", "--no-incremental", argument, $"-p:ErrorLog={sarif}%2Cversion=2.1"]);
            Assert.True(gated.ExitCode != 0, $"{how} did not fail the build.\n{gated}");
            Assert.Contains($"{location}: error LL1002: {ShopProject.Message}{suffix}", gated.Lines);

            using var log = JsonDocument.Parse(File.ReadAllText(sarif));
            var result = Assert.Single(
                Assert.Single(log.RootElement.GetProperty("runs").EnumerateArray()).GetProperty("results").EnumerateArray(),
                static r => r.GetProperty("ruleId").GetString() == "LL1002");
            Assert.Equal(sarifLevel, result.GetProperty("level").GetString());
        }

        // ... and in .editorconfig, as for any analyzer.
        File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.LL1002.severity = error\n");
        var strict = await Build(project, ["--no-restore"]);
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains($"{location}: error LL1002: {ShopProject.Message}{suffix}", strict.Lines);
    }

    private async Task<CommandResult> Build(string project, string[]? arguments = null)
    {
        var result = await Command.DotNetAsync(project, ["build", "--nologo", "-tl:off", "-clp:NoSummary", .. arguments ?? []]);
        output.WriteLine(result.ToString());
        return result;
    }
}
