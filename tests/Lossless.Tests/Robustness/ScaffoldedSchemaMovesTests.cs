using Lossless.Analyzers;
using Lossless.Tests.Meta;
using Lossless.Tests.Verifiers;

namespace Lossless.Tests.Robustness;

/// <summary>
/// EF Core 6, 8, 9 and 10's own scaffolding of schema moves and of names longer than 63 characters
/// (Robustness/Scaffolded/README.md), compiled against EF Core 10 as an upgraded project is: no LL2003 (nor LL2001,
/// LL2002), no analyzer exception; the only diagnostic but the schema moves' LL3003 is the DropTable of the long-named
/// table (LL1005).
/// </summary>
public class ScaffoldedSchemaMovesTests
{
    private const string Folder = "tests/Lossless.Tests/Robustness/Scaffolded/";

    public static TheoryData<string, TestProvider> Folders() => new()
    {
        { "EFCore6", TestProvider.Sqlite },
        { "EFCore8", TestProvider.PostgreSql },
        { "EFCore8", TestProvider.Sqlite },
        { "EFCore9", TestProvider.PostgreSql },
        { "EFCore9", TestProvider.Sqlite },
        { "EFCore10", TestProvider.PostgreSql },
        { "EFCore10", TestProvider.Sqlite },
    };

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task EFCoresOwnScaffolding_ReportsOnlyTheDroppedTable(string version, TestProvider provider)
    {
        var directory = RepositoryFiles.PathOf(Folder + version + "/" + provider);
        var files = Directory.GetFiles(directory, "*.cs.txt").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(6, files.Length);
        var sources = files.Select(File.ReadAllText).Append(Sources.Usings + "\nnamespace Moves { public class AppDbContext : DbContext { } }").ToArray();

        var analysis = await RobustnessHarness.AnalyzeAsync(provider, sources);

        Assert.Empty(analysis.Exceptions);
        Assert.Empty(analysis.CompilerErrors);
        // A schema move is a rename under the running application: LL3003 (info) says so; it is not what this test is about.
        Assert.All(
            analysis.Diagnostics.Where(static d => d.Descriptor.Category == "Availability"),
            static d => Assert.Equal(RuleIds.RenameBreaksApplication, d.Id));
        var diagnostic = Assert.Single(analysis.Diagnostics, static d => d.Descriptor.Category != "Availability");
        Assert.Equal(RuleIds.DropTable, diagnostic.Id);
        Assert.Equal("Dropping table 'subscription_notification_preferences_for_organization_members' deletes it and every row it holds, and Down cannot bring them back", diagnostic.GetMessage());
        Assert.EndsWith("20240603120000_DropMembersMoveDevicesBack.cs.txt", files[Array.FindIndex(files, f => File.ReadAllText(f) == diagnostic.Location.SourceTree!.ToString())]);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task EFCoresOwnScaffolding_WithTheMoveBackRemovedFromDown_ReportsLL2003(string version, TestProvider provider)
    {
        var directory = RepositoryFiles.PathOf(Folder + version + "/" + provider);
        var files = Directory.GetFiles(directory, "*.cs.txt").Order(StringComparer.Ordinal).ToArray();
        var sources = files.Select(File.ReadAllText).Append(Sources.Usings + "\nnamespace Moves { public class AppDbContext : DbContext { } }").ToArray();
        var index = Array.FindIndex(files, f => f.EndsWith("20240602120000_MoveDevicesOut.cs.txt", StringComparison.Ordinal));
        var down = sources[index].IndexOf("void Down(", StringComparison.Ordinal);
        var rename = sources[index].IndexOf("migrationBuilder.RenameTable(", down, StringComparison.Ordinal);
        var end = sources[index].IndexOf(");", rename, StringComparison.Ordinal) + 2;
        sources[index] = sources[index].Remove(rename, end - rename);

        var analysis = await RobustnessHarness.AnalyzeAsync(provider, sources);

        Assert.Empty(analysis.Exceptions);
        var reported = Assert.Single(analysis.Diagnostics, d => d.Id == RuleIds.DownDoesNotUndoUp);
        Assert.Equal("Down does not rename table devices back to identity.devices", reported.GetMessage());
    }
}
