using Lossless.Analyzers.Model.Providers;
using Lossless.CodeFixes;
using Lossless.DataTests.Infrastructure;

namespace Lossless.DataTests.TypeChanges;

/// <summary>
/// The catalog's text conversions on a real PostgreSQL, each fixed by LL1002's USING cast and run by EF Core's migrator:
/// over rows that must abort (the message names the column, the count and the first keys; schema, rows and migration
/// history stay byte for byte) and over rows that must convert (every value exact, and Down gives the text back).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlTextGuardFixTests
{
    private const string BeforeId = "20250101000000_Create";

    private readonly PostgresCluster _cluster;

    public PostgreSqlTextGuardFixTests(PostgresCluster cluster) => _cluster = cluster;

    /// <summary>A "codes" table (id, code text) whose code becomes <paramref name="type"/> (CLR <paramref name="clrType"/>); the target model names its key.</summary>
    private static FixScenario Codes(string type, string clrType) => new()
    {
        Provider = DatabaseProvider.PostgreSql,
        Before =
        [
            FixScenario.Migration(
                BeforeId,
                """
                migrationBuilder.CreateTable(
                    name: "codes",
                    columns: table => new
                    {
                        id = table.Column<int>(type: "integer", nullable: false),
                        code = table.Column<string>(type: "text", nullable: true)
                    },
                    constraints: table => table.PrimaryKey("PK_codes", x => x.id));
                """,
                """migrationBuilder.DropTable(name: "codes");"""),
        ],
        BeforeId = BeforeId,
        Dangerous = FixScenario.Migration(
            "20250117120000_Change",
            $$"""
            migrationBuilder.AlterColumn<{{clrType}}>(
                name: "code",
                table: "codes",
                type: "{{type}}",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
            """,
            $$"""
            migrationBuilder.AlterColumn<string>(
                name: "code",
                table: "codes",
                type: "text",
                nullable: true,
                oldClrType: typeof({{clrType}}),
                oldType: "{{type}}",
                oldNullable: true);
            """,
            $$"""
            modelBuilder.Entity("Sample.Code", b =>
            {
                b.Property<int>("id").HasColumnType("integer");
                b.Property<{{clrType}}?>("code").HasColumnType("{{type}}");
                b.HasKey("id");
                b.ToTable("codes");
            });
            """),
        EquivalenceKey = FixerKeys.LL1002_UsingCast,
    };

    private static string Seed(params string?[] values)
    {
        var rows = new List<string>();
        for (var i = 0; i < values.Length; i++)
        {
            rows.Add("(" + (i + 1) + ", " + (values[i] is { } value ? "'" + value.Replace("'", "''") + "'" : "NULL") + ")");
        }

        return "INSERT INTO codes VALUES " + string.Join(", ", rows) + ";";
    }

    private static string Message(int count, string type, string keys)
        => $"lossless: {count} value(s) of codes.code cannot be converted from text to {type} without loss, e.g. in the rows with id {keys}; the migration was stopped and nothing was changed";

    /// <summary>
    /// <paramref name="bad"/> holds <paramref name="badCount"/> values that must abort (the first three by id named) among
    /// some that would pass; <paramref name="good"/> converts to <paramref name="converted"/> and back to itself.
    /// </summary>
    private async Task Prove(string type, string clrType, string?[] bad, int badCount, string badKeys, string?[] good, string[] converted)
    {
        var scenario = Codes(type, clrType);
        var fixedSource = await scenario.FixAsync();
        var name = type.Split(' ', '(')[0];
        scenario.AssertAbortsAndKeepsEverything(fixedSource, _cluster.CreateDatabase(name + "_bad").ConnectionString, Seed(bad), Message(badCount, type, badKeys));
        scenario.AssertConvertsAndRollsBack(
            fixedSource,
            _cluster.CreateDatabase(name + "_good").ConnectionString,
            Seed(good),
            snapshot => Assert.Equal(converted, snapshot.Rows["public.codes"]));
    }

    /// <summary>The zip code of the issue: '02134' must not become 2134 (and come back from Down as '2134').</summary>
    [Fact]
    public Task TextToInteger_AbortsOnLeadingZerosSpacesSignsAndFractions_AndConvertsCanonicalIntegers()
        => Prove(
            "integer",
            "int",
            ["42", "02134", " 42", "+5", "1.0", null, "-0", "abc", "3000000000"],
            7,
            "2, 3, 4",
            ["42", "-7", "0", "2147483647", "-2147483648", null],
            ["(1,42)", "(2,-7)", "(3,0)", "(4,2147483647)", "(5,-2147483648)", "(6,)"]);

    [Fact]
    public Task TextToNumeric_AbortsOnWhatRoundsOrOverflowsOrIsNotPlain_AndKeepsEveryDigit()
        => Prove(
            "numeric(10,2)",
            "decimal",
            ["12.50", "12.345", "123456789.12", "02134", "1e3", " 1", "NaN", "99999999.995"],
            7,
            "2, 3, 4",
            ["12.50", "-0.01", "0.00", "12345678.99", null],
            ["(1,12.50)", "(2,-0.01)", "(3,0.00)", "(4,12345678.99)", "(5,)"]);

    [Fact]
    public Task TextToDouble_AbortsOnWhatDoesNotReadBackTheSame_AndConvertsTheRest()
        => Prove(
            "double precision",
            "double",
            ["0.1", "1.50", "123456789012345678", "1e3", " 1"],
            4,
            "2, 3, 4",
            ["0.1", "-2.5", "100", "NaN", null],
            ["(1,0.1)", "(2,-2.5)", "(3,100)", "(4,NaN)", "(5,)"]);

    /// <summary>'t' and 'f' pass too, and come back from Down as 'true' and 'false' (GuardSemanticsTests); here every value comes back as it was.</summary>
    [Fact]
    public Task TextToBoolean_AbortsOnEverythingButTrueFalseTF()
        => Prove(
            "boolean",
            "bool",
            ["true", "yes", "1", "TRUE", " true"],
            4,
            "2, 3, 4",
            ["true", "false", null],
            ["(1,t)", "(2,f)", "(3,)"]);

    [Fact]
    public Task TextToDate_AbortsOnDatesThatDoNotExistOrAreNotIso()
        => Prove(
            "date",
            "DateOnly",
            ["2024-02-29", "2025-02-29", "2025-1-5", "20250105", " 2025-01-05", "0000-01-01"],
            5,
            "2, 3, 4",
            ["2024-02-29", "0001-01-01", "9999-12-31", null],
            ["(1,2024-02-29)", "(2,0001-01-01)", "(3,9999-12-31)", "(4,)"]);

    /// <summary>No expression decides a timestamp without raising: each value is converted and read back in a loop, which also collects the first keys.</summary>
    [Fact]
    public Task TextToTimestamp_TriesEachValue_AbortsOnWhatDoesNotReadBackTheSame()
        => Prove(
            "timestamp without time zone",
            "DateTime",
            ["2025-01-17 10:00:00", "2025-01-17T10:00:00", "garbage", "2025-02-30 10:00:00", "2025-01-17 10:00"],
            4,
            "2, 3, 4",
            ["2025-01-17 10:00:00", "2025-01-17 10:00:00.5", null],
            ["(1,\"2025-01-17 10:00:00\")", "(2,\"2025-01-17 10:00:00.5\")", "(3,)"]);
}
