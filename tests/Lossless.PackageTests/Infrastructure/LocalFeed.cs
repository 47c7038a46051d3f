namespace Lossless.PackageTests.Infrastructure;

/// <summary>
/// Lossless packed once for the consumer tests, with a version no package cache can hold
/// (<c>&lt;version&gt;-packagetest.&lt;UTC time&gt;</c>), in a folder feed. Consumer projects are created under
/// <see cref="Root"/>, whose NuGet.config restores Lossless from that feed into an isolated packages folder shared by
/// every consumer (so it is extracted once), and reads everything else from the machine's package cache first.
/// </summary>
public sealed class LocalFeed : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _directory = new("consumers");

    public string Root => _directory.Path;

    public string Feed => _directory.Combine("feed");

    /// <summary>The global packages folder of every consumer project under <see cref="Root"/>.</summary>
    public string Packages => _directory.Combine("packages");

    public string Version { get; } = $"{Repository.LosslessVersion}-packagetest.{DateTime.UtcNow:yyyyMMddHHmmss}";

    public string NupkgPath { get; private set; } = "";

    /// <summary>The machine's package cache (NUGET_PACKAGES or ~/.nuget/packages), read as a fallback folder.</summary>
    public static string MachinePackages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public async Task InitializeAsync()
    {
        NupkgPath = await Packer.PackAsync(Feed, Version);
        File.WriteAllText(_directory.Combine("NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Packages}" />
              </config>
              <fallbackPackageFolders>
                <clear />
                <add key="machine" value="{MachinePackages}" />
              </fallbackPackageFolders>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="Lossless.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);

        // Nothing of the machine's build settings above the temporary folder reaches the consumers.
        File.WriteAllText(_directory.Combine("Directory.Build.props"), "<Project />\n");
        File.WriteAllText(_directory.Combine("Directory.Build.targets"), "<Project />\n");
    }

    /// <summary>A new, empty folder under <see cref="Root"/> for one test's projects.</summary>
    public string NewFolder(string name)
    {
        var folder = Path.Combine(Root, $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _directory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ConsumerCollection : ICollectionFixture<LocalFeed>
{
    public const string Name = "Consumers of the packed package";
}
