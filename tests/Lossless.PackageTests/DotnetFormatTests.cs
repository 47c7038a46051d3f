using Lossless.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace Lossless.PackageTests;

/// <summary>
/// The real <c>dotnet format analyzers</c>, with the package as users install it, over a project of four dangerous
/// migrations holding seven rule ids between them, one written with expression bodies (DotnetFormat/Project): one run fixes every diagnostic, and the whole
/// project comes out exactly as DotnetFormat/Expected says. dotnet format runs the ids one after another in an order
/// that changes from run to run; before the one Fix All strategy, a run fixed one rule's diagnostics and not another's.
/// Regenerate the expected files with LOSSLESS_UPDATE_FORMAT=1 (then read the diff).
/// </summary>
[Collection(ConsumerCollection.Name)]
public sealed class DotnetFormatTests(LocalFeed feed, ITestOutputHelper output)
{
    private static string Data => Path.Combine(Repository.Root, "tests", "Lossless.PackageTests", "DotnetFormat");

    [Fact]
    public async Task DotnetFormatAnalyzers_FixesEveryDiagnosticOfEveryMigration_InOneRun()
    {
        var project = await RestoredProjectAsync("format-all");

        var format = await RunAsync(project, "format", "analyzers", "--no-restore");
        Assert.True(format.ExitCode == 0, format.ToString());
        AssertProjectIs(project, "all");

        // It compiles, and all Lossless still reports is the two values a person must choose (LL1007 on the AlterColumns
        // the fixes wrote), saying so.
        var build = await RunAsync(project, "build", "--no-restore", "--nologo", "-tl:off", "-clp:NoSummary");
        Assert.True(build.ExitCode == 0, build.ToString());
        var reported = build.Lines.Where(static l => l.Contains(" LL", StringComparison.Ordinal)).Select(static l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..]).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, reported.Count);
        Assert.All(reported, static l => Assert.Matches("^warning LL1007: Making column 'users\\.(age|email)' required fails on every row that holds NULL: the backfill value marked 'lossless: choose' has not been chosen yet ", l));
    }

    [Fact]
    public async Task DotnetFormatAnalyzers_WithTwoIds_FixesBothIdsAndNothingElse()
    {
        var project = await RestoredProjectAsync("format-ids");

        var format = await RunAsync(project, "format", "analyzers", "--no-restore", "--diagnostics", "LL1001", "LL1002");
        Assert.True(format.ExitCode == 0, format.ToString());
        AssertProjectIs(project, "LL1001-LL1002");
    }

    private async Task<string> RestoredProjectAsync(string name)
    {
        var project = feed.NewFolder(name);
        foreach (var file in Directory.GetFiles(Path.Combine(Data, "Project"), "*.cs", SearchOption.AllDirectories))
        {
            var target = Path.Combine(project, Path.GetRelativePath(Path.Combine(Data, "Project"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(project, "FormatShop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.EntityFrameworkCore.Relational" Version="{Repository.EFCoreVersion}" />
                <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="{Repository.NpgsqlEFCoreVersion}" />
                <PackageReference Include="Lossless.EntityFrameworkCore" Version="{feed.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        var restore = await RunAsync(project, "restore");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        return project;
    }

    /// <summary>Every source of the project equals the expected file of <paramref name="expected"/>, or the original when none is expected to change.</summary>
    private static void AssertProjectIs(string project, string expected)
    {
        var expectedFolder = Path.Combine(Data, "Expected", expected);
        var update = Environment.GetEnvironmentVariable("LOSSLESS_UPDATE_FORMAT") == "1";
        foreach (var file in Directory.GetFiles(Path.Combine(Data, "Project"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Path.Combine(Data, "Project"), file);
            var actual = File.ReadAllText(Path.Combine(project, relative)).Replace("\r\n", "\n", StringComparison.Ordinal);
            var original = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
            var expectedFile = Path.Combine(expectedFolder, relative);
            if (update && actual != original)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(expectedFile)!);
                File.WriteAllText(expectedFile, actual);
            }

            var wanted = File.Exists(expectedFile) ? File.ReadAllText(expectedFile).Replace("\r\n", "\n", StringComparison.Ordinal) : original;
            Assert.True(wanted == actual, $"{relative} after dotnet format differs from {(File.Exists(expectedFile) ? expectedFile : "the original")}:\n{actual}");
        }
    }

    private async Task<CommandResult> RunAsync(string project, params string[] arguments)
    {
        var result = await Command.DotNetAsync(project, arguments);
        output.WriteLine(result.ToString());
        return result;
    }
}
