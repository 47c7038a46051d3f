using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.Correctness;

/// <summary>
/// LL4001: [Migration] ids EF Core does not accept, ids repeated within one DbContext, and ids that sort before the
/// migration that creates a table or column they use (tests/Lossless.DataTests/Correctness/MigrationIdFactsTests show
/// what EF Core 10 does with each on SQLite).
/// </summary>
public class MigrationIdTests
{
    private const string CreateUsers = """migrationBuilder.CreateTable(name: "Users", columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) }, constraints: table => table.PrimaryKey("PK_Users", x => x.Id));""";
    private const string DropUsers = """migrationBuilder.DropTable(name: "Users");""";
    private const string AddEmail = """migrationBuilder.AddColumn<string>(name: "Email", table: "Users", type: "text", nullable: true);""";
    private const string DropEmail = """migrationBuilder.DropColumn(name: "Email", table: "Users");""";

    private const string Later = ": EF Core applies this migration first, before that exists";

    private const string Malformed = "is not yyyyMMddHHmmss_Name (14 digits, '_', a name), the form EF Core generates and accepts as an id: EF Core orders migrations by comparing ids as text, so it runs ";

    /// <summary>A migration class; <paramref name="idArgument"/> is the [Migration] argument as written (markup included).</summary>
    private static string Migration(string idArgument, string name, string up, string down, string context = "Sample.AppDbContext", string header = "") => $$"""
        {{header}}{{Sources.Usings}}

        namespace Sample.Migrations
        {
            [DbContext(typeof({{context}}))]
            [Migration({{idArgument}})]
            public partial class {{name}} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {{up}}
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    {{down}}
                }
            }
        }
        """;

    private const string Contexts = """
        using Microsoft.EntityFrameworkCore;

        namespace Sample
        {
            public class AppDbContext : DbContext
            {
            }

            public class AuditDbContext : DbContext
            {
            }
        }
        """;

    private static async Task VerifyAsync(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test(TestProvider.Sqlite);
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"Migration{i}.cs", sources[i]));
        }

        test.TestState.Sources.Add(("Contexts.cs", Contexts));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private static DiagnosticResult Diagnostic(int location, string id, string what)
        => Verify.Diagnostic(RuleIds.MigrationIdInvalid).WithLocation(location).WithArguments(id, what);

    [Theory]
    [InlineData("Initial")]
    [InlineData("2025010100000_Short")]
    [InlineData("20250101000000Name")]
    [InlineData("20250101000000_")]
    [InlineData("x20250101000000_Prefixed")]
    [InlineData("2025-01-01_Dashed")]
    public async Task MalformedId_Reports_WithWhereItSorts(string id)
    {
        var position = char.IsLetter(id[0]) ? "after every migration whose id starts with a timestamp" : "where its text sorts";
        await VerifyAsync(
            [
                Migration("\"20250101000000_Create\"", "Create", CreateUsers, DropUsers),
                Migration($"{{|#0:\"{id}\"|}}", "AddEmail", AddEmail, DropEmail),
            ],
            Diagnostic(0, id, Malformed + position));
    }

    [Theory]
    [InlineData("20250101000000_A")]
    [InlineData("20251301000000_Month13")]
    [InlineData("20250101000000_With space")]
    public async Task IdEfCoreAccepts_DoesNotReport(string id)
    {
        await VerifyAsync(
            [
                Migration("\"20240101000000_Create\"", "Create", CreateUsers, DropUsers),
                Migration($"\"{id}\"", "AddEmail", AddEmail, DropEmail),
            ]);
    }

    [Fact]
    public async Task DuplicateId_ReportsEachMigration_NamingTheOther()
    {
        await VerifyAsync(
            [
                Migration("{|#0:\"20250101000000_Create\"|}", "Create", CreateUsers, DropUsers),
                Migration("{|#1:\"20250101000000_Create\"|}", "CreateAgain", AddEmail, DropEmail),
                Migration("\"20250102000000_Other\"", "Other", """migrationBuilder.AddColumn<string>(name: "Name", table: "Users", type: "text", nullable: true);""", """migrationBuilder.DropColumn(name: "Name", table: "Users");"""),
            ],
            Diagnostic(0, "20250101000000_Create", "is also the id of 'CreateAgain' of the same DbContext: EF Core keys migrations by id and fails to list them (ArgumentException), before it applies any"),
            Diagnostic(1, "20250101000000_Create", "is also the id of 'Create' of the same DbContext: EF Core keys migrations by id and fails to list them (ArgumentException), before it applies any"));
    }

    [Fact]
    public async Task SameIdInTwoContexts_DoesNotReport()
    {
        await VerifyAsync(
            [
                Migration("\"20250101000000_Create\"", "Create", CreateUsers, DropUsers),
                Migration("\"20250101000000_Create\"", "CreateAudit", CreateUsers.Replace("Users", "AuditUsers"), DropUsers.Replace("Users", "AuditUsers"), context: "Sample.AuditDbContext").Replace("namespace Sample.Migrations", "namespace Sample.AuditMigrations"),
            ]);
    }

    [Fact]
    public async Task TableCreatedByALaterId_Reports()
    {
        await VerifyAsync(
            [
                Migration("{|#0:\"20250101000000_AddEmail\"|}", "AddEmail", AddEmail, DropEmail),
                Migration("\"20250102000000_Create\"", "Create", CreateUsers, DropUsers),
            ],
            Diagnostic(0, "20250101000000_AddEmail", "sorts before '20250102000000_Create' (Create), which creates table 'Users' that this migration's AddColumn uses" + Later));
    }

    [Fact]
    public async Task ColumnAddedByALaterId_Reports()
    {
        await VerifyAsync(
            [
                Migration("\"20250101000000_Create\"", "Create", CreateUsers, DropUsers),
                Migration(
                    "{|#0:\"20250102000000_EmailRequired\"|}",
                    "EmailRequired",
                    """migrationBuilder.CreateIndex(name: "IX_Users_Email", table: "Users", column: "Email");""",
                    """migrationBuilder.DropIndex(name: "IX_Users_Email", table: "Users");"""),
                Migration("\"20250103000000_AddEmail\"", "AddEmail", AddEmail, DropEmail),
            ],
            Diagnostic(0, "20250102000000_EmailRequired", "sorts before '20250103000000_AddEmail' (AddEmail), which adds column 'Email' to 'Users' that this migration's CreateIndex uses" + Later));
    }

    [Fact]
    public async Task ForeignKeyToATableCreatedByALaterId_Reports()
    {
        await VerifyAsync(
            [
                Migration(
                    "{|#0:\"20250101000000_Orders\"|}",
                    "Orders",
                    """
                    migrationBuilder.CreateTable(
                        name: "Orders",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            UserId = table.Column<int>(type: "integer", nullable: false),
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Orders", x => x.Id);
                            table.ForeignKey(name: "FK_Orders_Users_UserId", column: x => x.UserId, principalTable: "Users", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                        });
                    """,
                    """migrationBuilder.DropTable(name: "Orders");"""),
                Migration("\"20250102000000_Create\"", "Create", CreateUsers, DropUsers),
            ],
            Diagnostic(0, "20250101000000_Orders", "sorts before '20250102000000_Create' (Create), which creates table 'Users' that this migration's CreateTable uses" + Later));
    }

    [Fact]
    public async Task TableRenamedToItsNameByALaterId_Reports()
    {
        await VerifyAsync(
            [
                Migration("\"20250101000000_Create\"", "Create", CreateUsers.Replace("\"Users\"", "\"People\""), DropUsers.Replace("Users", "People")),
                Migration("{|#0:\"20250102000000_AddEmail\"|}", "AddEmail", AddEmail, DropEmail),
                Migration("\"20250103000000_Rename\"", "Rename", """migrationBuilder.RenameTable(name: "People", newName: "Users");""", """migrationBuilder.RenameTable(name: "Users", newName: "People");"""),
            ],
            Diagnostic(0, "20250102000000_AddEmail", "sorts before '20250103000000_Rename' (Rename), which renames a table to 'Users' that this migration's AddColumn uses" + Later));
    }

    [Fact]
    public async Task MalformedIdThatCreatesTheTable_ReportsTheTimestampedMigrationThatUsesIt()
    {
        // "Initial" sorts after every timestamped id in every culture: AddEmail runs first (MigrationIdFactsTests).
        await VerifyAsync(
            [
                Migration("{|#0:\"Initial\"|}", "Initial", CreateUsers, DropUsers),
                Migration("{|#1:\"20250101000000_AddEmail\"|}", "AddEmail", AddEmail, DropEmail),
            ],
            Diagnostic(0, "Initial", Malformed + "after every migration whose id starts with a timestamp"),
            Diagnostic(1, "20250101000000_AddEmail", "sorts before 'Initial' (Initial), which creates table 'Users' that this migration's AddColumn uses" + Later));
    }

    [Fact]
    public async Task SameTimestamp_DoesNotReport_TheOrderDependsOnTheCulture()
    {
        await VerifyAsync(
            [
                Migration("\"20250101000000_AddEmail\"", "AddEmail", AddEmail, DropEmail),
                Migration("\"20250101000000_Create\"", "Create", CreateUsers, DropUsers),
            ]);
    }

    [Fact]
    public async Task InOrder_AndCreatedBySmallerIds_DoesNotReport()
    {
        await VerifyAsync(
            [
                Migration("\"20250101000000_Create\"", "Create", CreateUsers, DropUsers),
                Migration("\"20250102000000_AddEmail\"", "AddEmail", AddEmail, DropEmail),
                Migration(
                    "\"20250103000000_IndexEmail\"",
                    "IndexEmail",
                    """migrationBuilder.CreateIndex(name: "IX_Users_Email", table: "Users", column: "Email");""",
                    """migrationBuilder.DropIndex(name: "IX_Users_Email", table: "Users");"""),
            ]);
    }

    [Fact]
    public async Task TableCreatedAndUsedInTheSameMigration_DoesNotReport()
    {
        await VerifyAsync(
            [
                Migration("\"20250101000000_Create\"", "Create", CreateUsers + "\n" + AddEmail, DropUsers),
                Migration("\"20250102000000_Create\"", "Nothing", "migrationBuilder.Sql(\"SELECT 1;\");", "migrationBuilder.Sql(\"SELECT 1;\");").Replace("20250102000000_Create", "20250102000000_Nothing"),
            ]);
    }

    [Theory]
    [InlineData("""migrationBuilder.Sql("CREATE TABLE \"Users\" (\"Id\" INTEGER NOT NULL);");""")]
    [InlineData("""migrationBuilder.Sql(File.ReadAllText("create.sql"));""")]
    [InlineData("""migrationBuilder.CreateTable(name: TableNames.Users, columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) });""")]
    [InlineData("""CreateUsersTable(migrationBuilder);""")]
    [InlineData("""migrationBuilder.AddColumn<string>(name: "Note", table: "Notes", type: ColumnType(migrationBuilder), nullable: true);""")]
    [InlineData("""migrationBuilder.AddColumn<string>(name: "Note", table: "Notes", type: ColumnType(migr\u0061tionBuilder), nullable: true);""")]
    public async Task TableAnEarlierMigrationMayCreate_DoesNotReport(string earlierUp)
    {
        var earlier = Migration("\"20250101000000_Raw\"", "Raw", earlierUp, DropUsers)
            .Replace("using System;", "using System;\nusing System.IO;")
            .Replace(
                "protected override void Down",
                """
                private static void CreateUsersTable(MigrationBuilder builder) => builder.CreateTable(name: "Users", columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) });

                        private static string ColumnType(MigrationBuilder builder)
                        {
                            CreateUsersTable(builder);
                            return "text";
                        }

                        protected override void Down
                """)
            .Replace("namespace Sample.Migrations\n{", "namespace Sample.Migrations\n{\n    internal static class TableNames\n    {\n        public const string Users = \"Users\";\n    }\n");
        await VerifyAsync(
            [
                earlier,
                Migration("\"20250102000000_AddEmail\"", "AddEmail", AddEmail, DropEmail),
                Migration("\"20250103000000_Create\"", "Create", CreateUsers, DropUsers),
            ]);
    }

    [Fact]
    public async Task TableOfTheSameNameCreatedLaterInAnotherSchema_DoesNotReport()
    {
        await VerifyAsync(
            [
                Migration(
                    "\"20250101000000_AddEmail\"",
                    "AddEmail",
                    """migrationBuilder.AddColumn<string>(name: "Email", table: "Users", schema: "main", type: "text", nullable: true);""",
                    """migrationBuilder.DropColumn(name: "Email", table: "Users", schema: "main");"""),
                Migration("\"20250102000000_Create\"", "Create", CreateUsers.Replace("name: \"Users\",", "name: \"Users\", schema: \"audit\","), DropUsers),
            ]);
    }

    [Fact]
    public async Task NonConstantNames_DoNotReport()
    {
        await VerifyAsync(
            [
                Migration(
                    "\"20250101000000_AddEmail\"",
                    "AddEmail",
                    """
                    var table = Environment.GetEnvironmentVariable("USERS_TABLE") ?? "Users";
                    migrationBuilder.AddColumn<string>(name: "Email", table: table, type: "text", nullable: true);
                    """,
                    """migrationBuilder.DropColumn(name: "Email", table: Environment.GetEnvironmentVariable("USERS_TABLE") ?? "Users");"""),
                Migration("\"20250102000000_Create\"", "Create", CreateUsers, DropUsers),
            ]);
    }

    [Fact]
    public async Task AttributesInTheDesignerFile_ReportThere_AndAutoGeneratedMigrationsAreAnalysed()
    {
        var test = new Verify.Test(TestProvider.Sqlite);
        test.TestState.Sources.Add(("Contexts.cs", Contexts));
        test.TestState.Sources.Add(("20250101000000_Create.cs", Migration("\"20250101000000_Create\"", "Create", CreateUsers, DropUsers, header: "// <auto-generated />\n")));
        test.TestState.Sources.Add(("Initial.cs", $$"""
            // <auto-generated />
            {{Sources.Usings}}

            namespace Sample.Migrations
            {
                public partial class Initial : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        {{AddEmail}}
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        {{DropEmail}}
                    }
                }
            }
            """));
        test.TestState.Sources.Add(("Initial.Designer.cs", $$"""
            // <auto-generated />
            {{Sources.Usings}}

            namespace Sample.Migrations
            {
                [DbContext(typeof(Sample.AppDbContext))]
                [Migration({|#0:"Initial"|})]
                partial class Initial
                {
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic(0, "Initial", Malformed + "after every migration whose id starts with a timestamp"));
        await test.RunAsync();
    }

    [Fact]
    public async Task IdFromAConstant_IsReportedOnTheArgument()
    {
        await VerifyAsync(
            [
                Migration("{|#0:Ids.First|}", "Create", CreateUsers, DropUsers)
                    .Replace("namespace Sample.Migrations\n{", "namespace Sample.Migrations\n{\n    internal static class Ids\n    {\n        public const string First = \"First\";\n    }\n"),
            ],
            Diagnostic(0, "First", Malformed + "after every migration whose id starts with a timestamp"));
    }

    [Theory]
    [InlineData("[Migration(")]
    [InlineData("[Migration()]")]
    [InlineData("[Migration(\"20250101000000_Create\", ")]
    [InlineData("[Migration(id)]")]
    public async Task HalfTypedAttribute_DoesNotThrow(string attribute)
    {
        var test = new Verify.Test(TestProvider.Sqlite) { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(("Contexts.cs", Contexts));
        test.TestState.Sources.Add(("Create.cs", Migration("\"20250101000000_Create\"", "Create", CreateUsers, DropUsers)));
        test.TestState.Sources.Add(("AddEmail.cs", Migration("\"20250102000000_AddEmail\"", "AddEmail", AddEmail, DropEmail).Replace("[Migration(\"20250102000000_AddEmail\")]", attribute)));
        await test.RunAsync();
    }
}
