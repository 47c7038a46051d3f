namespace Lossless.PackageTests.Infrastructure;

internal static class Packer
{
    public const string PackageId = "Lossless.EntityFrameworkCore";

    /// <summary>
    /// Packs src/Lossless.Package from the assemblies the test build already made (same configuration) and
    /// returns the nupkg's path. A <paramref name="version"/> gives the package a version no cache can hold.
    /// </summary>
    public static async Task<string> PackAsync(string outputDirectory, string? version = null)
    {
        List<string> arguments =
        [
            "pack", Repository.PackageProject, "-c", Repository.Configuration, "--no-build", "-o", outputDirectory,
            "--nologo", "-tl:off",
        ];
        if (version is not null)
        {
            arguments.Add($"-p:PackageVersion={version}");
        }

        var result = await Command.DotNetAsync(Repository.Root, [.. arguments]);
        Assert.True(result.ExitCode == 0, result.ToString());

        var expected = Path.Combine(outputDirectory, $"{PackageId}.{version ?? Repository.LosslessVersion}.nupkg");
        Assert.True(File.Exists(expected), $"{expected} was not created.\n{result}");
        return expected;
    }
}
