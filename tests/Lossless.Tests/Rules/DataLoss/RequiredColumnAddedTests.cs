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

    [Theory]
    [InlineData("string", "text", "\"\"", "''")]
    [InlineData("string", "text", "string.Empty", "''")]
    [InlineData("string", "text", "String.Empty", "''")]
    [InlineData("int", "integer", "0", "0")]
    [InlineData("decimal", "numeric(18,2)", "0m", "0")]
    [InlineData("bool", "boolean", "false", "false")]
    [InlineData("TimeSpan", "interval", "new TimeSpan(0, 0, 0, 0, 0)", "TimeSpan.Zero")]
    [InlineData("byte[]", "bytea", "new byte[0]", "new byte[0]")]
    public async Task PlainPlaceholder_IsLL1012(string clrType, string storeType, string defaultValue, string shown)
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration($$"""
                migrationBuilder.{|#0:AddColumn|}<{{clrType}}>(
                    name: "Setting",
                    table: "users",
                    type: "{{storeType}}",
                    nullable: false,
                    defaultValue: {{defaultValue}});
                """),
            Verify.Diagnostic(RuleIds.ExistingRowsGetPlaceholder).WithLocation(0).WithArguments("users.Setting", "gives every existing row the placeholder " + shown));
    }

    [Fact]
    public async Task PlainPlaceholder_IsInfo_AndCarriesWhatAFixNeeds()
    {
        var source = Sources.Migration("""migrationBuilder.AddColumn<bool>(name: "IsActive", table: "accounts", schema: "app", type: "boolean", nullable: false, defaultValue: false);""");
        var test = new Verify.Test(TestProvider.PostgreSql) { TestCode = source };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.ExistingRowsGetPlaceholder).WithSpan(14, 30, 14, 39).WithArguments("app.accounts.IsActive", "gives every existing row the placeholder false"));
        await test.RunAsync();

        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(TestProvider.PostgreSql, source);
        Assert.Empty(exceptions);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == RuleIds.ExistingRowsGetPlaceholder);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal("app", diagnostic.Properties[DiagnosticProperties.Schema]);
        Assert.Equal("accounts", diagnostic.Properties[DiagnosticProperties.Table]);
        Assert.Equal("IsActive", diagnostic.Properties[DiagnosticProperties.Column]);
        Assert.Equal("System.Boolean", diagnostic.Properties[DiagnosticProperties.ClrType]);
        Assert.Equal("boolean", diagnostic.Properties[DiagnosticProperties.StoreType]);
        Assert.Equal("false", diagnostic.Properties[DiagnosticProperties.Placeholder]);
        Assert.Equal("postgresql", diagnostic.Properties[DiagnosticProperties.Provider]);
    }

    [Theory]
    [InlineData("Guid", "uuid", "new Guid(\"00000000-0000-0000-0000-000000000000\")", "Guid.Empty")]
    [InlineData("Guid", "uuid", "Guid.Empty", "Guid.Empty")]
    [InlineData("DateTime", "timestamp with time zone", "new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified)", "DateTime.MinValue")]
    [InlineData("DateTime", "timestamp with time zone", "DateTime.MinValue", "DateTime.MinValue")]
    [InlineData("DateTimeOffset", "timestamp with time zone", "new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0))", "DateTimeOffset.MinValue")]
    [InlineData("DateOnly", "date", "new DateOnly(1, 1, 1)", "DateOnly.MinValue")]
    public async Task MeaninglessPlaceholder_IsLL1008OnAnyColumn(string clrType, string storeType, string defaultValue, string shown)
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration($$"""
                migrationBuilder.{|#0:AddColumn|}<{{clrType}}>(name: "Since", table: "users", type: "{{storeType}}", nullable: false, defaultValue: {{defaultValue}});
                """),
            Verify.Diagnostic(RuleIds.RequiredColumnAdded).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("users.Since", "gives every existing row the placeholder " + shown + ", a value that means no value"));
    }

    [Theory]
    [InlineData("""migrationBuilder.CreateIndex(name: "IX_users_Code", table: "users", column: "Code", unique: true);""")]
    [InlineData("""migrationBuilder.CreateIndex(name: "IX_users_TenantId_Code", table: "users", columns: new[] { "TenantId", "Code" }, unique: true);""")]
    [InlineData("""migrationBuilder.AddUniqueConstraint(name: "AK_users_Code", table: "users", column: "Code");""")]
    public async Task PlaceholderOnAColumnMadeUnique_IsLL1008(string unique)
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration($$"""
                migrationBuilder.{|#0:AddColumn|}<string>(name: "Code", table: "users", type: "text", nullable: false, defaultValue: "");
                {{unique}}
                """),
            Verify.Diagnostic(RuleIds.RequiredColumnAdded).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("users.Code", "gives every existing row the placeholder '', and the unique index on it fails as soon as the table has two rows"));
    }

    [Fact]
    public async Task PlaceholderBesideANonUniqueIndex_IsLL1012()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#0:AddColumn|}<string>(name: "Code", table: "users", type: "text", nullable: false, defaultValue: "");
                migrationBuilder.CreateIndex(name: "IX_users_Code", table: "users", column: "Code");
                migrationBuilder.CreateIndex(name: "IX_users_Email", table: "users", column: "Email", unique: true);
                """),
            Verify.Diagnostic(RuleIds.ExistingRowsGetPlaceholder).WithLocation(0).WithArguments("users.Code", "gives every existing row the placeholder ''"));
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
