using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.DataLoss;

/// <summary>LL1001 (lossy), LL1002 (may fail) and LL1003 (key) on AlterColumn in Up.</summary>
public class ColumnTypeChangeTests
{
    private static Task VerifyAsync(string up, TestProvider provider, params DiagnosticResult[] expected)
        => Verify.VerifyAnalyzerAsync(Sources.Migration(up), provider, expected);

    private static DiagnosticResult LL1001(params object[] arguments) => Verify.Diagnostic(RuleIds.LossyTypeChange).WithLocation(0).WithArguments(arguments);

    private static DiagnosticResult LL1002(params object[] arguments) => Verify.Diagnostic(RuleIds.FailingTypeChange).WithLocation(0).WithArguments(arguments);

    // LL1001: the change succeeds and changes values.

    [Fact]
    public async Task ScaleReduced_PostgreSql_ReportsLL1001()
    {
        await VerifyAsync(
            """
            migrationBuilder.{|#0:AlterColumn|}<decimal>(
                name: "total",
                table: "orders",
                type: "numeric(10,0)",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(10,2)");
            """,
            TestProvider.PostgreSql,
            LL1001("orders.total", "numeric(10,2)", "numeric(10,0)", "silently rounds existing values to 0 decimal places (12345.68 becomes 12346)"));
    }

    [Fact]
    public async Task DoubleToInteger_PostgreSql_ReportsLL1001()
    {
        await VerifyAsync(
            """
            migrationBuilder.{|#0:AlterColumn|}<int>(
                name: "rating",
                table: "reviews",
                type: "integer",
                nullable: false,
                oldClrType: typeof(double),
                oldType: "double precision");
            """,
            TestProvider.PostgreSql,
            LL1001("reviews.rating", "double precision", "integer", "silently rounds values to whole numbers, halves to even (2.7 becomes 3, 2.5 becomes 2), and fails when a value is outside the range of integer (-2147483648 to 2147483647)"));
    }

    [Fact]
    public async Task TimestampToDate_PostgreSql_ReportsLL1001()
    {
        await VerifyAsync(
            """
            migrationBuilder.{|#0:AlterColumn|}<DateOnly>(
                name: "placed_at",
                table: "orders",
                type: "date",
                nullable: false,
                oldClrType: typeof(DateTime),
                oldType: "timestamp without time zone");
            """,
            TestProvider.PostgreSql,
            LL1001("orders.placed_at", "timestamp without time zone", "date", "silently drops the time of day (2024-03-01 14:30 becomes 2024-03-01)"));
    }

    [Fact]
    public async Task TimestamptzToTimestamp_PostgreSql_ReportsLL1001()
    {
        await VerifyAsync(
            """
            migrationBuilder.{|#0:AlterColumn|}<DateTime>(
                name: "created",
                schema: "audit",
                table: "events",
                type: "timestamp without time zone",
                nullable: false,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamptz");
            """,
            TestProvider.PostgreSql,
            LL1001("audit.events.created", "timestamptz", "timestamp without time zone", "silently converts values to the migrating session's TimeZone and drops the offset, so the result depends on that session (with TimeZone 'Europe/Berlin', 2024-03-01 12:00 UTC becomes 2024-03-01 13:00)"));
    }

    [Fact]
    public async Task UnicodeToNonUnicode_SqlServer_ReportsLL1001()
    {
        await VerifyAsync(
            """
            migrationBuilder.{|#0:AlterColumn|}<string>(
                name: "city",
                table: "addresses",
                type: "varchar(100)",
                unicode: false,
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100,
                oldNullable: true);
            """,
            TestProvider.SqlServer,
            LL1001("addresses.city", "nvarchar(100)", "varchar(100)", "silently replaces characters outside the column's code page with '?' ('Łódź' becomes '?ód?')"));
    }

    [Fact]
    public async Task ScaleReducedWithoutStoreTypes_UsesTheProviderMapping()
    {
        await VerifyAsync(
            """
            migrationBuilder.{|#0:AlterColumn|}<decimal>(
                name: "total",
                table: "orders",
                precision: 10,
                scale: 0,
                nullable: false,
                oldClrType: typeof(decimal),
                oldPrecision: 10,
                oldScale: 2);
            """,
            TestProvider.PostgreSql,
            LL1001("orders.total", "numeric(10,2)", "numeric(10,0)", "silently rounds existing values to 0 decimal places (12345.68 becomes 12346)"));
    }

    // LL1002: the change can fail, or leaves values the new type cannot read.

    [Fact]
    public async Task TextToInteger_PostgreSql_ReportsLL1002FailingEvenOnCleanData()
    {
        await VerifyAsync(
            """
            migrationBuilder.{|#0:AlterColumn|}<int>(
                name: "quantity",
                table: "orders",
                type: "integer",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");
            """,
            TestProvider.PostgreSql,
            LL1002("orders.quantity", "text", "integer", "fails on every database, even when every value is a valid integer in the range of integer: PostgreSQL has no cast from text to integer without USING, and EF Core writes none"));
    }

    [Fact]
    public async Task LengthReduced_PostgreSql_ReportsLL1002()
    {
        await VerifyAsync(
            """
            migrationBuilder.{|#0:AlterColumn|}<string>(
                name: "title",
                table: "projects",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "varchar(80)",
                oldMaxLength: 80);
            """,
            TestProvider.PostgreSql,
            LL1002("projects.title", "varchar(80)", "character varying(50)", "fails when a value is longer than 50 characters"));
    }

    [Fact]
    public async Task BigintToInteger_PostgreSql_ReportsLL1002()
    {
        await VerifyAsync(
            """
            migrationBuilder.{|#0:AlterColumn|}<int>(
                name: "views",
                table: "projects",
                type: "integer",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");
            """,
            TestProvider.PostgreSql,
            LL1002("projects.views", "bigint", "integer", "fails when a value is outside the range of integer (-2147483648 to 2147483647)"));
    }

    [Fact]
    public async Task TextToInteger_Sqlite_ReportsLL1002()
    {
        await VerifyAsync(
            """
            migrationBuilder.{|#0:AlterColumn|}<int>(
                name: "quantity",
                table: "orders",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT");
            """,
            TestProvider.Sqlite,
            LL1002("orders.quantity", "TEXT", "INTEGER", "leaves existing values that are not integers as text, and the application reads them as 0 without an error ('abc' reads as 0, '2.7' becomes 2.7 and reads as 2)"));
    }

    [Fact]
    public async Task TextToUuid_UnknownProvider_ReportsLL1002()
    {
        await VerifyAsync(
            """
            migrationBuilder.{|#0:AlterColumn|}<Guid>(
                name: "external_id",
                table: "orders",
                type: "uuid",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");
            """,
            TestProvider.None,
            LL1002("orders.external_id", "text", "uuid", "fails when a value is not a valid uuid"));
    }

    [Fact]
    public async Task UnrecognizedType_ReportsLL1002SayingSo()
    {
        await VerifyAsync(
            """
            migrationBuilder.{|#0:AlterColumn|}<string>(
                name: "shape",
                table: "parcels",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "geometry",
                oldNullable: true);
            """,
            TestProvider.PostgreSql,
            LL1002("parcels.shape", "geometry", "text", "may fail or change existing values: the store type 'geometry' was not recognized"));
    }

    /// <summary>
    /// An AlterColumn that changes only the nullability repeats the store type it does not recognise (MySQL's longtext
    /// and tinyint(1) with no provider referenced): the same type on both sides converts no value.
    /// </summary>
    [Theory]
    [InlineData("longtext", "longtext")]
    [InlineData("tinyint(1)", "TINYINT(1)")]
    public async Task UnrecognizedTypeOnBothSides_IsSilent(string type, string oldType)
    {
        await VerifyAsync(
            $$"""
            migrationBuilder.AlterColumn<string>(
                name: "Data",
                table: "Grant",
                type: "{{type}}",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "{{oldType}}");
            """,
            TestProvider.None);
    }

    [Fact]
    public async Task ClrTypeChangeWithoutStoreTypes_ReportsLL1002()
    {
        await VerifyAsync(
            """
            migrationBuilder.{|#0:AlterColumn|}<Guid>(
                name: "token",
                table: "sessions",
                nullable: false,
                oldClrType: typeof(string));
            """,
            TestProvider.PostgreSql,
            LL1002("sessions.token", "text", "uuid", "fails on every database, even when every value is a valid uuid: PostgreSQL has no cast from text to uuid without USING, and EF Core writes none"));
    }

    [Fact]
    public async Task EditorConfigProvider_OverridesTheReferencedOne()
    {
        var test = new Verify.Test(TestProvider.None)
        {
            TestCode = Sources.Migration("""
                migrationBuilder.{|#0:AlterColumn|}<int>(name: "quantity", table: "orders", type: "integer", oldClrType: typeof(string), oldType: "text");
                """),
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nlossless.provider = postgresql\n"));
        test.ExpectedDiagnostics.Add(LL1002("orders.quantity", "text", "integer", "fails on every database, even when every value is a valid integer in the range of integer: PostgreSQL has no cast from text to integer without USING, and EF Core writes none"));
        await test.RunAsync();
    }

    // LL1003: keys and foreign keys.

    private const string IncidentUp = """
        migrationBuilder.{|#0:AlterColumn|}<Guid>(
            name: "id",
            table: "users",
            type: "uuid",
            nullable: false,
            oldClrType: typeof(string),
            oldType: "character varying(255)",
            oldMaxLength: 255);

        migrationBuilder.{|#1:AlterColumn|}<Guid>(
            name: "userId",
            table: "projects",
            type: "uuid",
            nullable: false,
            oldClrType: typeof(string),
            oldType: "character varying(255)",
            oldMaxLength: 255);
        """;

    [Fact]
    public async Task Incident_PostgreSql_ReportsLL1003OnBothColumns()
    {
        var test = new Verify.Test(TestProvider.PostgreSql);
        test.TestState.Sources.Add(Sources.Migration(IncidentUp));
        test.TestState.Sources.Add(Sources.Designer(Sources.IncidentModel));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.KeyTypeChange).WithLocation(0).WithArguments("primary-key", "users.id", "character varying(255)", "uuid", "fails on every database, even when every value is a valid uuid: PostgreSQL has no cast from character varying(255) to uuid without USING, and EF Core writes none", "it is referenced by accounts.userId and projects.userId, and this migration leaves accounts.userId as 'character varying(255)'"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.KeyTypeChange).WithLocation(1).WithArguments("foreign-key", "projects.userId", "character varying(255)", "uuid", "fails on every database, even when every value is a valid uuid: PostgreSQL has no cast from character varying(255) to uuid without USING, and EF Core writes none", "it references users.id, which this migration also changes"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Incident_SqlServer_ReportsLL1003OnBothColumns()
    {
        var test = new Verify.Test(TestProvider.SqlServer);
        test.TestState.Sources.Add(Sources.Migration(IncidentUp.Replace("\"uuid\"", "\"uniqueidentifier\"").Replace("\"character varying(255)\"", "\"nvarchar(255)\"")));
        test.TestState.Sources.Add(Sources.Designer(Sources.IncidentModel.Replace("\"uuid\"", "\"uniqueidentifier\"").Replace("\"character varying(255)\"", "\"nvarchar(255)\"")));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.KeyTypeChange).WithLocation(0).WithArguments("primary-key", "users.id", "nvarchar(255)", "uniqueidentifier", "fails when a value is not a valid uuid", "it is referenced by accounts.userId and projects.userId, and this migration leaves accounts.userId as 'nvarchar(255)'"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.KeyTypeChange).WithLocation(1).WithArguments("foreign-key", "projects.userId", "nvarchar(255)", "uniqueidentifier", "fails when a value is not a valid uuid", "it references users.id, which this migration also changes"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WideningOnKeyFromThisMigrationsOwnForeignKey_ReportsLL1003()
    {
        await VerifyAsync(
            """
            migrationBuilder.AddForeignKey(
                name: "FK_orders_customers_customer_id",
                table: "orders",
                column: "customer_id",
                principalTable: "customers",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.{|#0:AlterColumn|}<long>(
                name: "id",
                table: "customers",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");
            """,
            TestProvider.PostgreSql,
            Verify.Diagnostic(RuleIds.KeyTypeChange).WithLocation(0).WithArguments("key", "customers.id", "integer", "bigint", "keeps every value", "it is referenced by orders.customer_id, and this migration leaves orders.customer_id as 'integer'"));
    }

    [Fact]
    public async Task PrimaryKeyOfTableCreatedInThisMigration_ReportsLL1003()
    {
        await VerifyAsync(
            """
            migrationBuilder.CreateTable(
                name: "tags",
                columns: table => new
                {
                    Code = table.Column<string>(name: "code", type: "character varying(10)", maxLength: 10, nullable: false),
                },
                constraints: table => table.PrimaryKey("PK_tags", x => x.Code));

            migrationBuilder.{|#0:AlterColumn|}<string>(
                name: "code",
                table: "tags",
                type: "character varying(5)",
                maxLength: 5,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(10)",
                oldMaxLength: 10);
            """,
            TestProvider.PostgreSql,
            Verify.Diagnostic(RuleIds.KeyTypeChange).WithLocation(0).WithArguments("primary-key", "tags.code", "character varying(10)", "character varying(5)", "fails when a value is longer than 5 characters", "no foreign key references it"));
    }

    [Fact]
    public async Task VerifiedKeyConversion_LeavingAReferencingColumn_StillReportsTheKey()
    {
        var test = new Verify.Test(TestProvider.PostgreSql);
        test.TestState.Sources.Add(Sources.Migration(
            "migrationBuilder.Sql(\"\"\"\n    -- lossless: verified users.id, projects.userId\n    ALTER TABLE projects DROP CONSTRAINT \"FK_projects_users_userId\";\n    ALTER TABLE users ALTER COLUMN id TYPE uuid USING id::uuid;\n    ALTER TABLE projects ALTER COLUMN \"userId\" TYPE uuid USING \"userId\"::uuid;\n    \"\"\");\n\n" + IncidentUp));
        test.TestState.Sources.Add(Sources.Designer(Sources.IncidentModel));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.KeyTypeChange).WithLocation(0).WithArguments("primary-key", "users.id", "character varying(255)", "uuid", "fails on every database, even when every value is a valid uuid: PostgreSQL has no cast from character varying(255) to uuid without USING, and EF Core writes none", "it is referenced by accounts.userId and projects.userId, and this migration leaves accounts.userId as 'character varying(255)'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task VerifiedKeyConversion_OfTheWholeGraph_DoesNotReport()
    {
        var accounts = """

            migrationBuilder.AlterColumn<Guid>(
                name: "userId",
                table: "accounts",
                type: "uuid",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(255)",
                oldMaxLength: 255);
            """;
        var test = new Verify.Test(TestProvider.PostgreSql);
        test.TestState.Sources.Add(Sources.Migration(
            "migrationBuilder.Sql(\"-- lossless: verified Users.Id, projects.userid, public.accounts.userId\\nALTER TABLE \\\"Users\\\" ALTER \\\"Id\\\" TYPE uuid USING \\\"Id\\\"::uuid; ALTER TABLE projects ALTER COLUMN \\\"userId\\\" TYPE uuid USING \\\"userId\\\"::uuid; ALTER TABLE public.accounts ALTER COLUMN \\\"userId\\\" SET DATA TYPE uuid USING \\\"userId\\\"::uuid;\");\n\n" + IncidentUp.Replace("{|#0:AlterColumn|}", "AlterColumn").Replace("{|#1:AlterColumn|}", "AlterColumn") + accounts));
        test.TestState.Sources.Add(Sources.Designer(Sources.IncidentModel));
        await test.RunAsync();
    }

    // Silent: identical, widening, nullability only, verified.

    [Theory]
    [InlineData("character varying(255)", "varchar(255)")]
    [InlineData("timestamptz", "timestamp with time zone")]
    [InlineData("int4", "integer")]
    [InlineData("character varying(50)", "character varying(100)")]
    [InlineData("character varying(50)", "text")]
    [InlineData("integer", "bigint")]
    [InlineData("numeric(10,2)", "numeric(12,2)")]
    [InlineData("date", "timestamp without time zone")]
    public async Task IdenticalOrWidening_DoesNotReport(string oldType, string newType)
    {
        await VerifyAsync(
            $$"""
            migrationBuilder.AlterColumn<string>(
                name: "value",
                table: "settings",
                type: "{{newType}}",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "{{oldType}}",
                oldNullable: true);
            """,
            TestProvider.PostgreSql);
    }

    [Fact]
    public async Task IdenticalAlias_SqlServer_DoesNotReport()
    {
        await VerifyAsync(
            """
            migrationBuilder.AlterColumn<string>(name: "bio", table: "users", type: "nvarchar(max)", nullable: true, oldClrType: typeof(string), oldType: "nvarchar(MAX)");
            """,
            TestProvider.SqlServer);
    }

    [Fact]
    public async Task NullabilityOnly_DoesNotReportATypeChange()
    {
        // No LL1001-LL1003; the placeholder default that turns NULLs into '' is LL1007's business.
        await VerifyAsync(
            """
            migrationBuilder.{|#0:AlterColumn|}<string>(
                name: "email",
                table: "users",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
            """,
            TestProvider.PostgreSql,
            Verify.Diagnostic(RuleIds.MadeRequired).WithLocation(0).WithArguments("users.email", "turns every NULL it holds into the placeholder ''"));
    }

    [Fact]
    public async Task VerifiedGuardBefore_OfAChangeThatFailsOnEveryDatabase_StillReports()
    {
        // The guard proves every value is an integer, but EF's ALTER … TYPE integer without USING still fails (42804):
        // a marker documents a check, it cannot make the AlterColumn succeed.
        var test = new Verify.Test(TestProvider.PostgreSql)
        {
            // The guard's dollar-quoted body is not test markup.
            TestState = { MarkupHandling = MarkupMode.None },
            TestCode = Sources.Migration("""
                migrationBuilder.Sql(
                    "-- lossless: verified orders.quantity\n" +
                    "DO $$ BEGIN IF EXISTS (SELECT 1 FROM \"orders\" WHERE \"quantity\" !~ '^-?[0-9]+$') THEN RAISE EXCEPTION 'orders.quantity holds non-integers'; END IF; END $$;");

                migrationBuilder.AlterColumn<int>(name: "quantity", table: "orders", type: "integer", oldClrType: typeof(string), oldType: "text");
                """),
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.FailingTypeChange).WithSpan(18, 30, 18, 41).WithArguments("orders.quantity", "text", "integer", "fails on every database, even when every value is a valid integer in the range of integer: PostgreSQL has no cast from text to integer without USING, and EF Core writes none"));
        await test.RunAsync();
    }

    [Fact]
    public async Task BareVerifiedComment_OfAChangeThatFailsOnEveryDatabase_StillReports()
    {
        await VerifyAsync(
            """
            migrationBuilder.Sql("-- lossless: verified orders.quantity");
            migrationBuilder.{|#0:AlterColumn|}<int>(name: "quantity", table: "orders", type: "integer", oldClrType: typeof(string), oldType: "text");
            """,
            TestProvider.PostgreSql,
            LL1002("orders.quantity", "text", "integer", "fails on every database, even when every value is a valid integer in the range of integer: PostgreSQL has no cast from text to integer without USING, and EF Core writes none"));
    }

    [Theory]
    [InlineData("ALTER TABLE orders ALTER COLUMN quantity TYPE integer USING quantity::integer;")]
    [InlineData("ALTER TABLE \\\"Orders\\\" ALTER \\\"Quantity\\\" SET DATA TYPE integer USING trim(\\\"Quantity\\\")::integer;")]
    [InlineData("ALTER TABLE orders ADD quantity_new integer; UPDATE orders SET quantity_new = quantity::integer; ALTER TABLE orders DROP COLUMN quantity; ALTER TABLE orders RENAME quantity_new TO quantity;")]
    public async Task VerifiedStepThatConverts_OfAChangeThatFailsOnEveryDatabase_DoesNotReport(string conversion)
    {
        await VerifyAsync(
            $$"""
            migrationBuilder.Sql("-- lossless: verified orders.quantity\n{{conversion}}");
            migrationBuilder.AlterColumn<int>(name: "quantity", table: "orders", type: "integer", oldClrType: typeof(string), oldType: "text");
            """,
            TestProvider.PostgreSql);
    }

    [Fact]
    public async Task VerifiedConversionOfAnotherColumn_StillReports()
    {
        await VerifyAsync(
            """
            migrationBuilder.Sql("-- lossless: verified orders.quantity\nALTER TABLE orders ALTER COLUMN total TYPE integer USING total::integer;");
            migrationBuilder.{|#0:AlterColumn|}<int>(name: "quantity", table: "orders", type: "integer", oldClrType: typeof(string), oldType: "text");
            """,
            TestProvider.PostgreSql,
            LL1002("orders.quantity", "text", "integer", "fails on every database, even when every value is a valid integer in the range of integer: PostgreSQL has no cast from text to integer without USING, and EF Core writes none"));
    }

    [Fact]
    public async Task VerifiedGuardBefore_OfAChangeThatFailsOnlyOnBadData_DoesNotReport()
    {
        // varchar(50) -> varchar(20) has an assignment cast: it fails only on a value longer than 20, which the guard rules out.
        await VerifyAsync(
            """
            migrationBuilder.Sql("-- lossless: verified users.name\nDO $x$ BEGIN IF EXISTS (SELECT 1 FROM users WHERE length(name) > 20) THEN RAISE EXCEPTION 'too long'; END IF; END $x$;");
            migrationBuilder.AlterColumn<string>(name: "name", table: "users", type: "character varying(20)", maxLength: 20, oldClrType: typeof(string), oldType: "character varying(50)", oldMaxLength: 50);
            """,
            TestProvider.PostgreSql);
    }

    [Fact]
    public async Task VerifiedStepAfter_PostgreSql_StillReports()
    {
        await VerifyAsync(
            """
            migrationBuilder.{|#0:AlterColumn|}<int>(name: "quantity", table: "orders", type: "integer", oldClrType: typeof(string), oldType: "text");
            migrationBuilder.Sql("-- lossless: verified orders.quantity");
            """,
            TestProvider.PostgreSql,
            LL1002("orders.quantity", "text", "integer", "fails on every database, even when every value is a valid integer in the range of integer: PostgreSQL has no cast from text to integer without USING, and EF Core writes none"));
    }

    [Fact]
    public async Task VerifiedStepAfter_Sqlite_DoesNotReport()
    {
        // EF Core runs SQLite table rebuilds after every other operation: a guard anywhere in Up runs first.
        await VerifyAsync(
            """
            migrationBuilder.AlterColumn<int>(name: "quantity", table: "orders", type: "INTEGER", oldClrType: typeof(string), oldType: "TEXT");
            migrationBuilder.Sql("-- lossless: verified orders.quantity");
            """,
            TestProvider.Sqlite);
    }

    [Fact]
    public async Task MarkerNamingAnotherColumn_StillReports()
    {
        await VerifyAsync(
            """
            migrationBuilder.Sql("-- lossless: verified orders.total");
            migrationBuilder.{|#0:AlterColumn|}<int>(name: "quantity", table: "orders", type: "integer", oldClrType: typeof(string), oldType: "text");
            """,
            TestProvider.PostgreSql,
            LL1002("orders.quantity", "text", "integer", "fails on every database, even when every value is a valid integer in the range of integer: PostgreSQL has no cast from text to integer without USING, and EF Core writes none"));
    }

    [Fact]
    public async Task HelperMethod_IsReportedWhereTheCallStands()
    {
        var source = Sources.Migration("ShrinkTitle(migrationBuilder);").Replace(
            "protected override void Down",
            """
            private static void ShrinkTitle(MigrationBuilder builder)
                    {
                        builder.{|#0:AlterColumn|}<string>(name: "title", table: "projects", type: "character varying(50)", oldClrType: typeof(string), oldType: "text");
                    }

                    protected override void Down
            """);

        await Verify.VerifyAnalyzerAsync(source, TestProvider.PostgreSql, LL1002("projects.title", "text", "character varying(50)", "fails when a value is longer than 50 characters"));
    }
}
