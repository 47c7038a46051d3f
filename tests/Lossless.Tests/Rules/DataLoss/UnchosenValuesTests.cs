using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.DataLoss;

/// <summary>
/// RULES.md "Unchosen values": a Sql step or an argument that still carries "lossless: choose" is not a backfill nor a
/// deliberate default. LL1007, LL1008 and LL1012 keep reporting, and say what is left to choose.
/// </summary>
public class UnchosenValuesTests
{
    private const string MakeEmailRequired = """
        migrationBuilder.{|#0:AlterColumn|}<string>(
            name: "email",
            table: "users",
            type: "text",
            nullable: false,
            oldClrType: typeof(string),
            oldType: "text",
            oldNullable: true);
        """;

    private static DiagnosticResult LL1007(string effect) => Verify.Diagnostic(RuleIds.MadeRequired).WithLocation(0).WithArguments("users.email", effect);

    [Theory]
    [InlineData("UPDATE \\\"users\\\" SET \\\"email\\\" = NULL /* lossless: choose */ WHERE \\\"email\\\" IS NULL;")]
    [InlineData("-- lossless: choose a value for the rows that have none\\nUPDATE users SET email = NULL WHERE email IS NULL;")]
    [InlineData("UPDATE users SET email = NULL /* LOSSLESS: CHOOSE */ WHERE email IS NULL;")]
    public async Task BackfillStillMarked_KeepsLL1007_AndSaysWhatIsLeft(string sql)
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration($$"""
                migrationBuilder.Sql("{{sql}}");
                {{MakeEmailRequired}}
                """),
            LL1007("fails on every row that holds NULL: the backfill value marked 'lossless: choose' has not been chosen yet"));
    }

    [Fact]
    public async Task BackfillChosen_IsSilent()
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration($$"""
            migrationBuilder.Sql("UPDATE \"users\" SET \"email\" = 'unknown@invalid' WHERE \"email\" IS NULL;");
            {{MakeEmailRequired.Replace("{|#0:AlterColumn|}", "AlterColumn")}}
            """));
    }

    [Fact]
    public async Task ChosenBackfillAfterAnUnchosenOne_IsSilent()
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration($$"""
            migrationBuilder.Sql("UPDATE users SET email = NULL /* lossless: choose */ WHERE email IS NULL;");
            migrationBuilder.Sql("UPDATE users SET email = concat('user', id, '@invalid') WHERE email IS NULL;");
            {{MakeEmailRequired.Replace("{|#0:AlterColumn|}", "AlterColumn")}}
            """));
    }

    [Theory]
    [InlineData("defaultValue: \"\" /* lossless: choose */,")]
    [InlineData("defaultValue: \"\", // lossless: choose")]
    [InlineData("// lossless: choose\n    defaultValue: \"\",")]
    public async Task PlaceholderDefaultStillMarked_KeepsLL1007_AndSaysWhatIsLeft(string argument)
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(MakeEmailRequired.Replace("nullable: false,", "nullable: false,\n    " + argument)),
            LL1007("turns every NULL it holds into the placeholder '': the default value marked 'lossless: choose' has not been chosen yet"));
    }

    [Fact]
    public async Task ChosenLookingDefaultStillMarked_KeepsLL1007()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(MakeEmailRequired.Replace("nullable: false,", "nullable: false,\n    defaultValue: \"unknown\" /* lossless: choose */,")),
            LL1007("turns every NULL it holds into the placeholder \"unknown\": the default value marked 'lossless: choose' has not been chosen yet"));
    }

    [Fact]
    public async Task MarkerOnAnotherArgument_DoesNotCount()
    {
        // The marker beside oldType says nothing about the default: "unknown" is deliberate.
        await Verify.VerifyAnalyzerAsync(Sources.Migration("""
            migrationBuilder.AlterColumn<string>(
                name: "email",
                table: "users",
                type: "text",
                nullable: false,
                defaultValue: "unknown",
                oldClrType: typeof(string),
                oldType: "text" /* lossless: choose */,
                oldNullable: true);
            """));
    }

    [Fact]
    public async Task AddColumnWithAMarkedDefault_IsLL1008_AndSaysWhatIsLeft()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""migrationBuilder.{|#0:AddColumn|}<int>(name: "age", table: "users", type: "integer", nullable: false, defaultValue: -1 /* lossless: choose */);"""),
            Verify.Diagnostic(RuleIds.RequiredColumnAdded).WithLocation(0).WithArguments("users.age", "gives every existing row the default -1: the default value marked 'lossless: choose' has not been chosen yet"));
    }

    [Fact]
    public async Task AddColumnWithAMarkedPlaceholder_StaysLL1012_AndSaysWhatIsLeft()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""migrationBuilder.{|#0:AddColumn|}<bool>(name: "active", table: "users", type: "boolean", nullable: false, defaultValue: false /* lossless: choose */);"""),
            Verify.Diagnostic(RuleIds.ExistingRowsGetPlaceholder).WithLocation(0).WithArguments("users.active", "gives every existing row the placeholder false: the default value marked 'lossless: choose' has not been chosen yet"));
    }

    [Fact]
    public async Task OverwriteStillMarked_KeepsLL1012_AndSaysWhatIsLeft()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#0:AddColumn|}<bool>(name: "active", table: "users", type: "boolean", nullable: false, defaultValue: false);
                migrationBuilder.Sql("UPDATE users SET active = NULL /* lossless: choose */;");
                """),
            Verify.Diagnostic(RuleIds.ExistingRowsGetPlaceholder).WithLocation(0).WithArguments("users.active", "gives every existing row the placeholder false: the backfill value marked 'lossless: choose' has not been chosen yet"));
    }

    [Fact]
    public async Task TheFixesThreeSteps_LeftUnedited_ReportLL1007OnTheLastStep()
    {
        // Add nullable, backfill with the marker, make required: until a person chooses, the AlterColumn is reported.
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.AddColumn<int>(name: "age", table: "users", type: "integer", nullable: true);
                migrationBuilder.Sql("UPDATE \"users\" SET \"age\" = NULL /* lossless: choose */ WHERE \"age\" IS NULL;");
                migrationBuilder.{|#0:AlterColumn|}<int>(name: "age", table: "users", type: "integer", nullable: false, oldClrType: typeof(int), oldType: "integer", oldNullable: true);
                """),
            Verify.Diagnostic(RuleIds.MadeRequired).WithLocation(0).WithArguments("users.age", "fails on every row that holds NULL: the backfill value marked 'lossless: choose' has not been chosen yet"));
    }
}
