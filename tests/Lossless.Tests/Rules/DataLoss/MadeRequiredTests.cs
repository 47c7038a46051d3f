using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.DataLoss;

public class MadeRequiredTests
{
    private static string Required(string type, string clr, string defaultValue) => $$"""
        migrationBuilder.{|#0:AlterColumn|}<{{clr}}>(
            name: "value",
            table: "settings",
            type: "{{type}}",
            nullable: false,{{(defaultValue.Length == 0 ? string.Empty : "\n    defaultValue: " + defaultValue + ",")}}
            oldClrType: typeof({{clr}}),
            oldType: "{{type}}",
            oldNullable: true);
        """;

    [Fact]
    public async Task NoDefault_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(Required("text", "string", string.Empty)),
            Verify.Diagnostic(RuleIds.MadeRequired).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("settings.value", "fails on every row that holds NULL"));
    }

    [Theory]
    [InlineData("text", "string", "\"\"", "''")]
    [InlineData("integer", "int", "0", "0")]
    [InlineData("bigint", "long", "0L", "0")]
    [InlineData("numeric(10,2)", "decimal", "0m", "0")]
    [InlineData("boolean", "bool", "false", "false")]
    [InlineData("uuid", "Guid", "new Guid(\"00000000-0000-0000-0000-000000000000\")", "Guid.Empty")]
    [InlineData("uuid", "Guid", "Guid.Empty", "Guid.Empty")]
    [InlineData("timestamp with time zone", "DateTime", "new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified)", "DateTime.MinValue")]
    [InlineData("timestamp with time zone", "DateTime", "DateTime.MinValue", "DateTime.MinValue")]
    [InlineData("timestamp with time zone", "DateTimeOffset", "new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0))", "DateTimeOffset.MinValue")]
    [InlineData("interval", "TimeSpan", "new TimeSpan(0, 0, 0, 0, 0)", "TimeSpan.Zero")]
    [InlineData("date", "DateOnly", "new DateOnly(1, 1, 1)", "DateOnly.MinValue")]
    [InlineData("time without time zone", "TimeOnly", "new TimeOnly(0, 0, 0)", "TimeOnly.MinValue")]
    [InlineData("bytea", "byte[]", "new byte[0]", "new byte[0]")]
    public async Task PlaceholderDefault_Reports(string type, string clr, string defaultValue, string shown)
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(Required(type, clr, defaultValue)),
            Verify.Diagnostic(RuleIds.MadeRequired).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("settings.value", "turns every NULL it holds into the placeholder " + shown));
    }

    [Theory]
    [InlineData("text", "string", "\"unknown\"")]
    [InlineData("integer", "int", "1")]
    [InlineData("boolean", "bool", "true")]
    [InlineData("uuid", "Guid", "new Guid(\"0b7d1c2e-1111-4a4a-9b9b-123456789abc\")")]
    [InlineData("timestamp with time zone", "DateTime", "new DateTime(2000, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc)")]
    public async Task DeliberateDefault_DoesNotReport(string type, string clr, string defaultValue)
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration(Required(type, clr, defaultValue).Replace("{|#0:AlterColumn|}", "AlterColumn")));
    }

    [Fact]
    public async Task DefaultValueSql_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration("""
            migrationBuilder.AlterColumn<DateTime>(name: "created", table: "settings", type: "timestamp with time zone", nullable: false, defaultValueSql: "now()", oldClrType: typeof(DateTime), oldType: "timestamp with time zone", oldNullable: true);
            """));
    }

    [Fact]
    public async Task PlaceholderThatTheTargetModelDeclares_DoesNotReport()
    {
        var test = new Verify.Test(TestProvider.PostgreSql)
        {
            TestState =
            {
                Sources =
                {
                    Sources.Migration(Required("boolean", "bool", "false").Replace("{|#0:AlterColumn|}", "AlterColumn")),
                    Sources.Designer("""
                        modelBuilder.Entity("Sample.Setting", b =>
                            {
                                b.Property<int>("Id").HasColumnType("integer");
                                b.Property<bool>("Value").ValueGeneratedOnAdd().HasColumnType("boolean").HasDefaultValue(false).HasColumnName("value");
                                b.HasKey("Id");
                                b.ToTable("settings");
                            });
                        """),
                },
            },
        };
        await test.RunAsync();
    }

    [Theory]
    [InlineData("UPDATE settings SET value = 'off' WHERE value IS NULL;")]
    [InlineData("UPDATE \\\"settings\\\" SET \\\"value\\\" = 'off' WHERE \\\"value\\\" IS NULL;")]
    [InlineData("UPDATE public.settings AS s SET other = 1, value = COALESCE(value, 'off') WHERE value IS NULL OR other IS NULL;")]
    [InlineData("-- lossless: verified settings.value\\nSELECT 1;")]
    public async Task EarlierBackfill_DoesNotReport(string sql)
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration(
            "migrationBuilder.Sql(\"" + sql + "\");\n" + Required("text", "string", string.Empty).Replace("{|#0:AlterColumn|}", "AlterColumn")));
    }

    [Theory]
    [InlineData("UPDATE other SET value = 'off' WHERE value IS NULL;")]
    [InlineData("UPDATE settings SET other = 'off' WHERE other IS NULL;")]
    [InlineData("-- UPDATE settings SET value = 'off';")]
    [InlineData("SELECT 'UPDATE settings SET value = 1';")]
    public async Task UnrelatedSql_StillReports(string sql)
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("migrationBuilder.Sql(\"" + sql + "\");\n" + Required("text", "string", string.Empty)),
            Verify.Diagnostic(RuleIds.MadeRequired).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("settings.value", "fails on every row that holds NULL"));
    }

    [Fact]
    public async Task BackfillAfterTheAlter_StillReports()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(Required("text", "string", string.Empty) + "\nmigrationBuilder.Sql(\"UPDATE settings SET value = 'off' WHERE value IS NULL;\");"),
            Verify.Diagnostic(RuleIds.MadeRequired).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("settings.value", "fails on every row that holds NULL"));
    }

    [Fact]
    public async Task BackfillAfterTheAlter_OnSqlite_DoesNotReport()
    {
        // On SQLite the AlterColumn is a table rebuild, which EF Core runs after every other operation.
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(Required("TEXT", "string", string.Empty).Replace("{|#0:AlterColumn|}", "AlterColumn") + "\nmigrationBuilder.Sql(\"UPDATE settings SET value = 'off' WHERE value IS NULL;\");"),
            TestProvider.Sqlite);
    }

    [Fact]
    public async Task RequiredToNullable_AndStillNullable_DoNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration("""
            migrationBuilder.AlterColumn<string>(name: "a", table: "settings", type: "text", nullable: true, oldClrType: typeof(string), oldType: "text");
            migrationBuilder.AlterColumn<string>(name: "b", table: "settings", type: "text", nullable: true, oldClrType: typeof(string), oldType: "text", oldNullable: true);
            migrationBuilder.AlterColumn<string>(name: "c", table: "settings", type: "character varying(20)", nullable: false, oldClrType: typeof(string), oldType: "character varying(20)");
            """));
    }

    [Fact]
    public async Task InDown_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration(up: string.Empty, down: Required("text", "string", string.Empty).Replace("{|#0:AlterColumn|}", "AlterColumn")));
    }
}
