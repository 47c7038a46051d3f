using Lossless.DataTests.Infrastructure;
using Lossless.DataTests.TypeChanges;

namespace Lossless.DataTests.Sqlite;

/// <summary>
/// The schema the SQLite rebuild tests share: Parents, Children that reference them with ON DELETE CASCADE (required)
/// and Orders with ON DELETE SET NULL, two rows each; the migration that creates them, and the check that every
/// referencing row is still there, unchanged.
/// </summary>
internal static class CascadingParents
{
    public const string Model = """
        modelBuilder.Entity("Sample.Parent", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("Name").HasColumnType("TEXT");
            b.HasKey("Id");
            b.ToTable("Parents");
        });
        modelBuilder.Entity("Sample.Child", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<int>("ParentId").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.ToTable("Children");
        });
        modelBuilder.Entity("Sample.Order", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<int?>("ParentId").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.ToTable("Orders");
        });
        modelBuilder.Entity("Sample.Child", b =>
        {
            b.HasOne("Sample.Parent", null).WithMany().HasForeignKey("ParentId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });
        modelBuilder.Entity("Sample.Order", b =>
        {
            b.HasOne("Sample.Parent", null).WithMany().HasForeignKey("ParentId").OnDelete(DeleteBehavior.SetNull);
        });
        """;

    public static readonly string Create = FixScenario.Migration(
        "20250101000000_Create",
        """
        migrationBuilder.CreateTable(
            name: "Parents",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(type: "TEXT", nullable: true)
            },
            constraints: table => table.PrimaryKey("PK_Parents", x => x.Id));
        migrationBuilder.CreateTable(
            name: "Children",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ParentId = table.Column<int>(type: "INTEGER", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Children", x => x.Id);
                table.ForeignKey("FK_Children_Parents_ParentId", x => x.ParentId, "Parents", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: "Orders",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ParentId = table.Column<int>(type: "INTEGER", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Orders", x => x.Id);
                table.ForeignKey("FK_Orders_Parents_ParentId", x => x.ParentId, "Parents", "Id", onDelete: ReferentialAction.SetNull);
            });
        """,
        """
        migrationBuilder.DropTable(name: "Children");
        migrationBuilder.DropTable(name: "Orders");
        migrationBuilder.DropTable(name: "Parents");
        """,
        Model);

    public const string Seed = """
        INSERT INTO "Parents" ("Id", "Name") VALUES (1, 'a'), (2, 'b');
        INSERT INTO "Children" ("Id", "ParentId") VALUES (10, 1), (11, 2);
        INSERT INTO "Orders" ("Id", "ParentId") VALUES (20, 1), (21, 2);
        """;

    public static void AssertEveryReferencingRowSurvives(string connectionString)
    {
        Assert.Equal(["10,1", "11,2"], SqliteRows.Read(connectionString, """SELECT "Id", "ParentId" FROM "Children" ORDER BY 1"""));
        Assert.Equal(["20,1", "21,2"], SqliteRows.Read(connectionString, """SELECT "Id", "ParentId" FROM "Orders" ORDER BY 1"""));
    }
}
