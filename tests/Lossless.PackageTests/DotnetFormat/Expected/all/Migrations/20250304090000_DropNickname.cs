using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FormatShop.Migrations
{
    // A migration of one operation, written with expression bodies.
    public partial class DropNickname : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Keep every value of users.nickname with its key, so that Down can restore them (the backup table stays until Down drops it).
            migrationBuilder.Sql("""
                -- lossless: verified users.nickname
                CREATE TABLE "__lossless_backup_users_nickname_20250304090000_DropNickname" AS SELECT "id", "nickname" FROM "users";
                """);

            migrationBuilder.DropColumn(
                name: "nickname",
                table: "users");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "nickname",
                table: "users",
                type: "text",
                nullable: true);

            // Put back the values Up backed up from users.nickname, by key, then drop the backup.
            migrationBuilder.Sql("""
                UPDATE "users" SET "nickname" = (SELECT b."nickname" FROM "__lossless_backup_users_nickname_20250304090000_DropNickname" AS b WHERE b."id" = "users"."id") WHERE EXISTS (SELECT 1 FROM "__lossless_backup_users_nickname_20250304090000_DropNickname" AS b WHERE b."id" = "users"."id");
                DROP TABLE "__lossless_backup_users_nickname_20250304090000_DropNickname";
                """);
        }
    }
}
