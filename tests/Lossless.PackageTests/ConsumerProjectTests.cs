using System.Text.RegularExpressions;
using Lossless.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace Lossless.PackageTests;

/// <summary>The package as users install it: a fresh project restores the nupkg from a folder feed and builds.</summary>
public sealed class ConsumerProjectTests(ITestOutputHelper output)
{
    private const string MigrationFile = "Migrations/20250301090000_OrderQuantityToInteger.cs";

    private const string Migration = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Migrations
        {
            [DbContext(typeof(ShopContext))]
            [Migration("20250301090000_OrderQuantityToInteger")]
            public partial class OrderQuantityToInteger : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<int>(
                        name: "quantity",
                        table: "orders",
                        type: "integer",
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "text");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(
                        name: "quantity",
                        table: "orders",
                        type: "text",
                        nullable: false,
                        oldClrType: typeof(int),
                        oldType: "integer");
                }
            }
        }
        """;

    private const string Context = """
        using Microsoft.EntityFrameworkCore;

        namespace Shop;

        public class ShopContext : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
                optionsBuilder.UseNpgsql("Host=localhost;Database=shop");
        }
        """;

    [Fact]
    public async Task TextToIntegerMigration_BuiltAgainstPackage_ReportsLL1002()
    {
        using var work = new TemporaryDirectory("consumer");
        var feed = work.Combine("feed");
        var isolatedPackages = work.Combine("packages");
        var machinePackages = MachinePackagesFolder();

        // A version no cache can hold: what is restored is the package packed here and now.
        var version = $"{Repository.LosslessVersion}-packagetest.{DateTime.UtcNow:yyyyMMddHHmmss}";
        await Packer.PackAsync(feed, version);

        var project = work.Combine("Shop");
        Directory.CreateDirectory(Path.Combine(project, "Migrations"));
        File.WriteAllText(work.Combine("NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{isolatedPackages}" />
              </config>
              <fallbackPackageFolders>
                <clear />
                <add key="machine" value="{machinePackages}" />
              </fallbackPackageFolders>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="Lossless.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, "Shop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.EntityFrameworkCore.Relational" Version="{Repository.EFCoreVersion}" />
                <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="{Repository.NpgsqlEFCoreVersion}" />
                <PackageReference Include="Lossless.EntityFrameworkCore" Version="{version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "ShopContext.cs"), Context);
        File.WriteAllText(Path.Combine(project, MigrationFile), Migration);

        var build = await Command.DotNetAsync(project, "build", "--nologo", "-tl:off", "-clp:NoSummary");
        output.WriteLine(build.ToString());

        Assert.True(build.ExitCode == 0, "A warning must not fail the user's build.\n" + build);
        Assert.True(
            Directory.Exists(Path.Combine(isolatedPackages, "lossless.entityframeworkcore", version, "analyzers", "dotnet", "cs")),
            "The package was not restored from the local feed into the isolated packages folder.");
        if (Directory.Exists(Path.Combine(machinePackages, "microsoft.entityframeworkcore.relational", Repository.EFCoreVersion)))
        {
            // The machine's cache served EF Core: nothing was downloaded again.
            Assert.False(Directory.Exists(Path.Combine(isolatedPackages, "microsoft.entityframeworkcore.relational")));
        }

        var (line, column) = PositionOf(Migration, "AlterColumn");
        var pattern = new Regex(
            "^" + Regex.Escape(Path.Combine(project, MigrationFile)) + $@"\({line},{column}\): warning LL1002: " +
            Regex.Escape(Message) + @" \(https://github\.com/lossless-efcore/lossless/blob/main/docs/rules/LL1002\.md\)" +
            @" \[" + Regex.Escape(Path.Combine(project, "Shop.csproj")) + @"\]$");
        var reported = Array.FindAll(build.Lines, l => l.Contains(" LL", StringComparison.Ordinal));
        Assert.Contains(reported, pattern.IsMatch);

        // One operation, one diagnostic: nothing else from Lossless in this project.
        Assert.All(reported, l => Assert.Matches(pattern, l));

        // A team that wants the build to fail on it says so in .editorconfig, as for any analyzer.
        File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.LL1002.severity = error\n");
        var strict = await Command.DotNetAsync(project, "build", "--nologo", "-tl:off", "-clp:NoSummary", "--no-restore");
        output.WriteLine(strict.ToString());
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains(strict.Lines, l => l.Contains($"({line},{column}): error LL1002: " + Message, StringComparison.Ordinal));
    }

    private const string Message = "Changing column 'orders.quantity' from 'text' to 'integer' fails on every database, even when every value is a valid integer in the range of integer: PostgreSQL has no cast from text to integer without USING, and EF Core writes none";

    private static string MachinePackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>1-based line and column of the first occurrence, as the compiler prints them.</summary>
    private static (int Line, int Column) PositionOf(string source, string text)
    {
        var index = source.IndexOf(text, StringComparison.Ordinal);
        var before = source[..index];
        return (before.Split('\n').Length, index - before.LastIndexOf('\n'));
    }
}
