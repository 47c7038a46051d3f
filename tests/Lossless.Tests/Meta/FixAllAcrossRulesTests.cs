using System.Collections.Immutable;
using Lossless.Analyzers;
using Lossless.CodeFixes;
using Lossless.CodeFixes.Migrations;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace Lossless.Tests.Meta;

/// <summary>
/// Fix All applies every fix of a document, a project and a solution in one run, whatever mix of rule ids.
/// <c>dotnet format analyzers</c> runs one rule id after another in the order of a hash set (string hashes are
/// randomised per process), starts each Fix All from the key of the first diagnostic it sees of any id (or none), and
/// gives it only that id's diagnostics: with fixers whose Fix All only took its own key, one run applied one rule's
/// fixes and not the other's, depending on the order. Here that procedure is reproduced in process, in several
/// orders, over a project of three migrations holding seven ids: every order fixes everything, to the same text.
/// </summary>
public sealed class FixAllAcrossRulesTests
{
    private const string Orders = """
        migrationBuilder.AlterColumn<int>(
            name: "quantity",
            table: "orders",
            type: "integer",
            nullable: false,
            oldClrType: typeof(string),
            oldType: "text");

        migrationBuilder.AlterColumn<decimal>(
            name: "total",
            table: "orders",
            type: "numeric(10,0)",
            nullable: false,
            oldClrType: typeof(decimal),
            oldType: "numeric(10,2)");

        migrationBuilder.DropColumn(
            name: "nickname",
            table: "users");

        migrationBuilder.AlterColumn<string>(
            name: "email",
            table: "users",
            type: "text",
            nullable: false,
            oldClrType: typeof(string),
            oldType: "text",
            oldNullable: true);
        """;

    private const string OrdersDown = """
        migrationBuilder.AlterColumn<string>(
            name: "email",
            table: "users",
            type: "text",
            nullable: true,
            oldClrType: typeof(string),
            oldType: "text");

        migrationBuilder.AddColumn<string>(
            name: "nickname",
            table: "users",
            type: "text",
            nullable: true);

        migrationBuilder.AlterColumn<decimal>(
            name: "total",
            table: "orders",
            type: "numeric(10,2)",
            nullable: false,
            oldClrType: typeof(decimal),
            oldType: "numeric(10,0)");

        migrationBuilder.AlterColumn<string>(
            name: "quantity",
            table: "orders",
            type: "text",
            nullable: false,
            oldClrType: typeof(int),
            oldType: "integer");
        """;

    private const string Model = """
        modelBuilder.Entity("Sample.User", b =>
            {
                b.Property<int>("Id").HasColumnType("integer").HasColumnName("id");
                b.Property<string>("Email").IsRequired().HasColumnType("text").HasColumnName("email");
                b.HasKey("Id");
                b.ToTable("users");
            });
        """;

    private const string Sessions = """
        migrationBuilder.AddColumn<int>(
            name: "age",
            table: "users",
            type: "integer",
            nullable: false);

        migrationBuilder.DropTable(
            name: "sessions");
        """;

    private const string SessionsDown = """
        migrationBuilder.CreateTable(
            name: "sessions",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false),
                token = table.Column<string>(type: "text", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_sessions", x => x.id);
            });

        migrationBuilder.DropColumn(
            name: "age",
            table: "users");
        """;

    private static string[] Project() =>
    [
        Sources.Migration(Orders, OrdersDown, name: "Orders", id: "20250301090000_Orders"),
        Sources.Designer(Model, name: "Orders"),
        Sources.Migration(Sessions, SessionsDown, name: "Sessions", id: "20250302090000_Sessions").Replace(Sources.Context, string.Empty),
        NoDown,
    ];

    /// <summary>A migration with Up only (LL2001), in a document of its own.</summary>
    private static readonly string NoDown = $$"""
        {{Sources.Usings}}

        namespace Sample.Migrations
        {
            [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250303090000_EmailIndex")]
            public partial class EmailIndex : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX_users_email", table: "users", column: "email");
                }
            }
        }
        """;

    private static readonly string[] Ids = ["LL1001", "LL1002", "LL1004", "LL1005", "LL1007", "LL1008", "LL2001"];

    [Fact]
    public async Task DotnetFormatsProcedure_InAnyOrderOfIds_FixesEveryDiagnostic_ToTheSameText()
    {
        var orders = new List<string[]> { Ids, Ids.Reverse().ToArray() };
        var random = new Random(12);
        for (var i = 0; i < 4; i++)
        {
            orders.Add(Ids.OrderBy(_ => random.Next()).ToArray());
        }

        string? first = null;
        foreach (var order in orders)
        {
            var (texts, left) = await DotnetFormatAsync(order);

            // Nothing left to fix but the values a person must choose (LL1007 on the written AlterColumns).
            Assert.All(left, static d => Assert.True(d.Properties.ContainsKey(DiagnosticProperties.Unchosen), d.ToString()));
            Assert.Equal(["LL1007 users.age", "LL1007 users.email"], left.Select(static d => d.Id + " " + d.Properties[DiagnosticProperties.Table] + "." + d.Properties[DiagnosticProperties.Column]).Order(StringComparer.Ordinal));

            var all = string.Join("\n=====\n", texts);
            first ??= all;
            Assert.True(first == all, "The order " + string.Join(", ", order) + " fixed the project differently.");
        }

        // What the fixes wrote: each kind once, in its own migration.
        Assert.Contains("ALTER TABLE \"orders\" ALTER COLUMN \"quantity\" TYPE integer USING \"quantity\"::integer;", first);
        Assert.Contains("SELECT count(*) INTO bad FROM \"orders\" WHERE \"total\" <> round(\"total\", 0);", first);
        Assert.Contains("CREATE TABLE \"__lossless_backup_users_nickname_20250301090000_Orders\" AS SELECT \"id\", \"nickname\" FROM \"users\";", first);
        Assert.Contains("""migrationBuilder.Sql("UPDATE \"users\" SET \"email\" = NULL /* lossless: choose */ WHERE \"email\" IS NULL;");""", first);
        Assert.Contains("""migrationBuilder.Sql("UPDATE \"users\" SET \"age\" = NULL /* lossless: choose */ WHERE \"age\" IS NULL;");""", first);
        Assert.Contains("CREATE TABLE \"__lossless_backup_sessions_20250302090000_Sessions\" AS SELECT * FROM \"sessions\";", first);
        Assert.Contains("protected override void Down(MigrationBuilder migrationBuilder)\n        {\n            migrationBuilder.DropIndex(", first);
    }

    /// <summary>
    /// The testing library's Fix All over a document with LL1002 then LL1001 (both the type-change fixer's): it starts
    /// from LL1002's first action (the USING cast), which LL1001 does not offer, and still fixes LL1001 with its own
    /// first action, in one iteration; one at a time, each diagnostic gets its first action: the same text.
    /// </summary>
    [Fact]
    public async Task FixAll_StartedFromAnotherRulesAction_FixesEveryDiagnosticOfItsFixer_InOneIteration()
    {
        var before = Sources.Migration(
            Orders[..Orders.IndexOf("migrationBuilder.DropColumn", StringComparison.Ordinal)].TrimEnd()
                .Replace("migrationBuilder.AlterColumn<int>(", "migrationBuilder.{|LL1002:AlterColumn|}<int>(")
                .Replace("migrationBuilder.AlterColumn<decimal>(", "migrationBuilder.{|LL1001:AlterColumn|}<decimal>("));
        var after = Sources.Migration(""""
            // PostgreSQL has no automatic cast from text to integer: stop the migration if a value of orders.quantity would not convert, else convert with an explicit cast.
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
                            RAISE EXCEPTION 'lossless: % value(s) of orders.quantity cannot be converted from text to integer without loss; the migration was stopped and nothing was changed', bad;
                        END IF;
                    END IF;
                END
                $lossless$;
                ALTER TABLE "orders" ALTER COLUMN "quantity" TYPE integer USING "quantity"::integer;
                """);

            migrationBuilder.AlterColumn<int>(
                name: "quantity",
                table: "orders",
                type: "integer",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

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

            migrationBuilder.AlterColumn<decimal>(
                name: "total",
                table: "orders",
                type: "numeric(10,0)",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(10,2)");
            """");
        var test = new CSharpCodeFixVerifier<Analyzers.Infrastructure.MigrationAnalyzer, CodeFixes.Rules.DataLoss.TypeChanges.TypeChangeFixer>.Test(TestProvider.PostgreSql)
        {
            TestCode = before,
            FixedCode = after,
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 1,
            NumberOfFixAllInProjectIterations = 1,
        };
        await test.RunAsync();
    }

    /// <summary>dotnet format's procedure (sdk src/BuiltInTools/dotnet-format/Analyzers), in process; returns the migrations' texts and what is left.</summary>
    private static async Task<(string[] Texts, List<Diagnostic> Left)> DotnetFormatAsync(string[] order)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Shop", LanguageNames.CSharp)
            .WithMetadataReferences(EFCoreReferences.For(TestProvider.PostgreSql))
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest));
        var ids = new List<DocumentId>();
        foreach (var source in Project())
        {
            var document = project.AddDocument($"Migration{ids.Count}.cs", SourceText.From(source), filePath: $"/shop/Migration{ids.Count}.cs");
            ids.Add(document.Id);
            project = document.Project;
        }

        var fixers = AnalyzerCatalog.CodeFixProviderTypes.Select(static t => (CodeFixProvider)Activator.CreateInstance(t)!).ToList();
        foreach (var id in order)
        {
            // Analysis again for each id, as dotnet format does, keeping the ids asked for (here: all of warning or error).
            var result = (await AnalyzeAsync(project)).Where(static d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            if (!result.Any(d => d.Id == id))
            {
                continue;
            }

            foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(id)))
            {
                // The key comes from the first diagnostic of the result, whatever its id, given to this fixer.
                var first = result[0];
                var document = project.GetDocument(first.Location.SourceTree)!;
                CodeAction? action = null;
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, first, (a, _) => action ??= a, CancellationToken.None));
                var context = new FixAllContext(document, fixer, FixAllScope.Solution, action?.EquivalenceKey!, [id], new Provider(result), CancellationToken.None);
                var fixAll = await fixer.GetFixAllProvider()!.GetFixAsync(context);
                var apply = (await fixAll!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
                project = apply.ChangedSolution.GetProject(project.Id)!;
            }
        }

        var texts = new List<string>();
        foreach (var id in ids)
        {
            texts.Add((await project.GetDocument(id)!.GetTextAsync()).ToString());
        }

        var left = (await AnalyzeAsync(project)).Where(d => Ids.Contains(d.Id)).ToList();
        return (texts.ToArray(), left);
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>dotnet format's: the project's diagnostics of the run, filtered by the context to its ids.</summary>
    private sealed class Provider(List<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => GetProjectDiagnosticsAsync(project, cancellationToken);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
