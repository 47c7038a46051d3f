using Lossless.Tests.Verifiers;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.DataLoss;

/// <summary>What the analyzer does not look at: non-migrations, Down, unknown arguments, compilations without EF Core.</summary>
public class ScopeTests
{
    private const string IncidentChange = """
        migrationBuilder.AlterColumn<Guid>(
            name: "userId",
            table: "projects",
            type: "uuid",
            nullable: false,
            oldClrType: typeof(string),
            oldType: "character varying(255)",
            oldMaxLength: 255);
        """;

    [Fact]
    public async Task ClassNotDerivingFromMigration_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync($$"""
            {{Sources.Usings}}

            public class NotAMigration
            {
                public void Up(MigrationBuilder migrationBuilder)
                {
            {{Sources.Indent(IncidentChange, 8)}}
                }
            }
            """);
    }

    [Fact]
    public async Task Down_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration(up: string.Empty, down: IncidentChange));
    }

    [Fact]
    public async Task NonConstantTypeOrTable_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration("""
            var newType = Environment.GetEnvironmentVariable("ID_TYPE") ?? "uuid";
            migrationBuilder.AlterColumn<Guid>(name: "userId", table: "projects", type: newType, oldClrType: typeof(string), oldType: "character varying(255)");
            foreach (var table in new[] { "projects", "accounts" })
            {
                migrationBuilder.AlterColumn<Guid>(name: "userId", table: table, type: "uuid", oldClrType: typeof(string), oldType: "character varying(255)");
            }
            """));
    }

    [Fact]
    public async Task NoOldDefinition_DoesNotReport()
    {
        // Without oldClrType/oldType nothing is known of the old column: that is LL4003's business, not a guess.
        await Verify.VerifyAnalyzerAsync(Sources.Migration("""
            migrationBuilder.AlterColumn<Guid>(name: "userId", table: "projects", type: "uuid");
            """));
    }

    [Fact]
    public async Task CompilationWithoutEFCore_RegistersNothingAfterCompilationStart()
    {
        const string source = "public class Plain { public void Up() { } }";

        var withoutEFCore = await AnalyzerRunner.TelemetryAsync(EFCoreReferences.RuntimeOnly(), source);
        var withEFCore = await AnalyzerRunner.TelemetryAsync(EFCoreReferences.For(TestProvider.PostgreSql), source);

        Assert.Equal(1, withoutEFCore.CompilationStartActionsCount);
        Assert.Equal(0, withoutEFCore.SymbolStartActionsCount);
        Assert.Equal(1, withEFCore.SymbolStartActionsCount);
    }

    [Theory]
    [InlineData(TestProvider.PostgreSql)]
    [InlineData(TestProvider.Sqlite)]
    public async Task EFCoreScaffoldedInitialSchema_ReportsNothing(TestProvider provider)
    {
        // The first migration EF Core 10 itself scaffolded for a schema (tests/Lossless.DataTests/Reversibility/Scaffolded).
        var id = Rules.Reversibility.ScaffoldedMigrations.Ids(provider)[0];
        var migration = Rules.Reversibility.ScaffoldedMigrations.Migration(provider, id);
        Assert.Contains("CreateTable(", migration);

        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(
            provider,
            migration,
            Rules.Reversibility.ScaffoldedMigrations.Designer(provider, id),
            Sources.Usings + "\n" + Sources.Context);

        Assert.Empty(exceptions);
        Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("LL", StringComparison.Ordinal)).Select(d => d.ToString()));
    }
}
