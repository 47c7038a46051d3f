using Lossless.Analyzers;
using Lossless.CodeFixes;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Fix = Lossless.Tests.Verifiers.CSharpCodeFixVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer, Lossless.CodeFixes.Rules.DataLoss.DropTableFixer>;

namespace Lossless.Tests.Rules.DataLoss;

public class DropTableFixTests
{
    private static DiagnosticResult Expected(int location, string table)
        => Fix.Diagnostic(RuleIds.DropTable).WithLocation(location).WithArguments("table", table, "it and every row it holds").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private const string Down = """
        migrationBuilder.CreateTable(
            name: "sessions",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                token = table.Column<string>(type: "text", nullable: false),
                expires = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_sessions", x => x.id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_sessions_token",
            table: "sessions",
            column: "token");
        """;

    [Fact]
    public async Task BacksUpTheTableAndRestoresItsRowsInDown_PostgreSql()
    {
        var source = Sources.Migration(
            """
            migrationBuilder.{|#0:DropTable|}(
                name: "sessions");
            """,
            Down);
        var fixedSource = Sources.Migration(
            """"
            // Keep every row of sessions, so that Down can restore them (the backup table stays until Down drops it).
            migrationBuilder.Sql("""
                -- lossless: verified sessions.*
                CREATE TABLE "__lossless_backup_sessions_20250117120000_ChangeTypes" AS SELECT * FROM "sessions";
                """);

            migrationBuilder.DropTable(
                name: "sessions");
            """",
            Down.Replace("""
                });

            migrationBuilder.CreateIndex(
            """, """"
                });

            // Put back every row Up backed up from sessions, then drop the backup.
            migrationBuilder.Sql("""
                INSERT INTO "sessions" ("id", "token", "expires") SELECT "id", "token", "expires" FROM "__lossless_backup_sessions_20250117120000_ChangeTypes";
                SELECT setval(pg_get_serial_sequence('"sessions"', 'id'), max("id")) FROM "sessions";
                DROP TABLE "__lossless_backup_sessions_20250117120000_ChangeTypes";
                """);

            migrationBuilder.CreateIndex(
            """"));
        await Fix.VerifyCodeFixAsync(source, fixedSource, TestProvider.PostgreSql, FixerKeys.LL1005_BackUpTable, Expected(0, "sessions"));
    }

    [Fact]
    public async Task SqlServer_SelectsIntoTheBackupAndInsertsWithIdentityInsert()
    {
        var down = """
            migrationBuilder.CreateTable(
                name: "sessions",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    token = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sessions", x => x.id);
                });
            """;
        var source = Sources.Migration("""migrationBuilder.{|#0:DropTable|}(name: "sessions", schema: "auth");""", down);
        var fixedSource = Sources.Migration(
            """"
            // Keep every row of auth.sessions, so that Down can restore them (the backup table stays until Down drops it).
            migrationBuilder.Sql("""
                -- lossless: verified auth.sessions.*
                SELECT * INTO [auth].[__lossless_backup_sessions_20250117120000_ChangeTypes] FROM [auth].[sessions];
                """);

            migrationBuilder.DropTable(name: "sessions", schema: "auth");
            """",
            down + """"


            // Put back every row Up backed up from auth.sessions, then drop the backup.
            migrationBuilder.Sql("""
                SET IDENTITY_INSERT [auth].[sessions] ON;
                INSERT INTO [auth].[sessions] ([id], [token]) SELECT [id], [token] FROM [auth].[__lossless_backup_sessions_20250117120000_ChangeTypes];
                SET IDENTITY_INSERT [auth].[sessions] OFF;
                DROP TABLE [auth].[__lossless_backup_sessions_20250117120000_ChangeTypes];
                """);
            """");
        await Fix.VerifyCodeFixAsync(source, fixedSource, TestProvider.SqlServer, FixerKeys.LL1005_BackUpTable, Expected(0, "auth.sessions"));
    }

    [Fact]
    public async Task WithNothingKnownOfTheColumns_OffersNoFix()
    {
        var source = Sources.Migration("""migrationBuilder.{|#0:DropTable|}(name: "sessions");""");
        await Fix.VerifyCodeFixAsync(source, source, TestProvider.PostgreSql, FixerKeys.LL1005_BackUpTable, Expected(0, "sessions"));
    }

    [Fact]
    public async Task DropSchema_OffersNoFix()
    {
        var source = Sources.Migration("""migrationBuilder.{|#0:DropSchema|}(name: "legacy");""");
        await Fix.VerifyCodeFixAsync(
            source,
            source,
            TestProvider.PostgreSql,
            FixerKeys.LL1005_BackUpTable,
            Fix.Diagnostic(RuleIds.DropTable).WithLocation(0).WithArguments("schema", "legacy", "every table in it and all their rows"));
    }

    [Fact]
    public async Task FixAll_BacksUpEveryDroppedTable()
    {
        var down = """
            migrationBuilder.CreateTable(
                name: "a",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                });

            migrationBuilder.CreateTable(
                name: "b",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                });
            """;
        var source = Sources.Migration(
            """
            migrationBuilder.{|#0:DropTable|}(name: "a");

            migrationBuilder.{|#1:DropTable|}(name: "b");
            """,
            down);
        var fixedSource = Sources.Migration(
            """"
            // Keep every row of a, so that Down can restore them (the backup table stays until Down drops it).
            migrationBuilder.Sql("""
                -- lossless: verified a.*
                CREATE TABLE "__lossless_backup_a_20250117120000_ChangeTypes" AS SELECT * FROM "a";
                """);

            migrationBuilder.DropTable(name: "a");

            // Keep every row of b, so that Down can restore them (the backup table stays until Down drops it).
            migrationBuilder.Sql("""
                -- lossless: verified b.*
                CREATE TABLE "__lossless_backup_b_20250117120000_ChangeTypes" AS SELECT * FROM "b";
                """);

            migrationBuilder.DropTable(name: "b");
            """",
            """"
            migrationBuilder.CreateTable(
                name: "a",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                });

            // Put back every row Up backed up from a, then drop the backup.
            migrationBuilder.Sql("""
                INSERT INTO "a" ("id") SELECT "id" FROM "__lossless_backup_a_20250117120000_ChangeTypes";
                DROP TABLE "__lossless_backup_a_20250117120000_ChangeTypes";
                """);

            migrationBuilder.CreateTable(
                name: "b",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                });

            // Put back every row Up backed up from b, then drop the backup.
            migrationBuilder.Sql("""
                INSERT INTO "b" ("id") SELECT "id" FROM "__lossless_backup_b_20250117120000_ChangeTypes";
                DROP TABLE "__lossless_backup_b_20250117120000_ChangeTypes";
                """);
            """");
        await Fix.VerifyCodeFixAsync(source, fixedSource, TestProvider.Sqlite, FixerKeys.LL1005_BackUpTable, Expected(0, "a"), Expected(1, "b"));
    }
}
