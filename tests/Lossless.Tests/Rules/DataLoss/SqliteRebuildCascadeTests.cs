using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.DataLoss;

/// <summary>
/// LL1011: on SQLite, the first operation of Up that makes EF rebuild a table that others reference with ON DELETE
/// CASCADE or SET NULL (tests/Lossless.DataTests/Sqlite prove which operations rebuild and what an outer transaction does).
/// </summary>
public class SqliteRebuildCascadeTests
{
    private const string Model = """
        modelBuilder.Entity("Sample.Parent", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd()
                    .HasColumnType("INTEGER");

                b.Property<string>("Name")
                    .HasColumnType("TEXT");

                b.HasKey("Id");

                b.ToTable("Parents");
            });

        modelBuilder.Entity("Sample.Child", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd()
                    .HasColumnType("INTEGER");

                b.Property<int>("ParentId")
                    .HasColumnType("INTEGER");

                b.HasKey("Id");

                b.ToTable("Children");
            });

        modelBuilder.Entity("Sample.Order", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd()
                    .HasColumnType("INTEGER");

                b.Property<int?>("ParentId")
                    .HasColumnType("INTEGER");

                b.Property<int?>("ReviewerId")
                    .HasColumnType("INTEGER");

                b.HasKey("Id");

                b.ToTable("Orders");
            });

        modelBuilder.Entity("Sample.Child", b =>
            {
                b.HasOne("Sample.Parent", "Parent")
                    .WithMany("Children")
                    .HasForeignKey("ParentId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();
            });

        modelBuilder.Entity("Sample.Order", b =>
            {
                b.HasOne("Sample.Parent", "Parent")
                    .WithMany()
                    .HasForeignKey("ParentId")
                    .OnDelete(DeleteBehavior.SetNull);

                b.HasOne("Sample.Parent", "Reviewer")
                    .WithMany()
                    .HasForeignKey("ReviewerId");
            });
        """;

    private const string Both = "deletes every row of Children that references it (ON DELETE CASCADE) and sets Orders.ParentId to NULL in every row (ON DELETE SET NULL)";

    private static DiagnosticResult Expected(int location, string method, string table, string effects)
        => Verify.Diagnostic(RuleIds.SqliteRebuildCascade).WithLocation(location).WithArguments(method, table, effects);

    private static Task VerifyAsync(string up, TestProvider provider, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test(provider);
        test.TestState.Sources.Add(Sources.Migration(up));
        test.TestState.Sources.Add(Sources.Designer(Model));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public async Task AlterColumnOnReferencedTable_ReportsEveryCascadeAndSetNull()
    {
        await VerifyAsync(
            """
            migrationBuilder.{|#0:AlterColumn|}<string>(
                name: "Name",
                table: "Parents",
                type: "TEXT",
                nullable: false,
                defaultValue: "x",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
            """,
            TestProvider.Sqlite,
            Expected(0, "AlterColumn", "Parents", Both));
    }

    [Fact]
    public async Task SeveralRebuildingOperations_ReportsTheFirstOnly()
    {
        await VerifyAsync(
            """
            migrationBuilder.{|#0:AddCheckConstraint|}(
                name: "CK_Parents_Name",
                table: "Parents",
                sql: "length(\"Name\") > 0");

            migrationBuilder.AddUniqueConstraint(
                name: "AK_Parents_Name",
                table: "Parents",
                column: "Name");
            """,
            TestProvider.Sqlite,
            Expected(0, "AddCheckConstraint", "Parents", Both));
    }

    [Fact]
    public async Task ForeignKeyAddedInThisMigration_Counts()
    {
        // Nothing references Orders in the model; this migration's own AddForeignKey does (it rebuilds Children, which
        // nothing references).
        await VerifyAsync(
            """
            migrationBuilder.AddForeignKey(
                name: "FK_Children_Orders_Id",
                table: "Children",
                column: "Id",
                principalTable: "Orders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.{|#0:AddCheckConstraint|}(
                name: "CK_Orders_Id",
                table: "Orders",
                sql: "\"Id\" > 0");
            """,
            TestProvider.Sqlite,
            Expected(0, "AddCheckConstraint", "Orders", "deletes every row of Children that references it (ON DELETE CASCADE)"));
    }

    [Theory]
    [InlineData("migrationBuilder.AddColumn<string>(name: \"Extra\", table: \"Parents\", type: \"TEXT\", nullable: true);")]
    [InlineData("migrationBuilder.RenameColumn(name: \"Name\", table: \"Parents\", newName: \"Title\");")]
    [InlineData("migrationBuilder.CreateIndex(name: \"IX_Parents_Name\", table: \"Parents\", column: \"Name\");")]
    [InlineData("migrationBuilder.RenameTable(name: \"Parents\", newName: \"Mothers\");")]
    public async Task OperationThatDoesNotRebuild_DoesNotReport(string up)
    {
        await VerifyAsync(up, TestProvider.Sqlite);
    }

    [Fact]
    public async Task RebuildOfAReferencingTableOnly_DoesNotReport()
    {
        // Orders references Parents; nothing references Orders.
        await VerifyAsync(
            """
            migrationBuilder.{|#0:AlterColumn|}<int>(
                name: "ReviewerId",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
            """,
            TestProvider.Sqlite,
            Verify.Diagnostic(RuleIds.MadeRequired).WithLocation(0).WithArguments("Orders.ReviewerId", "turns every NULL it holds into the placeholder 0"));
    }

    [Fact]
    public async Task TableCreatedEarlierInUp_DoesNotReport()
    {
        await VerifyAsync(
            """
            migrationBuilder.CreateTable(
                name: "Parents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: true)
                });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Parents",
                table: "Parents",
                column: "Id");
            """,
            TestProvider.Sqlite);
    }

    [Fact]
    public async Task PostgreSql_DoesNotReport()
    {
        await VerifyAsync(
            """
            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Parents",
                type: "text",
                nullable: false,
                defaultValue: "x",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
            """,
            TestProvider.PostgreSql);
    }
}
