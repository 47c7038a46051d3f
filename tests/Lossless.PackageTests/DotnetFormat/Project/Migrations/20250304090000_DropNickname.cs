using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FormatShop.Migrations
{
    // A migration of one operation, written with expression bodies.
    public partial class DropNickname : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.DropColumn(
                name: "nickname",
                table: "users");

        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.AddColumn<string>(
                name: "nickname",
                table: "users",
                type: "text",
                nullable: true);
    }
}
