using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using static Lossless.Tests.Rules.Availability.AvailabilityTest;

namespace Lossless.Tests.Rules.Availability;

public sealed class ConstraintValidatedUnderLockTests
{
    private const string ForeignKeyLock = "SHARE ROW EXCLUSIVE locks on it and on 'users': writes to both wait until the migration commits";

    private const string CheckLock = "an ACCESS EXCLUSIVE lock: reads and writes wait until the migration commits";

    private const string AddUserForeignKey = """
        migrationBuilder.{|#0:AddForeignKey|}(
            name: "FK_orders_users_user_id",
            table: "orders",
            column: "user_id",
            principalTable: "users",
            principalColumn: "id",
            onDelete: ReferentialAction.Cascade);
        """;

    [Fact]
    public Task AddForeignKey_OnExistingTable_Reports()
        => VerifyAsync(AddUserForeignKey, Info(RuleIds.ConstraintValidatedUnderLock, 0, "foreign key", "FK_orders_users_user_id", "orders", ForeignKeyLock));

    [Fact]
    public Task AddForeignKey_ToItsOwnTable_NamesOneLock()
        => VerifyAsync(
            """
            migrationBuilder.{|#0:AddForeignKey|}(
                name: "FK_users_users_manager_id",
                table: "users",
                column: "manager_id",
                principalTable: "users",
                principalColumn: "id");
            """,
            Info(RuleIds.ConstraintValidatedUnderLock, 0, "foreign key", "FK_users_users_manager_id", "users", "a SHARE ROW EXCLUSIVE lock: writes wait until the migration commits"));

    [Fact]
    public Task AddCheckConstraint_OnExistingTable_Reports()
        => VerifyAsync(
            """
            migrationBuilder.{|#0:AddCheckConstraint|}(
                name: "CK_orders_quantity",
                table: "orders",
                sql: "quantity > 0");
            """,
            Info(RuleIds.ConstraintValidatedUnderLock, 0, "check constraint", "CK_orders_quantity", "orders", CheckLock));

    [Fact]
    public Task AddForeignKey_OnTableCreatedInUp_DoesNotReport()
        => VerifyAsync("""
            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                },
                constraints: table => table.PrimaryKey("PK_orders", x => x.id));

            """ + AddUserForeignKey.Replace("{|#0:AddForeignKey|}", "AddForeignKey", StringComparison.Ordinal));

    [Fact]
    public Task NotValidThenValidate_InRawSql_DoesNotReport()
        => VerifyAsync("""
            migrationBuilder.Sql("ALTER TABLE orders ADD CONSTRAINT \"FK_orders_users_user_id\" FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE NOT VALID;");
            migrationBuilder.Sql("ALTER TABLE orders VALIDATE CONSTRAINT \"FK_orders_users_user_id\";", suppressTransaction: true);
            """);

    [Fact]
    public Task ForeignKeysReCreatedAroundAKeyConversion_AreOnlyTheRewrites()
        => VerifyAsync(
            """
            migrationBuilder.DropForeignKey(
                name: "FK_orders_users_user_id",
                table: "orders");

            migrationBuilder.{|#0:AlterColumn|}<long>(
                name: "id",
                table: "users",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.{|#1:AlterColumn|}<long>(
                name: "user_id",
                table: "orders",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddForeignKey(
                name: "FK_orders_users_user_id",
                table: "orders",
                column: "user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
            """,
            Info(RuleIds.TypeChangeRewritesTable, 0, "users.id", "integer", "bigint", "rewrites every row and index of 'users' under an ACCESS EXCLUSIVE lock: reads and writes wait until the migration commits; for a large table, use expand/contract"),
            Info(RuleIds.TypeChangeRewritesTable, 1, "orders.user_id", "integer", "bigint", "rewrites every row and index of 'orders' under an ACCESS EXCLUSIVE lock: reads and writes wait until the migration commits; for a large table, use expand/contract"));

    [Fact]
    public Task AddForeignKey_AfterAVerifiedStepOnItsTable_DoesNotReport()
        => VerifyAsync("""
            migrationBuilder.Sql("-- lossless: verified orders.user_id\nALTER TABLE orders ALTER COLUMN user_id TYPE bigint USING user_id::bigint;");

            """ + AddUserForeignKey.Replace("{|#0:AddForeignKey|}", "AddForeignKey", StringComparison.Ordinal));

    [Fact]
    public Task AddForeignKey_AfterAVerifiedStepOnAnotherTable_Reports()
        => VerifyAsync(
            """
            migrationBuilder.Sql("-- lossless: verified invoices.user_id\nALTER TABLE invoices ALTER COLUMN user_id TYPE bigint USING user_id::bigint;");

            """ + AddUserForeignKey,
            Info(RuleIds.ConstraintValidatedUnderLock, 0, "foreign key", "FK_orders_users_user_id", "orders", ForeignKeyLock));

    [Theory]
    [InlineData(TestProvider.SqlServer)]
    [InlineData(TestProvider.Sqlite)]
    public Task AddForeignKey_OnOtherProviders_DoesNotReport(TestProvider provider)
        => AvailabilityTest.VerifyOnOtherProviderAsync(AddUserForeignKey.Replace("{|#0:AddForeignKey|}", "AddForeignKey", StringComparison.Ordinal), provider);
}
