using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.DataLoss;

/// <summary>
/// RULES.md "Data steps that people write by hand are recognised": deletes of NULL rows, backfills of new columns and
/// copies before a drop, in the shapes people write them (quoted or not, any case), and the near misses that stay.
/// </summary>
public class HandWrittenDataStepsTests
{
    // ---- LL1007: DELETE … WHERE col IS NULL before making it required.

    private static string MakeUserIdRequired(string table = "permissions") => $$"""
        migrationBuilder.{|#0:AlterColumn|}<Guid>(
            name: "UserId",
            table: "{{table}}",
            type: "uuid",
            nullable: false,
            defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
            oldClrType: typeof(Guid),
            oldType: "uuid",
            oldNullable: true);
        """;

    [Theory]
    [InlineData("DELETE FROM permissions WHERE \\\"UserId\\\" IS NULL;")]
    [InlineData("DELETE FROM \\\"Permissions\\\" WHERE userid IS NULL")]
    [InlineData("delete from public.permissions where (\\\"UserId\\\" is null)")]
    [InlineData("DELETE FROM permissions WHERE \\\"UserId\\\" IS NULL OR \\\"Kind\\\" = 0;")]
    [InlineData("DELETE FROM permissions p WHERE p.\\\"UserId\\\" IS NULL;")]
    [InlineData("UPDATE permissions SET \\\"UserId\\\" = (SELECT id FROM users WHERE name = 'admin') WHERE \\\"UserId\\\" IS NULL;")]
    public async Task DeleteOrFillOfTheNullRowsBefore_MakeRequired_IsSilent(string sql)
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration($$"""
            migrationBuilder.Sql("{{sql}}");
            {{MakeUserIdRequired().Replace("{|#0:AlterColumn|}", "AlterColumn")}}
            """));
    }

    [Theory]
    [InlineData("DELETE FROM permissions WHERE \\\"UserId\\\" IS NULL AND \\\"Kind\\\" = 0;")]
    [InlineData("DELETE FROM permissions WHERE \\\"UserId\\\" IS NOT NULL;")]
    [InlineData("DELETE FROM preferences WHERE \\\"UserId\\\" IS NULL;")]
    [InlineData("DELETE FROM permissions WHERE \\\"GroupId\\\" IS NULL;")]
    public async Task DeleteThatLeavesNulls_MakeRequired_StillReports(string sql)
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration($$"""
                migrationBuilder.Sql("{{sql}}");
                {{MakeUserIdRequired()}}
                """),
            Verify.Diagnostic(RuleIds.MadeRequired).WithLocation(0).WithArguments("permissions.UserId", "turns every NULL it holds into the placeholder Guid.Empty"));
    }

    [Fact]
    public async Task DeleteOfNullRowsAfter_OnPostgreSql_StillReports()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration($$"""
                {{MakeUserIdRequired()}}
                migrationBuilder.Sql("DELETE FROM permissions WHERE \"UserId\" IS NULL;");
                """),
            Verify.Diagnostic(RuleIds.MadeRequired).WithLocation(0).WithArguments("permissions.UserId", "turns every NULL it holds into the placeholder Guid.Empty"));
    }

    [Fact]
    public async Task DeleteOfNullRowsAnywhere_OnSqlite_IsSilent()
    {
        // The AlterColumn is a table rebuild, which EF runs after every other operation.
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration($$"""
                {{MakeUserIdRequired().Replace("{|#0:AlterColumn|}", "AlterColumn").Replace("\"uuid\"", "\"TEXT\"")}}
                migrationBuilder.Sql("DELETE FROM Permissions WHERE UserId IS NULL;");
                """),
            TestProvider.Sqlite);
    }

    // ---- LL1008 / LL1012 / LL1009: an UPDATE that backfills columns added above.

    [Theory]
    [InlineData("UPDATE users SET \\\"IsActive\\\" = last_login IS NOT NULL;")]
    [InlineData("UPDATE \\\"users\\\" SET \\\"IsActive\\\" = true WHERE last_login > now() - interval '1 year';")]
    [InlineData("UPDATE users u SET \\\"IsActive\\\" = s.active FROM settings s WHERE s.user_id = u.id;")]
    [InlineData("UPDATE users SET isactive = true, \\\"Score\\\" = 0;")]
    public async Task BackfillOfAddedColumns_IsNeitherLL1012NorLL1009(string sql)
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration($$"""
            migrationBuilder.AddColumn<bool>(name: "IsActive", table: "users", type: "boolean", nullable: false, defaultValue: false);
            migrationBuilder.AddColumn<int>(name: "Score", table: "users", type: "integer", nullable: true);
            migrationBuilder.Sql("{{sql}}");
            """));
    }

    [Fact]
    public async Task BackfillOfAnAddedForeignKey_BeforeTheForeignKey_IsSilent()
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration("""
            migrationBuilder.AddColumn<Guid>(name: "OwnerId", table: "projects", type: "uuid", nullable: false, defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));
            migrationBuilder.Sql("UPDATE projects SET \"OwnerId\" = (SELECT id FROM users ORDER BY created LIMIT 1);");
            migrationBuilder.AddForeignKey(name: "FK_projects_users_OwnerId", table: "projects", column: "OwnerId", principalTable: "users", principalColumn: "id");
            """));
    }

    [Fact]
    public async Task UpdateThatAlsoOverwritesAnOldColumn_IsNoBackfill()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#0:AddColumn|}<bool>(name: "IsActive", table: "users", type: "boolean", nullable: false, defaultValue: false);
                migrationBuilder.{|#1:Sql|}("UPDATE users SET \"IsActive\" = true, email = lower(email);");
                """),
            Verify.Diagnostic(RuleIds.ExistingRowsGetPlaceholder).WithLocation(0).WithArguments("users.IsActive", "gives every existing row the placeholder false"),
            Verify.Diagnostic(RuleIds.DestructiveSql).WithLocation(1).WithArguments("UPDATE users SET \"IsActive\" = true, email = lower(email)", "has no WHERE and overwrites every row of the table"));
    }

    [Fact]
    public async Task BackfillOfAColumnAddedInSql_IsNoLL1009()
    {
        // The column is added by the raw SQL itself, in the same step or an earlier one: filling it overwrites nothing.
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(""""
                migrationBuilder.Sql("""
                    ALTER TABLE "WebhookDeliveries"
                    ADD COLUMN "DeliveryTime" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now();
                    UPDATE "WebhookDeliveries" SET "DeliveryTime" = "Timestamp";
                    """);
                migrationBuilder.Sql("ALTER TABLE audit ADD IF NOT EXISTS kind integer, ADD CONSTRAINT ck_kind CHECK (kind > 0);");
                migrationBuilder.Sql("UPDATE audit SET kind = 1;");
                """"));
    }

    [Fact]
    public async Task UpdateOfAColumnTheSqlDidNotAdd_StillLL1009()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.Sql("ALTER TABLE audit ADD CONSTRAINT kind CHECK (level > 0);");
                migrationBuilder.{|#0:Sql|}("UPDATE audit SET kind = 1;");
                migrationBuilder.{|#1:Sql|}("UPDATE audit SET level = 2; ALTER TABLE audit ADD COLUMN level2 integer;");
                """),
            Verify.Diagnostic(RuleIds.DestructiveSql).WithLocation(0).WithArguments("UPDATE audit SET kind = 1", "has no WHERE and overwrites every row of the table"),
            Verify.Diagnostic(RuleIds.DestructiveSql).WithLocation(1).WithArguments("UPDATE audit SET level = 2", "has no WHERE and overwrites every row of the table"));
    }

    [Fact]
    public async Task UpdateBeforeTheAdd_IsNoBackfill()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#1:Sql|}("UPDATE users SET \"IsActive\" = true;");
                migrationBuilder.{|#0:AddColumn|}<bool>(name: "IsActive", table: "users", type: "boolean", nullable: false, defaultValue: false);
                """),
            Verify.Diagnostic(RuleIds.ExistingRowsGetPlaceholder).WithLocation(0).WithArguments("users.IsActive", "gives every existing row the placeholder false"),
            Verify.Diagnostic(RuleIds.DestructiveSql).WithLocation(1).WithArguments("UPDATE users SET \"IsActive\" = true", "has no WHERE and overwrites every row of the table"));
    }

    [Fact]
    public async Task BackfillOfAColumnWithNoDefault_DoesNotSaveTheAdd()
    {
        // ADD … NOT NULL with no default fails before the UPDATE runs.
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#0:AddColumn|}<int>(name: "Score", table: "users", type: "integer", nullable: false);
                migrationBuilder.Sql("UPDATE users SET \"Score\" = 1;");
                """),
            Verify.Diagnostic(RuleIds.RequiredColumnAdded).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("users.Score", "with no default fails on a table that has rows"));
    }

    // ---- LL1004 / LL1005 / LL1006 after the rows were deleted by hand: the DELETE is the destructive step.

    [Fact]
    public async Task DropsOnATableEmptiedFirst_OnlyTheDeleteReports()
    {
        // A rework that empties the table on purpose, then reshapes it: LL1009 names the DELETE; the drops, the drop + add
        // that would otherwise read as a rename, and the required columns lose nothing more: no row is left.
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#0:Sql|}(@"DELETE
                      FROM `comments`".Replace('`', '"'));
                migrationBuilder.{|#1:Sql|}("TRUNCATE TABLE drafts;");
                migrationBuilder.DropColumn(name: "CampaignRef", table: "comments");
                migrationBuilder.DropColumn(name: "Body", table: "comments");
                migrationBuilder.AddColumn<long>(name: "CampaignId", table: "comments", type: "bigint", nullable: true);
                migrationBuilder.AddColumn<long>(name: "GuildId", table: "comments", type: "bigint", nullable: false, defaultValue: 0L);
                migrationBuilder.AddColumn<DateTime>(name: "PostedAt", table: "comments", type: "timestamp with time zone", nullable: false, defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));
                migrationBuilder.AlterColumn<string>(name: "Author", table: "comments", type: "text", nullable: false, defaultValue: "", oldClrType: typeof(string), oldType: "text", oldNullable: true);
                migrationBuilder.DropTable(name: "drafts");
                """),
            Verify.Diagnostic(RuleIds.DestructiveSql).WithLocation(0).WithArguments("DELETE FROM \"comments\"", "has no WHERE and deletes every row of the table"),
            Verify.Diagnostic(RuleIds.DestructiveSql).WithLocation(1).WithArguments("TRUNCATE TABLE drafts", "deletes every row of the table"));
    }

    [Fact]
    public async Task DeleteWithAWhere_DoesNotEmptyTheTable()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.Sql("DELETE FROM comments WHERE \"Hidden\";");
                migrationBuilder.{|#0:DropColumn|}(name: "Body", table: "comments");
                migrationBuilder.{|#2:Sql|}("DELETE FROM other;");
                migrationBuilder.{|#1:DropColumn|}(name: "Title", table: "posts");
                """),
            Verify.Diagnostic(RuleIds.DropColumn).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("comments.Body"),
            Verify.Diagnostic(RuleIds.DestructiveSql).WithLocation(2).WithArguments("DELETE FROM other", "has no WHERE and deletes every row of the table"),
            Verify.Diagnostic(RuleIds.DropColumn).WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("posts.Title"));
    }
}
