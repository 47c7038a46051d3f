using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Lossless.DataTests.Correctness;

/// <summary>
/// LL4003: what EF Core 10's own SQL generators (Npgsql, SQL Server, SQLite) write for an AlterColumn without its old
/// definition. EF fills the old column with defaults (oldClrType = the new type, oldNullable = false, no old type).
/// </summary>
public sealed class AlterColumnWithoutOldFactsTests
{
    public sealed class Item
    {
        public int Id { get; set; }

        public required string Name { get; set; }
    }

    private sealed class ItemsContext(DbContextOptions options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Item>().ToTable("T");
    }

    private static string Sql(Func<DbContextOptionsBuilder, DbContextOptionsBuilder> use, string provider, bool withModel, Action<MigrationBuilder> build)
    {
        using var context = new ItemsContext(use(new DbContextOptionsBuilder()).Options);
        var builder = new MigrationBuilder(provider);
        build(builder);
        var model = withModel ? context.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model : null;
        return string.Join("\n", context.GetService<IMigrationsSqlGenerator>().Generate(builder.Operations, model).Select(c => c.CommandText.Trim()));
    }

    private static string Npgsql(Action<MigrationBuilder> build) => Sql(b => b.UseNpgsql("Host=unused"), "Npgsql.EntityFrameworkCore.PostgreSQL", false, build);

    private static string SqlServer(Action<MigrationBuilder> build) => Sql(b => b.UseSqlServer("Server=unused"), "Microsoft.EntityFrameworkCore.SqlServer", false, build);

    [Fact]
    public void PostgreSql_MadeRequiredWithoutOldNullable_WritesNoSetNotNull()
    {
        var full = Npgsql(b => b.AlterColumn<string>(name: "Name", table: "T", type: "text", nullable: false, oldClrType: typeof(string), oldType: "text", oldNullable: true));
        Assert.Equal("ALTER TABLE \"T\" ALTER COLUMN \"Name\" TYPE text;\nALTER TABLE \"T\" ALTER COLUMN \"Name\" SET NOT NULL;", full);

        // Without the old definition EF compares nullable: false with the default oldNullable: false: nothing to change.
        var bare = Npgsql(b => b.AlterColumn<string>(name: "Name", table: "T", type: "text", nullable: false));
        Assert.Equal("ALTER TABLE \"T\" ALTER COLUMN \"Name\" TYPE text;", bare);
    }

    [Fact]
    public void PostgreSql_NoOldType_WritesTheTypeChangeAnyway()
    {
        var withoutOldType = Npgsql(b => b.AlterColumn<string>(name: "Name", table: "T", type: "character varying(50)", maxLength: 50, nullable: true, oldClrType: typeof(string), oldNullable: true));
        Assert.Equal("ALTER TABLE \"T\" ALTER COLUMN \"Name\" TYPE character varying(50);", withoutOldType);

        // And without any old definition, a DROP NOT NULL the database may not need (the default old column is required).
        var bare = Npgsql(b => b.AlterColumn<string>(name: "Name", table: "T", type: "character varying(50)", maxLength: 50, nullable: true));
        Assert.Equal("ALTER TABLE \"T\" ALTER COLUMN \"Name\" TYPE character varying(50);\nALTER TABLE \"T\" ALTER COLUMN \"Name\" DROP NOT NULL;", bare);
    }

    [Fact]
    public void SqlServer_WritesTheWholeColumnEitherWay()
    {
        var full = SqlServer(b => b.AlterColumn<string>(name: "Name", table: "T", type: "nvarchar(max)", nullable: false, oldClrType: typeof(string), oldType: "nvarchar(max)", oldNullable: true));
        var bare = SqlServer(b => b.AlterColumn<string>(name: "Name", table: "T", type: "nvarchar(max)", nullable: false));
        Assert.Equal(full, bare);
        Assert.EndsWith("ALTER TABLE [T] ALTER COLUMN [Name] nvarchar(max) NOT NULL;", bare, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_RebuildsFromTheTargetModel_AndWithoutOneCannotAlterAtAll()
    {
        static string Sqlite(bool withModel, Action<MigrationBuilder> build) => Sql(b => b.UseSqlite("Data Source=:memory:"), "Microsoft.EntityFrameworkCore.Sqlite", withModel, build);

        var full = Sqlite(true, b => b.AlterColumn<string>(name: "Name", table: "T", type: "TEXT", nullable: false, oldClrType: typeof(string), oldType: "TEXT", oldNullable: true));
        var bare = Sqlite(true, b => b.AlterColumn<string>(name: "Name", table: "T", type: "TEXT", nullable: false));
        Assert.Equal(full, bare);
        Assert.Contains("CREATE TABLE \"ef_temp_T\"", bare, StringComparison.Ordinal);

        Assert.Throws<NotSupportedException>(() => Sqlite(false, b => b.AlterColumn<string>(name: "Name", table: "T", type: "TEXT", nullable: false)));
    }
}
