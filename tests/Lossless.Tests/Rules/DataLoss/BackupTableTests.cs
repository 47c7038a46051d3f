using Lossless.Analyzers;
using Lossless.Analyzers.Model;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.DataLoss;

/// <summary>RULES.md "Lossless's own backup tables": dropping one later is neither LL1005 nor LL1009 (nor LL2002/LL2003).</summary>
public class BackupTableTests
{
    [Theory]
    [InlineData("users", "nickname", "20250102000000_DropNickname", "__lossless_backup_users_nickname_20250102000000_DropNickname")]
    [InlineData("sessions", null, "20250102000000_DropSessions", "__lossless_backup_sessions_20250102000000_DropSessions")]
    [InlineData("bazaar-vid_user", "image", "20250117120000_ChangeTypes", "__lossless_backup_bazaar-vid_user_image_20250117120000_2610ca14")]
    public void DefaultFormat_NamesAndRecognisesTheBackup(string table, string? column, string migration, string expected)
    {
        var name = BackupTables.For(BackupTables.DefaultFormat, table, column, migration);
        Assert.Equal(expected, name);
        Assert.True(name.Length <= BackupTables.MaxLength);
        Assert.True(BackupTables.IsBackupTable(BackupTables.DefaultFormat, name));
        Assert.True(BackupTables.IsBackupTable(BackupTables.DefaultFormat, name.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("__lossless_backup_")]
    [InlineData("__lossless_backup__")]
    [InlineData("lossless_backup_users_nickname_1")]
    [InlineData("users")]
    [InlineData("__mg_backup_users_nickname_20250102000000_DropNickname")]
    [InlineData("__lossless_backup_users")]
    [InlineData("audit__lossless_backup_users_nickname_1")]
    public void OtherNames_AreNotBackups(string name)
    {
        Assert.False(BackupTables.IsBackupTable(BackupTables.DefaultFormat, name));
    }

    [Fact]
    public void CustomFormat_IsMatchedPartByPart()
    {
        const string format = "backup.{migration}__{table}__{column}";
        Assert.Equal("backup.20250102000000_X__users__email", BackupTables.For(format, "users", "email", "20250102000000_X"));
        Assert.True(BackupTables.IsBackupTable(format, "backup.20250102000000_X__users__email"));
        Assert.True(BackupTables.IsBackupTable(format, BackupTables.For(format, "users", null, "20250102000000_X")));
        Assert.False(BackupTables.IsBackupTable(format, "__lossless_backup_users_email_20250102000000_X"));
    }

    [Fact]
    public void FormatStartingWithAPlaceholder_HasNoLiteralPrefixToRejectBy()
    {
        const string format = "{table}_bak_{column}_{migration}";
        Assert.True(BackupTables.IsBackupTable(format, "users_bak_email_20250102000000_X"));
        Assert.True(BackupTables.IsBackupTable(format, "USERS_BAK_20250102000000_X"));
        Assert.False(BackupTables.IsBackupTable(format, "users_email_20250102000000_X"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("no_table_placeholder_{column}")]
    public void UnusableFormat_FallsBackToTheDefault(string? format)
    {
        Assert.Equal(BackupTables.DefaultFormat, BackupTables.Normalize(format));
    }

    private const string CleanUpUp = """
        migrationBuilder.DropTable(
            name: "__lossless_backup_users_nickname_20250102000000_DropNickname");

        migrationBuilder.Sql("DROP TABLE IF EXISTS \"__lossless_backup_sessions_20250102000000_DropSessions\", \"__lossless_backup_bazaar-vid_user_image_20250117120000_2610ca14\";");
        """;

    [Fact]
    public async Task CleanUpMigration_IsSilent_EvenWithAnEmptyDown()
    {
        var test = new Verify.Test(TestProvider.PostgreSql) { TestCode = Sources.Migration(CleanUpUp) };
        test.DisabledDiagnostics.Clear();
        await test.RunAsync();
    }

    [Fact]
    public async Task DropOfAnOrdinaryTableBesideIt_IsStillReported()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(CleanUpUp + """

                migrationBuilder.{|#0:DropTable|}(name: "sessions");
                migrationBuilder.{|#1:Sql|}("DROP TABLE __lossless_backup_users_nickname_1, audit;");
                """),
            Verify.Diagnostic(RuleIds.DropTable).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("table", "sessions", "it and every row it holds"),
            Verify.Diagnostic(RuleIds.DestructiveSql).WithLocation(1).WithArguments("DROP TABLE __lossless_backup_users_nickname_1, audit", "drops a table and every row it holds"));
    }

    [Fact]
    public async Task ConfiguredFormat_IsWhatIsRecognised()
    {
        var test = new Verify.Test(TestProvider.PostgreSql)
        {
            TestCode = Sources.Migration("""
                migrationBuilder.DropTable(name: "bak_users_nickname_20250102000000_DropNickname");
                migrationBuilder.{|#0:DropTable|}(name: "__lossless_backup_users_nickname_20250102000000_DropNickname");
                """),
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nlossless.backup_table_format = bak_{table}_{column}_{migration}\n"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.DropTable).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("table", "__lossless_backup_users_nickname_20250102000000_DropNickname", "it and every row it holds"));
        await test.RunAsync();
    }
}
