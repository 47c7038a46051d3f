using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.DataLoss;

/// <summary>
/// LL1010: on SQLite, a CLR type that changes while the store type stays (string → Guid keeps TEXT) gets no operation
/// from EF Core; the previous migration's target model against this one's shows it, on Up's name, once per column.
/// </summary>
public class ClrTypeChangedTests
{
    private const string GuidMessage = "a value that is not a uuid throws FormatException when EF Core reads it, and a lower-case uuid never matches a Guid lookup (EF Core sends upper-case text)";

    private static string Model(string idType, string ownerType = "string", string countType = "long", string idColumnType = "TEXT")
        => $$"""
        modelBuilder.Entity("Sample.User", b =>
            {
                b.Property<{{idType}}>("Id")
                    .HasColumnType("{{idColumnType}}");

                b.Property<string>("Email")
                    .HasColumnType("TEXT");

                b.Property<{{countType}}>("Visits")
                    .HasColumnType("INTEGER");

                b.HasKey("Id");

                b.ToTable("Users");
            });

        modelBuilder.Entity("Sample.Project", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd()
                    .HasColumnType("INTEGER");

                b.Property<{{ownerType}}>("OwnerId")
                    .HasColumnType("TEXT");

                b.HasKey("Id");

                b.ToTable("Projects");
            });
        """;

    /// <summary>The migration under test: 20250102000000_UseGuids with <paramref name="up"/>, after 20250101000000_Initial.</summary>
    private static Verify.Test Test(string up, string previousModel, string model, TestProvider provider = TestProvider.Sqlite, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test(provider);
        test.TestState.Sources.Add($$"""
            {{Sources.Usings}}

            namespace Sample.Migrations
            {
                [DbContext(typeof(Sample.AppDbContext))]
                [Migration("20250102000000_UseGuids")]
                public partial class UseGuids : Migration
                {
                    protected override void {|#0:Up|}(MigrationBuilder migrationBuilder)
                    {
            {{up}}
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                    }
                }
            }

            {{Sources.Context}}
            """);
        test.TestState.Sources.Add(Sources.Designer(model, name: "UseGuids"));
        test.TestState.Sources.Add(Sources.Migration(string.Empty, name: "Initial", id: "20250101000000_Initial").Replace(Sources.Context, string.Empty));
        test.TestState.Sources.Add(Sources.Designer(previousModel, name: "Initial"));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    [Fact]
    public async Task StringToGuid_SameTextColumn_EmptyMigration_Reports()
    {
        await Test(string.Empty, Model("string"), Model("Guid"), expected:
            Verify.Diagnostic(RuleIds.ClrTypeChanged).WithLocation(0).WithArguments("Users.Id", "string", "Guid", "TEXT", GuidMessage)).RunAsync();
    }

    [Fact]
    public async Task TwoColumns_ReportsOncePerColumn()
    {
        await Test(string.Empty, Model("string"), Model("Guid", ownerType: "Guid?"), expected:
        [
            Verify.Diagnostic(RuleIds.ClrTypeChanged).WithLocation(0).WithArguments("Users.Id", "string", "Guid", "TEXT", GuidMessage),
            Verify.Diagnostic(RuleIds.ClrTypeChanged).WithLocation(0).WithArguments("Projects.OwnerId", "string", "Guid", "TEXT", GuidMessage),
        ]).RunAsync();
    }

    [Fact]
    public async Task LongToInt_SameIntegerColumn_Reports()
    {
        await Test(string.Empty, Model("string"), Model("string", countType: "int"), expected:
            Verify.Diagnostic(RuleIds.ClrTypeChanged).WithLocation(0).WithArguments("Users.Visits", "long", "int", "INTEGER", "a value outside the range of int throws OverflowException when EF Core reads it")).RunAsync();
    }

    [Fact]
    public async Task StringToDateTime_Reports()
    {
        await Test(string.Empty, Model("string"), Model("DateTime")
            , expected: Verify.Diagnostic(RuleIds.ClrTypeChanged).WithLocation(0).WithArguments("Users.Id", "string", "DateTime", "TEXT", "a value that does not parse as DateTime throws FormatException when EF Core reads it")).RunAsync();
    }

    [Theory]
    [InlineData("int", "long")]
    [InlineData("long", "long")]
    [InlineData("short", "int")]
    [InlineData("bool", "int")]
    public async Task IntegerThatReadsEveryOldValue_DoesNotReport(string before, string after)
    {
        await Test(string.Empty, Model("string", countType: before), Model("string", countType: after)).RunAsync();
    }

    [Fact]
    public async Task DateTimeOffsetToDateTime_ReadsEveryValue_DoesNotReport()
    {
        // Found by the corpus run (ErsatzTV, jellyfin): DateTimeOffset text parses as DateTime.
        await Test(string.Empty, Model("DateTimeOffset"), Model("DateTime")).RunAsync();
    }

    [Fact]
    public async Task HandWrittenUpdateOfTheColumn_DoesNotReport()
    {
        // Found by the corpus run (jellyfin's ChangeOwnerIdToGuid): the migration upper-cases the ids itself.
        await Test("""
                        migrationBuilder.Sql("UPDATE Users SET Id = UPPER(Id) WHERE Id IS NOT NULL");
            """, Model("string"), Model("Guid")).RunAsync();
    }

    [Fact]
    public async Task GuidToString_DoesNotReport()
    {
        await Test(string.Empty, Model("Guid"), Model("string")).RunAsync();
    }

    [Fact]
    public async Task StoreTypeChangedToo_IsAnAlterColumnForOtherRules_DoesNotReport()
    {
        // TEXT to BLOB is an AlterColumn EF scaffolds; LL1001/LL1002 judge it, not LL1010.
        await Test(string.Empty, Model("string"), Model("Guid", idColumnType: "BLOB")).RunAsync();
    }

    [Fact]
    public async Task ColumnAlteredInUp_DoesNotReport()
    {
        await Test("""
                        migrationBuilder.AlterColumn<Guid>(
                            name: "Id",
                            table: "Users",
                            type: "TEXT",
                            nullable: false,
                            oldClrType: typeof(string),
                            oldType: "TEXT");
            """, Model("string"), Model("Guid")).RunAsync();
    }

    [Fact]
    public async Task VerifiedStepForTheColumn_DoesNotReport()
    {
        await Test("""
                        migrationBuilder.Sql("-- lossless: verified Users.Id\nUPDATE \"Users\" SET \"Id\" = upper(\"Id\");");
            """, Model("string"), Model("Guid")).RunAsync();
    }

    [Fact]
    public async Task TableCreatedInUp_DoesNotReport()
    {
        await Test("""
                        migrationBuilder.RenameTable(name: "Users", newName: "OldUsers");
                        migrationBuilder.CreateTable(
                            name: "Users",
                            columns: table => new
                            {
                                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                            });
            """, Model("string"), Model("Guid")).RunAsync();
    }

    [Fact]
    public async Task PostgreSql_DoesNotReport()
    {
        await Test(string.Empty, Model("string", idColumnType: "text"), Model("Guid", idColumnType: "text"), TestProvider.PostgreSql).RunAsync();
    }

    [Fact]
    public async Task NoPreviousMigration_DoesNotReport()
    {
        var test = new Verify.Test(TestProvider.Sqlite);
        test.TestState.Sources.Add(Sources.Migration(string.Empty, name: "UseGuids", id: "20250102000000_UseGuids"));
        test.TestState.Sources.Add(Sources.Designer(Model("Guid"), name: "UseGuids"));
        await test.RunAsync();
    }

    [Fact]
    public async Task PreviousMigrationOfAnotherContext_DoesNotReport()
    {
        var test = new Verify.Test(TestProvider.Sqlite);
        test.TestState.Sources.Add(Sources.Migration(string.Empty, name: "UseGuids", id: "20250102000000_UseGuids"));
        test.TestState.Sources.Add(Sources.Designer(Model("Guid"), name: "UseGuids"));
        test.TestState.Sources.Add(Sources.Migration(string.Empty, name: "Initial", id: "20250101000000_Initial")
            .Replace(Sources.Context, "namespace Sample { public class OtherDbContext : DbContext { } }")
            .Replace("typeof(Sample.AppDbContext)", "typeof(Sample.OtherDbContext)"));
        test.TestState.Sources.Add(Sources.Designer(Model("string"), name: "Initial"));
        await test.RunAsync();
    }
}
