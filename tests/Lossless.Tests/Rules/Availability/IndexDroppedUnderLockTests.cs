using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using static Lossless.Tests.Rules.Availability.AvailabilityTest;

namespace Lossless.Tests.Rules.Availability;

public sealed class IndexDroppedUnderLockTests
{
    [Fact]
    public Task DropIndex_OnExistingTable_Reports()
        => VerifyAsync(
            """
            migrationBuilder.{|#0:DropIndex|}(
                name: "IX_users_email",
                table: "users");
            """,
            Info(RuleIds.IndexDroppedUnderLock, 0, "IX_users_email", "users"));

    [Fact]
    public Task DropIndex_InASchema_NamesTheSchema()
        => VerifyAsync(
            """
            migrationBuilder.{|#0:DropIndex|}(
                name: "IX_users_email",
                schema: "app",
                table: "users");
            """,
            Info(RuleIds.IndexDroppedUnderLock, 0, "IX_users_email", "app.users"));

    [Fact]
    public Task DropIndexConcurrently_InRawSql_DoesNotReport()
        => VerifyAsync("""
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS \"IX_users_email\";", suppressTransaction: true);
            """);

    [Fact]
    public Task DropIndex_OfAnIndexCreatedEarlierInUp_DoesNotReport()
        => VerifyAsync(
            """
            migrationBuilder.{|#0:CreateIndex|}(
                name: "IX_users_email",
                table: "users",
                column: "email");

            migrationBuilder.DropIndex(
                name: "IX_users_email",
                table: "users");
            """,
            Info(RuleIds.IndexBlocksWrites, 0, "IX_users_email", "users"));

    [Fact]
    public Task DropIndex_OnTableCreatedInUp_DoesNotReport()
        => VerifyAsync("""
            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                },
                constraints: table => table.PrimaryKey("PK_users", x => x.id));

            migrationBuilder.DropIndex(
                name: "IX_users_id",
                table: "users");
            """);

    [Theory]
    [InlineData(TestProvider.SqlServer)]
    [InlineData(TestProvider.Sqlite)]
    public Task DropIndex_OnOtherProviders_DoesNotReport(TestProvider provider)
        => VerifyAsync("""migrationBuilder.DropIndex(name: "IX_users_email", table: "users");""", provider, null);

    [Fact]
    public Task DropIndex_Offline_DoesNotReport()
        => VerifyAsync("""migrationBuilder.DropIndex(name: "IX_users_email", table: "users");""", TestProvider.PostgreSql, "offline");
}
