using Lossless.Analyzers;
using Lossless.CodeFixes;
using Lossless.CodeFixes.Rules.DataLoss;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Fix = Lossless.Tests.Verifiers.CSharpCodeFixVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer, Lossless.CodeFixes.Rules.DataLoss.DropColumnFixer>;

namespace Lossless.Tests.Rules.DataLoss;

public class DropColumnFixTests
{
    internal const string UsersModel = """
        modelBuilder.Entity("Sample.User", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd()
                    .HasColumnType("integer")
                    .HasColumnName("id");

                b.Property<string>("Email")
                    .HasColumnType("text")
                    .HasColumnName("email");

                b.HasKey("Id");

                b.ToTable("users");
            });
        """;

    private const string Up = """
        migrationBuilder.{|#0:DropColumn|}(
            name: "nickname",
            table: "users");
        """;

    private const string Down = """
        migrationBuilder.AddColumn<string>(
            name: "nickname",
            table: "users",
            type: "text",
            nullable: true);
        """;

    private static DiagnosticResult Expected(int location, string column)
        => Fix.Diagnostic(RuleIds.DropColumn).WithLocation(location).WithArguments(column).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static Fix.Test Test(string source, string fixedSource, TestProvider provider = TestProvider.PostgreSql, params DiagnosticResult[] expected)
    {
        var test = new Fix.Test(provider)
        {
            CodeActionEquivalenceKey = FixerKeys.LL1004_BackUpColumn,
        };
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(Sources.Designer(UsersModel));
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.Sources.Add(Sources.Designer(UsersModel));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    [Fact]
    public async Task BacksUpBeforeTheDropAndRestoresInDown()
    {
        var fixedUp = """"
            // Keep every value of users.nickname with its key, so that Down can restore them (the backup table stays until Down drops it).
            migrationBuilder.Sql("""
                -- lossless: verified users.nickname
                CREATE TABLE "__lossless_backup_users_nickname_20250117120000_ChangeTypes" AS SELECT "id", "nickname" FROM "users";
                """);

            migrationBuilder.DropColumn(
                name: "nickname",
                table: "users");
            """";
        var fixedDown = """"
            migrationBuilder.AddColumn<string>(
                name: "nickname",
                table: "users",
                type: "text",
                nullable: true);

            // Put back the values Up backed up from users.nickname, by key, then drop the backup.
            migrationBuilder.Sql("""
                UPDATE "users" SET "nickname" = (SELECT b."nickname" FROM "__lossless_backup_users_nickname_20250117120000_ChangeTypes" AS b WHERE b."id" = "users"."id") WHERE EXISTS (SELECT 1 FROM "__lossless_backup_users_nickname_20250117120000_ChangeTypes" AS b WHERE b."id" = "users"."id");
                DROP TABLE "__lossless_backup_users_nickname_20250117120000_ChangeTypes";
                """);
            """";
        await Test(Sources.Migration(Up, Down), Sources.Migration(fixedUp, fixedDown), TestProvider.PostgreSql, Expected(0, "users.nickname")).RunAsync();
    }
}

public class DropColumnFixMoreTests
{
    private static Fix.Test Test(string source, string fixedSource, TestProvider provider, string model, params DiagnosticResult[] expected)
    {
        var test = new Fix.Test(provider) { CodeActionEquivalenceKey = FixerKeys.LL1004_BackUpColumn };
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(Sources.Designer(model));
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.Sources.Add(Sources.Designer(model));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    private static DiagnosticResult Expected(int location, string column)
        => Fix.Diagnostic(RuleIds.DropColumn).WithLocation(location).WithArguments(column).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private const string IncidentTableModel = """
        modelBuilder.Entity("Sample.User", b =>
            {
                b.Property<string>("Id")
                    .HasColumnType("text")
                    .HasColumnName("id");

                b.Property<string>("Tenant")
                    .HasColumnType("text")
                    .HasColumnName("tenant\"key");

                b.HasKey("Id", "Tenant");

                b.ToTable("bazaar-vid_user", "auth");
            });
        """;

    [Fact]
    public async Task QuotesEveryNameAndKeysByEveryKeyColumn_OnSqlServer()
    {
        var source = Sources.Migration(
            """migrationBuilder.{|#0:DropColumn|}(name: "image", table: "bazaar-vid_user", schema: "auth");""",
            """migrationBuilder.AddColumn<string>(name: "image", table: "bazaar-vid_user", schema: "auth", type: "nvarchar(max)", nullable: true);""");
        var fixedSource = Sources.Migration(
            """"
            // Keep every value of auth.bazaar-vid_user.image with its key, so that Down can restore them (the backup table stays until Down drops it).
            migrationBuilder.Sql("""
                -- lossless: verified auth.bazaar-vid_user.image
                SELECT [id], [tenant"key], [image] INTO [auth].[__lossless_backup_bazaar-vid_user_image_20250117120000_2610ca14] FROM [auth].[bazaar-vid_user];
                """);

            migrationBuilder.DropColumn(name: "image", table: "bazaar-vid_user", schema: "auth");
            """",
            """"
            migrationBuilder.AddColumn<string>(name: "image", table: "bazaar-vid_user", schema: "auth", type: "nvarchar(max)", nullable: true);

            // Put back the values Up backed up from auth.bazaar-vid_user.image, by key, then drop the backup.
            migrationBuilder.Sql("""
                UPDATE [auth].[bazaar-vid_user] SET [image] = (SELECT b.[image] FROM [auth].[__lossless_backup_bazaar-vid_user_image_20250117120000_2610ca14] AS b WHERE b.[id] = [auth].[bazaar-vid_user].[id] AND b.[tenant"key] = [auth].[bazaar-vid_user].[tenant"key]) WHERE EXISTS (SELECT 1 FROM [auth].[__lossless_backup_bazaar-vid_user_image_20250117120000_2610ca14] AS b WHERE b.[id] = [auth].[bazaar-vid_user].[id] AND b.[tenant"key] = [auth].[bazaar-vid_user].[tenant"key]);
                DROP TABLE [auth].[__lossless_backup_bazaar-vid_user_image_20250117120000_2610ca14];
                """);
            """");
        await Test(source, fixedSource, TestProvider.SqlServer, IncidentTableModel, Expected(0, "auth.bazaar-vid_user.image")).RunAsync();
    }

    [Fact]
    public async Task BackupNameFormat_FromEditorConfig_AndLongNamesAreHashed()
    {
        var source = Sources.Migration("""migrationBuilder.{|#0:DropColumn|}(name: "a_rather_long_column_name_for_a_backup", table: "users");""");
        var fixedSource = Sources.Migration(""""
            // Keep every value of users.a_rather_long_column_name_for_a_backup with its key, so that Down can restore them (the backup table stays until Down drops it).
            migrationBuilder.Sql("""
                -- lossless: verified users.a_rather_long_column_name_for_a_backup
                CREATE TABLE "backup_20250117120000_ChangeTypes_users_a_rather_long__aa7c78f6" AS SELECT "id", "a_rather_long_column_name_for_a_backup" FROM "users";
                """);

            migrationBuilder.DropColumn(name: "a_rather_long_column_name_for_a_backup", table: "users");
            """",
            down: """"
            // TODO: re-add users.a_rather_long_column_name_for_a_backup above this step (Down has no AddColumn for it); this puts its values back from the backup Up made.
            migrationBuilder.Sql("""
                UPDATE "users" SET "a_rather_long_column_name_for_a_backup" = (SELECT b."a_rather_long_column_name_for_a_backup" FROM "backup_20250117120000_ChangeTypes_users_a_rather_long__aa7c78f6" AS b WHERE b."id" = "users"."id") WHERE EXISTS (SELECT 1 FROM "backup_20250117120000_ChangeTypes_users_a_rather_long__aa7c78f6" AS b WHERE b."id" = "users"."id");
                DROP TABLE "backup_20250117120000_ChangeTypes_users_a_rather_long__aa7c78f6";
                """);
            """");
        var test = Test(source, fixedSource, TestProvider.PostgreSql, DropColumnFixTests.UsersModel, Expected(0, "users.a_rather_long_column_name_for_a_backup"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nlossless.backup_table_format = backup_{migration}_{table}_{column}\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task CSharp10_WritesRegularStringLiterals()
    {
        var source = Sources.Migration("""migrationBuilder.{|#0:DropColumn|}(name: "nickname", table: "users");""");
        var fixedSource = Sources.Migration("""
            // Keep every value of users.nickname with its key, so that Down can restore them (the backup table stays until Down drops it).
            migrationBuilder.Sql("-- lossless: verified users.nickname\nCREATE TABLE \"__lossless_backup_users_nickname_20250117120000_ChangeTypes\" AS SELECT \"id\", \"nickname\" FROM \"users\";");

            migrationBuilder.DropColumn(name: "nickname", table: "users");
            """,
            down: """
            // TODO: re-add users.nickname above this step (Down has no AddColumn for it); this puts its values back from the backup Up made.
            migrationBuilder.Sql("UPDATE \"users\" SET \"nickname\" = (SELECT b.\"nickname\" FROM \"__lossless_backup_users_nickname_20250117120000_ChangeTypes\" AS b WHERE b.\"id\" = \"users\".\"id\") WHERE EXISTS (SELECT 1 FROM \"__lossless_backup_users_nickname_20250117120000_ChangeTypes\" AS b WHERE b.\"id\" = \"users\".\"id\");\nDROP TABLE \"__lossless_backup_users_nickname_20250117120000_ChangeTypes\";");
            """);
        var test = Test(source, fixedSource, TestProvider.PostgreSql, DropColumnFixTests.UsersModel, Expected(0, "users.nickname"));
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectParseOptions(projectId, new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp10)));
        await test.RunAsync();
    }

    [Fact]
    public async Task WithoutAKnownKey_OffersNoFix()
    {
        var source = Sources.Migration("""migrationBuilder.{|#0:DropColumn|}(name: "nickname", table: "users");""");
        var test = new Fix.Test(TestProvider.PostgreSql) { TestCode = source, FixedCode = source, CodeActionEquivalenceKey = FixerKeys.LL1004_BackUpColumn };
        test.ExpectedDiagnostics.Add(Expected(0, "users.nickname"));
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAll_BacksUpEveryDroppedColumn()
    {
        var source = Sources.Migration(
            """
            migrationBuilder.{|#0:DropColumn|}(name: "nickname", table: "users");

            migrationBuilder.{|#1:DropColumn|}(name: "avatar", table: "users");
            """,
            """
            migrationBuilder.AddColumn<byte[]>(name: "avatar", table: "users", type: "bytea", nullable: true);

            migrationBuilder.AddColumn<string>(name: "nickname", table: "users", type: "text", nullable: true);
            """);
        var fixedSource = Sources.Migration(
            """"
            // Keep every value of users.nickname with its key, so that Down can restore them (the backup table stays until Down drops it).
            migrationBuilder.Sql("""
                -- lossless: verified users.nickname
                CREATE TABLE "__lossless_backup_users_nickname_20250117120000_ChangeTypes" AS SELECT "id", "nickname" FROM "users";
                """);

            migrationBuilder.DropColumn(name: "nickname", table: "users");

            // Keep every value of users.avatar with its key, so that Down can restore them (the backup table stays until Down drops it).
            migrationBuilder.Sql("""
                -- lossless: verified users.avatar
                CREATE TABLE "__lossless_backup_users_avatar_20250117120000_ChangeTypes" AS SELECT "id", "avatar" FROM "users";
                """);

            migrationBuilder.DropColumn(name: "avatar", table: "users");
            """",
            """"
            migrationBuilder.AddColumn<byte[]>(name: "avatar", table: "users", type: "bytea", nullable: true);

            // Put back the values Up backed up from users.avatar, by key, then drop the backup.
            migrationBuilder.Sql("""
                UPDATE "users" SET "avatar" = (SELECT b."avatar" FROM "__lossless_backup_users_avatar_20250117120000_ChangeTypes" AS b WHERE b."id" = "users"."id") WHERE EXISTS (SELECT 1 FROM "__lossless_backup_users_avatar_20250117120000_ChangeTypes" AS b WHERE b."id" = "users"."id");
                DROP TABLE "__lossless_backup_users_avatar_20250117120000_ChangeTypes";
                """);

            migrationBuilder.AddColumn<string>(name: "nickname", table: "users", type: "text", nullable: true);

            // Put back the values Up backed up from users.nickname, by key, then drop the backup.
            migrationBuilder.Sql("""
                UPDATE "users" SET "nickname" = (SELECT b."nickname" FROM "__lossless_backup_users_nickname_20250117120000_ChangeTypes" AS b WHERE b."id" = "users"."id") WHERE EXISTS (SELECT 1 FROM "__lossless_backup_users_nickname_20250117120000_ChangeTypes" AS b WHERE b."id" = "users"."id");
                DROP TABLE "__lossless_backup_users_nickname_20250117120000_ChangeTypes";
                """);
            """");
        await Test(source, fixedSource, TestProvider.PostgreSql, DropColumnFixTests.UsersModel, Expected(0, "users.nickname"), Expected(1, "users.avatar")).RunAsync();
    }
}
