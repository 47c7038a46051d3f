using Lossless.Analyzers.Model.Providers;
using Microsoft.Data.Sqlite;

namespace Lossless.DataTests.Migrations;

/// <summary>The harness that later fix and Down tests stand on: compiled migrations run by EF Core's migrator, snapshots compared.</summary>
public class CompiledMigrationsTests
{
    internal const string Context = """
        using Microsoft.EntityFrameworkCore;

        namespace Sample
        {
            public class AppDbContext : DbContext
            {
                public AppDbContext(DbContextOptions<AppDbContext> options) : base(options)
                {
                }
            }
        }
        """;

    private const string Initial = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {
            [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "users",
                        columns: table => new
                        {
                            id = table.Column<string>(type: "TEXT", nullable: false),
                            email = table.Column<string>(type: "TEXT", nullable: true),
                        },
                        constraints: table => table.PrimaryKey("PK_users", x => x.id));

                    migrationBuilder.InsertData(
                        table: "users",
                        columns: new[] { "id", "email" },
                        columnTypes: new[] { "TEXT", "TEXT" },
                        values: new object[,] { { "user_2XQLfuJvWKZKnpOfkW2I5dZxVZYE", "dev@example.com" }, { "u2", null } });
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "users");
                }

                protected override void BuildTargetModel(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity("Sample.User", b =>
                    {
                        b.Property<string>("id").HasColumnType("TEXT");
                        b.Property<string>("email").HasColumnType("TEXT");
                        b.HasKey("id");
                        b.ToTable("users");
                    });
                }
            }

            [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250102000000_AddNickname")]
            public class AddNickname : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "nickname", table: "users", type: "TEXT", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "nickname", table: "users");
                }

                protected override void BuildTargetModel(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity("Sample.User", b =>
                    {
                        b.Property<string>("id").HasColumnType("TEXT");
                        b.Property<string>("email").HasColumnType("TEXT");
                        b.Property<string>("nickname").HasColumnType("TEXT");
                        b.HasKey("id");
                        b.ToTable("users");
                    });
                }
            }
        }
        """;

    [Fact]
    public void Sqlite_UpAndDown_ChangeSchemaAndKeepRows()
    {
        using var compiled = CompiledMigrations.Compile(Context, Initial);
        var path = Path.Combine(Path.GetTempPath(), $"lossless-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        try
        {
            Assert.Equal(["20250101000000_Initial", "20250102000000_AddNickname"], compiled.MigrationIds);

            compiled.Migrate(DatabaseProvider.Sqlite, connectionString, "20250101000000_Initial");
            var before = DatabaseSnapshot.Take(DatabaseProvider.Sqlite, connectionString);

            compiled.Migrate(DatabaseProvider.Sqlite, connectionString);
            var after = DatabaseSnapshot.Take(DatabaseProvider.Sqlite, connectionString);

            compiled.Migrate(DatabaseProvider.Sqlite, connectionString, "20250101000000_Initial");
            var reverted = DatabaseSnapshot.Take(DatabaseProvider.Sqlite, connectionString);

            Assert.Equal(["('u2',NULL)", "('user_2XQLfuJvWKZKnpOfkW2I5dZxVZYE','dev@example.com')"], before.Rows["users"]);
            Assert.Equal(["('u2',NULL,NULL)", "('user_2XQLfuJvWKZKnpOfkW2I5dZxVZYE','dev@example.com',NULL)"], after.Rows["users"]);
            Assert.Contains("column users.nickname TEXT null", after.Schema);
            Assert.DoesNotContain("nickname", before.Schema);
            Assert.Equal(before.Schema, reverted.Schema);
            Assert.Equal(before.Data, reverted.Data);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
