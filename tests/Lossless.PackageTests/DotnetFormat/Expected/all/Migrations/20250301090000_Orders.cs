using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FormatShop.Migrations
{
    /// <inheritdoc />
    public partial class Orders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // PostgreSQL has no automatic cast from text to integer: stop the migration if a value of orders.quantity would not convert, else convert with an explicit cast.
            migrationBuilder.Sql("""
                -- lossless: verified orders.quantity
                DO $lossless$
                DECLARE
                    bad bigint;
                    keys text;
                BEGIN
                    BEGIN
                        SELECT count(*) INTO bad FROM "orders" WHERE "quantity"::integer::text <> "quantity";
                    EXCEPTION WHEN others THEN
                        bad := -1;
                    END;
                    IF bad <> 0 THEN
                        SELECT count(*) INTO bad FROM "orders" WHERE CASE WHEN "quantity" !~ '^-?[0-9]{1,19}$' THEN true WHEN "quantity"::numeric NOT BETWEEN -2147483648 AND 2147483647 THEN true ELSE "quantity"::integer::text <> "quantity" END;
                        IF bad > 0 THEN
                            SELECT string_agg(k, ', ') INTO keys FROM (SELECT "id"::text AS k FROM "orders" WHERE CASE WHEN "quantity" !~ '^-?[0-9]{1,19}$' THEN true WHEN "quantity"::numeric NOT BETWEEN -2147483648 AND 2147483647 THEN true ELSE "quantity"::integer::text <> "quantity" END ORDER BY "id" LIMIT 3) AS first_rows;
                            RAISE EXCEPTION 'lossless: % value(s) of orders.quantity cannot be converted from text to integer without loss, e.g. in the rows with id %; the migration was stopped and nothing was changed', bad, keys;
                        END IF;
                    END IF;
                END
                $lossless$;
                ALTER TABLE "orders" ALTER COLUMN "quantity" TYPE integer USING "quantity"::integer;
                """);

            migrationBuilder.AlterColumn<int>(
                name: "quantity",
                table: "orders",
                type: "integer",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            // Stop the migration before it changes anything if a value of orders.total would not survive the change to numeric(10,0).
            migrationBuilder.Sql("""
                -- lossless: verified orders.total
                DO $lossless$
                DECLARE
                    bad bigint;
                    keys text;
                BEGIN
                    SELECT count(*) INTO bad FROM "orders" WHERE "total" <> round("total", 0);
                    IF bad > 0 THEN
                        SELECT string_agg(k, ', ') INTO keys FROM (SELECT "id"::text AS k FROM "orders" WHERE "total" <> round("total", 0) ORDER BY "id" LIMIT 3) AS first_rows;
                        RAISE EXCEPTION 'lossless: % value(s) of orders.total cannot be converted from numeric(10,2) to numeric(10,0) without loss, e.g. in the rows with id %; the migration was stopped and nothing was changed', bad, keys;
                    END IF;
                END
                $lossless$;
                """);

            migrationBuilder.AlterColumn<decimal>(
                name: "total",
                table: "orders",
                type: "numeric(10,0)",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(10,2)");

            // Keep every value of users.nickname with its key, so that Down can restore them (the backup table stays until Down drops it).
            migrationBuilder.Sql("""
                -- lossless: verified users.nickname
                CREATE TABLE "__lossless_backup_users_nickname_20250301090000_Orders" AS SELECT "id", "nickname" FROM "users";
                """);

            migrationBuilder.DropColumn(
                name: "nickname",
                table: "users");

            // users.email becomes required: choose the value the rows that hold NULL get, in place of NULL /* lossless: choose */. Left as it is, the migration fails on those rows.
            migrationBuilder.Sql("UPDATE \"users\" SET \"email\" = NULL /* lossless: choose */ WHERE \"email\" IS NULL;");

            migrationBuilder.AlterColumn<string>(
                name: "email",
                table: "users",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "email",
                table: "users",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "nickname",
                table: "users",
                type: "text",
                nullable: true);

            // Put back the values Up backed up from users.nickname, by key, then drop the backup.
            migrationBuilder.Sql("""
                UPDATE "users" SET "nickname" = (SELECT b."nickname" FROM "__lossless_backup_users_nickname_20250301090000_Orders" AS b WHERE b."id" = "users"."id") WHERE EXISTS (SELECT 1 FROM "__lossless_backup_users_nickname_20250301090000_Orders" AS b WHERE b."id" = "users"."id");
                DROP TABLE "__lossless_backup_users_nickname_20250301090000_Orders";
                """);

            // Stop the rollback before it changes anything if a value of orders.total would not survive the change back to numeric(10,2).
            migrationBuilder.Sql("""
                -- lossless: verified orders.total
                DO $lossless$
                DECLARE
                    bad bigint;
                    keys text;
                BEGIN
                    SELECT count(*) INTO bad FROM "orders" WHERE abs("total") >= 100000000;
                    IF bad > 0 THEN
                        SELECT string_agg(k, ', ') INTO keys FROM (SELECT "id"::text AS k FROM "orders" WHERE abs("total") >= 100000000 ORDER BY "id" LIMIT 3) AS first_rows;
                        RAISE EXCEPTION 'lossless: % value(s) of orders.total cannot be converted from numeric(10,0) to numeric(10,2) without loss, e.g. in the rows with id %; the migration was stopped and nothing was changed', bad, keys;
                    END IF;
                END
                $lossless$;
                """);

            migrationBuilder.AlterColumn<decimal>(
                name: "total",
                table: "orders",
                type: "numeric(10,2)",
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(10,0)");

            migrationBuilder.AlterColumn<string>(
                name: "quantity",
                table: "orders",
                type: "text",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");
        }
    }
}
