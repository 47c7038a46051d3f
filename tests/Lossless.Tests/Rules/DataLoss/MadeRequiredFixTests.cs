using Lossless.Analyzers;
using Lossless.CodeFixes;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Fix = Lossless.Tests.Verifiers.CSharpCodeFixVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer, Lossless.CodeFixes.Rules.DataLoss.MadeRequiredFixer>;

namespace Lossless.Tests.Rules.DataLoss;

/// <summary>
/// LL1007's fix never invents the value the rows holding NULL get: it writes NULL /* lossless: choose */ (left as it is,
/// the AlterColumn fails on those rows) and removes EF's placeholder; or, where the target model declares a default,
/// that default.
/// </summary>
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

    /// <summary>What the fixed migration still reports, by design, until a person replaces the marker.</summary>
    private static DiagnosticResult LeftToChoose(int location, string column)
        => Expected(location, column, "fails on every row that holds NULL: the backfill value marked 'lossless: choose' has not been chosen yet");

    private static Task Verify(string source, string fixedSource, TestProvider provider, string key, DiagnosticResult[] before, DiagnosticResult[] after)
    {
        var test = new Fix.Test(provider) { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = key };
        test.ExpectedDiagnostics.AddRange(before);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.FixedState.ExpectedDiagnostics.AddRange(after);
        return test.RunAsync();
    }

    [Fact]
    public async Task Backfill_WritesAValueToChooseBeforeTheAlterColumn()
    {
        var fixedUp = """
            // users.email becomes required: choose the value the rows that hold NULL get, in place of NULL /* lossless: choose */. Left as it is, the migration fails on those rows.
            migrationBuilder.Sql("UPDATE \"users\" SET \"email\" = NULL /* lossless: choose */ WHERE \"email\" IS NULL;");

            migrationBuilder.{|#0:AlterColumn|}<string>(
                name: "email",
                table: "users",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
            """;
        await Verify(Sources.Migration(NoDefault), Sources.Migration(fixedUp), TestProvider.PostgreSql, FixerKeys.LL1007_BackfillNulls,
            [Expected(0, "users.email", "fails on every row that holds NULL")],
            [LeftToChoose(0, "users.email")]);
    }

    /// <summary>EF's placeholder would turn the NULLs the UPDATE leaves into false silently: the fix removes it, so they make the AlterColumn fail.</summary>
    [Fact]
    public async Task Backfill_OfAPlaceholderDefault_RemovesThePlaceholder_OnSqlite()
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
            // bazaar-vid_user.is_active becomes required: choose the value the rows that hold NULL get, in place of NULL /* lossless: choose */ (EF's placeholder false is gone). Left as it is, the migration fails on those rows.
            migrationBuilder.Sql("UPDATE \"bazaar-vid_user\" SET \"is_active\" = NULL /* lossless: choose */ WHERE \"is_active\" IS NULL;");

            migrationBuilder.{|#0:AlterColumn|}<bool>(
                name: "is_active",
                table: "bazaar-vid_user",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(bool),
                oldType: "INTEGER",
                oldNullable: true);
            """);
        await Verify(source, fixedSource, TestProvider.Sqlite, FixerKeys.LL1007_BackfillNulls,
            [Expected(0, "bazaar-vid_user.is_active", "turns every NULL it holds into the placeholder false")],
            [LeftToChoose(0, "bazaar-vid_user.is_active")]);
    }

    /// <summary>The target model declares the default (HasDefaultValue): the fix uses it, and it is what Fix All and dotnet format choose.</summary>
    [Fact]
    public async Task UseModelDefault_WritesTheDefaultTheModelDeclares()
    {
        const string model = """
            modelBuilder.Entity("Sample.User", b =>
                {
                    b.Property<int>("Id").HasColumnType("integer").HasColumnName("id");
                    b.Property<string>("Email").IsRequired().HasColumnType("text").HasDefaultValue("nobody@invalid").HasColumnName("email");
                    b.HasKey("Id");
                    b.ToTable("users");
                });
            """;
        var test = new Fix.Test(TestProvider.PostgreSql) { CodeActionEquivalenceKey = FixerKeys.LL1007_UseModelDefault };
        test.TestState.Sources.Add(Sources.Migration(NoDefault));
        test.TestState.Sources.Add(Sources.Designer(model));
        test.FixedState.Sources.Add(Sources.Migration("""
            migrationBuilder.AlterColumn<string>(
                name: "email",
                table: "users",
                type: "text",
                nullable: false,
                defaultValue: "nobody@invalid",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
            """));
        test.FixedState.Sources.Add(Sources.Designer(model));
        test.ExpectedDiagnostics.Add(Expected(0, "users.email", "fails on every row that holds NULL"));
        await test.RunAsync();
    }

    /// <summary>No model default: no action writes a value; the old "deliberate default" ("unknown", -1, true) is gone.</summary>
    [Fact]
    public async Task WithoutAModelDefault_OnlyTheValueToChooseIsOffered()
    {
        var keys = await OfferedKeys.ForAsync(new Lossless.CodeFixes.Rules.DataLoss.MadeRequiredFixer(), TestProvider.PostgreSql, Sources.Migration(NoDefault.Replace("{|#0:AlterColumn|}", "AlterColumn")));
        Assert.Equal([FixerKeys.LL1007_BackfillNulls], keys);
    }

    [Fact]
    public async Task FixAll_BackfillsEveryColumn()
    {
        var source = Sources.Migration("""
            migrationBuilder.{|#0:AlterColumn|}<string>(name: "email", table: "users", type: "text", nullable: false, oldClrType: typeof(string), oldType: "text", oldNullable: true);

            migrationBuilder.{|#1:AlterColumn|}<Guid>(name: "tenant", table: "users", type: "uuid", nullable: false, defaultValue: Guid.Empty, oldClrType: typeof(Guid), oldType: "uuid", oldNullable: true);
            """);
        var fixedSource = Sources.Migration("""
            // users.email becomes required: choose the value the rows that hold NULL get, in place of NULL /* lossless: choose */. Left as it is, the migration fails on those rows.
            migrationBuilder.Sql("UPDATE \"users\" SET \"email\" = NULL /* lossless: choose */ WHERE \"email\" IS NULL;");

            migrationBuilder.{|#0:AlterColumn|}<string>(name: "email", table: "users", type: "text", nullable: false, oldClrType: typeof(string), oldType: "text", oldNullable: true);

            // users.tenant becomes required: choose the value the rows that hold NULL get, in place of NULL /* lossless: choose */ (EF's placeholder Guid.Empty is gone). Left as it is, the migration fails on those rows.
            migrationBuilder.Sql("UPDATE \"users\" SET \"tenant\" = NULL /* lossless: choose */ WHERE \"tenant\" IS NULL;");

            migrationBuilder.{|#1:AlterColumn|}<Guid>(name: "tenant", table: "users", type: "uuid", nullable: false, oldClrType: typeof(Guid), oldType: "uuid", oldNullable: true);
            """);
        await Verify(source, fixedSource, TestProvider.PostgreSql, FixerKeys.LL1007_BackfillNulls,
            [Expected(0, "users.email", "fails on every row that holds NULL"), Expected(1, "users.tenant", "turns every NULL it holds into the placeholder Guid.Empty")],
            [LeftToChoose(0, "users.email"), LeftToChoose(1, "users.tenant")]);
    }
}
