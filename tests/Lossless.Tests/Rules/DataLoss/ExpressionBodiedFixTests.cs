using Lossless.Analyzers;
using Lossless.CodeFixes;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using DropColumnFix = Lossless.Tests.Verifiers.CSharpCodeFixVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer, Lossless.CodeFixes.Rules.DataLoss.DropColumnFixer>;
using RequiredColumnFix = Lossless.Tests.Verifiers.CSharpCodeFixVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer, Lossless.CodeFixes.Rules.DataLoss.RequiredColumnAddedFixer>;

namespace Lossless.Tests.Rules.DataLoss;

/// <summary>
/// Migrations of one operation written with expression bodies (<c>Up(…) =&gt; migrationBuilder.DropColumn(…);</c>, the
/// shape of a real project's first hundred migrations): a fix that writes statements gives the method it writes into
/// a block body, and a method it writes nothing into, or only an argument, keeps its expression body.
/// </summary>
public class ExpressionBodiedFixTests
{
    private const string Header = """
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {
            [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250117120000_ChangeTypes")]
            public partial class ChangeTypes : Migration
            {
        """;

    private const string Footer = """
            }
        }

        namespace Sample
        {
            public class AppDbContext : DbContext
            {
            }
        }
        """;

    /// <summary>The backup goes before the drop and the restore after Down's AddColumn: both methods get blocks.</summary>
    [Fact]
    public async Task DropColumn_BothMethodsGetBlocks()
    {
        const string source = Header + """

                    protected override void Up(MigrationBuilder migrationBuilder) =>
                        migrationBuilder.{|#0:DropColumn|}(
                            "nickname",
                            "users");

                    protected override void Down(MigrationBuilder migrationBuilder) =>
                        migrationBuilder.AddColumn<string>(
                            "nickname",
                            "users",
                            "text",
                            nullable: true);

            """ + Footer;
        const string fixedSource = Header + """"

                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        // Keep every value of users.nickname with its key, so that Down can restore them (the backup table stays until Down drops it).
                        migrationBuilder.Sql("""
                            -- lossless: verified users.nickname
                            CREATE TABLE "__lossless_backup_users_nickname_20250117120000_ChangeTypes" AS SELECT "id", "nickname" FROM "users";
                            """);

                        migrationBuilder.DropColumn(
                            "nickname",
                            "users");
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<string>(
                            "nickname",
                            "users",
                            "text",
                            nullable: true);

                        // Put back the values Up backed up from users.nickname, by key, then drop the backup.
                        migrationBuilder.Sql("""
                            UPDATE "users" SET "nickname" = (SELECT b."nickname" FROM "__lossless_backup_users_nickname_20250117120000_ChangeTypes" AS b WHERE b."id" = "users"."id") WHERE EXISTS (SELECT 1 FROM "__lossless_backup_users_nickname_20250117120000_ChangeTypes" AS b WHERE b."id" = "users"."id");
                            DROP TABLE "__lossless_backup_users_nickname_20250117120000_ChangeTypes";
                            """);
                    }

            """" + Footer;
        var test = new DropColumnFix.Test(TestProvider.PostgreSql) { CodeActionEquivalenceKey = FixerKeys.LL1004_BackUpColumn };
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(Sources.Designer(DropColumnFixTests.UsersModel));
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.Sources.Add(Sources.Designer(DropColumnFixTests.UsersModel));
        test.ExpectedDiagnostics.Add(DropColumnFix.Diagnostic(RuleIds.DropColumn).WithLocation(0).WithArguments("users.nickname").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        await test.RunAsync();
    }

    /// <summary>On SQLite the UPDATE goes after Up's AddColumn: Up gets a block, Down (on one line) stays as it was.</summary>
    [Fact]
    public async Task BackfillAfterAdd_OnlyUpGetsABlock()
    {
        const string source = Header + """

                    protected override void Up(MigrationBuilder migrationBuilder) =>
                        migrationBuilder.{|#0:AddColumn|}<int>(
                            "rank",
                            "users",
                            "INTEGER",
                            nullable: false,
                            defaultValue: 0);

                    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("rank", "users");

            """ + Footer;
        const string fixedSource = Header + """

                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.{|#0:AddColumn|}<int>(
                            "rank",
                            "users",
                            "INTEGER",
                            nullable: false,
                            defaultValue: 0);

                        // Choose the value the existing rows get, in place of NULL /* lossless: choose */: until then they hold EF's placeholder 0. Left as it is, this UPDATE fails on a table with rows.
                        migrationBuilder.Sql("UPDATE \"users\" SET \"rank\" = NULL /* lossless: choose */;");
                    }

                    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("rank", "users");

            """ + Footer;
        await VerifySqlite(source, fixedSource, FixerKeys.LL1012_BackfillAfterAdd,
            RequiredColumnFix.Diagnostic(RuleIds.ExistingRowsGetPlaceholder).WithLocation(0).WithArguments("users.rank", "gives every existing row the placeholder 0"),
            RequiredColumnFix.Diagnostic(RuleIds.ExistingRowsGetPlaceholder).WithLocation(0).WithArguments("users.rank", "gives every existing row the placeholder 0: the backfill value marked 'lossless: choose' has not been chosen yet"));
    }

    /// <summary>A fix that only writes an argument leaves both methods with their expression bodies.</summary>
    [Fact]
    public async Task ChooseDefault_KeepsTheExpressionBodies()
    {
        const string source = Header + """

                    protected override void Up(MigrationBuilder migrationBuilder) =>
                        migrationBuilder.{|#0:AddColumn|}<int>(
                            "rank",
                            "users",
                            "INTEGER",
                            nullable: false);

                    protected override void Down(MigrationBuilder migrationBuilder) =>
                        migrationBuilder.DropColumn(
                            "rank",
                            "users");

            """ + Footer;
        const string fixedSource = Header + """

                    protected override void Up(MigrationBuilder migrationBuilder) =>
                        migrationBuilder.{|#0:AddColumn|}<int>(
                            "rank",
                            "users",
                            "INTEGER",
                            nullable: false,
                            defaultValue: null /* lossless: choose */);

                    protected override void Down(MigrationBuilder migrationBuilder) =>
                        migrationBuilder.DropColumn(
                            "rank",
                            "users");

            """ + Footer;
        await VerifySqlite(source, fixedSource, FixerKeys.LL1008_ChooseDefault,
            RequiredColumnFix.Diagnostic(RuleIds.RequiredColumnAdded).WithLocation(0).WithArguments("users.rank", "with no default fails, on SQLite even when the table is empty"),
            RequiredColumnFix.Diagnostic(RuleIds.RequiredColumnAdded).WithLocation(0).WithArguments("users.rank", "with no default fails, on SQLite even when the table is empty: the default value marked 'lossless: choose' has not been chosen yet"));
    }

    private static Task VerifySqlite(string source, string fixedSource, string key, DiagnosticResult before, DiagnosticResult after)
    {
        var test = new RequiredColumnFix.Test(TestProvider.Sqlite) { CodeActionEquivalenceKey = key };
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(Sources.Designer(RequiredColumnAddedFixTests.SqliteUsersWithOrders));
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.Sources.Add(Sources.Designer(RequiredColumnAddedFixTests.SqliteUsersWithOrders));
        test.ExpectedDiagnostics.Add(before);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.FixedState.ExpectedDiagnostics.Add(after);
        return test.RunAsync();
    }
}
