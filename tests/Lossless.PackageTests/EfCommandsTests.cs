using System.Text.RegularExpressions;
using Lossless.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace Lossless.PackageTests;

/// <summary>
/// EF Core's own commands build the project first: a migration Lossless reports as an error blocks them, including the
/// `dotnet ef migrations remove` that would undo it. `Lossless=off` takes the analyzers out of that build (README,
/// docs/configuration.md). Run with the real dotnet-ef, pinned to EF Core 10 as a local tool, on a SQLite project, so
/// that `migrations remove` can check its database without a server.
/// </summary>
[Collection(ConsumerCollection.Name)]
public sealed class EfCommandsTests(LocalFeed feed, ITestOutputHelper output)
{
    private readonly Dictionary<string, string?> _losslessOff = new() { ["Lossless"] = "off" };

    private readonly Dictionary<string, string?> _losslessOn = new() { ["Lossless"] = null };

    [Fact]
    public async Task ScaffoldedDangerousMigration_BlocksDotnetEf_UntilLosslessIsOff_ThenEfRemovesIt()
    {
        var project = feed.NewFolder("efshop");
        var migrations = Path.Combine(project, "Migrations");
        var projectFile = Path.Combine(project, "EfShop.csproj");
        File.WriteAllText(projectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="{Repository.EFCoreVersion}" />
                <PackageReference Include="Microsoft.EntityFrameworkCore.Design" Version="{Repository.EFCoreVersion}" PrivateAssets="all" />
                <PackageReference Include="Lossless.EntityFrameworkCore" Version="{feed.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "ShopContext.cs"), """
            using Microsoft.EntityFrameworkCore;

            namespace EfShop;

            public class ShopContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();

                protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
                    optionsBuilder.UseSqlite("Data Source=shop.db");
            }
            """);
        WriteOrder(project, "double");

        // The CLI remembers where it found each local tool (~/.dotnet/toolResolverCache); a path into an earlier run's
        // packages folder, deleted since, would make `dotnet ef` ask for `dotnet tool restore`. Each run gets its own.
        var cliHome = Path.Combine(project, ".dotnet-home");
        Directory.CreateDirectory(cliHome);
        _losslessOn["DOTNET_CLI_HOME"] = cliHome;
        _losslessOff["DOTNET_CLI_HOME"] = cliHome;

        // dotnet-ef as a local tool, the version of the project's EF Core (a dotnet-ef 11 refuses EF Core 10 projects).
        await Expect(0, Command.RunAsync("dotnet", project, _losslessOn, "new", "tool-manifest"));
        await Expect(0, Command.RunAsync("dotnet", project, _losslessOn, "tool", "install", "dotnet-ef", "--version", Repository.EFCoreVersion));
        await Expect(0, Command.RunAsync("dotnet", project, _losslessOn, "restore"));

        await Expect(0, Ef(_losslessOn, project, "migrations", "add", "Initial"));
        var snapshot = Path.Combine(migrations, "ShopContextModelSnapshot.cs");
        Assert.Contains("b.Property<double>(\"Price\")", File.ReadAllText(snapshot), StringComparison.Ordinal);

        // The price becomes an integer: EF scaffolds an AlterColumn from REAL to INTEGER, which on SQLite leaves every
        // fraction in place as a real that the application reads truncated (LL1001, an error).
        WriteOrder(project, "int");
        await Expect(0, Ef(_losslessOn, project, "migrations", "add", "PriceToInteger"));
        Assert.Contains("b.Property<int>(\"Price\")", File.ReadAllText(snapshot), StringComparison.Ordinal);
        var dangerous = Assert.Single(Directory.GetFiles(migrations, "*_PriceToInteger.cs"), static f => !f.EndsWith(".Designer.cs", StringComparison.Ordinal));
        var (line, column) = ShopProject.PositionOf(File.ReadAllText(dangerous), "AlterColumn");
        var error = $"{dangerous}({line},{column}): error LL1001: ";

        var build = await Expect(1, Command.DotNetAsync(project, "build", "--no-restore", "-tl:off", "-clp:NoSummary"));
        AssertReportsLL1001(build, error);

        // EF's own undo is blocked by the error it would undo, and says only that the build failed.
        var blocked = await Expect(1, Ef(_losslessOn, project, "migrations", "remove"));
        Assert.Contains(blocked.Lines, static l => l.StartsWith("Build failed.", StringComparison.Ordinal));
        Assert.True(File.Exists(dangerous));

        // Lossless=off as a property: the build says so and succeeds, and EF's command runs on it without building again.
        var off = await Expect(0, Command.DotNetAsync(project, "build", "--no-restore", "-tl:off", "-clp:NoSummary", "-p:Lossless=off"));
        Assert.Contains("Lossless is off for EfShop (Lossless=off): its analyzers are not run in this build.", off.Lines);
        Assert.DoesNotContain(off.Lines, static l => l.Contains(" LL", StringComparison.Ordinal));
        var list = await Expect(0, Ef(_losslessOn, project, "migrations", "list", "--no-build", "--no-color"));
        Assert.Contains(list.Lines, static l => Regex.IsMatch(l, @"^[0-9]{14}_Initial \(Pending\)$"));
        Assert.Contains(list.Lines, static l => Regex.IsMatch(l, @"^[0-9]{14}_PriceToInteger \(Pending\)$"));

        // That build left an assembly compiled without Lossless; the next plain build compiles again and reports again.
        var again = await Expect(1, Command.DotNetAsync(project, "build", "--no-restore", "-tl:off", "-clp:NoSummary"));
        AssertReportsLL1001(again, error);

        // Lossless=off as an environment variable: it reaches the build EF's command runs, and EF undoes the migration.
        await Expect(0, Ef(_losslessOff, project, "migrations", "remove"));
        Assert.Empty(Directory.GetFiles(migrations, "*_PriceToInteger*"));
        // ... and the model snapshot is the initial migration's again.
        var restored = File.ReadAllText(snapshot);
        Assert.Contains("b.Property<double>(\"Price\")", restored, StringComparison.Ordinal);
        Assert.DoesNotContain("b.Property<int>(\"Price\")", restored, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(migrations, "*_Initial.cs"));
    }

    private static void WriteOrder(string project, string priceType) =>
        File.WriteAllText(Path.Combine(project, "Order.cs"), $$"""
            namespace EfShop;

            public class Order
            {
                public int Id { get; set; }

                public {{priceType}} Price { get; set; }
            }
            """);

    private static void AssertReportsLL1001(CommandResult build, string error)
    {
        var line = Assert.Single(build.Lines.Distinct(), l => l.Contains(" LL", StringComparison.Ordinal));
        Assert.StartsWith(error, line, StringComparison.Ordinal);
        Assert.Contains("'Orders.Price'", line, StringComparison.Ordinal);
        Assert.Contains("'REAL'", line, StringComparison.Ordinal);
        Assert.Contains("'INTEGER'", line, StringComparison.Ordinal);
    }

    private static Task<CommandResult> Ef(IReadOnlyDictionary<string, string?> environment, string project, params string[] arguments) =>
        Command.RunAsync("dotnet", project, environment, ["ef", .. arguments]);

    private async Task<CommandResult> Expect(int exitCode, Task<CommandResult> command)
    {
        var result = await command;
        output.WriteLine(result.ToString());
        Assert.True(exitCode == 0 ? result.ExitCode == 0 : result.ExitCode != 0, $"expected exit code {(exitCode == 0 ? "0" : "not 0")}:\n{result}");
        return result;
    }
}
