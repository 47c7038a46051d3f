using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lossless.Sample.SqliteMigrations
{
    /// <inheritdoc />
    public partial class YummyChamber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
