using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FormatShop.Migrations
{
    /// <inheritdoc />
    [DbContext(typeof(ShopContext))]
    [Migration("20250302090000_Sessions")]
    public partial class Sessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "age",
                table: "users",
                type: "integer",
                nullable: true);

            // Choose the value the existing rows get, in place of NULL /* lossless: choose */. Left as it is, making users.age required fails on a table with rows.
            migrationBuilder.Sql("UPDATE \"users\" SET \"age\" = NULL /* lossless: choose */ WHERE \"age\" IS NULL;");

            // Only now make users.age required: every row has a value.
            migrationBuilder.AlterColumn<int>(
                name: "age",
                table: "users",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            // Keep every row of sessions, so that Down can restore them (the backup table stays until Down drops it).
            migrationBuilder.Sql("""
                -- lossless: verified sessions.*
                CREATE TABLE "__lossless_backup_sessions_20250302090000_Sessions" AS SELECT * FROM "sessions";
                """);

            migrationBuilder.DropTable(
                name: "sessions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    token = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sessions", x => x.id);
                });

            // Put back every row Up backed up from sessions, then drop the backup.
            migrationBuilder.Sql("""
                INSERT INTO "sessions" ("id", "token") SELECT "id", "token" FROM "__lossless_backup_sessions_20250302090000_Sessions";
                DROP TABLE "__lossless_backup_sessions_20250302090000_Sessions";
                """);

            migrationBuilder.DropColumn(
                name: "age",
                table: "users");
        }
    }
}
