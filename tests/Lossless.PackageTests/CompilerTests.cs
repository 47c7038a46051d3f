using System.Text.Json;
using Lossless.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace Lossless.PackageTests;

/// <summary>
/// The analyzers load in the compilers people have, not only in this SDK's: README states the floor (Roslyn 4.8, which
/// PackageContentsTests hold the assemblies to) and this builds a consumer with the .NET 9 SDK's compiler.
/// </summary>
[Collection(ConsumerCollection.Name)]
public sealed class CompilerTests(LocalFeed feed, ITestOutputHelper output)
{
    /// <summary>The compiler of the .NET 9 SDK (9.0.3xx), the newest one before Roslyn 5.</summary>
    private const string Net9SdkCompiler = "4.14.0";

    [Fact]
    public async Task Net9SdkCompiler_LoadsTheAnalyzers_AndReports()
    {
        var project = feed.NewFolder("compiler");
        ShopProject.Create(project, feed.Version, $"""
                <PackageReference Include="Microsoft.Net.Compilers.Toolset" Version="{Net9SdkCompiler}" PrivateAssets="all" />

            """);
        var sarif = Path.Combine(project, "build.sarif");

        // RoslynCompilerType=Custom: the .NET 10 SDK replaces a compiler package's paths unless told the package sets them
        // (packages from 5.0 on say so themselves).
        var build = await Command.DotNetAsync(
            project, "build", "--nologo", "-tl:off", "-clp:NoSummary", "-p:RoslynCompilerType=Custom", $"-p:ErrorLog={sarif}%2Cversion=2.1");
        output.WriteLine(build.ToString());
        Assert.True(build.ExitCode == 0, build.ToString());

        // The compiler that ran is the package's.
        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        var run = Assert.Single(log.RootElement.GetProperty("runs").EnumerateArray());
        var version = run.GetProperty("tool").GetProperty("driver").GetProperty("version").GetString();
        Assert.StartsWith(Net9SdkCompiler + "-", version, StringComparison.Ordinal);

        // No analyzer of Lossless failed to load (CS8032: cannot create an instance; CS9057: built for a newer compiler)
        // or threw (AD0001).
        Assert.DoesNotContain(build.Lines, static l =>
            (l.Contains("CS8032", StringComparison.Ordinal) || l.Contains("CS9057", StringComparison.Ordinal) || l.Contains("AD0001", StringComparison.Ordinal))
            && (l.Contains("Lossless.Analyzers", StringComparison.Ordinal) || l.Contains("Lossless.CodeFixes", StringComparison.Ordinal)));

        var (line, column) = ShopProject.PositionOf(ShopProject.Migration, "AlterColumn");
        var reported = Array.FindAll(build.Lines, static l => l.Contains(" LL", StringComparison.Ordinal));
        Assert.Equal(
            [$"{Path.Combine(project, ShopProject.MigrationFile)}({line},{column}): warning LL1002: {ShopProject.Message} ({ShopProject.HelpUriPrefix}LL1002.md) [{Path.Combine(project, "Shop.csproj")}]"],
            reported.Distinct());
    }
}
