using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.DataLoss;

public class RenameAsDropAndAddTests
{
    /// <summary>What EF Core 10 scaffolds when User.Name (string?) becomes User.FullName (string, required) in one step.</summary>
    internal const string RenamedAndRequiredUp = """
        migrationBuilder.DropColumn(
            name: "Name",
            table: "users");

        migrationBuilder.AddColumn<string>(
            name: "FullName",
            table: "users",
            type: "text",
            nullable: false,
            defaultValue: "");
        """;

    internal const string RenamedAndRequiredDown = """
        migrationBuilder.DropColumn(
            name: "FullName",
            table: "users");

        migrationBuilder.AddColumn<string>(
            name: "Name",
            table: "users",
            type: "text",
            nullable: true);
        """;

    [Fact]
    public async Task OneDropAndOneAdd_ReportsOnTheDrop()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(RenamedAndRequiredUp.Replace("migrationBuilder.DropColumn(", "migrationBuilder.{|#0:DropColumn|}("), RenamedAndRequiredDown),
            Verify.Diagnostic(RuleIds.RenameAsDropAndAdd).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                "Column", "users.Name", "FullName", "same table, same type 'text', the only column dropped and the only one added on this table"));
    }

    [Fact]
    public async Task OneDropAndOneAdd_UnrelatedNamesAndTypes_StillPair()
    {
        // Whatever the names and types: with one candidate each, EF's rename scaffold is the likely story.
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(
                up: """
                    migrationBuilder.{|#0:DropColumn|}(name: "score", table: "players");
                    migrationBuilder.AddColumn<string>(name: "grade", table: "players", type: "text", nullable: true);
                    """,
                down: """
                    migrationBuilder.DropColumn(name: "grade", table: "players");
                    migrationBuilder.AddColumn<int>(name: "score", table: "players", type: "integer", nullable: false, defaultValue: 0);
                    """),
            Verify.Diagnostic(RuleIds.RenameAsDropAndAdd).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                "Column", "players.score", "grade", "same table, type 'integer' to 'text', the only column dropped and the only one added on this table"));
    }

    [Fact]
    public async Task SameTypeFamily_SaysSo()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(
                up: """
                    migrationBuilder.{|#0:DropColumn|}(name: "score", table: "players");
                    migrationBuilder.AddColumn<long>(name: "total_score", table: "players", type: "bigint", nullable: true);
                    """,
                down: """
                    migrationBuilder.DropColumn(name: "total_score", table: "players");
                    migrationBuilder.AddColumn<int>(name: "score", table: "players", type: "integer", nullable: true);
                    """),
            Verify.Diagnostic(RuleIds.RenameAsDropAndAdd).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                "Column", "players.score", "total_score", "same table, same type family ('integer' to 'bigint'), the only column dropped and the only one added on this table"));
    }

    [Fact]
    public async Task SeveralDropsAndAdds_PairsOnlyClearlyRelatedNames()
    {
        // first_name/firstname (contains, ignoring underscores) and adress/address (edit distance 1) pair; phone and
        // mobile are left alone: LL1004 on the drop, and the nullable add is fine.
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#0:DropColumn|}(name: "first_name", table: "customers");
                migrationBuilder.{|#1:DropColumn|}(name: "adress", table: "customers");
                migrationBuilder.{|#2:DropColumn|}(name: "phone", table: "customers");
                migrationBuilder.AddColumn<string>(name: "FirstName", table: "customers", type: "text", nullable: true);
                migrationBuilder.AddColumn<string>(name: "address", table: "customers", type: "text", nullable: true);
                migrationBuilder.AddColumn<string>(name: "mobile", table: "customers", type: "text", nullable: true);
                """),
            Verify.Diagnostic(RuleIds.RenameAsDropAndAdd).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("Column", "customers.first_name", "FirstName", "same table, their names are close"),
            Verify.Diagnostic(RuleIds.RenameAsDropAndAdd).WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("Column", "customers.adress", "address", "same table, their names are close"),
            Verify.Diagnostic(RuleIds.DropColumn).WithLocation(2).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("customers.phone"));
    }

    [Fact]
    public async Task AmbiguousNames_DoNotPair()
    {
        // "name" is contained in both added names: no one-to-one pairing, so each drop stays LL1004.
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#0:DropColumn|}(name: "name", table: "customers");
                migrationBuilder.{|#1:DropColumn|}(name: "notes", table: "customers");
                migrationBuilder.AddColumn<string>(name: "first_name", table: "customers", type: "text", nullable: true);
                migrationBuilder.AddColumn<string>(name: "last_name", table: "customers", type: "text", nullable: true);
                """),
            Verify.Diagnostic(RuleIds.DropColumn).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("customers.name"),
            Verify.Diagnostic(RuleIds.DropColumn).WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("customers.notes"));
    }

    [Fact]
    public async Task DropAndAddOnDifferentTables_DoNotPair()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#0:DropColumn|}(name: "name", table: "customers");
                migrationBuilder.AddColumn<string>(name: "name", table: "suppliers", type: "text", nullable: true);
                """),
            Verify.Diagnostic(RuleIds.DropColumn).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("customers.name"));
    }

    [Fact]
    public async Task DropAndAddOfTheSameName_IsNoRename()
    {
        // Re-creating a column under its own name loses its values too, but it is no rename: LL1004 and LL1008.
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#0:DropColumn|}(name: "code", table: "products");
                migrationBuilder.{|#1:AddColumn|}<int>(name: "code", table: "products", type: "integer", nullable: false);
                """),
            Verify.Diagnostic(RuleIds.DropColumn).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("products.code"),
            Verify.Diagnostic(RuleIds.RequiredColumnAdded).WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("products.code", "with no default fails on a table that has rows"));
    }

    [Fact]
    public async Task PairedRequiredAdd_IsNotAlsoLL1008()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#0:DropColumn|}(name: "owner", table: "projects");
                migrationBuilder.AddColumn<Guid>(name: "owner_id", table: "projects", type: "uuid", nullable: false, defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));
                """),
            Verify.Diagnostic(RuleIds.RenameAsDropAndAdd).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("Column", "projects.owner", "owner_id", "same table, the only column dropped and the only one added on this table"));
    }

    internal const string TableRenameUp = """
        migrationBuilder.DropTable(
            name: "Person");

        migrationBuilder.CreateTable(
            name: "people",
            columns: table => new
            {
                Id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = table.Column<string>(type: "text", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_people", x => x.Id);
            });
        """;

    internal const string TableRenameDown = """
        migrationBuilder.DropTable(
            name: "people");

        migrationBuilder.CreateTable(
            name: "Person",
            columns: table => new
            {
                Id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = table.Column<string>(type: "text", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Person", x => x.Id);
            });
        """;

    [Fact]
    public async Task DropTableAndCreateTableWithTheSameColumns_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(TableRenameUp.Replace("migrationBuilder.DropTable(", "migrationBuilder.{|#0:DropTable|}("), TableRenameDown),
            Verify.Diagnostic(RuleIds.RenameAsDropAndAdd).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("Table", "Person", "people", "same columns: Id, Name"));
    }

    [Fact]
    public async Task DropTableAndCreateTable_ColumnsFromThePreviousTargetModel()
    {
        var previous = """
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Sample.Migrations
            {
                [DbContext(typeof(Sample.AppDbContext))]
                [Migration("20250101000000_Initial")]
                public partial class Initial : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder) { }

                    protected override void BuildTargetModel(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity("Sample.Person", b =>
                            {
                                b.Property<int>("Id").HasColumnType("integer");
                                b.Property<string>("Name").HasColumnType("text");
                                b.HasKey("Id");
                                b.ToTable("Person");
                            });
                    }
                }
            }
            """;
        var test = new Verify.Test(TestProvider.PostgreSql)
        {
            TestState =
            {
                Sources = { Sources.Migration(TableRenameUp.Replace("migrationBuilder.DropTable(", "migrationBuilder.{|#0:DropTable|}(")), previous },
            },
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.RenameAsDropAndAdd).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("Table", "Person", "people", "same columns: Id, Name"));
        await test.RunAsync();
    }

    [Fact]
    public async Task DropTableAndCreateTableWithOtherColumns_AreLL1005Only()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(
                TableRenameUp.Replace("migrationBuilder.DropTable(", "migrationBuilder.{|#0:DropTable|}(").Replace("Name = table.Column<string>", "Title = table.Column<string>"),
                TableRenameDown),
            Verify.Diagnostic(RuleIds.DropTable).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("table", "Person", "it and every row it holds"));
    }

    [Fact]
    public async Task DropTableWithNothingKnownOfItsColumns_IsLL1005Only()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(TableRenameUp.Replace("migrationBuilder.DropTable(", "migrationBuilder.{|#0:DropTable|}(")),
            Verify.Diagnostic(RuleIds.DropTable).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("table", "Person", "it and every row it holds"));
    }

    [Theory]
    [InlineData("name", "full_name", true)]
    [InlineData("FirstName", "first_name", true)]
    [InlineData("adress", "address", true)]
    [InlineData("colour", "color", true)]
    [InlineData("phone", "mobile", false)]
    [InlineData("price", "quantity", false)]
    [InlineData("user", "owner", false)]
    public void NamesAreRelated(string left, string right, bool related)
    {
        Assert.Equal(related, Lossless.Analyzers.Model.DropAddPairing.NamesAreRelated(left, right));
    }
}
