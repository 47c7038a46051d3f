using System.Text.RegularExpressions;
using Lossless.Analyzers;
using Lossless.Analyzers.Infrastructure;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.Reversibility;

public sealed class ReversibilityAnalyzerTests
{
    private const string AddNickname = """
        migrationBuilder.{|#0:AddColumn|}<string>(
            name: "nickname",
            table: "users",
            type: "text",
            nullable: true);
        """;

    /// <summary>Ids of the other categories: their rules are tested elsewhere and stay out of these expectations.</summary>
    internal static readonly string[] OtherRules =
    [
        "LL1001", "LL1002", "LL1003", "LL1004", "LL1005", "LL1006", "LL1007", "LL1008", "LL1009", "LL1010", "LL1011", "LL1012",
        "LL3001", "LL3002", "LL3003", "LL3004", "LL3005", "LL3006", "LL3007", "LL3008", "LL3009", "LL4001", "LL4002", "LL4003", "LL4004",
    ];

    private static Verify.Test NewTest(TestProvider provider = TestProvider.PostgreSql)
    {
        var test = new Verify.Test(provider);
        test.DisabledDiagnostics.Clear();
        test.DisabledDiagnostics.AddRange(OtherRules);
        return test;
    }

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = NewTest();
        test.TestCode = source;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult LL2003(string problem, int location = 0)
        => Verify.Diagnostic(RuleIds.DownDoesNotUndoUp).WithLocation(location).WithArguments(problem);

    /// <summary>A migration class with Up only, the way a hand-written or trimmed migration looks.</summary>
    private static string UpOnly(string up, string className = "{|#0:AddNickname|}") => $$"""
        {{Sources.Usings}}

        namespace Sample.Migrations
        {
            [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250117120000_AddNickname")]
            public partial class {{className}} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
        {{Sources.Indent(up, 12)}}
                }
            }
        }

        {{Sources.Context}}
        """;

    // ---- LL2001 -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task MigrationWithoutDown_Reports()
    {
        await VerifyAsync(
            UpOnly(AddNickname.Replace("{|#0:AddColumn|}", "AddColumn")),
            Verify.Diagnostic(RuleIds.MissingDown).WithLocation(0).WithArguments("AddNickname"));
    }

    [Fact]
    public async Task MigrationWithoutDown_WithDesigner_ReportsOnTheClassNameBesideUp()
    {
        var test = NewTest();
        test.TestState.Sources.Add(UpOnly(AddNickname.Replace("{|#0:AddColumn|}", "AddColumn")));
        test.TestState.Sources.Add(Sources.Designer("", "AddNickname"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.MissingDown).WithLocation(0).WithArguments("AddNickname"));
        await test.RunAsync();
    }

    [Fact]
    public async Task MigrationWithoutDown_OnlyEnsureSchema_DoesNotReport()
    {
        await VerifyAsync(UpOnly("""migrationBuilder.EnsureSchema(name: "audit");""", "AddNickname"));
    }

    [Fact]
    public async Task MigrationWithoutDown_EmptyUp_DoesNotReport()
    {
        await VerifyAsync(UpOnly(string.Empty, "AddNickname"));
    }

    [Fact]
    public async Task MigrationWithoutDown_OnlySql_DoesNotReport()
    {
        // A data fix: EF cannot undo raw SQL, and no Down (EF's own throws) is as honest as an empty one.
        await VerifyAsync(UpOnly("""migrationBuilder.Sql("UPDATE users SET email = lower(email);");""").Replace("{|#0:AddNickname|}", "AddNickname"));
    }

    [Fact]
    public async Task MigrationWithoutDown_SqlAndASchemaChange_Reports()
    {
        await VerifyAsync(
            UpOnly("""
                migrationBuilder.AddColumn<string>(name: "nickname", table: "users", type: "text", nullable: true);
                migrationBuilder.Sql("UPDATE users SET nickname = email;");
                """),
            Verify.Diagnostic(RuleIds.MissingDown).WithLocation(0).WithArguments("AddNickname"));
    }

    // ---- LL2002 -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task EmptyDown_Reports_AndNoLL2003()
    {
        var source = Sources.Migration(AddNickname.Replace("{|#0:AddColumn|}", "AddColumn")).Replace("void Down(", "void {|#0:Down|}(");
        await VerifyAsync(
            source,
            Verify.Diagnostic(RuleIds.EmptyDown).WithLocation(0).WithArguments("ChangeTypes", "has no operations: a rollback records the migration as undone and leaves the operation of Up in place"));
    }

    [Fact]
    public async Task ThrowingDown_Reports()
    {
        var up = AddNickname.Replace("{|#0:AddColumn|}", "AddColumn") + "\n" + """migrationBuilder.DropColumn(name: "legacy", table: "users");""";
        var source = Sources.Migration(up, "throw new NotSupportedException(\"This migration cannot be rolled back.\");").Replace("void Down(", "void {|#0:Down|}(");
        await VerifyAsync(
            source,
            Verify.Diagnostic(RuleIds.EmptyDown).WithLocation(0).WithArguments("ChangeTypes", "only throws: the 2 operations of Up cannot be rolled back"));
    }

    [Fact]
    public async Task EmptyDown_OnlySqlInUp_DoesNotReport()
    {
        // A data-only migration (DELETE of orphans, a backfill): its empty Down is its honest inverse.
        await VerifyAsync(Sources.Migration("""
            migrationBuilder.Sql("DELETE FROM permissions WHERE user_id IS NULL;");
            migrationBuilder.Sql("UPDATE users SET email = lower(email);");
            """));
    }

    [Fact]
    public async Task EmptyDown_InsertDataInUp_Reports()
    {
        var source = Sources.Migration("""migrationBuilder.InsertData(table: "roles", columns: new[] { "id", "name" }, values: new object[] { 1, "admin" });""").Replace("void Down(", "void {|#0:Down|}(");
        await VerifyAsync(
            source,
            Verify.Diagnostic(RuleIds.EmptyDown).WithLocation(0).WithArguments("ChangeTypes", "has no operations: a rollback records the migration as undone and leaves the operation of Up in place"));
    }

    [Fact]
    public async Task EmptyDown_EmptyUp_DoesNotReport()
    {
        await VerifyAsync(Sources.Migration(string.Empty));
    }

    [Fact]
    public async Task EmptyDown_OnlyEnsureSchemaInUp_DoesNotReport()
    {
        await VerifyAsync(Sources.Migration("""migrationBuilder.EnsureSchema(name: "audit");"""));
    }

    [Fact]
    public async Task DownThatHandsTheBuilderToOtherCode_DoesNotReport()
    {
        var source = Sources.Migration(AddNickname.Replace("{|#0:AddColumn|}", "AddColumn"), "Rollbacks.Undo(migrationBuilder);") + """

            namespace Sample.Migrations
            {
                public static class Rollbacks
                {
                    public static void Undo(Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder builder) => builder.DropColumn(name: "nickname", table: "users");
                }
            }
            """;
        await VerifyAsync(source);
    }

    // ---- LL2003: missing inverses -----------------------------------------------------------------------------

    [Fact]
    public async Task AddColumn_NotDropped_Reports()
    {
        var source = Sources.Migration(AddNickname, """migrationBuilder.DropColumn(name: "email", table: "users");""");
        await VerifyAsync(source, LL2003("drop column users.nickname added here"));
    }

    [Fact]
    public async Task AddColumn_DroppedInAnotherSchema_Reports()
    {
        var up = """
            migrationBuilder.{|#0:AddColumn|}<string>(name: "nickname", table: "users", schema: "app", nullable: true);
            """;
        var source = Sources.Migration(up, """migrationBuilder.DropColumn(name: "nickname", table: "users");""");
        await VerifyAsync(source, LL2003("drop column app.users.nickname added here"));
    }

    [Fact]
    public async Task AddColumn_DroppedWithOtherCase_Reports()
    {
        var source = Sources.Migration(AddNickname, """migrationBuilder.DropColumn(name: "Nickname", table: "users");""");
        await VerifyAsync(source, LL2003("drop column users.nickname added here"));
    }

    [Fact]
    public async Task CreateTable_NotDropped_Reports()
    {
        var up = """
            migrationBuilder.{|#0:CreateTable|}(
                name: "tags",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                },
                constraints: table => table.PrimaryKey("PK_tags", x => x.id));

            migrationBuilder.AddColumn<string>(name: "nickname", table: "users", nullable: true);
            """;
        var source = Sources.Migration(up, """migrationBuilder.DropColumn(name: "nickname", table: "users");""");
        await VerifyAsync(source, LL2003("drop table tags created here"));
    }

    [Fact]
    public async Task OperationsOnATableUpCreates_AreUndoneByItsDropTable_DoNotReport()
    {
        var up = """
            migrationBuilder.CreateTable(
                name: "tags",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    label = table.Column<string>(type: "text", nullable: false),
                },
                constraints: table => table.PrimaryKey("PK_tags", x => x.id));

            migrationBuilder.CreateIndex(name: "IX_tags_label", table: "tags", column: "label", unique: true);

            migrationBuilder.AddColumn<string>(name: "color", table: "tags", nullable: true);

            migrationBuilder.InsertData(table: "tags", columns: new[] { "id", "label" }, values: new object[] { 1, "urgent" });
            """;
        await VerifyAsync(Sources.Migration(up, """migrationBuilder.DropTable(name: "tags");"""));
    }

    [Fact]
    public async Task DropTable_NotRecreated_Reports()
    {
        var up = """
            migrationBuilder.{|#0:DropTable|}(name: "audit_entries");

            migrationBuilder.AddColumn<string>(name: "nickname", table: "users", nullable: true);
            """;
        var source = Sources.Migration(up, """migrationBuilder.DropColumn(name: "nickname", table: "users");""");
        await VerifyAsync(source, LL2003("re-create table audit_entries dropped here"));
    }

    [Fact]
    public async Task DropTable_RecreatedWithoutAColumnOfThePreviousModel_Reports()
    {
        var up = """migrationBuilder.{|#0:DropTable|}(name: "audit_entries");""";
        var down = """
            migrationBuilder.{|#1:CreateTable|}(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                },
                constraints: table => table.PrimaryKey("PK_audit_entries", x => x.id));
            """;
        var test = DropAuditTest(up, down);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.DownDoesNotUndoUp).WithLocation(0).WithLocation(1)
            .WithArguments("re-create columns 'at' and 'user_agent' of table audit_entries dropped here"));
        await test.RunAsync();
    }

    [Fact]
    public async Task DropTable_RecreatedWithEveryColumnOfThePreviousModel_DoesNotReport()
    {
        var up = """migrationBuilder.DropTable(name: "audit_entries");""";
        var down = """
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    agent = table.Column<string>(name: "user_agent", type: "text", nullable: true),
                },
                constraints: table => table.PrimaryKey("PK_audit_entries", x => x.id));
            """;
        var test = DropAuditTest(up, down);
        await test.RunAsync();
    }

    [Fact]
    public async Task DropColumn_NotReAdded_Reports()
    {
        var up = """
            migrationBuilder.{|#0:DropColumn|}(name: "legacy", table: "users");

            migrationBuilder.AddColumn<string>(name: "nickname", table: "users", nullable: true);
            """;
        var source = Sources.Migration(up, """migrationBuilder.DropColumn(name: "nickname", table: "users");""");
        await VerifyAsync(source, LL2003("re-add column users.legacy dropped here"));
    }

    [Fact]
    public async Task RenameColumn_NotReversed_Reports()
    {
        var up = """
            migrationBuilder.{|#0:RenameColumn|}(name: "title", table: "posts", newName: "headline");

            migrationBuilder.AddColumn<string>(name: "nickname", table: "users", nullable: true);
            """;
        var down = """
            migrationBuilder.DropColumn(name: "nickname", table: "users");

            migrationBuilder.RenameColumn(name: "title", table: "posts", newName: "headline");
            """;
        await VerifyAsync(Sources.Migration(up, down), LL2003("rename column posts.headline back to 'title'"));
    }

    [Fact]
    public async Task RenameTable_NotReversed_Reports()
    {
        var up = """
            migrationBuilder.{|#0:RenameTable|}(name: "tags", newName: "labels");

            migrationBuilder.AddColumn<string>(name: "nickname", table: "users", nullable: true);
            """;
        var source = Sources.Migration(up, """migrationBuilder.DropColumn(name: "nickname", table: "users");""");
        await VerifyAsync(source, LL2003("rename table labels back to tags"));
    }

    [Fact]
    public async Task RenameTable_ReversedIntoAnotherSchema_Reports()
    {
        var up = """migrationBuilder.{|#0:RenameTable|}(name: "tags", schema: "app", newName: "labels");""";
        var down = """migrationBuilder.RenameTable(name: "labels", newName: "tags");""";
        // No newSchema: Up moves the table to the default schema too (as EF reads it), and Down leaves it there.
        await VerifyAsync(Sources.Migration(up, down), LL2003("rename table labels back to app.tags"));
    }

    [Fact]
    public async Task IndexesKeysAndConstraints_NotUndone_Report()
    {
        var up = """
            migrationBuilder.{|#0:CreateIndex|}(name: "IX_users_email", table: "users", column: "email", unique: true);
            migrationBuilder.{|#1:AddForeignKey|}(name: "FK_posts_users_user_id", table: "posts", column: "user_id", principalTable: "users", principalColumn: "id");
            migrationBuilder.{|#2:AddPrimaryKey|}(name: "PK_audit", table: "audit", column: "id");
            migrationBuilder.{|#3:AddUniqueConstraint|}(name: "AK_users_code", table: "users", column: "code");
            migrationBuilder.{|#4:DropIndex|}(name: "IX_posts_user_id", table: "posts");
            migrationBuilder.{|#5:DropForeignKey|}(name: "FK_posts_tags_tag_id", table: "posts");
            migrationBuilder.{|#6:RenameIndex|}(name: "IX_a", newName: "IX_b", table: "users");
            migrationBuilder.{|#7:InsertData|}(table: "labels", column: "label", value: "urgent");
            migrationBuilder.AddColumn<string>(name: "nickname", table: "users", nullable: true);
            """;
        var source = Sources.Migration(up, """migrationBuilder.DropColumn(name: "nickname", table: "users");""");
        await VerifyAsync(
            source,
            LL2003("drop index 'IX_users_email' created here on table users", 0),
            LL2003("drop foreign key 'FK_posts_users_user_id' added here to table posts", 1),
            LL2003("drop primary key 'PK_audit' added here to table audit", 2),
            LL2003("drop unique constraint 'AK_users_code' added here to table users", 3),
            LL2003("re-create index 'IX_posts_user_id' dropped here from table posts", 4),
            LL2003("re-add foreign key 'FK_posts_tags_tag_id' dropped here from table posts", 5),
            LL2003("rename index 'IX_b' back to 'IX_a'", 6),
            LL2003("delete the rows inserted here into table labels", 7));
    }

    // ---- LL2003: wrong inverses --------------------------------------------------------------------------------

    private const string WidenName = """
        migrationBuilder.{|#0:AlterColumn|}<string>(
            name: "name",
            table: "users",
            type: "character varying(200)",
            maxLength: 200,
            nullable: true,
            oldClrType: typeof(string),
            oldType: "character varying(100)",
            oldMaxLength: 100);
        """;

    [Theory]
    [InlineData("text", "null", "false", "type 'text' instead of 'character varying(100)' and max length none instead of 100")]
    [InlineData("character varying(100)", "100", "true", "nullable where it was required")]
    [InlineData("character varying(200)", "200", "false", "type 'character varying(200)' instead of 'character varying(100)' and max length 200 instead of 100")]
    public async Task AlterColumn_RestoringSomethingElse_Reports(string type, string maxLength, string nullable, string difference)
    {
        var down = $$"""
            migrationBuilder.{|#1:AlterColumn|}<string>(
                name: "name",
                table: "users",
                type: "{{type}}",
                maxLength: {{maxLength}},
                nullable: {{nullable}},
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);
            """;
        await VerifyAsync(
            Sources.Migration(WidenName, down),
            Verify.Diagnostic(RuleIds.DownDoesNotUndoUp).WithLocation(0).WithLocation(1).WithArguments("restore column users.name altered here: it restores " + difference));
    }

    [Fact]
    public async Task AlterColumn_RestoringAnotherPrecision_Reports()
    {
        var up = """
            migrationBuilder.{|#0:AlterColumn|}<decimal>(
                name: "balance",
                table: "users",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(10,2)",
                oldPrecision: 10,
                oldScale: 2);
            """;
        var down = """
            migrationBuilder.{|#1:AlterColumn|}<decimal>(
                name: "balance",
                table: "users",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(12,2)",
                oldPrecision: 12,
                oldScale: 2);
            """;
        await VerifyAsync(
            Sources.Migration(up, down),
            Verify.Diagnostic(RuleIds.DownDoesNotUndoUp).WithLocation(0).WithLocation(1)
                .WithArguments("restore column users.balance altered here: it restores type 'numeric(12,2)' instead of 'numeric(10,2)' and precision 12 instead of 10"));
    }

    [Fact]
    public async Task AlterColumn_RestoringAnotherClrType_Reports()
    {
        var up = """
            migrationBuilder.{|#0:AlterColumn|}<long>(name: "views", table: "posts", type: "bigint", nullable: false, oldClrType: typeof(int), oldType: "integer");
            """;
        var down = """
            migrationBuilder.{|#1:AlterColumn|}<long>(name: "views", table: "posts", type: "integer", nullable: false, oldClrType: typeof(long), oldType: "bigint");
            """;
        await VerifyAsync(
            Sources.Migration(up, down),
            Verify.Diagnostic(RuleIds.DownDoesNotUndoUp).WithLocation(0).WithLocation(1).WithArguments("restore column posts.views altered here: it restores CLR type Int64 instead of Int32"));
    }

    [Fact]
    public async Task AlterColumn_NotRestored_Reports()
    {
        await VerifyAsync(
            Sources.Migration(WidenName + "\nmigrationBuilder.AddColumn<string>(name: \"nickname\", table: \"users\", nullable: true);", """migrationBuilder.DropColumn(name: "nickname", table: "users");"""),
            LL2003("restore column users.name altered here"));
    }

    [Fact]
    public async Task AlterColumn_RestoredWithEquivalentTypeSpelling_DoesNotReport()
    {
        var down = """
            migrationBuilder.AlterColumn<string>(
                name: "name",
                table: "users",
                type: "varchar(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);
            """;
        await VerifyAsync(Sources.Migration(WidenName.Replace("{|#0:AlterColumn|}", "AlterColumn"), down));
    }

    // ---- LL2003: what is not judged ----------------------------------------------------------------------------

    [Fact]
    public async Task DownInAnotherOrder_DoesNotReport()
    {
        var up = """
            migrationBuilder.AddColumn<string>(name: "nickname", table: "users", nullable: true);
            migrationBuilder.AddColumn<int>(name: "age", table: "users", nullable: false, defaultValue: 0);
            migrationBuilder.CreateIndex(name: "IX_users_age", table: "users", column: "age");
            """;
        var down = """
            migrationBuilder.DropColumn(name: "nickname", table: "users");
            migrationBuilder.DropColumn(name: "age", table: "users");
            migrationBuilder.DropIndex(name: "IX_users_age");
            """;
        await VerifyAsync(Sources.Migration(up, down));
    }

    [Fact]
    public async Task SqlAndEnsureSchemaAndUpdateData_WithAnotherInverse_DoNotReport()
    {
        var up = """
            migrationBuilder.EnsureSchema(name: "audit");
            migrationBuilder.Sql("UPDATE users SET email = lower(email);");
            migrationBuilder.UpdateData(table: "labels", keyColumn: "id", keyValue: 1, column: "label", value: "late");
            migrationBuilder.AddColumn<string>(name: "nickname", table: "users", nullable: true);
            """;
        await VerifyAsync(Sources.Migration(up, """migrationBuilder.DropColumn(name: "nickname", table: "users");"""));
    }

    [Fact]
    public async Task DownWithALoop_DoesNotReport()
    {
        var up = """
            migrationBuilder.AddColumn<string>(name: "nickname", table: "users", nullable: true);
            migrationBuilder.AddColumn<string>(name: "alias", table: "users", nullable: true);
            """;
        var down = """
            foreach (var column in new[] { "nickname", "alias" })
            {
                migrationBuilder.DropColumn(name: column, table: "users");
            }
            """;
        await VerifyAsync(Sources.Migration(up, down));
    }

    [Fact]
    public async Task DownCallingAHelper_DoesNotReport()
    {
        var source = Sources.Migration(
            """migrationBuilder.AddColumn<string>(name: "nickname", table: "users", nullable: true);""",
            """DropAdded(migrationBuilder);""").Replace(
            "    }\n}\n\nnamespace Sample\n",
            """
                    private static void DropAdded(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn(name: "email", table: "users");
                }
            }

            namespace Sample

            """);
        Assert.Contains("DropAdded(MigrationBuilder", source);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task UnknownArguments_DoNotReport()
    {
        var source = Sources.Migration(
            """
            var table = DateTime.Now.Year > 2000 ? "users" : "people";
            migrationBuilder.AddColumn<string>(name: "nickname", table: table, nullable: true);
            migrationBuilder.AddColumn<string>(name: "alias", table: "users", nullable: true);
            """,
            """
            var column = DateTime.Now.Year > 2000 ? "alias" : "nickname";
            migrationBuilder.DropColumn(name: column, table: "users");
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task RenamesUndoneInEitherOrder_DoNotReport()
    {
        var up = """
            migrationBuilder.RenameTable(name: "tags", newName: "labels");
            migrationBuilder.RenameColumn(name: "title", table: "labels", newName: "text");
            migrationBuilder.AlterColumn<string>(name: "text", table: "labels", type: "character varying(200)", nullable: true, oldClrType: typeof(string), oldType: "text", oldNullable: true);
            """;
        var down = """
            migrationBuilder.RenameTable(name: "labels", newName: "tags");
            migrationBuilder.RenameColumn(name: "text", table: "tags", newName: "title");
            migrationBuilder.AlterColumn<string>(name: "title", table: "tags", type: "text", nullable: true, oldClrType: typeof(string), oldType: "character varying(200)", oldNullable: true);
            """;
        await VerifyAsync(Sources.Migration(up, down));
    }

    [Theory]
    [InlineData(TestProvider.PostgreSql)]
    [InlineData(TestProvider.Sqlite)]
    public async Task EFCoreScaffolding_OfEveryOperationKind_DoesNotReport(TestProvider provider)
    {
        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(provider, ScaffoldedMigrations.All(provider));
        Assert.Empty(exceptions);
        Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("LL2", StringComparison.Ordinal)).Select(d => d.ToString()));
        Assert.Equal(11, ScaffoldedMigrations.Ids(provider).Count);
    }

    [Theory]
    [InlineData(TestProvider.PostgreSql)]
    [InlineData(TestProvider.Sqlite)]
    public async Task EFCoreScaffolding_WithoutDown_ReportsLL2001OnEveryMigration(TestProvider provider)
    {
        var sources = ScaffoldedMigrations.All(provider).Select(RemoveDown).ToArray();
        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(provider, sources);
        Assert.Empty(exceptions);
        var reported = diagnostics.Where(d => d.Id == RuleIds.MissingDown).Select(d => d.GetMessage()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["AddNicknameAndAge", "AuditKey", "DropLegacyAndAudit", "DropPostsUser", "IndexAndForeignKey", "Initial", "RenameTitleAndTags", "SeedLabels", "Settings", "UserCode", "WidenName"],
            reported.Select(m => Regex.Match(m, "'([^']+)'").Groups[1].Value));
        Assert.DoesNotContain(diagnostics, d => d.Id is RuleIds.EmptyDown or RuleIds.DownDoesNotUndoUp);
    }

    [Theory]
    [InlineData(TestProvider.PostgreSql)]
    [InlineData(TestProvider.Sqlite)]
    public async Task EFCoreScaffolding_WithEveryDownStatementRemovedInTurn_ReportsLL2003OrLL2002(TestProvider provider)
    {
        // Removing any one statement of a scaffolded Down must be noticed: LL2003 on an operation of Up, or LL2002
        // when it was the only one.
        foreach (var id in ScaffoldedMigrations.Ids(provider))
        {
            var migration = ScaffoldedMigrations.Migration(provider, id);
            var statements = DownStatements(migration);
            for (var i = 0; i < statements.Count; i++)
            {
                var trimmed = migration.Replace(statements[i], string.Empty);
                var sources = ScaffoldedMigrations.All(provider).Select(s => s == migration ? trimmed : s).ToArray();
                var (diagnostics, _) = await AnalyzerRunner.RunAsync(provider, sources);
                var found = diagnostics.Where(d => d.Id is RuleIds.DownDoesNotUndoUp or RuleIds.EmptyDown).ToList();
                Assert.True(found.Count > 0, $"{id}: removing Down statement {i} is not reported:\n{statements[i]}");
                Assert.All(found, d => Assert.Equal(trimmed, d.Location.SourceTree!.ToString()));
            }
        }
    }

    internal static string RemoveDown(string source)
    {
        var start = source.IndexOf("        /// <inheritdoc />\n        protected override void Down(", StringComparison.Ordinal);
        if (start < 0)
        {
            return source;
        }

        var end = source.IndexOf("\n        }\n", start, StringComparison.Ordinal) + "\n        }\n".Length;
        return source.Remove(start, end - start).Replace("        }\n\n    }\n}", "        }\n    }\n}");
    }

    private static List<string> DownStatements(string source)
    {
        var down = source.Substring(source.IndexOf("void Down(", StringComparison.Ordinal));
        return Regex.Matches(down, @"\n            migrationBuilder\.[\s\S]*?\);\n").Select(m => m.Value).ToList();
    }

    private static Verify.Test DropAuditTest(string up, string down)
    {
        var test = NewTest();
        test.TestState.Sources.Add(Sources.Migration(up, down, "DropAudit", "20250117120000_DropAudit"));
        test.TestState.Sources.Add(PreviousMigration);
        test.TestState.Sources.Add(Sources.Designer(AuditModel, "Initial"));
        return test;
    }

    private const string PreviousMigration = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {
            [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250101000000_Initial")]
            public partial class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                }
            }
        }
        """;

    private const string AuditModel = """
        modelBuilder.Entity("Sample.AuditEntry", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd()
                    .HasColumnType("integer")
                    .HasColumnName("id");

                b.Property<DateTime>("At")
                    .HasColumnType("timestamp with time zone")
                    .HasColumnName("at");

                b.Property<string>("Message")
                    .IsRequired()
                    .HasColumnType("text")
                    .HasColumnName("message");

                b.Property<string>("UserAgent")
                    .HasColumnType("text")
                    .HasColumnName("user_agent");

                b.HasKey("Id");

                b.ToTable("audit_entries");
            });
        """;
}
