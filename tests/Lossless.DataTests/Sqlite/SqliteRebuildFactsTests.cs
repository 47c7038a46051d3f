using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Lossless.DataTests.Sqlite;

/// <summary>
/// Which migration operations EF Core 10's own SQLite generator (SqliteMigrationsSqlGenerator) turns into a table
/// rebuild (CREATE TABLE "ef_temp_T", INSERT … SELECT, DROP TABLE, RENAME), and which it writes as one ALTER or CREATE
/// statement. LL1011 and LL3005 report exactly the operations this test proves rebuild.
/// </summary>
public sealed class SqliteRebuildFactsTests
{
    public sealed class Parent
    {
        public int Id { get; set; }

        public string? Name { get; set; }

        public int Rank { get; set; }

        public List<Child> Children { get; set; } = [];
    }

    public sealed class Child
    {
        public int Id { get; set; }

        public int ParentId { get; set; }

        public string? Note { get; set; }
    }

    private sealed class FactsContext(DbContextOptions<FactsContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Parent>().ToTable("Parents").HasIndex(p => p.Rank).HasDatabaseName("IX_Parents_Rank2");
            modelBuilder.Entity<Child>().ToTable("Children").HasOne<Parent>().WithMany(p => p.Children).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    /// <summary>The SQL EF Core 10 generates for one operation on the Parents table, against the model above.</summary>
    private static string Sql(MigrationOperation operation)
    {
        var options = new DbContextOptionsBuilder<FactsContext>().UseSqlite("Data Source=:memory:").Options;
        using var context = new FactsContext(options);
        var model = context.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
        var commands = context.GetService<IMigrationsSqlGenerator>().Generate([operation], model);
        return string.Join("\n", commands.Select(c => c.CommandText));
    }

    private static AddColumnOperation Old(string name, Type clr, string type, bool nullable) => new() { Table = "Parents", Name = name, ClrType = clr, ColumnType = type, IsNullable = nullable };

    /// <summary>
    /// Operation kinds on an existing table, as EF scaffolds them. RenameIndex is written as DROP INDEX and CREATE INDEX
    /// from the target model (without the index in the model EF Core throws NotSupportedException).
    /// </summary>
    public static TheoryData<string, bool> Operations() => new()
    {
        { "AlterColumn", true },
        { "AlterColumn (nullability only)", true },
        { "DropColumn", true },
        { "AddForeignKey", true },
        { "DropForeignKey", true },
        { "AddPrimaryKey", true },
        { "DropPrimaryKey", true },
        { "AddUniqueConstraint", true },
        { "DropUniqueConstraint", true },
        { "AddCheckConstraint", true },
        { "DropCheckConstraint", true },
        { "AddColumn", false },
        { "RenameColumn", false },
        { "RenameTable", false },
        { "CreateIndex", false },
        { "DropIndex", false },
        { "RenameIndex", false },
    };

    private static MigrationOperation Build(string kind) => kind switch
    {
        "AlterColumn" => new AlterColumnOperation { Table = "Parents", Name = "Name", ClrType = typeof(int), ColumnType = "INTEGER", IsNullable = true, OldColumn = Old("Name", typeof(string), "TEXT", true) },
        "AlterColumn (nullability only)" => new AlterColumnOperation { Table = "Parents", Name = "Name", ClrType = typeof(string), ColumnType = "TEXT", IsNullable = false, DefaultValue = "", OldColumn = Old("Name", typeof(string), "TEXT", true) },
        "DropColumn" => new DropColumnOperation { Table = "Parents", Name = "Rank" },
        "AddForeignKey" => new AddForeignKeyOperation { Table = "Parents", Name = "FK_Parents_Parents_Rank", Columns = ["Rank"], PrincipalTable = "Parents", PrincipalColumns = ["Id"] },
        "DropForeignKey" => new DropForeignKeyOperation { Table = "Children", Name = "FK_Children_Parents_ParentId" },
        "AddPrimaryKey" => new AddPrimaryKeyOperation { Table = "Parents", Name = "PK_Parents", Columns = ["Id"] },
        "DropPrimaryKey" => new DropPrimaryKeyOperation { Table = "Parents", Name = "PK_Parents" },
        "AddUniqueConstraint" => new AddUniqueConstraintOperation { Table = "Parents", Name = "AK_Parents_Rank", Columns = ["Rank"] },
        "DropUniqueConstraint" => new DropUniqueConstraintOperation { Table = "Parents", Name = "AK_Parents_Rank" },
        "AddCheckConstraint" => new AddCheckConstraintOperation { Table = "Parents", Name = "CK_Parents_Rank", Sql = "\"Rank\" >= 0" },
        "DropCheckConstraint" => new DropCheckConstraintOperation { Table = "Parents", Name = "CK_Parents_Rank" },
        "AddColumn" => new AddColumnOperation { Table = "Parents", Name = "Extra", ClrType = typeof(string), ColumnType = "TEXT", IsNullable = true },
        "RenameColumn" => new RenameColumnOperation { Table = "Parents", Name = "Name", NewName = "Title" },
        "RenameTable" => new RenameTableOperation { Name = "Parents", NewName = "Mothers" },
        "CreateIndex" => new CreateIndexOperation { Table = "Parents", Name = "IX_Parents_Rank", Columns = ["Rank"] },
        "DropIndex" => new DropIndexOperation { Table = "Parents", Name = "IX_Parents_Rank" },
        "RenameIndex" => new RenameIndexOperation { Table = "Parents", Name = "IX_Parents_Rank", NewName = "IX_Parents_Rank2" },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void Operation_RebuildsTheTable_AsEfCore10Generates(string kind, bool rebuilds)
    {
        var sql = Sql(Build(kind));
        Assert.True(sql.Contains("ef_temp_", StringComparison.Ordinal) == rebuilds, $"{kind} {(rebuilds ? "should" : "should not")} rebuild:\n{sql}");
        if (rebuilds)
        {
            // The rebuild: a new table, the rows copied without a cast, the old table dropped, the new one renamed, foreign keys off.
            Assert.Contains("INSERT INTO \"ef_temp_", sql, StringComparison.Ordinal);
            Assert.Contains("DROP TABLE", sql, StringComparison.Ordinal);
            Assert.Contains("RENAME TO", sql, StringComparison.Ordinal);
            Assert.Contains("PRAGMA foreign_keys = 0;", sql, StringComparison.Ordinal);
        }
    }
}
