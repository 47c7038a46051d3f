using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp;

namespace Lossless.Tests.Robustness;

/// <summary>
/// The analyzer runs on every keystroke: every prefix of a migration, cut at each token, must analyse without an
/// exception (AD0001).
/// </summary>
public class HalfTypedCodeTests
{
    public static TheoryData<string> Migrations() => new()
    {
        "incident",
        "create-table",
        "helpers",
    };

    private static (string Migration, string Designer) Source(string name) => name switch
    {
        "incident" => (Sources.Migration("""
            migrationBuilder.AlterColumn<Guid>(
                name: "id",
                table: "users",
                type: "uuid",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(255)",
                oldMaxLength: 255);
            """), Sources.Designer(Sources.IncidentModel)),
        "create-table" => (Sources.Migration("""
            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(name: "userId", type: "character varying(255)", maxLength: 255, nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects", x => x.Id);
                    table.ForeignKey(name: "FK_projects_users_userId", column: x => x.UserId, principalTable: "users", principalColumn: "id", onDelete: ReferentialAction.Cascade);
                });
            migrationBuilder.AlterColumn<decimal>(name: "total", table: "orders", type: "numeric(10,0)", oldClrType: typeof(decimal), oldType: "numeric(10,2)");
            """), Sources.Designer(Sources.IncidentModel)),
        "helpers" => (Sources.Migration(
            up: """
                Convert(migrationBuilder, "users", "id");
                """,
            down: """
                migrationBuilder.AlterColumn<string>(name: "id", table: "users", type: "character varying(255)", oldClrType: typeof(Guid), oldType: "uuid");
                """).Replace(
            "protected override void Down",
            """
            private static void Convert(MigrationBuilder builder, string table, string column)
                    {
                        builder.AlterColumn<Guid>(name: column, table: table, type: "uuid", oldClrType: typeof(string), oldType: "text");
                    }

                    protected override void Down
            """), Sources.Designer(Sources.IncidentModel)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Migrations))]
    public async Task EveryPrefixOfTheMigration_AnalysesWithoutException(string name)
    {
        var (migration, designer) = Source(name);

        // The whole source is analysed for real: the prefixes are not trivially quiet.
        var (diagnostics, _) = await AnalyzerRunner.RunAsync(TestProvider.PostgreSql, migration, designer);
        // One data-loss diagnostic each ("helpers": its table and column are parameters, its constant types prove it).
        Assert.Equal(1, diagnostics.Count(d => d.Id.StartsWith("LL1", StringComparison.Ordinal)));

        await AssertNoExceptionOnPrefixes(migration, prefix => [prefix, designer]);
    }

    [Fact]
    public async Task EveryPrefixOfTheDesigner_AnalysesWithoutException()
    {
        var (migration, designer) = Source("incident");
        await AssertNoExceptionOnPrefixes(designer, prefix => [migration, prefix]);
    }

    private static async Task AssertNoExceptionOnPrefixes(string source, Func<string, string[]> sources)
    {
        var ends = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Select(t => t.Span.End).Distinct().ToArray();
        Assert.True(ends.Length > 100, "the source should have many tokens");
        var failures = new List<string>();
        foreach (var end in ends)
        {
            var (_, exceptions) = await AnalyzerRunner.RunAsync(TestProvider.PostgreSql, sources(source[..end]));
            if (exceptions.Count > 0)
            {
                failures.Add($"prefix ending at {end}:\n{string.Join("\n", exceptions)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(3)));
    }
}
