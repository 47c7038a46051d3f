using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.DataLoss;

public class RequiredColumnAddedTests
{
    [Fact]
    public async Task NoDefault_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""migrationBuilder.{|#0:AddColumn|}<int>(name: "age", table: "users", type: "integer", nullable: false);"""),
            Verify.Diagnostic(RuleIds.RequiredColumnAdded).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("users.age", "with no default fails on a table that has rows"));
    }

    [Fact]
    public async Task NoDefault_OnSqlite_SaysEvenEmptyTablesFail()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""migrationBuilder.{|#0:AddColumn|}<int>(name: "age", table: "users", type: "INTEGER", nullable: false);"""),
            TestProvider.Sqlite,
            Verify.Diagnostic(RuleIds.RequiredColumnAdded).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("users.age", "with no default fails, on SQLite even when the table is empty"));
    }

    [Fact]
    public async Task PlaceholderDefault_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#0:AddColumn|}<string>(
                    name: "Country",
                    table: "users",
                    type: "text",
                    nullable: false,
                    defaultValue: "");
                """),
            Verify.Diagnostic(RuleIds.RequiredColumnAdded).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("users.Country", "gives every existing row the placeholder ''"));
    }

    [Fact]
    public async Task PlaceholderOnAForeignKey_SaysTheForeignKeyFails()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#0:AddColumn|}<Guid>(
                    name: "OwnerId",
                    table: "projects",
                    type: "uuid",
                    nullable: false,
                    defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

                migrationBuilder.AddForeignKey(
                    name: "FK_projects_users_OwnerId",
                    table: "projects",
                    column: "OwnerId",
                    principalTable: "users",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                """),
            Verify.Diagnostic(RuleIds.RequiredColumnAdded).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("projects.OwnerId", "gives every existing row the placeholder Guid.Empty, which references no row of 'users' and makes the foreign key fail"));
    }

    [Fact]
    public async Task InitialCreation_DoesNotReport()
    {
        // What EF Core scaffolds for a new schema: every column of a table created in the same migration.
        await Verify.VerifyAnalyzerAsync(Sources.Migration(
            up: """
                migrationBuilder.CreateTable(
                    name: "users",
                    columns: table => new
                    {
                        id = table.Column<Guid>(type: "uuid", nullable: false),
                        email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false)
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_users", x => x.id);
                    });

                migrationBuilder.AddColumn<int>(name: "age", table: "users", type: "integer", nullable: false, defaultValue: 0);

                migrationBuilder.CreateIndex(
                    name: "IX_users_email",
                    table: "users",
                    column: "email",
                    unique: true);
                """,
            down: """
                migrationBuilder.DropTable(
                    name: "users");
                """));
    }

    [Theory]
    [InlineData("""migrationBuilder.AddColumn<int>(name: "age", table: "users", type: "integer", nullable: true);""")]
    [InlineData("""migrationBuilder.AddColumn<int>(name: "age", table: "users", type: "integer", nullable: false, defaultValue: 18);""")]
    [InlineData("""migrationBuilder.AddColumn<DateTime>(name: "created", table: "users", type: "timestamp with time zone", nullable: false, defaultValueSql: "now()");""")]
    [InlineData("""migrationBuilder.AddColumn<int>(name: "total", table: "users", type: "integer", nullable: false, computedColumnSql: "a + b", stored: true);""")]
    [InlineData("""migrationBuilder.AddColumn<int>(name: "seq", table: "users", type: "integer", nullable: false).Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);""")]
    public async Task DeliberateOrGeneratedValues_DoNotReport(string add)
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration(add));
    }
}
