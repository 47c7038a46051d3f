using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.Correctness;

/// <summary>LL4003: AlterColumn with no oldClrType, or with type but no oldType (tests/Lossless.DataTests/Correctness prove what EF Core 10 writes).</summary>
public class AlterColumnWithoutOldTests
{
    [Fact]
    public async Task NoOldDefinitionAtAll_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#0:AlterColumn|}<string>(
                    name: "Name",
                    table: "Users",
                    type: "character varying(50)",
                    maxLength: 50,
                    nullable: true);
                """),
            Verify.Diagnostic(RuleIds.AlterColumnWithoutOld).WithLocation(0).WithArguments("Users.Name", "oldClrType nor oldType", string.Empty));
    }

    [Fact]
    public async Task MadeRequiredWithoutOldNullable_OnPostgreSql_SaysNotNullIsNeverSet()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#0:AlterColumn|}<string>(
                    name: "Name",
                    table: "Users",
                    type: "text",
                    nullable: false);
                """),
            Verify.Diagnostic(RuleIds.AlterColumnWithoutOld).WithLocation(0).WithArguments("Users.Name", "oldClrType nor oldType", "; on PostgreSQL nullable: false without oldNullable never sets NOT NULL"));
    }

    [Fact]
    public async Task TypeWithoutOldType_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#0:AlterColumn|}<string>(
                    name: "Name",
                    table: "Users",
                    type: "character varying(50)",
                    maxLength: 50,
                    nullable: true,
                    oldClrType: typeof(string),
                    oldNullable: true);
                """),
            Verify.Diagnostic(RuleIds.AlterColumnWithoutOld).WithLocation(0).WithArguments("Users.Name", "oldType", string.Empty),

            // The type rules read the old type from oldClrType's default mapping (text) and judge the narrowing.
            Verify.Diagnostic(RuleIds.FailingTypeChange).WithLocation(0).WithArguments("Users.Name", "text", "character varying(50)", "fails when a value is longer than 50 characters"));
    }

    [Fact]
    public async Task InDown_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(
                string.Empty,
                """
                migrationBuilder.{|#0:AlterColumn|}<int>(
                    name: "Count",
                    table: "Users",
                    nullable: true);
                """),
            TestProvider.SqlServer,
            Verify.Diagnostic(RuleIds.AlterColumnWithoutOld).WithLocation(0).WithArguments("Users.Count", "oldClrType", string.Empty));
    }

    [Fact]
    public async Task ScaffoldedShape_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.AlterColumn<string>(
                    name: "Name",
                    table: "Users",
                    type: "character varying(100)",
                    maxLength: 100,
                    nullable: true,
                    oldClrType: typeof(string),
                    oldType: "character varying(50)",
                    oldMaxLength: 50,
                    oldNullable: true);
                """));
    }

    [Fact]
    public async Task NoTypeAndAnOldClrType_DoesNotReport()
    {
        // EF Core 2.x scaffolded no type: and no oldType: when the provider maps the CLR type; the old CLR type is there.
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.AlterColumn<string>(
                    name: "Name",
                    table: "Users",
                    maxLength: 100,
                    nullable: true,
                    oldClrType: typeof(string),
                    oldMaxLength: 50,
                    oldNullable: true);
                """));
    }

    [Fact]
    public async Task OldClrTypeNotConstant_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                var old = typeof(string);
                migrationBuilder.AlterColumn<string>(
                    name: "Name",
                    table: "Users",
                    nullable: true,
                    oldClrType: old,
                    oldNullable: false);
                """));
    }
}
