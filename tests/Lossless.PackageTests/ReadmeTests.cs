using System.Text.RegularExpressions;
using Lossless.PackageTests.Infrastructure;

namespace Lossless.PackageTests;

/// <summary>README's EF Core steps name the EF Core version the tests use (without one, NuGet takes EF Core 11, which needs .NET 11).</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

    [Theory]
    [InlineData("dotnet add package Microsoft.EntityFrameworkCore.Design --version {0}")]
    [InlineData("dotnet tool install --global dotnet-ef --version {0}")]
    public void EFCoreStep_NamesTheTestedVersion(string step)
    {
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, step, Repository.EFCoreVersion), Readme, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEFCoreInstallCommand_NamesAVersion()
    {
        var commands = Regex.Matches(Readme, @"dotnet (add package|tool install)[^\n`]*(EntityFrameworkCore|dotnet-ef)[^\n`]*");
        Assert.NotEmpty(commands);
        Assert.All(commands, static command => Assert.Contains(" --version ", command.Value, StringComparison.Ordinal));
    }
}
