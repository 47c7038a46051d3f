using Lossless.Analyzers;
using Lossless.CodeFixes;
using Lossless.Tests.Meta;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpCodeFixVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer, Lossless.CodeFixes.Rules.DataLoss.TypeChanges.TypeChangeFixer>;

namespace Lossless.Tests.Rules.DataLoss;

/// <summary>
/// The type-change fixes, full source before and after, per fix kind and provider. The framework also applies each
/// fix with Fix All in document, project and solution, and checks that the fixed migration has no diagnostic left.
/// The same fixes run against real databases in tests/Lossless.DataTests/TypeChanges.
/// </summary>
public class TypeChangeFixTests
{
    /// <summary>LL1001: the guard goes above the user's comment, and Down, whose numeric(10,0) to numeric(10,2) can overflow, gets its own.</summary>
    [Fact]
    public async Task ScaleReduced_PostgreSql_VerifyThenConvert_GuardsUpAndDown()
    {
        await Verify.VerifyCodeFixAsync(
            Sources.Migration(
                """
                // Totals are whole euros from now on.
                migrationBuilder.{|LL1001:AlterColumn|}<decimal>(
                    name: "total",
                    table: "orders",
                    type: "numeric(10,0)",
                    nullable: false,
                    oldClrType: typeof(decimal),
                    oldType: "numeric(10,2)");
                """,
                """
                migrationBuilder.AlterColumn<decimal>(
                    name: "total",
                    table: "orders",
                    type: "numeric(10,2)",
                    nullable: false,
                    oldClrType: typeof(decimal),
                    oldType: "numeric(10,0)");
                """),
            Sources.Migration(
                """"
                // Stop the migration before it changes anything if a value of orders.total would not survive the change to numeric(10,0).
                migrationBuilder.Sql("""
                    -- lossless: verified orders.total
                    DO $lossless$
                    DECLARE
                        bad bigint;
                    BEGIN
                        SELECT count(*) INTO bad FROM "orders" WHERE "total" <> round("total", 0);
                        IF bad > 0 THEN
                            RAISE EXCEPTION 'lossless: % value(s) of orders.total cannot be converted from numeric(10,2) to numeric(10,0) without loss; the migration was stopped and nothing was changed', bad;
                        END IF;
                    END
                    $lossless$;
                    """);

                // Totals are whole euros from now on.
                migrationBuilder.AlterColumn<decimal>(
                    name: "total",
                    table: "orders",
                    type: "numeric(10,0)",
                    nullable: false,
                    oldClrType: typeof(decimal),
                    oldType: "numeric(10,2)");
                """",
                """"
                // Stop the rollback before it changes anything if a value of orders.total would not survive the change back to numeric(10,2).
                migrationBuilder.Sql("""
                    -- lossless: verified orders.total
                    DO $lossless$
                    DECLARE
                        bad bigint;
                    BEGIN
                        SELECT count(*) INTO bad FROM "orders" WHERE abs("total") >= 100000000;
                        IF bad > 0 THEN
                            RAISE EXCEPTION 'lossless: % value(s) of orders.total cannot be converted from numeric(10,0) to numeric(10,2) without loss; the migration was stopped and nothing was changed', bad;
                        END IF;
                    END
                    $lossless$;
                    """);

                migrationBuilder.AlterColumn<decimal>(
                    name: "total",
                    table: "orders",
                    type: "numeric(10,2)",
                    nullable: false,
                    oldClrType: typeof(decimal),
                    oldType: "numeric(10,0)");
                """"),
            TestProvider.PostgreSql,
            FixerKeys.LL1001_VerifyThenConvert);
    }

    /// <summary>LL1002 on PostgreSQL without a cast: verification and ALTER … USING in one step; Down (uuid to text) has a cast and stays.</summary>
    [Fact]
    public async Task TextToUuid_PostgreSql_UsingCast_VerifiesThenConvertsExplicitly()
    {
        await Verify.VerifyCodeFixAsync(
            Sources.Migration(
                """
                migrationBuilder.{|LL1002:AlterColumn|}<Guid>(
                    name: "externalId",
                    table: "bazaar-vid_user",
                    type: "uuid",
                    nullable: false,
                    oldClrType: typeof(string),
                    oldType: "character varying(255)",
                    oldMaxLength: 255);
                """,
                """
                migrationBuilder.AlterColumn<string>(
                    name: "externalId",
                    table: "bazaar-vid_user",
                    type: "character varying(255)",
                    maxLength: 255,
                    nullable: false,
                    oldClrType: typeof(Guid),
                    oldType: "uuid");
                """),
            Sources.Migration(
                """"
                // PostgreSQL has no automatic cast from character varying(255) to uuid: stop the migration if a value of bazaar-vid_user.externalId would not convert, else convert with an explicit cast.
                migrationBuilder.Sql("""
                    -- lossless: verified bazaar-vid_user.externalId
                    DO $lossless$
                    DECLARE
                        bad bigint;
                    BEGIN
                        BEGIN
                            SELECT count(*) INTO bad FROM "bazaar-vid_user" WHERE "externalId"::uuid IS NULL;
                        EXCEPTION WHEN others THEN
                            bad := -1;
                        END;
                        IF bad <> 0 THEN
                            SELECT count(*) INTO bad FROM "bazaar-vid_user" WHERE "externalId" !~* '^(\{([0-9a-f]{4}-?){7}[0-9a-f]{4}\}|([0-9a-f]{4}-?){7}[0-9a-f]{4})$';
                            IF bad > 0 THEN
                                RAISE EXCEPTION 'lossless: % value(s) of bazaar-vid_user.externalId cannot be converted from character varying(255) to uuid without loss; the migration was stopped and nothing was changed', bad;
                            END IF;
                        END IF;
                    END
                    $lossless$;
                    ALTER TABLE "bazaar-vid_user" ALTER COLUMN "externalId" TYPE uuid USING "externalId"::uuid;
                    """);

                migrationBuilder.AlterColumn<Guid>(
                    name: "externalId",
                    table: "bazaar-vid_user",
                    type: "uuid",
                    nullable: false,
                    oldClrType: typeof(string),
                    oldType: "character varying(255)",
                    oldMaxLength: 255);
                """",
                """
                migrationBuilder.AlterColumn<string>(
                    name: "externalId",
                    table: "bazaar-vid_user",
                    type: "character varying(255)",
                    maxLength: 255,
                    nullable: false,
                    oldClrType: typeof(Guid),
                    oldType: "uuid");
                """),
            TestProvider.PostgreSql,
            FixerKeys.LL1002_UsingCast);
    }

    /// <summary>LL1002 with a cast: only the guard; a schema and a table with a quote and double quotes in its name are quoted PostgreSQL's way.</summary>
    [Fact]
    public async Task LengthReduced_PostgreSql_VerifyThenConvert_QuotesSchemaAndTable()
    {
        await Verify.VerifyCodeFixAsync(
            Sources.Migration(
                """
                migrationBuilder.{|LL1002:AlterColumn|}<string>(
                    name: "name",
                    schema: "crm",
                    table: "o'neil \"archive\"",
                    type: "character varying(50)",
                    maxLength: 50,
                    nullable: true,
                    oldClrType: typeof(string),
                    oldType: "character varying(255)",
                    oldMaxLength: 255,
                    oldNullable: true);
                """,
                """
                migrationBuilder.AlterColumn<string>(
                    name: "name",
                    schema: "crm",
                    table: "o'neil \"archive\"",
                    type: "character varying(255)",
                    maxLength: 255,
                    nullable: true,
                    oldClrType: typeof(string),
                    oldType: "character varying(50)",
                    oldMaxLength: 50,
                    oldNullable: true);
                """),
            Sources.Migration(
                """""
                // Stop the migration before it changes anything if a value of crm.o'neil "archive".name would not survive the change to character varying(50).
                migrationBuilder.Sql(""""
                    -- lossless: verified crm.o'neil "archive".name
                    DO $lossless$
                    DECLARE
                        bad bigint;
                    BEGIN
                        SELECT count(*) INTO bad FROM "crm"."o'neil ""archive""" WHERE length("name") > 50;
                        IF bad > 0 THEN
                            RAISE EXCEPTION 'lossless: % value(s) of crm.o''neil "archive".name cannot be converted from character varying(255) to character varying(50) without loss; the migration was stopped and nothing was changed', bad;
                        END IF;
                    END
                    $lossless$;
                    """");

                migrationBuilder.AlterColumn<string>(
                    name: "name",
                    schema: "crm",
                    table: "o'neil \"archive\"",
                    type: "character varying(50)",
                    maxLength: 50,
                    nullable: true,
                    oldClrType: typeof(string),
                    oldType: "character varying(255)",
                    oldMaxLength: 255,
                    oldNullable: true);
                """"",
                """
                migrationBuilder.AlterColumn<string>(
                    name: "name",
                    schema: "crm",
                    table: "o'neil \"archive\"",
                    type: "character varying(255)",
                    maxLength: 255,
                    nullable: true,
                    oldClrType: typeof(string),
                    oldType: "character varying(50)",
                    oldMaxLength: 50,
                    oldNullable: true);
                """),
            TestProvider.PostgreSql,
            FixerKeys.LL1002_VerifyThenConvert);
    }

    /// <summary>LL1002 on SQLite: RAISE works only in a trigger, so the guard is a TEMP trigger on a TEMP table.</summary>
    [Fact]
    public async Task TextToInteger_Sqlite_VerifyThenConvert_GuardsWithATempTrigger()
    {
        await Verify.VerifyCodeFixAsync(
            Sources.Migration(
                """
                migrationBuilder.{|LL1002:AlterColumn|}<long>(
                    name: "quantity",
                    table: "orders",
                    type: "INTEGER",
                    nullable: false,
                    oldClrType: typeof(string),
                    oldType: "TEXT");
                """,
                """
                migrationBuilder.AlterColumn<string>(
                    name: "quantity",
                    table: "orders",
                    type: "TEXT",
                    nullable: false,
                    oldClrType: typeof(long),
                    oldType: "INTEGER");
                """),
            Sources.Migration(
                """"
                // Stop the migration before it changes anything if a value of orders.quantity would not survive the change to INTEGER.
                migrationBuilder.Sql("""
                    -- lossless: verified orders.quantity
                    CREATE TEMP TABLE "lossless_guard" ("message" TEXT NOT NULL);
                    CREATE TEMP TRIGGER "lossless_guard_abort" BEFORE INSERT ON "lossless_guard"
                    BEGIN
                        SELECT RAISE(ABORT, NEW."message");
                    END;
                    INSERT INTO "lossless_guard" SELECT 'lossless: ' || count(*) || ' value(s) of orders.quantity cannot be converted from TEXT to INTEGER without loss; the migration was stopped and nothing was changed' FROM "orders" WHERE CASE WHEN typeof("quantity") = 'null' THEN 0 WHEN typeof("quantity") = 'text' THEN CAST(CAST("quantity" AS INTEGER) AS TEXT) IS NOT "quantity" WHEN typeof("quantity") IN ('integer') THEN 0 ELSE NOT (CAST("quantity" AS INTEGER) = "quantity") END HAVING count(*) > 0;
                    DROP TABLE "lossless_guard";
                    """);

                migrationBuilder.AlterColumn<long>(
                    name: "quantity",
                    table: "orders",
                    type: "INTEGER",
                    nullable: false,
                    oldClrType: typeof(string),
                    oldType: "TEXT");
                """",
                """
                migrationBuilder.AlterColumn<string>(
                    name: "quantity",
                    table: "orders",
                    type: "TEXT",
                    nullable: false,
                    oldClrType: typeof(long),
                    oldType: "INTEGER");
                """),
            TestProvider.Sqlite,
            FixerKeys.LL1002_VerifyThenConvert);
    }

    /// <summary>LL1002 expand/contract: new column, verified copy, drop, rename, required again; Down the same the other way (integer to character varying(20) keeps every value: only the copy is checked).</summary>
    [Fact]
    public async Task TextToInteger_PostgreSql_ExpandContract_CopiesThroughANewColumn()
    {
        await Verify.VerifyCodeFixAsync(
            Sources.Migration(
                """
                migrationBuilder.{|LL1002:AlterColumn|}<int>(
                    name: "quantity",
                    table: "orders",
                    type: "integer",
                    nullable: false,
                    oldClrType: typeof(string),
                    oldType: "character varying(20)",
                    oldMaxLength: 20);
                """,
                """
                migrationBuilder.AlterColumn<string>(
                    name: "quantity",
                    table: "orders",
                    type: "character varying(20)",
                    maxLength: 20,
                    nullable: false,
                    oldClrType: typeof(int),
                    oldType: "integer");
                """),
            Sources.Migration(
                """"
                // Convert orders.quantity through a new column, so the old values stay in place until every one is copied and checked.
                migrationBuilder.AddColumn<int>(
                    name: "quantity_new",
                    table: "orders",
                    type: "integer",
                    nullable: true);

                // Stop the migration before it changes anything if a value would not convert, else copy every value with an explicit conversion and check that all arrived.
                migrationBuilder.Sql("""
                    -- lossless: verified orders.quantity
                    DO $lossless$
                    DECLARE
                        bad bigint;
                    BEGIN
                        BEGIN
                            SELECT count(*) INTO bad FROM "orders" WHERE "quantity"::integer::text <> "quantity";
                        EXCEPTION WHEN others THEN
                            bad := -1;
                        END;
                        IF bad <> 0 THEN
                            SELECT count(*) INTO bad FROM "orders" WHERE CASE WHEN "quantity" !~ '^-?[0-9]{1,19}$' THEN true WHEN "quantity"::numeric NOT BETWEEN -2147483648 AND 2147483647 THEN true ELSE "quantity"::integer::text <> "quantity" END;
                            IF bad > 0 THEN
                                RAISE EXCEPTION 'lossless: % value(s) of orders.quantity cannot be converted from character varying(20) to integer without loss; the migration was stopped and nothing was changed', bad;
                            END IF;
                        END IF;

                        UPDATE "orders" SET "quantity_new" = "quantity"::integer;
                        SELECT count(*) INTO bad FROM "orders" WHERE ("quantity" IS NULL) <> ("quantity_new" IS NULL);
                        IF bad > 0 THEN
                            RAISE EXCEPTION 'lossless: % value(s) of orders.quantity were not copied to quantity_new; the migration was stopped and nothing was changed', bad;
                        END IF;
                    END
                    $lossless$;
                    """);

                // Every value is in quantity_new: drop the old column and give the new one its name.
                migrationBuilder.DropColumn(
                    name: "quantity",
                    table: "orders");

                migrationBuilder.RenameColumn(
                    name: "quantity_new",
                    table: "orders",
                    newName: "quantity");

                // Every row has a value again: make the column required, as it was.
                migrationBuilder.AlterColumn<int>(
                    name: "quantity",
                    table: "orders",
                    type: "integer",
                    nullable: false,
                    oldClrType: typeof(int),
                    oldType: "integer",
                    oldNullable: true);
                """",
                """"
                // Convert orders.quantity through a new column, so the old values stay in place until every one is copied and checked.
                migrationBuilder.AddColumn<string>(
                    name: "quantity_old",
                    table: "orders",
                    type: "character varying(20)",
                    maxLength: 20,
                    nullable: true);

                // Copy every value with an explicit conversion, and stop the rollback before it changes anything unless all arrived.
                migrationBuilder.Sql("""
                    -- lossless: verified orders.quantity
                    DO $lossless$
                    DECLARE
                        bad bigint;
                    BEGIN
                        UPDATE "orders" SET "quantity_old" = "quantity"::character varying(20);
                        SELECT count(*) INTO bad FROM "orders" WHERE ("quantity" IS NULL) <> ("quantity_old" IS NULL);
                        IF bad > 0 THEN
                            RAISE EXCEPTION 'lossless: % value(s) of orders.quantity were not copied to quantity_old; the migration was stopped and nothing was changed', bad;
                        END IF;
                    END
                    $lossless$;
                    """);

                // Every value is in quantity_old: drop the old column and give the new one its name.
                migrationBuilder.DropColumn(
                    name: "quantity",
                    table: "orders");

                migrationBuilder.RenameColumn(
                    name: "quantity_old",
                    table: "orders",
                    newName: "quantity");

                // Every row has a value again: make the column required, as it was.
                migrationBuilder.AlterColumn<string>(
                    name: "quantity",
                    table: "orders",
                    type: "character varying(20)",
                    maxLength: 20,
                    nullable: false,
                    oldClrType: typeof(string),
                    oldType: "character varying(20)",
                    oldMaxLength: 20,
                    oldNullable: true);
                """"),
            TestProvider.PostgreSql,
            FixerKeys.LL1002_ExpandContract);
    }

    /// <summary>LL1002 expand/contract on SQL Server: TRY_CONVERT finds what would not convert, CAST copies, THROW stops.</summary>
    [Fact]
    public async Task TextToInteger_SqlServer_ExpandContract_CopiesThroughANewColumn()
    {
        await Verify.VerifyCodeFixAsync(
            Sources.Migration(
                """
                migrationBuilder.{|LL1002:AlterColumn|}<int>(
                    name: "quantity",
                    table: "orders",
                    type: "int",
                    nullable: true,
                    oldClrType: typeof(string),
                    oldType: "nvarchar(20)",
                    oldMaxLength: 20,
                    oldNullable: true);
                """),
            Sources.Migration(
                """"
                // Convert orders.quantity through a new column, so the old values stay in place until every one is copied and checked.
                migrationBuilder.AddColumn<int>(
                    name: "quantity_new",
                    table: "orders",
                    type: "int",
                    nullable: true);

                // Stop the migration before it changes anything if a value would not convert, else copy every value with an explicit conversion and check that all arrived.
                migrationBuilder.Sql("""
                    -- lossless: verified orders.quantity
                    DECLARE @bad bigint, @keys nvarchar(max), @message nvarchar(2048);

                    SELECT @bad = COUNT_BIG(*) FROM [orders] WHERE [quantity] IS NOT NULL AND (TRY_CONVERT(int, [quantity]) IS NULL OR CONVERT(nvarchar(40), TRY_CONVERT(int, [quantity])) + N'x' <> [quantity] + N'x');
                    IF @bad > 0
                    BEGIN
                        SET @message = CONCAT(N'lossless: ', @bad, N' value(s) of orders.quantity cannot be converted from nvarchar(20) to int without loss; the migration was stopped and nothing was changed');
                        THROW 50000, @message, 1;
                    END;

                    UPDATE [orders] SET [quantity_new] = CAST([quantity] AS int);
                    SELECT @bad = COUNT_BIG(*) FROM [orders] WHERE CASE WHEN [quantity] IS NULL THEN 1 ELSE 0 END <> CASE WHEN [quantity_new] IS NULL THEN 1 ELSE 0 END;
                    IF @bad > 0
                    BEGIN
                        SET @message = CONCAT(N'lossless: ', @bad, N' value(s) of orders.quantity were not copied to quantity_new; the migration was stopped and nothing was changed');
                        THROW 50000, @message, 1;
                    END;
                    """);

                // Every value is in quantity_new: drop the old column and give the new one its name.
                migrationBuilder.DropColumn(
                    name: "quantity",
                    table: "orders");

                migrationBuilder.RenameColumn(
                    name: "quantity_new",
                    table: "orders",
                    newName: "quantity");
                """"),
            TestProvider.SqlServer,
            FixerKeys.LL1002_ExpandContract);
    }

    /// <summary>LL1001 on SQL Server: a character the column's code page lacks becomes '?'; the guard compares a round trip's bytes and THROWs.</summary>
    [Fact]
    public async Task UnicodeToNonUnicode_SqlServer_VerifyThenConvert_Throws()
    {
        await Verify.VerifyCodeFixAsync(
            Sources.Migration(
                """
                migrationBuilder.{|LL1001:AlterColumn|}<string>(
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
                """),
            Sources.Migration(
                """"
                // Stop the migration before it changes anything if a value of addresses.city would not survive the change to varchar(100).
                migrationBuilder.Sql("""
                    -- lossless: verified addresses.city
                    DECLARE @bad bigint, @keys nvarchar(max), @message nvarchar(2048);

                    SELECT @bad = COUNT_BIG(*) FROM [addresses] WHERE CAST([city] AS varbinary(max)) <> CAST(CAST(CAST([city] AS varchar(max)) AS nvarchar(max)) AS varbinary(max));
                    IF @bad > 0
                    BEGIN
                        SET @message = CONCAT(N'lossless: ', @bad, N' value(s) of addresses.city cannot be converted from nvarchar(100) to varchar(100) without loss; the migration was stopped and nothing was changed');
                        THROW 50000, @message, 1;
                    END;
                    """);

                migrationBuilder.AlterColumn<string>(
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
                """"),
            TestProvider.SqlServer,
            FixerKeys.LL1001_VerifyThenConvert);
    }

    /// <summary>LL1002 on SQL Server: TRY_CONVERT finds what is not a uuid; the length catches what SQL Server would truncate into one.</summary>
    [Fact]
    public async Task TextToUuid_SqlServer_VerifyThenConvert_Throws()
    {
        await Verify.VerifyCodeFixAsync(
            Sources.Migration(
                """
                migrationBuilder.{|LL1002:AlterColumn|}<Guid>(
                    name: "externalId",
                    schema: "auth",
                    table: "users]",
                    type: "uniqueidentifier",
                    nullable: false,
                    oldClrType: typeof(string),
                    oldType: "nvarchar(255)",
                    oldMaxLength: 255);
                """),
            Sources.Migration(
                """"
                // Stop the migration before it changes anything if a value of auth.users].externalId would not survive the change to uniqueidentifier.
                migrationBuilder.Sql("""
                    -- lossless: verified auth.users].externalId
                    DECLARE @bad bigint, @keys nvarchar(max), @message nvarchar(2048);

                    SELECT @bad = COUNT_BIG(*) FROM [auth].[users]]] WHERE (TRY_CONVERT(uniqueidentifier, [externalId]) IS NULL OR LEN([externalId]) <> 36) AND [externalId] IS NOT NULL;
                    IF @bad > 0
                    BEGIN
                        SET @message = CONCAT(N'lossless: ', @bad, N' value(s) of auth.users].externalId cannot be converted from nvarchar(255) to uniqueidentifier; the migration was stopped and nothing was changed');
                        THROW 50000, @message, 1;
                    END;
                    """);

                migrationBuilder.AlterColumn<Guid>(
                    name: "externalId",
                    schema: "auth",
                    table: "users]",
                    type: "uniqueidentifier",
                    nullable: false,
                    oldClrType: typeof(string),
                    oldType: "nvarchar(255)",
                    oldMaxLength: 255);
                """"),
            TestProvider.SqlServer,
            FixerKeys.LL1002_VerifyThenConvert);
    }

    /// <summary>Fix All over two migrations (two documents): each gets its own guard; run by the framework in document, project and solution scope.</summary>
    [Fact]
    public async Task FixAll_OverSeveralMigrations_GuardsEach()
    {
        static string Alter(string table, string markup) => $$"""
            migrationBuilder.{{markup}}<decimal>(
                name: "total",
                table: "{{table}}",
                type: "numeric(10,0)",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(10,2)");
            """;

        static string Guarded(string table) => $$""""
            // Stop the migration before it changes anything if a value of {{table}}.total would not survive the change to numeric(10,0).
            migrationBuilder.Sql("""
                -- lossless: verified {{table}}.total
                DO $lossless$
                DECLARE
                    bad bigint;
                BEGIN
                    SELECT count(*) INTO bad FROM "{{table}}" WHERE "total" <> round("total", 0);
                    IF bad > 0 THEN
                        RAISE EXCEPTION 'lossless: % value(s) of {{table}}.total cannot be converted from numeric(10,2) to numeric(10,0) without loss; the migration was stopped and nothing was changed', bad;
                    END IF;
                END
                $lossless$;
                """);

            {{Alter(table, "AlterColumn")}}
            """";

        var test = new Verify.Test(TestProvider.PostgreSql) { CodeActionEquivalenceKey = FixerKeys.LL1001_VerifyThenConvert };
        test.TestState.Sources.Add(Sources.Migration(Alter("orders", "{|LL1001:AlterColumn|}") + "\n\n" + Alter("refunds", "{|LL1001:AlterColumn|}")));
        test.TestState.Sources.Add(Sources.Migration(Alter("invoices", "{|LL1001:AlterColumn|}"), name: "WholeInvoices", id: "20250118120000_WholeInvoices").Replace(Sources.Context, string.Empty));
        test.FixedState.Sources.Add(Sources.Migration(Guarded("orders") + "\n\n" + Guarded("refunds")));
        test.FixedState.Sources.Add(Sources.Migration(Guarded("invoices"), name: "WholeInvoices", id: "20250118120000_WholeInvoices").Replace(Sources.Context, string.Empty));
        await test.RunAsync();
    }

    /// <summary>
    /// Incident 0024: the sample's migration (samples/, unchanged) becomes tests/Incident/20250117120000_YummyChamber.cs,
    /// which tests/Lossless.DataTests runs on PostgreSQL. Fixing either LL1003 fixes both: one conversion covers the graph.
    /// </summary>
    [Fact]
    public async Task Incident_PostgreSql_ConvertKey_ProducesTheCheckedInMigration()
    {
        const string folder = "samples/Lossless.Sample/Migrations/";
        const string context = """
            using Microsoft.EntityFrameworkCore;

            namespace Lossless.Sample
            {
                public class SampleDbContext : DbContext
                {
                }
            }
            """;
        (string, string)[] unchanged =
        [
            ("InitialCreate.cs", RepositoryFiles.ReadText(folder + "20250102090000_InitialCreate.cs")),
            ("InitialCreate.Designer.cs", RepositoryFiles.ReadText(folder + "20250102090000_InitialCreate.Designer.cs")),
            ("LongerProjectTitles.cs", RepositoryFiles.ReadText(folder + "20250110150000_LongerProjectTitles.cs")),
            ("LongerProjectTitles.Designer.cs", RepositoryFiles.ReadText(folder + "20250110150000_LongerProjectTitles.Designer.cs")),
            ("YummyChamber.Designer.cs", RepositoryFiles.ReadText(folder + "20250117120000_YummyChamber.Designer.cs")),
            ("SampleDbContext.cs", context),
        ];

        var test = new Verify.Test(TestProvider.PostgreSql) { CodeActionEquivalenceKey = FixerKeys.LL1003_ConvertKey };
        foreach (var source in unchanged)
        {
            test.TestState.Sources.Add(source);
        }

        test.TestState.Sources.Add(("YummyChamber.cs", RepositoryFiles.ReadText(folder + "20250117120000_YummyChamber.cs")));
        test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.KeyTypeChange).WithSpan("YummyChamber.cs", 14, 30, 14, 41)
            .WithArguments("primary-key", "users.id", "character varying(255)", "uuid", "fails on every database, even when every value is a valid uuid: PostgreSQL has no cast from character varying(255) to uuid without USING, and EF Core writes none", "it is referenced by accounts.userId and projects.userId, and this migration leaves accounts.userId as 'character varying(255)'"));
        test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.KeyTypeChange).WithSpan("YummyChamber.cs", 23, 30, 23, 41)
            .WithArguments("foreign-key", "projects.userId", "character varying(255)", "uuid", "fails on every database, even when every value is a valid uuid: PostgreSQL has no cast from character varying(255) to uuid without USING, and EF Core writes none", "it references users.id, which this migration also changes"));
        foreach (var source in unchanged)
        {
            test.FixedState.Sources.Add(source);
        }

        test.FixedState.Sources.Add(("YummyChamber.cs", RepositoryFiles.ReadText("tests/Incident/20250117120000_YummyChamber.cs")));
        await test.RunAsync();
    }

    // No fix where it could not be made safe: the migration is left as it is.

    /// <summary>On PostgreSQL a change with no cast fails whatever the data: verification alone is not offered there, only the USING cast.</summary>
    [Fact]
    public async Task TextToUuid_PostgreSql_VerifyThenConvert_IsNotOffered()
        => await NotOffered(
            """
            migrationBuilder.{|LL1002:AlterColumn|}<Guid>(
                name: "externalId",
                table: "users",
                type: "uuid",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");
            """,
            TestProvider.PostgreSql,
            FixerKeys.LL1002_VerifyThenConvert);

    /// <summary>On SQL Server a key column cannot change while its primary key and indexes exist; their names are not in the target model.</summary>
    [Fact]
    public async Task KeyChange_SqlServer_ConvertKey_IsNotOffered()
        => await NotOffered(
            """
            migrationBuilder.AddPrimaryKey(name: "PK_users", table: "users", column: "id");
            migrationBuilder.{|LL1003:AlterColumn|}<Guid>(
                name: "id",
                table: "users",
                type: "uniqueidentifier",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)");
            """,
            TestProvider.SqlServer,
            FixerKeys.LL1003_ConvertKey);

    /// <summary>With no provider there is no SQL dialect to verify in.</summary>
    [Fact]
    public async Task UnknownProvider_VerifyThenConvert_IsNotOffered()
        => await NotOffered(
            """
            migrationBuilder.{|LL1002:AlterColumn|}<int>(
                name: "quantity",
                table: "orders",
                type: "integer",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");
            """,
            TestProvider.None,
            FixerKeys.LL1002_VerifyThenConvert);

    /// <summary>Expand/contract rewrites the AlterColumn; one that also changes a default is not rewritten (the fix would drop it).</summary>
    [Fact]
    public async Task ExpandContract_WithADefault_IsNotOffered()
        => await NotOffered(
            """
            migrationBuilder.{|LL1002:AlterColumn|}<int>(
                name: "quantity",
                table: "orders",
                type: "integer",
                nullable: false,
                defaultValue: 1,
                oldClrType: typeof(string),
                oldType: "text");
            """,
            TestProvider.PostgreSql,
            FixerKeys.LL1002_ExpandContract);

    /// <summary>
    /// A Down that does something else and leaves the column alone (btcpayserver's invoicesorderindex drops an index)
    /// has no inverse for expand/contract to rewrite the other way: the action is not offered rather than offered and
    /// changing nothing.
    /// </summary>
    [Fact]
    public async Task ExpandContract_DownWithoutTheInverse_IsNotOffered()
    {
        const string Up = """
            migrationBuilder.AlterColumn<int>(
                name: "quantity",
                table: "orders",
                type: "integer",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");
            """;
        const string InverseDown = """
            migrationBuilder.AlterColumn<string>(
                name: "quantity",
                table: "orders",
                type: "text",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");
            """;
        const string OtherDown = """
            migrationBuilder.DropIndex(
                name: "IX_orders_quantity",
                table: "orders");
            """;
        var fixer = new Lossless.CodeFixes.Rules.DataLoss.TypeChanges.TypeChangeFixer();
        Assert.Equal([FixerKeys.LL1002_UsingCast], await OfferedKeys.ForAsync(fixer, TestProvider.PostgreSql, Sources.Migration(Up, OtherDown)));
        Assert.Equal([FixerKeys.LL1002_UsingCast, FixerKeys.LL1002_ExpandContract], await OfferedKeys.ForAsync(fixer, TestProvider.PostgreSql, Sources.Migration(Up, InverseDown)));
        Assert.Equal([FixerKeys.LL1002_UsingCast, FixerKeys.LL1002_ExpandContract], await OfferedKeys.ForAsync(fixer, TestProvider.PostgreSql, Sources.Migration(Up)));
    }

    private static async Task NotOffered(string up, TestProvider provider, string equivalenceKey)
    {
        var source = Sources.Migration(up);
        var test = new Verify.Test(provider) { TestCode = source, FixedCode = source, CodeActionEquivalenceKey = equivalenceKey };
        await test.RunAsync();
    }

}
