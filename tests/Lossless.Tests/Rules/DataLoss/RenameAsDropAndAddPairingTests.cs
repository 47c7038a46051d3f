using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.DataLoss;

/// <summary>
/// RULES.md, LL1006 pairing: only a drop before its add, no Sql step between them that reads the dropped or writes the
/// added column, and only an added column that can hold the dropped values. What is not a pair stays LL1004 (and
/// LL1008/LL1012 on the add). Shapes from real migrations, written afresh.
/// </summary>
public class RenameAsDropAndAddPairingTests
{
    private static DiagnosticResult LL1004(int location, string column) => Verify.Diagnostic(RuleIds.DropColumn).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(column);

    private static DiagnosticResult LL1006(int location, string column, string added, string reason) => Verify.Diagnostic(RuleIds.RenameAsDropAndAdd).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("Column", column, added, reason);

    [Theory]
    [InlineData("string", "text", "bool", "boolean", "false")]
    [InlineData("int", "integer", "bool", "boolean", "false")]
    [InlineData("bool", "boolean", "int", "integer", "0")]
    [InlineData("DateTime", "timestamp with time zone", "int", "integer", "0")]
    [InlineData("string", "text", "byte[]", "bytea", "new byte[0]")]
    [InlineData("Guid", "uuid", "string", "text", "\"\"")]
    [InlineData("bool", "boolean", "string", "text", "\"\"")]
    public async Task AddedColumnThatCannotHoldTheDroppedValues_IsNoRename(string oldClr, string oldType, string newClr, string newType, string placeholder)
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(
                up: $$"""
                    migrationBuilder.{|#0:DropColumn|}(name: "EncryptedKey", table: "invite_links");
                    migrationBuilder.AddColumn<{{newClr}}>(name: "SupportsConfirmation", table: "invite_links", type: "{{newType}}", nullable: true, defaultValue: {{placeholder}});
                    """,
                down: $$"""
                    migrationBuilder.DropColumn(name: "SupportsConfirmation", table: "invite_links");
                    migrationBuilder.AddColumn<{{oldClr}}>(name: "EncryptedKey", table: "invite_links", type: "{{oldType}}", nullable: true);
                    """),
            LL1004(0, "invite_links.EncryptedKey"));
    }

    [Fact]
    public async Task SqliteAffinitiesAlike_ButBoolIntoInt_IsNoRename()
    {
        // INTEGER and INTEGER on SQLite, but a flag is no volume level: the CLR types decide.
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(
                up: """
                    migrationBuilder.{|#0:DropColumn|}("AudioVolume", "profiles");
                    migrationBuilder.AddColumn<bool>("NormalizeLoudness", "profiles", "INTEGER", nullable: false, defaultValue: true);
                    """,
                down: """
                    migrationBuilder.DropColumn("NormalizeLoudness", "profiles");
                    migrationBuilder.AddColumn<int>("AudioVolume", "profiles", "INTEGER", nullable: false, defaultValue: 0);
                    """),
            TestProvider.Sqlite,
            LL1004(0, "profiles.AudioVolume"));
    }

    [Fact]
    public async Task NumberIntoText_StillPairs()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(
                up: """
                    migrationBuilder.{|#0:DropColumn|}(name: "StatusId", table: "orders");
                    migrationBuilder.AddColumn<string>(name: "Status", table: "orders", type: "character varying(30)", maxLength: 30, nullable: true);
                    """,
                down: """
                    migrationBuilder.DropColumn(name: "Status", table: "orders");
                    migrationBuilder.AddColumn<int>(name: "StatusId", table: "orders", type: "integer", nullable: true);
                    """),
            LL1006(0, "orders.StatusId", "Status", "same table, type 'integer' to 'character varying(30)', the only column dropped and the only one added on this table"));
    }

    [Fact]
    public async Task AddBeforeTheDrop_WithABackfillBetween_IsAHandWrittenExpandContract()
    {
        // The pattern the fixes recommend: add the new column, fill it from the old one, then drop the old one.
        await Verify.VerifyAnalyzerAsync(Sources.Migration(
            up: """
                migrationBuilder.AddColumn<string>(
                    name: "Status",
                    schema: "sales",
                    table: "orders",
                    type: "character varying(30)",
                    maxLength: 30,
                    nullable: false,
                    defaultValue: "");

                migrationBuilder.Sql(\"\"\"
                    UPDATE sales.orders
                    SET "Status" = s."Name"
                    FROM sales.order_status s
                    WHERE s."Id" = orders."StatusId";
                    \"\"\");

                migrationBuilder.DropColumn(
                    name: "StatusId",
                    schema: "sales",
                    table: "orders");
                """.Replace("\\\"\\\"\\\"", "\"\"\""),
            down: """
                migrationBuilder.DropColumn(name: "Status", schema: "sales", table: "orders");
                migrationBuilder.AddColumn<int>(name: "StatusId", schema: "sales", table: "orders", type: "integer", nullable: false, defaultValue: 0);
                """));
    }

    [Fact]
    public async Task TwoDropsOneAdd_IsAmbiguous()
    {
        // Two settings dropped, an unrelated one added: neither drop is "the only column dropped".
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(
                up: """
                    migrationBuilder.{|#0:DropColumn|}(name: "Kind", table: "server_settings");
                    migrationBuilder.{|#1:DropColumn|}(name: "Value", table: "server_settings");
                    migrationBuilder.AddColumn<string>(name: "CacheDirectory", table: "server_settings", type: "text", nullable: true);
                    """,
                down: """
                    migrationBuilder.DropColumn(name: "CacheDirectory", table: "server_settings");
                    migrationBuilder.AddColumn<int>(name: "Kind", table: "server_settings", type: "integer", nullable: false, defaultValue: 0);
                    migrationBuilder.AddColumn<string>(name: "Value", table: "server_settings", type: "text", nullable: true);
                    """),
            LL1004(0, "server_settings.Kind"),
            LL1004(1, "server_settings.Value"));
    }

    [Fact]
    public async Task OneOfTwoDropsBackedUpByTheFix_TheOtherStaysLL1004()
    {
        // After the LL1004 fix backed up Kind (a verified step), Value is still one of two drops: fixing one diagnostic
        // must not turn the other into a rename that was never suggested.
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(
                up: """"
                    migrationBuilder.Sql("""
                        -- lossless: verified server_settings.Kind
                        CREATE TABLE "__lossless_backup_server_settings_Kind_20250117120000_ChangeTypes" AS SELECT "id", "Kind" FROM "server_settings";
                        """);
                    migrationBuilder.DropColumn(name: "Kind", table: "server_settings");
                    migrationBuilder.{|#0:DropColumn|}(name: "Value", table: "server_settings");
                    migrationBuilder.AddColumn<string>(name: "CacheDirectory", table: "server_settings", type: "text", nullable: true);
                    """",
                down: """
                    migrationBuilder.DropColumn(name: "CacheDirectory", table: "server_settings");
                    migrationBuilder.AddColumn<int>(name: "Kind", table: "server_settings", type: "integer", nullable: false, defaultValue: 0);
                    migrationBuilder.Sql("UPDATE \"server_settings\" SET \"Kind\" = b.\"Kind\" FROM \"__lossless_backup_server_settings_Kind_20250117120000_ChangeTypes\" AS b WHERE b.\"id\" = \"server_settings\".\"id\";");
                    migrationBuilder.AddColumn<string>(name: "Value", table: "server_settings", type: "text", nullable: true);
                    """),
            LL1004(0, "server_settings.Value"));
    }

    [Fact]
    public async Task VerifiedDrop_IsNeverPaired()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(
                up: """"
                    migrationBuilder.Sql("""
                        -- lossless: verified orders.StatusId
                        CREATE TABLE "__lossless_backup_orders_StatusId_20250117120000_ChangeTypes" AS SELECT "id", "StatusId" FROM "orders";
                        """);
                    migrationBuilder.DropColumn(name: "StatusId", table: "orders");
                    migrationBuilder.AddColumn<string>(name: "Status", table: "orders", type: "character varying(30)", maxLength: 30, nullable: true);
                    """",
                down: """
                    migrationBuilder.DropColumn(name: "Status", table: "orders");
                    migrationBuilder.AddColumn<int>(name: "StatusId", table: "orders", type: "integer", nullable: true);
                    """));
    }

    [Fact]
    public async Task RenameOnTheTable_CountsAsOneOfItsDropsAndAdds()
    {
        // Drops Title and Notes, adds Heading and Remarks: Title/Heading were never "the only" pair. Once the LL1006 fix
        // (or EF) wrote the rename of one pair, the other drop and add are still not a rename by elimination.
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(
                up: """
                    migrationBuilder.RenameColumn(name: "Notes", table: "posts", newName: "PostNotes");
                    migrationBuilder.{|#0:DropColumn|}(name: "Title", table: "posts");
                    migrationBuilder.AddColumn<string>(name: "Heading", table: "posts", type: "text", nullable: true);
                    """,
                down: """
                    migrationBuilder.DropColumn(name: "Heading", table: "posts");
                    migrationBuilder.AddColumn<string>(name: "Title", table: "posts", type: "text", nullable: true);
                    migrationBuilder.RenameColumn(name: "PostNotes", table: "posts", newName: "Notes");
                    """),
            LL1004(0, "posts.Title"));
    }

    [Fact]
    public async Task AddBeforeTheDrop_WithoutACopy_IsNoPairButLosesTheValues()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(
                up: """
                    migrationBuilder.AddColumn<string>(name: "ClientSecretHash", table: "api_keys", type: "text", nullable: true);
                    migrationBuilder.{|#0:DropColumn|}(name: "ClientSecret", table: "api_keys");
                    """,
                down: """
                    migrationBuilder.DropColumn(name: "ClientSecretHash", table: "api_keys");
                    migrationBuilder.AddColumn<string>(name: "ClientSecret", table: "api_keys", type: "text", nullable: true);
                    """),
            LL1004(0, "api_keys.ClientSecret"));
    }

    [Fact]
    public async Task ValuesCopiedWithAnUpdateThatReadsTheDroppedColumn_IsNeitherRenameNorDrop()
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration(
            up: """
                migrationBuilder.AddColumn<int>(name: "ScopeId", table: "api_scope_claims", type: "integer", nullable: false, defaultValue: 0);
                migrationBuilder.Sql("UPDATE \"api_scope_claims\" SET \"ScopeId\" = \"ApiScopeId\";");
                migrationBuilder.DropColumn(name: "ApiScopeId", table: "api_scope_claims");
                """,
            down: """
                migrationBuilder.DropColumn(name: "ScopeId", table: "api_scope_claims");
                migrationBuilder.AddColumn<int>(name: "ApiScopeId", table: "api_scope_claims", type: "integer", nullable: false, defaultValue: 0);
                """));
    }

    [Theory]
    [InlineData("INSERT INTO guild_users (guild_id, user_id, first_seen) SELECT g.id, u.id, u.first_seen FROM users u CROSS JOIN guilds g;")]
    [InlineData("insert into \\\"guild_users\\\" (\\\"first_seen\\\") select \\\"FIRST_SEEN\\\" from \\\"users\\\"")]
    [InlineData("UPDATE guild_users gu SET first_seen = u.first_seen FROM users u WHERE u.id = gu.user_id;")]
    [InlineData("UPDATE users SET joined_at = first_seen;")]
    public async Task ValuesMovedBeforeTheDrop_IsNotLL1004(string sql)
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration($$"""
            migrationBuilder.AddColumn<DateTime>(name: "joined_at", table: "users", type: "timestamp with time zone", nullable: true);
            migrationBuilder.Sql("{{sql}}");
            migrationBuilder.DropColumn(name: "first_seen", table: "users");
            """));
    }

    [Theory]
    [InlineData("UPDATE users SET first_seen = NULL WHERE id < 0;")]
    [InlineData("SELECT first_seen FROM users;")]
    [InlineData("INSERT INTO audit (what) SELECT 'first_seen dropped';")]
    [InlineData("UPDATE users SET nickname = 'x' WHERE first_seen IS NULL;")]
    public async Task StepsThatDoNotCopyTheValues_StillLL1004(string sql)
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration($$"""
                migrationBuilder.Sql("{{sql}}");
                migrationBuilder.{|#0:DropColumn|}(name: "first_seen", table: "users");
                """),
            LL1004(0, "users.first_seen"));
    }

    [Fact]
    public async Task CopyWrittenWithReplace_IsReadAsTheConstantItIs()
    {
        // "…".Replace('`', '"') on a literal: the SQL is as constant as the literal.
        await Verify.VerifyAnalyzerAsync(Sources.Migration("""
            migrationBuilder.Sql(
                @"INSERT INTO `guild_users` (`first_seen`)
                  SELECT u.`first_seen` FROM `users` AS u"
                .Replace('`', '"'));

            migrationBuilder.DropColumn(name: "first_seen", table: "users");
            """));
    }

    [Fact]
    public async Task TableRowsCopiedBeforeTheDrop_IsNeitherRenameNorDrop()
    {
        var test = new Verify.Test(TestProvider.SqlServer)
        {
            TestCode = Sources.Migration(
                up: """
                    migrationBuilder.CreateTable(
                        name: "VolunteerTask",
                        columns: table => new
                        {
                            Id = table.Column<int>(nullable: false),
                            Name = table.Column<string>(nullable: true)
                        },
                        constraints: table => table.PrimaryKey("PK_VolunteerTask", x => x.Id));

                    migrationBuilder.Sql(@"SET IDENTITY_INSERT [VolunteerTask] ON
                    INSERT INTO [dbo].[VolunteerTask]([Id],[Name])
                    SELECT [Id],[Name]
                    FROM [dbo].[AllReadyTask]
                    SET IDENTITY_INSERT [VolunteerTask] OFF");

                    migrationBuilder.DropTable(name: "AllReadyTask");
                    """,
                down: """
                    migrationBuilder.CreateTable(
                        name: "AllReadyTask",
                        columns: table => new
                        {
                            Id = table.Column<int>(nullable: false),
                            Name = table.Column<string>(nullable: true)
                        },
                        constraints: table => table.PrimaryKey("PK_AllReadyTask", x => x.Id));

                    migrationBuilder.DropTable(name: "VolunteerTask");
                    """),
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task TableDroppedAndCreatedWithTheSameColumns_NothingCopied_StillLL1006()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(
                up: """
                    migrationBuilder.{|#0:DropTable|}(name: "server_connections");
                    migrationBuilder.CreateTable(
                        name: "connections",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false),
                            Uri = table.Column<string>(type: "TEXT", nullable: true)
                        },
                        constraints: table => table.PrimaryKey("PK_connections", x => x.Id));
                    """,
                down: """
                    migrationBuilder.DropTable(name: "connections");
                    migrationBuilder.CreateTable(
                        name: "server_connections",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false),
                            Uri = table.Column<string>(type: "TEXT", nullable: true)
                        },
                        constraints: table => table.PrimaryKey("PK_server_connections", x => x.Id));
                    """),
            TestProvider.Sqlite,
            Verify.Diagnostic(RuleIds.RenameAsDropAndAdd).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("Table", "server_connections", "connections", "same columns: Id, Uri"));
    }
}
