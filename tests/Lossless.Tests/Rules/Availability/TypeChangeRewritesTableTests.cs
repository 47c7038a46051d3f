using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using static Lossless.Tests.Rules.Availability.AvailabilityTest;

namespace Lossless.Tests.Rules.Availability;

public sealed class TypeChangeRewritesTableTests
{
    private const string PostgreSqlEffect = "rewrites every row and index of 'orders' under an ACCESS EXCLUSIVE lock: reads and writes wait until the migration commits; for a large table, use expand/contract";

    private static string Alter(string clr, string type, string oldClr, string oldType, string marker = "{|#0:AlterColumn|}") => $$"""
        migrationBuilder.{{marker}}<{{clr}}>(
            name: "quantity",
            table: "orders",
            type: "{{type}}",
            nullable: false,
            oldClrType: typeof({{oldClr}}),
            oldType: "{{oldType}}");
        """;

    [Theory]
    [InlineData("long", "bigint", "int", "integer")]
    [InlineData("int", "integer", "short", "smallint")]
    [InlineData("decimal", "numeric(12,4)", "decimal", "numeric(10,2)")]
    [InlineData("double", "double precision", "float", "real")]
    [InlineData("string", "text", "string", "character(10)")]
    public Task WideningThatRewrites_OnPostgreSql_Reports(string clr, string type, string oldClr, string oldType)
        => VerifyAsync(Alter(clr, type, oldClr, oldType), Info(RuleIds.TypeChangeRewritesTable, 0, "orders.quantity", oldType, type, PostgreSqlEffect));

    [Theory]
    [InlineData("string", "character varying(100)", "string", "character varying(50)")]
    [InlineData("string", "text", "string", "character varying(50)")]
    [InlineData("string", "character varying", "string", "character varying(50)")]
    [InlineData("decimal", "numeric(12,2)", "decimal", "numeric(10,2)")]
    [InlineData("decimal", "numeric", "decimal", "numeric(10,2)")]
    [InlineData("int", "integer", "int", "integer")]
    public Task ChangeInTheCatalogOnly_OnPostgreSql_DoesNotReport(string clr, string type, string oldClr, string oldType)
        => VerifyAsync(Alter(clr, type, oldClr, oldType, "AlterColumn"));

    [Fact]
    public Task LossyChange_IsTheDataLossDiagnosticOnly()
        => VerifyAsync(
            Alter("int", "integer", "string", "text"),
            Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>.Diagnostic(RuleIds.FailingTypeChange).WithLocation(0)
                .WithArguments("orders.quantity", "text", "integer", "fails on every database, even when every value is a valid integer in the range of integer: PostgreSQL has no cast from text to integer without USING, and EF Core writes none"));

    [Fact]
    public Task WideningOnSqlServer_OfAFixedSizeType_Reports()
        => VerifyAsync(
            Alter("long", "bigint", "int", "int"),
            TestProvider.SqlServer,
            null,
            Info(RuleIds.TypeChangeRewritesTable, 0, "orders.quantity", "int", "bigint", "updates every row of 'orders' (a size-of-data operation) under a schema modification lock: reads and writes wait until the migration commits; for a large table, use expand/contract"));

    [Fact]
    public Task LongerNvarcharOnSqlServer_DoesNotReport()
        => VerifyAsync(Alter("string", "nvarchar(100)", "string", "nvarchar(50)", "AlterColumn"), TestProvider.SqlServer, null);

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.None)]
    public Task Widening_OnOtherProviders_DoesNotReport(TestProvider provider)
        => AvailabilityTest.VerifyOnOtherProviderAsync(Alter("long", "bigint", "int", "integer", "AlterColumn"), provider);

    [Fact]
    public Task Widening_OnTableCreatedInUp_DoesNotReport()
        => VerifyAsync("""
            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    quantity = table.Column<int>(type: "integer", nullable: false),
                });

            """ + Alter("long", "bigint", "int", "integer", "AlterColumn"));

    [Fact]
    public Task Widening_Offline_DoesNotReport()
        => VerifyAsync(Alter("long", "bigint", "int", "integer", "AlterColumn"), TestProvider.PostgreSql, "offline");
}
