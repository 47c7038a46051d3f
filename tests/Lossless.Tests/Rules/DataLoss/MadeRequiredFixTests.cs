using Lossless.Analyzers;
using Lossless.CodeFixes;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Fix = Lossless.Tests.Verifiers.CSharpCodeFixVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer, Lossless.CodeFixes.Rules.DataLoss.MadeRequiredFixer>;

namespace Lossless.Tests.Rules.DataLoss;

public class MadeRequiredFixTests
{
    private const string NoDefault = """
        migrationBuilder.{|#0:AlterColumn|}<string>(
            name: "email",
            table: "users",
            type: "text",
            nullable: false,
            oldClrType: typeof(string),
            oldType: "text",
            oldNullable: true);
        """;

    private static DiagnosticResult Expected(int location, string column, string effect)
        => Fix.Diagnostic(RuleIds.MadeRequired).WithLocation(location).WithArguments(column, effect);

    [Fact]
    public async Task Backfill_InsertsAnUpdateBeforeTheAlterColumn()
    {
        var fixedUp = """
            // users.email becomes required: give the rows that hold NULL a value first. The value written here is a placeholder: choose it.
            migrationBuilder.Sql("UPDATE \"users\" SET \"email\" = '' WHERE \"email\" IS NULL;");

            migrationBuilder.AlterColumn<string>(
                name: "email",
                table: "users",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
            """;
        await Fix.VerifyCodeFixAsync(Sources.Migration(NoDefault), Sources.Migration(fixedUp), TestProvider.PostgreSql, FixerKeys.LL1007_BackfillNulls,
            Expected(0, "users.email", "fails on every row that holds NULL"));
    }

    [Fact]
    public async Task Backfill_OfAPlaceholderDefault_MakesItExplicit_OnSqlite()
    {
        var source = Sources.Migration("""
            migrationBuilder.{|#0:AlterColumn|}<bool>(
                name: "is_active",
                table: "bazaar-vid_user",
                type: "INTEGER",
                nullable: false,
                defaultValue: false,
                oldClrType: typeof(bool),
                oldType: "INTEGER",
                oldNullable: true);
            """);
        var fixedSource = Sources.Migration("""
            // bazaar-vid_user.is_active becomes required: give the rows that hold NULL a value first. The value written here is a placeholder: choose it.
            migrationBuilder.Sql("UPDATE \"bazaar-vid_user\" SET \"is_active\" = 0 WHERE \"is_active\" IS NULL;");

            migrationBuilder.AlterColumn<bool>(
                name: "is_active",
                table: "bazaar-vid_user",
                type: "INTEGER",
                nullable: false,
                defaultValue: false,
                oldClrType: typeof(bool),
                oldType: "INTEGER",
                oldNullable: true);
            """);
        await Fix.VerifyCodeFixAsync(source, fixedSource, TestProvider.Sqlite, FixerKeys.LL1007_BackfillNulls,
            Expected(0, "bazaar-vid_user.is_active", "turns every NULL it holds into the placeholder false"));
    }

    [Fact]
    public async Task AddDefaultValue_AddsADeliberateDefaultAfterNullable()
    {
        var fixedUp = """
            migrationBuilder.AlterColumn<string>(
                name: "email",
                table: "users",
                type: "text",
                nullable: false,
                defaultValue: "unknown",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
            """;
        await Fix.VerifyCodeFixAsync(Sources.Migration(NoDefault), Sources.Migration(fixedUp), TestProvider.PostgreSql, FixerKeys.LL1007_AddDefaultValue,
            Expected(0, "users.email", "fails on every row that holds NULL"));
    }

    [Fact]
    public async Task AddDefaultValue_IsNotOfferedForAPlaceholder()
    {
        var source = Sources.Migration("""
            migrationBuilder.{|#0:AlterColumn|}<int>(name: "age", table: "users", type: "integer", nullable: false, defaultValue: 0, oldClrType: typeof(int), oldType: "integer", oldNullable: true);
            """);
        await Fix.VerifyCodeFixAsync(source, source, TestProvider.PostgreSql, FixerKeys.LL1007_AddDefaultValue,
            Expected(0, "users.age", "turns every NULL it holds into the placeholder 0"));
    }

    [Fact]
    public async Task FixAll_BackfillsEveryColumn()
    {
        var source = Sources.Migration("""
            migrationBuilder.{|#0:AlterColumn|}<string>(name: "email", table: "users", type: "text", nullable: false, oldClrType: typeof(string), oldType: "text", oldNullable: true);

            migrationBuilder.{|#1:AlterColumn|}<Guid>(name: "tenant", table: "users", type: "uuid", nullable: false, defaultValue: Guid.Empty, oldClrType: typeof(Guid), oldType: "uuid", oldNullable: true);
            """);
        var fixedSource = Sources.Migration("""
            // users.email becomes required: give the rows that hold NULL a value first. The value written here is a placeholder: choose it.
            migrationBuilder.Sql("UPDATE \"users\" SET \"email\" = '' WHERE \"email\" IS NULL;");

            migrationBuilder.AlterColumn<string>(name: "email", table: "users", type: "text", nullable: false, oldClrType: typeof(string), oldType: "text", oldNullable: true);

            // users.tenant becomes required: give the rows that hold NULL a value first. The value written here is a placeholder: choose it.
            migrationBuilder.Sql("UPDATE \"users\" SET \"tenant\" = '00000000-0000-0000-0000-000000000000' WHERE \"tenant\" IS NULL;");

            migrationBuilder.AlterColumn<Guid>(name: "tenant", table: "users", type: "uuid", nullable: false, defaultValue: Guid.Empty, oldClrType: typeof(Guid), oldType: "uuid", oldNullable: true);
            """);
        await Fix.VerifyCodeFixAsync(source, fixedSource, TestProvider.PostgreSql, FixerKeys.LL1007_BackfillNulls,
            Expected(0, "users.email", "fails on every row that holds NULL"),
            Expected(1, "users.tenant", "turns every NULL it holds into the placeholder Guid.Empty"));
    }
}
