using Lossless.Analyzers.Model.Providers;
using Lossless.CodeFixes;
using Lossless.DataTests.Infrastructure;

namespace Lossless.DataTests.TypeChanges;

/// <summary>
/// The type-change fixes on a real SQLite file. EF Core rebuilds the table for AlterColumn and runs the rebuild after
/// every other operation, so the fix's guard (a TEMP trigger that RAISEs) runs first: on values the new type cannot
/// hold the migration aborts with the fix's message and nothing changes; on values it can, they are converted.
/// </summary>
public sealed class SqliteTypeChangeFixTests
{
    private static string Model(string properties, string extra = "") => $$"""
        modelBuilder.Entity("Sample.Item", b =>
        {
        {{FixScenario.Indent(properties, 4)}}
            b.HasKey("id");
            b.ToTable("bazaar-vid_item");
        });{{extra}}
        """;

    private static FixScenario Items(string oldColumn, string alter, string inverse, string oldProperty, string newProperty, string key) => new()
    {
        Provider = DatabaseProvider.Sqlite,
        Before =
        [
            FixScenario.Migration(
                "20250101000000_Create",
                $$"""
                migrationBuilder.CreateTable(
                    name: "bazaar-vid_item",
                    columns: table => new
                    {
                        id = table.Column<long>(type: "INTEGER", nullable: false),
                        {{oldColumn}}
                    },
                    constraints: table => table.PrimaryKey("PK_item", x => x.id));
                """,
                """migrationBuilder.DropTable(name: "bazaar-vid_item");""",
                Model("b.Property<long>(\"id\").HasColumnType(\"INTEGER\");\n" + oldProperty)),
        ],
        BeforeId = "20250101000000_Create",
        Dangerous = FixScenario.Migration(
            "20250117120000_Change",
            alter,
            inverse,
            Model("b.Property<long>(\"id\").HasColumnType(\"INTEGER\");\n" + newProperty)),
        EquivalenceKey = key,
    };

    [Fact]
    public async Task TextToInteger_VerifyThenConvert_AbortsOnTextThatStaysTextAndConvertsNumbers()
    {
        var scenario = Items(
            """quantity = table.Column<string>(type: "TEXT", nullable: true)""",
            """
            migrationBuilder.AlterColumn<long>(
                name: "quantity",
                table: "bazaar-vid_item",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
            """,
            """
            migrationBuilder.AlterColumn<string>(
                name: "quantity",
                table: "bazaar-vid_item",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
            """,
            """b.Property<string>("quantity").HasColumnType("TEXT");""",
            """b.Property<long?>("quantity").HasColumnType("INTEGER");""",
            FixerKeys.LL1002_VerifyThenConvert);
        var fixedSource = await scenario.FixAsync();

        using (var bad = new SqliteDatabase())
        {
            scenario.AssertAbortsAndKeepsEverything(
                fixedSource,
                bad.ConnectionString,
                """INSERT INTO "bazaar-vid_item" VALUES (1, '42'), (2, 'abc'), (3, '2.7'), (4, NULL), (5, '02134'), (6, ' 42'), (7, '+5'), (8, '1.0');""",
                "lossless: 6 value(s) of bazaar-vid_item.quantity cannot be converted from TEXT to INTEGER without loss, e.g. in the rows with id 2, 3, 5; the migration was stopped and nothing was changed");
        }

        using var good = new SqliteDatabase();
        scenario.AssertConvertsAndRollsBack(
            fixedSource,
            good.ConnectionString,
            """INSERT INTO "bazaar-vid_item" VALUES (1, '42'), (2, NULL), (3, '-7');""",
            converted => Assert.Equal(["(1,42)", "(2,NULL)", "(3,-7)"], converted.Rows["bazaar-vid_item"]));
    }

    /// <summary>TEXT into REAL and NUMERIC: the affinity turns '1.50' into 1.5 and '02134' into 2134; only text that reads back the same passes.</summary>
    [Theory]
    [InlineData("REAL", "double", "(1,0.1r)|(2,-2.5r)|(3,NULL)")]
    [InlineData("NUMERIC", "decimal", "(1,0.1r)|(2,-2.5r)|(3,NULL)")]
    public async Task TextToNumber_VerifyThenConvert_AbortsOnWhatTheAffinityRewrites(string type, string clrType, string converted)
    {
        var scenario = Items(
            """price = table.Column<string>(type: "TEXT", nullable: true)""",
            $$"""
            migrationBuilder.AlterColumn<{{clrType}}>(
                name: "price",
                table: "bazaar-vid_item",
                type: "{{type}}",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
            """,
            $$"""
            migrationBuilder.AlterColumn<string>(
                name: "price",
                table: "bazaar-vid_item",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof({{clrType}}),
                oldType: "{{type}}",
                oldNullable: true);
            """,
            """b.Property<string>("price").HasColumnType("TEXT");""",
            $$"""b.Property<{{clrType}}?>("price").HasColumnType("{{type}}");""",
            FixerKeys.LL1002_VerifyThenConvert);
        var fixedSource = await scenario.FixAsync();

        using (var bad = new SqliteDatabase())
        {
            scenario.AssertAbortsAndKeepsEverything(
                fixedSource,
                bad.ConnectionString,
                """INSERT INTO "bazaar-vid_item" VALUES (1, '0.1'), (2, '1.50'), (3, '02134'), (4, NULL), (5, ' 1'), (6, 'abc');""",
                $"lossless: 4 value(s) of bazaar-vid_item.price cannot be converted from TEXT to {type} without loss, e.g. in the rows with id 2, 3, 5; the migration was stopped and nothing was changed");
        }

        using var good = new SqliteDatabase();
        scenario.AssertConvertsAndRollsBack(
            fixedSource,
            good.ConnectionString,
            """INSERT INTO "bazaar-vid_item" VALUES (1, '0.1'), (2, '-2.5'), (3, NULL);""",
            snapshot => Assert.Equal(converted.Split('|'), snapshot.Rows["bazaar-vid_item"]));
    }

    [Fact]
    public async Task RealToInteger_VerifyThenConvert_AbortsOnFractions()
    {
        var scenario = Items(
            """rating = table.Column<double>(type: "REAL", nullable: false)""",
            """
            migrationBuilder.AlterColumn<long>(
                name: "rating",
                table: "bazaar-vid_item",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL");
            """,
            """
            migrationBuilder.AlterColumn<double>(
                name: "rating",
                table: "bazaar-vid_item",
                type: "REAL",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");
            """,
            """b.Property<double>("rating").HasColumnType("REAL");""",
            """b.Property<long>("rating").HasColumnType("INTEGER");""",
            FixerKeys.LL1001_VerifyThenConvert);
        var fixedSource = await scenario.FixAsync();

        using (var bad = new SqliteDatabase())
        {
            scenario.AssertAbortsAndKeepsEverything(
                fixedSource,
                bad.ConnectionString,
                """INSERT INTO "bazaar-vid_item" VALUES (1, 2.0), (2, 2.5);""",
                "lossless: 1 value(s) of bazaar-vid_item.rating cannot be converted from REAL to INTEGER without loss, e.g. in the rows with id 2; the migration was stopped and nothing was changed");
        }

        using var good = new SqliteDatabase();
        scenario.AssertConvertsAndRollsBack(
            fixedSource,
            good.ConnectionString,
            """INSERT INTO "bazaar-vid_item" VALUES (1, 2.0), (2, -3.0);""",
            converted => Assert.Equal(["(1,2)", "(2,-3)"], converted.Rows["bazaar-vid_item"]));
    }

    private const string UsersAndProjects = """
        modelBuilder.Entity("Sample.User", b =>
        {
            b.Property<{0}>("id").HasColumnType("{1}");
            b.HasKey("id");
            b.ToTable("users");
        });

        modelBuilder.Entity("Sample.Project", b =>
        {
            b.Property<long>("id").HasColumnType("INTEGER");
            b.Property<{0}>("userId").IsRequired().HasColumnType("{1}");
            b.HasKey("id");
            b.HasIndex("userId");
            b.ToTable("projects");
        });

        modelBuilder.Entity("Sample.Project", b =>
        {
            b.HasOne("Sample.User", null)
                .WithMany()
                .HasForeignKey("userId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
        });
        """;

    [Fact]
    public async Task KeyTextToInteger_ConvertKey_GuardsTheKeyAndItsReferencesAndKeepsEveryProject()
    {
        var scenario = new FixScenario
        {
            Provider = DatabaseProvider.Sqlite,
            Before =
            [
                FixScenario.Migration(
                    "20250101000000_Create",
                    """
                    migrationBuilder.CreateTable(
                        name: "users",
                        columns: table => new
                        {
                            id = table.Column<string>(type: "TEXT", nullable: false),
                        },
                        constraints: table => table.PrimaryKey("PK_users", x => x.id));

                    migrationBuilder.CreateTable(
                        name: "projects",
                        columns: table => new
                        {
                            id = table.Column<long>(type: "INTEGER", nullable: false),
                            userId = table.Column<string>(type: "TEXT", nullable: false),
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_projects", x => x.id);
                            table.ForeignKey("FK_projects_users_userId", x => x.userId, "users", "id", onDelete: ReferentialAction.Cascade);
                        });

                    migrationBuilder.CreateIndex(name: "IX_projects_userId", table: "projects", column: "userId");
                    """,
                    """
                    migrationBuilder.DropTable(name: "projects");
                    migrationBuilder.DropTable(name: "users");
                    """,
                    UsersAndProjects.Replace("{0}", "string").Replace("{1}", "TEXT")),
            ],
            BeforeId = "20250101000000_Create",
            Dangerous = FixScenario.Migration(
                "20250117120000_UserIdsAsNumbers",
                """
                migrationBuilder.AlterColumn<long>(
                    name: "id",
                    table: "users",
                    type: "INTEGER",
                    nullable: false,
                    oldClrType: typeof(string),
                    oldType: "TEXT");
                """,
                """
                migrationBuilder.AlterColumn<string>(
                    name: "id",
                    table: "users",
                    type: "TEXT",
                    nullable: false,
                    oldClrType: typeof(long),
                    oldType: "INTEGER");
                """,
                UsersAndProjects.Replace("{0}", "long").Replace("{1}", "INTEGER")),
            EquivalenceKey = FixerKeys.LL1003_ConvertKey,
        };
        var fixedSource = await scenario.FixAsync();

        using (var bad = new SqliteDatabase())
        {
            scenario.AssertAbortsAndKeepsEverything(
                fixedSource,
                bad.ConnectionString,
                """
                INSERT INTO users VALUES ('1'), ('user_2XQLfuJvWKZKnpOfkW2I5dZxVZYE');
                INSERT INTO projects VALUES (1, '1'), (2, 'user_2XQLfuJvWKZKnpOfkW2I5dZxVZYE');
                """,
                "lossless: 1 value(s) of users.id cannot be converted from TEXT to INTEGER without loss, e.g. in the rows with id user_2XQLfuJvWKZKnpOfkW2I5dZxVZYE; the migration was stopped and nothing was changed");
        }

        using var good = new SqliteDatabase();
        scenario.AssertConvertsAndRollsBack(
            fixedSource,
            good.ConnectionString,
            """
            INSERT INTO users VALUES ('1'), ('2');
            INSERT INTO projects VALUES (1, '1'), (2, '2'), (3, '2');
            """,
            converted =>
            {
                Assert.Equal(["(1)", "(2)"], converted.Rows["users"]);
                Assert.Equal(["(1,1)", "(2,2)", "(3,2)"], converted.Rows["projects"]);
                Assert.Contains("foreign key projects.userId -> users.id on delete CASCADE", converted.Schema);
                Assert.Contains("column projects.userId INTEGER not null", converted.Schema);
            });
    }
}
