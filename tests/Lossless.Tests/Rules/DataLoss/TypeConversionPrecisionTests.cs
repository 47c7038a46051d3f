using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.DataLoss;

/// <summary>
/// RULES.md "Type conversion classes" and the LL1003 row: the CLR types count where SQLite's affinities say less, the
/// previous target model wins over an old type it contradicts, and a widening of a key that no column is left behind
/// on keeps every value.
/// </summary>
public class TypeConversionPrecisionTests
{
    // ---- SQLite INTEGER -> REAL: from a 32-bit property a widening, from a 64-bit one lossy.

    [Theory]
    [InlineData("int")]
    [InlineData("short")]
    [InlineData("byte")]
    public async Task SqliteIntegerToReal_FromA32BitProperty_DoesNotReport(string clr)
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration($$"""
                migrationBuilder.AlterColumn<float>(
                    name: "AvgHoursToRead",
                    table: "Series",
                    type: "REAL",
                    nullable: false,
                    oldClrType: typeof({{clr}}),
                    oldType: "INTEGER");
                """),
            TestProvider.Sqlite);
    }

    [Fact]
    public async Task SqliteIntegerToReal_FromALong_StillReports()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#0:AlterColumn|}<double>(
                    name: "Bytes",
                    table: "Files",
                    type: "REAL",
                    nullable: false,
                    oldClrType: typeof(long),
                    oldType: "INTEGER");
                """),
            TestProvider.Sqlite,
            Verify.Diagnostic(RuleIds.LossyTypeChange).WithLocation(0).WithArguments("Files.Bytes", "INTEGER", "REAL", "silently converts integers to floating point, rounding those beyond 2^53 (9007199254740993 becomes 9007199254740992)"));
    }

    // ---- On SQLite, the previous target model wins over an old affinity it contradicts.

    private const string UsersModel = """
        modelBuilder.Entity("Sample.AppUser", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd()
                    .HasColumnType("INTEGER");

                b.Property<string>("PasswordHash")
                    .HasColumnType("TEXT");

                b.Property<byte[]>("Avatar")
                    .HasColumnType("BLOB");

                b.HasKey("Id");

                b.ToTable("AspNetUsers");
            });
        """;

    private static Verify.Test WithPrevious(string up, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test(TestProvider.Sqlite);
        test.TestState.Sources.Add(Sources.Migration(up, name: "Cleanup", id: "20250102000000_Cleanup"));
        test.TestState.Sources.Add(Sources.Migration(string.Empty, name: "Initial", id: "20250101000000_Initial").Replace(Sources.Context, string.Empty));
        test.TestState.Sources.Add(Sources.Designer(UsersModel, name: "Initial"));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    [Fact]
    public async Task OldTypeThePreviousModelContradicts_IsJudgedByTheModel()
    {
        // oldType says BLOB, the previous model says TEXT: TEXT to TEXT changes nothing.
        await WithPrevious("""
            migrationBuilder.AlterColumn<string>(
                name: "PasswordHash",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);
            """).RunAsync();
    }

    [Fact]
    public async Task OldTypeThePreviousModelConfirms_StillReports()
    {
        await WithPrevious(
            """
            migrationBuilder.{|#0:AlterColumn|}<string>(
                name: "Avatar",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);
            """,
            Verify.Diagnostic(RuleIds.LossyTypeChange).WithLocation(0).WithArguments("AspNetUsers.Avatar", "BLOB", "TEXT", "silently leaves existing values as blobs, which read as text only when they hold UTF-8 (other bytes read as U+FFFD)")).RunAsync();
    }

    [Fact]
    public async Task ModelThatDriftedFromTheDatabase_OnPostgreSql_DoesNotHideTheNarrowing()
    {
        // The previous Designer already says varchar(50) (the model changed without a migration); the table holds text,
        // as the migration's oldType says. Only SQLite's affinities are judged by the model.
        var test = new Verify.Test(TestProvider.PostgreSql);
        test.TestState.Sources.Add(Sources.Migration(
            """
            migrationBuilder.{|#0:AlterColumn|}<string>(
                name: "RequestIpAddress",
                table: "AuthRequest",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
            """,
            name: "Limits",
            id: "20250102000000_Limits"));
        test.TestState.Sources.Add(Sources.Migration(string.Empty, name: "Initial", id: "20250101000000_Initial").Replace(Sources.Context, string.Empty));
        test.TestState.Sources.Add(Sources.Designer("""
            modelBuilder.Entity("Sample.AuthRequest", b =>
                {
                    b.Property<Guid>("Id")
                        .HasColumnType("uuid");

                    b.Property<string>("RequestIpAddress")
                        .HasMaxLength(50)
                        .HasColumnType("character varying(50)");

                    b.HasKey("Id");

                    b.ToTable("AuthRequest");
                });
            """, name: "Initial"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.FailingTypeChange).WithLocation(0).WithArguments("AuthRequest.RequestIpAddress", "text", "character varying(50)", "fails when a value is longer than 50 characters"));
        await test.RunAsync();
    }

    // ---- LL1003: a widening of a key keeps every value unless a referencing column keeps the old type.

    [Fact]
    public async Task WideningOfAPrimaryKeyNothingReferences_DoesNotReport()
    {
        var test = new Verify.Test(TestProvider.PostgreSql)
        {
            TestCode = Sources.Migration("""
                migrationBuilder.AlterColumn<long>(
                    name: "Id",
                    table: "AuditLog",
                    type: "bigint",
                    nullable: false,
                    oldClrType: typeof(int),
                    oldType: "integer");
                """),
        };
        test.TestState.Sources.Add(Sources.Designer("""
            modelBuilder.Entity("Sample.AuditLog", b =>
                {
                    b.Property<long>("Id")
                        .ValueGeneratedOnAdd()
                        .HasColumnType("bigint");

                    b.HasKey("Id");

                    b.ToTable("AuditLog");
                });
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task WideningOfAKeyAndEveryReferencingColumn_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.CreateTable(
                    name: "shows",
                    columns: table => new { key = table.Column<int>(type: "INTEGER", nullable: false) },
                    constraints: table => table.PrimaryKey("PK_shows", x => x.key));

                migrationBuilder.AddForeignKey(name: "FK_episodes_shows_show_key", table: "episodes", column: "show_key", principalTable: "shows", principalColumn: "key");

                migrationBuilder.AlterColumn<string>(name: "key", table: "shows", type: "TEXT", nullable: false, oldClrType: typeof(int), oldType: "INTEGER");
                migrationBuilder.AlterColumn<string>(name: "show_key", table: "episodes", type: "TEXT", nullable: false, oldClrType: typeof(int), oldType: "INTEGER");
                """),
            TestProvider.Sqlite);
    }
}
