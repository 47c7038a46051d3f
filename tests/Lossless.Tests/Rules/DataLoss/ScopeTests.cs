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
}
