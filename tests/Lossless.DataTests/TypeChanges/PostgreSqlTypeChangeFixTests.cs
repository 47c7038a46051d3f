using Lossless.Analyzers.Model.Providers;
using Lossless.CodeFixes;
using Lossless.DataTests.Infrastructure;

namespace Lossless.DataTests.TypeChanges;

/// <summary>
/// The type-change fixes on a real PostgreSQL: each dangerous migration is fixed by its code fix, then run by EF
/// Core's migrator over values that cannot convert (it aborts with the fix's message and every row and the schema
/// stay byte for byte) and over values that can (it converts them, and Down restores the original).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlTypeChangeFixTests
{
    private readonly PostgresCluster _cluster;

    public PostgreSqlTypeChangeFixTests(PostgresCluster cluster) => _cluster = cluster;

    private static string Create(string table, string columns) => FixScenario.Migration(
        "20250101000000_Create",
        $$"""
        migrationBuilder.CreateTable(
            name: {{Literal(table)}},
            columns: table => new
            {
                {{columns}}
            },
            constraints: table => table.PrimaryKey("PK_t", x => x.id));
        """,
        $$"""migrationBuilder.DropTable(name: {{Literal(table)}});""");

    private static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);

    private static FixScenario Scenario(string table, string columns, string alter, string inverse, string key) => new()
    {
        Provider = DatabaseProvider.PostgreSql,
        Before = [Create(table, columns)],
        BeforeId = "20250101000000_Create",
        Dangerous = FixScenario.Migration("20250117120000_Change", alter, inverse),
        EquivalenceKey = key,
    };

    [Fact]
    public async Task ScaleReduced_VerifyThenConvert_AbortsOnFractionsAndConvertsWholeNumbers()
    {
        var scenario = Scenario(
            "bazaar-vid_order",
            """id = table.Column<int>(type: "integer", nullable: false), total = table.Column<decimal>(type: "numeric(10,2)", nullable: true)""",
            """
            migrationBuilder.AlterColumn<decimal>(
                name: "total",
                table: "bazaar-vid_order",
                type: "numeric(10,0)",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(10,2)",
                oldNullable: true);
            """,
            """
            migrationBuilder.AlterColumn<decimal>(
                name: "total",
                table: "bazaar-vid_order",
                type: "numeric(10,2)",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(10,0)",
                oldNullable: true);
            """,
            FixerKeys.LL1001_VerifyThenConvert);
        var fixedSource = await scenario.FixAsync();

        scenario.AssertAbortsAndKeepsEverything(
            fixedSource,
            _cluster.CreateDatabase("scale_bad").ConnectionString,
            """INSERT INTO "bazaar-vid_order" VALUES (1, 12.00), (2, 12.50), (3, NULL), (4, 7.49);""",
            "lossless: 2 value(s) of bazaar-vid_order.total cannot be converted from numeric(10,2) to numeric(10,0) without loss; the migration was stopped and nothing was changed");

        scenario.AssertConvertsAndRollsBack(
            fixedSource,
            _cluster.CreateDatabase("scale_good").ConnectionString,
            """INSERT INTO "bazaar-vid_order" VALUES (1, 12.00), (2, NULL), (3, -7.00);""",
            converted => Assert.Equal(["(1,12)", "(2,)", "(3,-7)"], converted.Rows["public.\"bazaar-vid_order\""]));
    }

    [Fact]
    public async Task TextToUuid_UsingCast_AbortsOnNextAuthIdsAndConvertsUuids()
    {
        var scenario = Scenario(
            "it's \"sessions\"",
            """id = table.Column<int>(type: "integer", nullable: false), token = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false)""",
            """
            migrationBuilder.AlterColumn<Guid>(
                name: "token",
                table: "it's \"sessions\"",
                type: "uuid",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(255)",
                oldMaxLength: 255);
            """,
            """
            migrationBuilder.AlterColumn<string>(
                name: "token",
                table: "it's \"sessions\"",
                type: "character varying(255)",
                maxLength: 255,
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "uuid");
            """,
            FixerKeys.LL1002_UsingCast);
        var fixedSource = await scenario.FixAsync();

        scenario.AssertAbortsAndKeepsEverything(
            fixedSource,
            _cluster.CreateDatabase("uuid_bad").ConnectionString,
            """"INSERT INTO "it's ""sessions""" VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), (2, 'user_2XQLfuJvWKZKnpOfkW2I5dZxVZYE');"""",
            "lossless: 1 value(s) of it's \"sessions\".token cannot be converted from character varying(255) to uuid without loss; the migration was stopped and nothing was changed");

        scenario.AssertConvertsAndRollsBack(
            fixedSource,
            _cluster.CreateDatabase("uuid_good").ConnectionString,
            """"INSERT INTO "it's ""sessions""" VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), (2, 'f5a14a55-0629-41d3-8ea6-0172b542c6b4');"""",
            converted =>
            {
                Assert.Equal(["(1,a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11)", "(2,f5a14a55-0629-41d3-8ea6-0172b542c6b4)"], converted.Rows["public.\"it's \"\"sessions\"\"\""]);
                Assert.Contains("column public.it's \"sessions\".token uuid not null", converted.Schema);
            });
    }

    [Fact]
    public async Task TextToInteger_UsingCast_TestsEveryValueAndConverts()
    {
        var scenario = Scenario(
            "orders",
            """id = table.Column<int>(type: "integer", nullable: false), quantity = table.Column<string>(type: "text", nullable: true)""",
            """
            migrationBuilder.AlterColumn<int>(
                name: "quantity",
                table: "orders",
                type: "integer",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
            """,
            """
            migrationBuilder.AlterColumn<string>(
                name: "quantity",
                table: "orders",
                type: "text",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
            """,
            FixerKeys.LL1002_UsingCast);
        var fixedSource = await scenario.FixAsync();

        scenario.AssertAbortsAndKeepsEverything(
            fixedSource,
            _cluster.CreateDatabase("int_bad").ConnectionString,
            """INSERT INTO orders VALUES (1, '42'), (2, 'abc'), (3, '3000000000'), (4, NULL), (5, '2.5');""",
            "lossless: 3 value(s) of orders.quantity cannot be converted from text to integer without loss; the migration was stopped and nothing was changed");

        scenario.AssertConvertsAndRollsBack(
            fixedSource,
            _cluster.CreateDatabase("int_good").ConnectionString,
            """INSERT INTO orders VALUES (1, '42'), (2, NULL), (3, '-7');""",
            converted => Assert.Equal(["(1,42)", "(2,)", "(3,-7)"], converted.Rows["public.orders"]));
    }

    [Fact]
    public async Task TextToInteger_ExpandContract_CopiesThroughANewColumnAndRollsBack()
    {
        var scenario = Scenario(
            "bazaar-vid_order",
            """id = table.Column<int>(type: "integer", nullable: false), quantity = table.Column<string>(type: "text", nullable: false)""",
            """
            migrationBuilder.AlterColumn<int>(
                name: "quantity",
                table: "bazaar-vid_order",
                type: "integer",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");
            """,
            """
            migrationBuilder.AlterColumn<string>(
                name: "quantity",
                table: "bazaar-vid_order",
                type: "text",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");
            """,
            FixerKeys.LL1002_ExpandContract);
        var fixedSource = await scenario.FixAsync();

        scenario.AssertAbortsAndKeepsEverything(
            fixedSource,
            _cluster.CreateDatabase("expand_bad").ConnectionString,
            """INSERT INTO "bazaar-vid_order" VALUES (1, '42'), (2, 'two');""",
            "lossless: 1 value(s) of bazaar-vid_order.quantity cannot be converted from text to integer without loss; the migration was stopped and nothing was changed");

        scenario.AssertConvertsAndRollsBack(
            fixedSource,
            _cluster.CreateDatabase("expand_good").ConnectionString,
            """INSERT INTO "bazaar-vid_order" VALUES (1, '42'), (2, '-7');""",
            converted =>
            {
                Assert.Equal(["(1,42)", "(2,-7)"], converted.Rows["public.\"bazaar-vid_order\""]);
                Assert.Contains("column public.bazaar-vid_order.quantity integer not null", converted.Schema);
                Assert.DoesNotContain("quantity_new", converted.Schema);
            });
    }

    [Fact]
    public async Task LengthReduced_VerifyThenConvert_AbortsOnLongValues()
    {
        var scenario = Scenario(
            "users",
            """id = table.Column<int>(type: "integer", nullable: false), code = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false)""",
            """
            migrationBuilder.AlterColumn<string>(
                name: "code",
                table: "users",
                type: "character varying(5)",
                maxLength: 5,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(255)",
                oldMaxLength: 255);
            """,
            """
            migrationBuilder.AlterColumn<string>(
                name: "code",
                table: "users",
                type: "character varying(255)",
                maxLength: 255,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(5)",
                oldMaxLength: 5);
            """,
            FixerKeys.LL1002_VerifyThenConvert);
        var fixedSource = await scenario.FixAsync();

        scenario.AssertAbortsAndKeepsEverything(
            fixedSource,
            _cluster.CreateDatabase("length_bad").ConnectionString,
            """INSERT INTO users VALUES (1, 'short'), (2, 'much too long');""",
            "lossless: 1 value(s) of users.code cannot be converted from character varying(255) to character varying(5) without loss; the migration was stopped and nothing was changed");

        scenario.AssertConvertsAndRollsBack(
            fixedSource,
            _cluster.CreateDatabase("length_good").ConnectionString,
            """INSERT INTO users VALUES (1, 'short'), (2, 'ok');""",
            converted => Assert.Contains("column public.users.code character varying(5) not null", converted.Schema));
    }
}
