using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Lossless.PackageTests.Infrastructure;

namespace Lossless.PackageTests;

public sealed class PackageContentsTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    private const string AnalyzersFolder = "analyzers/dotnet/cs/";

    /// <summary>NuGet imports build/&lt;id&gt;.targets into every project that references the package: the Lossless=off switch.</summary>
    private const string BuildTargets = "build/Lossless.EntityFrameworkCore.targets";

    [Fact]
    public void Nupkg_FileName_IsIdAndVersion()
    {
        Assert.Equal($"Lossless.EntityFrameworkCore.{Repository.LosslessVersion}.nupkg", Path.GetFileName(package.NupkgPath));
    }

    [Fact]
    public void Nupkg_Content_IsExactlyTheTwoAnalyzerAssembliesTheBuildTargetsReadmeAndLicense()
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        var content = new List<string>();
        foreach (var entry in zip.Entries)
        {
            // The packaging parts every nupkg has (OPC relationships, content types, core properties, nuspec).
            if (entry.FullName is "_rels/.rels" or "[Content_Types].xml" or "Lossless.EntityFrameworkCore.nuspec"
                || entry.FullName.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal))
            {
                continue;
            }

            content.Add(entry.FullName);
        }

        content.Sort(StringComparer.Ordinal);
        Assert.Equal(
            [
                "LICENSE", "README.md", AnalyzersFolder + "Lossless.Analyzers.dll", AnalyzersFolder + "Lossless.CodeFixes.dll",
                BuildTargets,
            ],
            content);
    }

    [Theory]
    [InlineData("Lossless.Analyzers")]
    [InlineData("Lossless.CodeFixes")]
    public void AnalyzerAssembly_IsTheOneBuiltInThisConfiguration(string name)
    {
        var built = Path.Combine(Repository.Root, "src", name, "bin", Repository.Configuration, "netstandard2.0", name + ".dll");

        Assert.Equal(File.ReadAllBytes(built), ReadEntry(AnalyzersFolder + name + ".dll"));
    }

    [Fact]
    public void AnalyzerAssembly_References_NoRoslynAbove480()
    {
        // Users' compilers load the package: an analyzer built on a newer Roslyn fails to load in older SDKs.
        AssertRoslynReferencesAtMost480("Lossless.Analyzers", mustReferenceRoslyn: true);
    }

    [Fact]
    public void CodeFixAssembly_References_NoRoslynAbove480()
    {
        AssertRoslynReferencesAtMost480("Lossless.CodeFixes", mustReferenceRoslyn: false);
    }

    private void AssertRoslynReferencesAtMost480(string name, bool mustReferenceRoslyn)
    {
        using var pe = new PEReader(new MemoryStream(ReadEntry(AnalyzersFolder + name + ".dll")));
        var metadata = pe.GetMetadataReader();
        var roslyn = new List<string>();
        foreach (var handle in metadata.AssemblyReferences)
        {
            var reference = metadata.GetAssemblyReference(handle);
            var referenceName = metadata.GetString(reference.Name);
            if (referenceName.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            {
                roslyn.Add(referenceName);
                Assert.True(reference.Version <= new Version(4, 8, 0, 0), $"{name} references {referenceName} {reference.Version}.");
            }
        }

        if (mustReferenceRoslyn)
        {
            Assert.Contains("Microsoft.CodeAnalysis", roslyn);
        }
    }

    [Fact]
    public void Nuspec_Metadata_IsADevelopmentDependencyWithNoDependencies()
    {
        var root = ReadNuspec().Root!;
        var ns = root.Name.Namespace;
        var metadata = root.Element(ns + "metadata")!;

        Assert.Equal("Lossless.EntityFrameworkCore", metadata.Element(ns + "id")?.Value);
        Assert.Equal(Repository.LosslessVersion, metadata.Element(ns + "version")?.Value);
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")?.Value);
        Assert.Null(metadata.Element(ns + "dependencies"));
        Assert.Null(metadata.Element(ns + "frameworkAssemblies"));
        Assert.Null(metadata.Element(ns + "references"));
        Assert.Equal("Lossless contributors", metadata.Element(ns + "authors")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);

        var license = metadata.Element(ns + "license");
        Assert.NotNull(license);
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);
    }

    [Theory]
    [InlineData("README.md", "README.md")]
    [InlineData("LICENSE", "LICENSE")]
    [InlineData(BuildTargets, "src/Lossless.Package/build/Lossless.EntityFrameworkCore.targets")]
    public void PackedFile_IsTheRepositorysFile(string entry, string file)
    {
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repository.Root, file)), ReadEntry(entry));
    }

    private XDocument ReadNuspec()
    {
        using var stream = new MemoryStream(ReadEntry("Lossless.EntityFrameworkCore.nuspec"));
        return XDocument.Load(stream);
    }

    private byte[] ReadEntry(string name)
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        var entry = zip.GetEntry(name);
        Assert.True(entry is not null, $"{name} is not in {package.NupkgPath}.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
