using Lossless.Analyzers;
using Lossless.CodeFixes;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Fix = Lossless.Tests.Verifiers.CSharpCodeFixVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer, Lossless.CodeFixes.Rules.DataLoss.RequiredColumnAddedFixer>;

namespace Lossless.Tests.Rules.DataLoss;

public class RequiredColumnAddedFixTests
{
    private const string Placeholder = """
        migrationBuilder.{|#0:AddColumn|}<string>(
            name: "Country",
            table: "users",
            type: "character varying(2)",
            maxLength: 2,
            nullable: false,
            defaultValue: "");

        migrationBuilder.CreateIndex(name: "IX_users_Country", table: "users", column: "Country", unique: true);
        """;

    private static DiagnosticResult Expected(int location, string column, string effect)
        => Fix.Diagnostic(RuleIds.RequiredColumnAdded).WithLocation(location).WithArguments(column, effect);

    [Fact]
    public async Task DeliberateDefault_ReplacesThePlaceholder()
    {
        var fixedUp = """
            migrationBuilder.AddColumn<string>(
                name: "Country",
                table: "users",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "unknown");

            migrationBuilder.CreateIndex(name: "IX_users_Country", table: "users", column: "Country", unique: true);
            """;
        await Fix.VerifyCodeFixAsync(Sources.Migration(Placeholder), Sources.Migration(fixedUp), TestProvider.PostgreSql, FixerKeys.LL1008_DeliberateDefault,
            Expected(0, "users.Country", "gives every existing row the placeholder '', and the unique index on it fails as soon as the table has two rows"));
    }

    [Fact]
    public async Task DeliberateDefault_IsAddedWhenThereIsNone()
    {
        var source = Sources.Migration("""migrationBuilder.{|#0:AddColumn|}<int>(name: "age", table: "users", type: "integer", nullable: false);""");
        var fixedSource = Sources.Migration("""migrationBuilder.AddColumn<int>(name: "age", table: "users", type: "integer", nullable: false, defaultValue: -1);""");
        await Fix.VerifyCodeFixAsync(source, fixedSource, TestProvider.PostgreSql, FixerKeys.LL1008_DeliberateDefault,
            Expected(0, "users.age", "with no default fails on a table that has rows"));
    }

    [Fact]
    public async Task NullableBackfillRequire_AddsNullableThenUpdatesThenAlters()
    {
        var fixedUp = """
            migrationBuilder.AddColumn<string>(
                name: "Country",
                table: "users",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            // Give every existing row a value. The value written here is a placeholder: choose it.
            migrationBuilder.Sql("UPDATE \"users\" SET \"Country\" = '' WHERE \"Country\" IS NULL;");

            // Only now make users.Country required: every row has a value.
            migrationBuilder.AlterColumn<string>(
                name: "Country",
                table: "users",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(2)",
                oldMaxLength: 2,
                oldNullable: true);

            migrationBuilder.CreateIndex(name: "IX_users_Country", table: "users", column: "Country", unique: true);
            """;
        await Fix.VerifyCodeFixAsync(Sources.Migration(Placeholder), Sources.Migration(fixedUp), TestProvider.PostgreSql, FixerKeys.LL1008_AddNullableBackfillRequire,
            Expected(0, "users.Country", "gives every existing row the placeholder '', and the unique index on it fails as soon as the table has two rows"));
    }

    [Fact]
    public async Task FixAll_GivesEveryColumnADeliberateDefault()
    {
        var source = Sources.Migration("""
            migrationBuilder.{|#0:AddColumn|}<int>(name: "age", table: "users", type: "integer", nullable: false);

            migrationBuilder.{|#1:AddColumn|}<bool>(name: "verified", table: "users", type: "boolean", nullable: false);
            """);
        var fixedSource = Sources.Migration("""
            migrationBuilder.AddColumn<int>(name: "age", table: "users", type: "integer", nullable: false, defaultValue: -1);

            migrationBuilder.AddColumn<bool>(name: "verified", table: "users", type: "boolean", nullable: false, defaultValue: true);
            """);
        await Fix.VerifyCodeFixAsync(source, fixedSource, TestProvider.PostgreSql, FixerKeys.LL1008_DeliberateDefault,
            Expected(0, "users.age", "with no default fails on a table that has rows"),
            Expected(1, "users.verified", "with no default fails on a table that has rows"));
    }
}
