using Lossless.Analyzers.Infrastructure;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;

namespace Lossless.Tests.Rules.DataLoss;

public class SmokeTests
{
    [Fact]
    public async Task Incident()
    {
        var test = new CSharpAnalyzerVerifier<MigrationAnalyzer>.Test(TestProvider.PostgreSql);
        test.TestState.Sources.Add(Sources.Migration("""
            migrationBuilder.AlterColumn<Guid>(
                name: "id",
                table: "users",
                type: "uuid",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(255)",
                oldMaxLength: 255);

            migrationBuilder.AlterColumn<Guid>(
                name: "userId",
                table: "projects",
                type: "uuid",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(255)",
                oldMaxLength: 255);
            """));
        test.TestState.Sources.Add(Sources.Designer(Sources.IncidentModel));
        await test.RunAsync();
    }
}
