using Lossless.Analyzers;
using Lossless.CodeFixes;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Fix = Lossless.Tests.Verifiers.CSharpCodeFixVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer, Lossless.CodeFixes.Rules.DataLoss.RequiredColumnAddedFixer>;

namespace Lossless.Tests.Rules.DataLoss;

/// <summary>
/// LL1008's fix never invents the existing rows' value: add the column nullable, an UPDATE whose value is left to
/// choose (NULL /* lossless: choose */: left as it is, the AlterColumn fails on a table with rows), then make it
/// required; or, where the target model declares a default, that default.
/// </summary>
public class RequiredColumnAddedFixTests
{
    private const string NoDefault = """
        migrationBuilder.{|#0:AddColumn|}<string>(
            name: "Country",
            table: "users",
            type: "character varying(2)",
            maxLength: 2,
            nullable: false);
        """;

    private static DiagnosticResult Expected(int location, string column, string effect)
        => Fix.Diagnostic(RuleIds.RequiredColumnAdded).WithLocation(location).WithArguments(column, effect);

    /// <summary>What the fixed migration still reports, by design, until a person replaces the marker: LL1007 on the AlterColumn the fix wrote.</summary>
    private static DiagnosticResult LeftToChoose(int location, string column)
        => Fix.Diagnostic(RuleIds.MadeRequired).WithLocation(location).WithArguments(column, "fails on every row that holds NULL: the backfill value marked 'lossless: choose' has not been chosen yet");

    private static Task Verify(string source, string fixedSource, TestProvider provider, string key, DiagnosticResult[] before, DiagnosticResult[] after)
    {
        var test = new Fix.Test(provider) { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = key };
        test.ExpectedDiagnostics.AddRange(before);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.FixedState.ExpectedDiagnostics.AddRange(after);
        return test.RunAsync();
    }

    [Fact]
    public async Task NullableBackfillRequire_AddsNullableThenAValueToChooseThenRequires()
    {
        var fixedUp = """
            migrationBuilder.AddColumn<string>(
                name: "Country",
                table: "users",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            // Choose the value the existing rows get, in place of NULL /* lossless: choose */. Left as it is, making users.Country required fails on a table with rows.
            migrationBuilder.Sql("UPDATE \"users\" SET \"Country\" = NULL /* lossless: choose */ WHERE \"Country\" IS NULL;");

            // Only now make users.Country required: every row has a value.
            migrationBuilder.{|#0:AlterColumn|}<string>(
                name: "Country",
                table: "users",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(2)",
                oldMaxLength: 2,
                oldNullable: true);
            """;
        await Verify(Sources.Migration(NoDefault), Sources.Migration(fixedUp), TestProvider.PostgreSql, FixerKeys.LL1008_AddNullableBackfillRequire,
            [Expected(0, "users.Country", "with no default fails on a table that has rows")],
            [LeftToChoose(0, "users.Country")]);
    }

    /// <summary>
    /// Users, and Orders that reference them with ON DELETE CASCADE: on SQLite an AlterColumn of users would be a table
    /// rebuild that LL1011 reports (and LL3005); the AddColumn alone is not one.
    /// </summary>
    internal const string SqliteUsersWithOrders = """
        modelBuilder.Entity("Sample.User", b =>
            {
                b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                b.Property<DateTime>("created").HasColumnType("TEXT");
                b.Property<bool>("is_active").HasColumnType("INTEGER");
                b.Property<int>("rank").HasColumnType("INTEGER");
                b.HasKey("Id");
                b.ToTable("users");
            });

        modelBuilder.Entity("Sample.Order", b =>
            {
                b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                b.Property<int>("UserId").HasColumnType("INTEGER");
                b.HasKey("Id");
                b.ToTable("orders");
            });

        modelBuilder.Entity("Sample.Order", b =>
            {
                b.HasOne("Sample.User", null).WithMany().HasForeignKey("UserId").OnDelete(DeleteBehavior.Cascade).IsRequired();
            });
        """;

    private static Task VerifyWithModel(string up, string fixedUp, string model, string key, DiagnosticResult[] before, DiagnosticResult[] after)
    {
        var test = new Fix.Test(TestProvider.Sqlite) { CodeActionEquivalenceKey = key };
        test.TestState.Sources.Add(Sources.Migration(up));
        test.TestState.Sources.Add(Sources.Designer(model));
        test.FixedState.Sources.Add(Sources.Migration(fixedUp));
        test.FixedState.Sources.Add(Sources.Designer(model));
        test.ExpectedDiagnostics.AddRange(before);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.FixedState.ExpectedDiagnostics.AddRange(after);
        return test.RunAsync();
    }

    /// <summary>
    /// On SQLite, with EF's placeholder (which SQLite needs to add a required column), the AddColumn stays and an UPDATE
    /// follows it: no AlterColumn, so no table rebuild, and no LL1011 for the orders that cascade from users. LL1008
    /// stays, saying the value is still to choose.
    /// </summary>
    [Fact]
    public async Task BackfillAfterAdd_OnSqlite_KeepsThePlaceholderAndRebuildsNothing()
    {
        var source = """migrationBuilder.{|#0:AddColumn|}<DateTime>(name: "created", table: "users", type: "TEXT", nullable: false, defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));""";
        var fixedSource = """
            migrationBuilder.{|#0:AddColumn|}<DateTime>(name: "created", table: "users", type: "TEXT", nullable: false, defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Choose the value the existing rows get, in place of NULL /* lossless: choose */: until then they hold EF's placeholder DateTime.MinValue. Left as it is, this UPDATE fails on a table with rows.
            migrationBuilder.Sql("UPDATE \"users\" SET \"created\" = NULL /* lossless: choose */;");
            """;
        await VerifyWithModel(source, fixedSource, SqliteUsersWithOrders, FixerKeys.LL1008_BackfillAfterAdd,
            [Expected(0, "users.created", "gives every existing row the placeholder DateTime.MinValue, a value that means no value")],
            [Expected(0, "users.created", "gives every existing row the placeholder DateTime.MinValue, a value that means no value: the backfill value marked 'lossless: choose' has not been chosen yet")]);
    }

    /// <summary>LL1012 on SQLite, with Fix All: one UPDATE after each AddColumn, in the order of the columns.</summary>
    [Fact]
    public async Task LL1012_BackfillAfterAdd_OnSqlite_FixAll_FillsEachColumnAfterItsAdd()
    {
        var source = """
            migrationBuilder.{|#0:AddColumn|}<bool>(
                name: "is_active",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.{|#1:AddColumn|}<int>(
                name: "rank",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
            """;
        var fixedSource = """
            migrationBuilder.{|#0:AddColumn|}<bool>(
                name: "is_active",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Choose the value the existing rows get, in place of NULL /* lossless: choose */: until then they hold EF's placeholder false. Left as it is, this UPDATE fails on a table with rows.
            migrationBuilder.Sql("UPDATE \"users\" SET \"is_active\" = NULL /* lossless: choose */;");

            migrationBuilder.{|#1:AddColumn|}<int>(
                name: "rank",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Choose the value the existing rows get, in place of NULL /* lossless: choose */: until then they hold EF's placeholder 0. Left as it is, this UPDATE fails on a table with rows.
            migrationBuilder.Sql("UPDATE \"users\" SET \"rank\" = NULL /* lossless: choose */;");
            """;
        const string unchosen = ": the backfill value marked 'lossless: choose' has not been chosen yet";
        await VerifyWithModel(source, fixedSource, SqliteUsersWithOrders, FixerKeys.LL1012_BackfillAfterAdd,
            [
                Fix.Diagnostic(RuleIds.ExistingRowsGetPlaceholder).WithLocation(0).WithArguments("users.is_active", "gives every existing row the placeholder false"),
                Fix.Diagnostic(RuleIds.ExistingRowsGetPlaceholder).WithLocation(1).WithArguments("users.rank", "gives every existing row the placeholder 0"),
            ],
            [
                Fix.Diagnostic(RuleIds.ExistingRowsGetPlaceholder).WithLocation(0).WithArguments("users.is_active", "gives every existing row the placeholder false" + unchosen),
                Fix.Diagnostic(RuleIds.ExistingRowsGetPlaceholder).WithLocation(1).WithArguments("users.rank", "gives every existing row the placeholder 0" + unchosen),
            ]);
    }

    /// <summary>
    /// On SQLite, with no default at all (SQLite refuses the AddColumn even on an empty table), the fix gives the column
    /// a default left to choose: no AlterColumn, so no rebuild and no LL1011 for the orders that cascade from users.
    /// LL1008 stays, saying the default is still to choose.
    /// </summary>
    [Fact]
    public async Task ChooseDefault_OnSqlite_LeavesTheDefaultToChooseAndRebuildsNothing()
    {
        const string source = """
            migrationBuilder.{|#0:AddColumn|}<int>(
                name: "rank",
                table: "users",
                type: "INTEGER",
                nullable: false);
            """;
        const string fixedSource = """
            migrationBuilder.{|#0:AddColumn|}<int>(
                name: "rank",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: null /* lossless: choose */);
            """;
        await VerifyWithModel(source, fixedSource, SqliteUsersWithOrders, FixerKeys.LL1008_ChooseDefault,
            [Expected(0, "users.rank", "with no default fails, on SQLite even when the table is empty")],
            [Expected(0, "users.rank", "with no default fails, on SQLite even when the table is empty: the default value marked 'lossless: choose' has not been chosen yet")]);
    }

    /// <summary>
    /// One choice in two shapes: on SQLite, Fix All (and dotnet format, which takes the key of whichever diagnostic it
    /// sees first) with the no-default column's key also fills the column that has EF's placeholder, the way that
    /// column's fix is offered (the UPDATE after its AddColumn); a single click on the first fixes only it.
    /// </summary>
    [Fact]
    public async Task OnSqlite_FixAll_FixesEachColumnTheWayItsFixIsOffered()
    {
        const string age = """migrationBuilder.{|#0:AddColumn|}<int>(name: "age", table: "users", type: "INTEGER", nullable: false);""";
        const string created = """migrationBuilder.{|#1:AddColumn|}<DateTime>(name: "created", table: "users", type: "TEXT", nullable: false, defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));""";
        const string ageFixed = """migrationBuilder.{|#0:AddColumn|}<int>(name: "age", table: "users", type: "INTEGER", nullable: false, defaultValue: null /* lossless: choose */);""";
        const string createdFixed = """
            migrationBuilder.{|#1:AddColumn|}<DateTime>(name: "created", table: "users", type: "TEXT", nullable: false, defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Choose the value the existing rows get, in place of NULL /* lossless: choose */: until then they hold EF's placeholder DateTime.MinValue. Left as it is, this UPDATE fails on a table with rows.
            migrationBuilder.Sql("UPDATE \"users\" SET \"created\" = NULL /* lossless: choose */;");
            """;
        const string noDefault = "with no default fails, on SQLite even when the table is empty";
        const string meaningless = "gives every existing row the placeholder DateTime.MinValue, a value that means no value";
        var test = new Fix.Test(TestProvider.Sqlite)
        {
            TestCode = Sources.Migration(age + "\n\n" + created),
            FixedCode = Sources.Migration(ageFixed + "\n\n" + created),
            BatchFixedCode = Sources.Migration(ageFixed + "\n\n" + createdFixed),
            CodeActionEquivalenceKey = FixerKeys.LL1008_ChooseDefault,
            NumberOfIncrementalIterations = 1,
        };
        test.ExpectedDiagnostics.Add(Expected(0, "users.age", noDefault));
        test.ExpectedDiagnostics.Add(Expected(1, "users.created", meaningless));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.FixedState.ExpectedDiagnostics.Add(Expected(0, "users.age", noDefault + ": the default value marked 'lossless: choose' has not been chosen yet"));
        test.FixedState.ExpectedDiagnostics.Add(Expected(1, "users.created", meaningless));
        test.BatchFixedState.MarkupHandling = MarkupMode.Allow;
        test.BatchFixedState.ExpectedDiagnostics.Add(Expected(0, "users.age", noDefault + ": the default value marked 'lossless: choose' has not been chosen yet"));
        test.BatchFixedState.ExpectedDiagnostics.Add(Expected(1, "users.created", meaningless + ": the backfill value marked 'lossless: choose' has not been chosen yet"));
        await test.RunAsync();
    }

    /// <summary>
    /// On SQLite the fix offered depends on the AddColumn: with EF's placeholder, the UPDATE after it; with no default at
    /// all (SQLite refuses the AddColumn), a default to choose. Never the nullable steps, whose AlterColumn would rebuild
    /// the table.
    /// </summary>
    [Fact]
    public async Task OnSqlite_ThePlaceholderDecidesWhichStepsAreOffered()
    {
        var fixer = new Lossless.CodeFixes.Rules.DataLoss.RequiredColumnAddedFixer();
        var withPlaceholder = await OfferedKeys.ForAsync(fixer, TestProvider.Sqlite, Sources.Migration("""migrationBuilder.AddColumn<bool>(name: "is_active", table: "users", type: "INTEGER", nullable: false, defaultValue: false);"""));
        var withoutDefault = await OfferedKeys.ForAsync(fixer, TestProvider.Sqlite, Sources.Migration("""migrationBuilder.AddColumn<int>(name: "age", table: "users", type: "INTEGER", nullable: false);"""));
        Assert.Equal([FixerKeys.LL1012_BackfillAfterAdd], withPlaceholder);
        Assert.Equal([FixerKeys.LL1008_ChooseDefault], withoutDefault);
    }

    /// <summary>LL1012 (info: EF's plain placeholder, often intended, sometimes not) gets the same steps: the value is a person's to choose.</summary>
    [Fact]
    public async Task LL1012_NullableBackfillRequire_LeavesTheValueToChoose()
    {
        var source = Sources.Migration("""migrationBuilder.{|#0:AddColumn|}<bool>(name: "is_active", table: "users", type: "boolean", nullable: false, defaultValue: false);""");
        var fixedSource = Sources.Migration("""
            migrationBuilder.AddColumn<bool>(name: "is_active", table: "users", type: "boolean", nullable: true);

            // Choose the value the existing rows get, in place of NULL /* lossless: choose */. Left as it is, making users.is_active required fails on a table with rows.
            migrationBuilder.Sql("UPDATE \"users\" SET \"is_active\" = NULL /* lossless: choose */ WHERE \"is_active\" IS NULL;");

            // Only now make users.is_active required: every row has a value.
            migrationBuilder.{|#0:AlterColumn|}<bool>(
                name: "is_active",
                table: "users",
                type: "boolean",
                nullable: false,
                oldClrType: typeof(bool),
                oldType: "boolean",
                oldNullable: true);
            """);
        await Verify(source, fixedSource, TestProvider.PostgreSql, FixerKeys.LL1012_AddNullableBackfillRequire,
            [Fix.Diagnostic(RuleIds.ExistingRowsGetPlaceholder).WithLocation(0).WithArguments("users.is_active", "gives every existing row the placeholder false")],
            [LeftToChoose(0, "users.is_active")]);
    }

    [Fact]
    public async Task UseModelDefault_WritesTheDefaultTheModelDeclares()
    {
        const string model = """
            modelBuilder.Entity("Sample.User", b =>
                {
                    b.Property<int>("Id").HasColumnType("integer").HasColumnName("id");
                    b.Property<string>("Country").IsRequired().HasMaxLength(2).HasColumnType("character varying(2)").HasDefaultValue("NL");
                    b.HasKey("Id");
                    b.ToTable("users");
                });
            """;
        var test = new Fix.Test(TestProvider.PostgreSql) { CodeActionEquivalenceKey = FixerKeys.LL1008_UseModelDefault };
        test.TestState.Sources.Add(Sources.Migration(NoDefault));
        test.TestState.Sources.Add(Sources.Designer(model));
        test.FixedState.Sources.Add(Sources.Migration("""
            migrationBuilder.AddColumn<string>(
                name: "Country",
                table: "users",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "NL");
            """));
        test.FixedState.Sources.Add(Sources.Designer(model));
        test.ExpectedDiagnostics.Add(Expected(0, "users.Country", "with no default fails on a table that has rows"));
        await test.RunAsync();
    }

    /// <summary>No model default: no action writes a value ("unknown" into a varchar(2) failed on every database).</summary>
    [Fact]
    public async Task WithoutAModelDefault_OnlyTheValueToChooseIsOffered()
    {
        var keys = await OfferedKeys.ForAsync(new Lossless.CodeFixes.Rules.DataLoss.RequiredColumnAddedFixer(), TestProvider.PostgreSql, Sources.Migration(NoDefault.Replace("{|#0:AddColumn|}", "AddColumn")));
        Assert.Equal([FixerKeys.LL1008_AddNullableBackfillRequire], keys);
    }

    [Fact]
    public async Task FixAll_FixesEveryColumn()
    {
        var source = Sources.Migration("""
            migrationBuilder.{|#0:AddColumn|}<int>(name: "age", table: "users", type: "integer", nullable: false);

            migrationBuilder.{|#1:AddColumn|}<Guid>(name: "tenant", table: "users", type: "uuid", nullable: false, defaultValue: Guid.Empty);
            """);
        var fixedSource = Sources.Migration("""
            migrationBuilder.AddColumn<int>(name: "age", table: "users", type: "integer", nullable: true);

            // Choose the value the existing rows get, in place of NULL /* lossless: choose */. Left as it is, making users.age required fails on a table with rows.
            migrationBuilder.Sql("UPDATE \"users\" SET \"age\" = NULL /* lossless: choose */ WHERE \"age\" IS NULL;");

            // Only now make users.age required: every row has a value.
            migrationBuilder.{|#0:AlterColumn|}<int>(
                name: "age",
                table: "users",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.AddColumn<Guid>(name: "tenant", table: "users", type: "uuid", nullable: true);

            // Choose the value the existing rows get, in place of NULL /* lossless: choose */. Left as it is, making users.tenant required fails on a table with rows.
            migrationBuilder.Sql("UPDATE \"users\" SET \"tenant\" = NULL /* lossless: choose */ WHERE \"tenant\" IS NULL;");

            // Only now make users.tenant required: every row has a value.
            migrationBuilder.{|#1:AlterColumn|}<Guid>(
                name: "tenant",
                table: "users",
                type: "uuid",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
            """);
        await Verify(source, fixedSource, TestProvider.PostgreSql, FixerKeys.LL1008_AddNullableBackfillRequire,
            [Expected(0, "users.age", "with no default fails on a table that has rows"), Expected(1, "users.tenant", "gives every existing row the placeholder Guid.Empty, a value that means no value")],
            [LeftToChoose(0, "users.age"), LeftToChoose(1, "users.tenant")]);
    }
}
