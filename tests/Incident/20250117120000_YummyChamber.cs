using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lossless.Sample.Migrations
{
    /// <inheritdoc />
    public partial class YummyChamber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A foreign key cannot join columns of different types: drop the foreign keys of users.id until every column is converted.
            migrationBuilder.DropForeignKey(
                name: "FK_accounts_users_userId",
                table: "accounts");

            migrationBuilder.DropForeignKey(
                name: "FK_projects_users_userId",
                table: "projects");

            // Stop the migration before it changes anything if a value of users.id or of a column that references it would not convert, else convert them all with an explicit cast.
            migrationBuilder.Sql("""
                -- lossless: verified users.id, accounts.userId, projects.userId
                DO $lossless$
                DECLARE
                    bad bigint;
                    keys text;
                BEGIN
                    BEGIN
                        SELECT count(*) INTO bad FROM "users" WHERE "id"::uuid IS NULL;
                    EXCEPTION WHEN others THEN
                        bad := -1;
                    END;
                    IF bad <> 0 THEN
                        SELECT count(*) INTO bad FROM "users" WHERE "id" !~* '^(\{([0-9a-f]{4}-?){7}[0-9a-f]{4}\}|([0-9a-f]{4}-?){7}[0-9a-f]{4})$';
                        IF bad > 0 THEN
                            SELECT string_agg(k, ', ') INTO keys FROM (SELECT "id"::text AS k FROM "users" WHERE "id" !~* '^(\{([0-9a-f]{4}-?){7}[0-9a-f]{4}\}|([0-9a-f]{4}-?){7}[0-9a-f]{4})$' ORDER BY "id" LIMIT 3) AS first_rows;
                            RAISE EXCEPTION 'lossless: % value(s) of users.id cannot be converted from character varying(255) to uuid without loss, e.g. in the rows with id %; the migration was stopped and nothing was changed', bad, keys;
                        END IF;
                    END IF;

                    BEGIN
                        SELECT count(*) INTO bad FROM "accounts" WHERE "userId"::uuid IS NULL;
                    EXCEPTION WHEN others THEN
                        bad := -1;
                    END;
                    IF bad <> 0 THEN
                        SELECT count(*) INTO bad FROM "accounts" WHERE "userId" !~* '^(\{([0-9a-f]{4}-?){7}[0-9a-f]{4}\}|([0-9a-f]{4}-?){7}[0-9a-f]{4})$';
                        IF bad > 0 THEN
                            SELECT string_agg(k, ', ') INTO keys FROM (SELECT "id"::text AS k FROM "accounts" WHERE "userId" !~* '^(\{([0-9a-f]{4}-?){7}[0-9a-f]{4}\}|([0-9a-f]{4}-?){7}[0-9a-f]{4})$' ORDER BY "id" LIMIT 3) AS first_rows;
                            RAISE EXCEPTION 'lossless: % value(s) of accounts.userId cannot be converted from character varying(255) to uuid without loss, e.g. in the rows with id %; the migration was stopped and nothing was changed', bad, keys;
                        END IF;
                    END IF;

                    BEGIN
                        SELECT count(*) INTO bad FROM "projects" WHERE "userId"::uuid IS NULL;
                    EXCEPTION WHEN others THEN
                        bad := -1;
                    END;
                    IF bad <> 0 THEN
                        SELECT count(*) INTO bad FROM "projects" WHERE "userId" !~* '^(\{([0-9a-f]{4}-?){7}[0-9a-f]{4}\}|([0-9a-f]{4}-?){7}[0-9a-f]{4})$';
                        IF bad > 0 THEN
                            SELECT string_agg(k, ', ') INTO keys FROM (SELECT "id"::text AS k FROM "projects" WHERE "userId" !~* '^(\{([0-9a-f]{4}-?){7}[0-9a-f]{4}\}|([0-9a-f]{4}-?){7}[0-9a-f]{4})$' ORDER BY "id" LIMIT 3) AS first_rows;
                            RAISE EXCEPTION 'lossless: % value(s) of projects.userId cannot be converted from character varying(255) to uuid without loss, e.g. in the rows with id %; the migration was stopped and nothing was changed', bad, keys;
                        END IF;
                    END IF;
                END
                $lossless$;
                ALTER TABLE "users" ALTER COLUMN "id" TYPE uuid USING "id"::uuid;
                ALTER TABLE "accounts" ALTER COLUMN "userId" TYPE uuid USING "userId"::uuid;
                ALTER TABLE "projects" ALTER COLUMN "userId" TYPE uuid USING "userId"::uuid;
                """);

            migrationBuilder.AlterColumn<Guid>(
                name: "id",
                table: "users",
                type: "uuid",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(255)",
                oldMaxLength: 255);

            migrationBuilder.AlterColumn<Guid>(
                name: "userId",
                table: "projects",
                type: "uuid",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(255)",
                oldMaxLength: 255);

            // The columns that reference users.id change type with it.
            migrationBuilder.AlterColumn<Guid>(
                name: "userId",
                table: "accounts",
                type: "uuid",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(255)",
                oldMaxLength: 255);

            // Re-create the foreign keys as they were.
            migrationBuilder.AddForeignKey(
                name: "FK_accounts_users_userId",
                table: "accounts",
                column: "userId",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_projects_users_userId",
                table: "projects",
                column: "userId",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // A foreign key cannot join columns of different types: drop the foreign keys of users.id until every column is converted back.
            migrationBuilder.DropForeignKey(
                name: "FK_accounts_users_userId",
                table: "accounts");

            migrationBuilder.DropForeignKey(
                name: "FK_projects_users_userId",
                table: "projects");

            migrationBuilder.AlterColumn<string>(
                name: "id",
                table: "users",
                type: "character varying(255)",
                maxLength: 255,
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AlterColumn<string>(
                name: "userId",
                table: "projects",
                type: "character varying(255)",
                maxLength: 255,
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            // The columns that reference users.id change back with it.
            migrationBuilder.AlterColumn<string>(
                name: "userId",
                table: "accounts",
                type: "character varying(255)",
                maxLength: 255,
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            // Re-create the foreign keys as they were.
            migrationBuilder.AddForeignKey(
                name: "FK_accounts_users_userId",
                table: "accounts",
                column: "userId",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_projects_users_userId",
                table: "projects",
                column: "userId",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
