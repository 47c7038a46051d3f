using Lossless.PackageTests.Infrastructure;

namespace Lossless.PackageTests;

/// <summary>The package packed once, with its real version, for the content tests.</summary>
public sealed class PackageFixture : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _directory = new("pack");

    public string NupkgPath { get; private set; } = "";

    public async Task InitializeAsync() => NupkgPath = await Packer.PackAsync(_directory.Path);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _directory.Dispose();
}
