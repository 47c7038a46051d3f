using Lossless.Analyzers;
using Lossless.CodeFixes;
using Lossless.CodeFixes.Rules.Availability;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Lossless.Analyzers.Infrastructure;

namespace Lossless.Tests.Rules.Availability;

/// <summary>The Availability fixes: full source before and after, Fix All, and no Availability diagnostic left on what they fixed.</summary>
public sealed class AvailabilityFixTests
{
    private static async Task VerifyFixAsync<TFixer>(string up, string fixedUp, string key, string? deployModel, DiagnosticResult[] expected, DiagnosticResult[]? fixedExpected = null, int iterations = 1)
        where TFixer : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixVerifier<MigrationAnalyzer, TFixer>.Test(TestProvider.PostgreSql)
        {
            TestCode = Sources.Migration(up),
            FixedCode = Sources.Migration(fixedUp),
            CodeActionEquivalenceKey = key,
            NumberOfFixAllIterations = iterations,
        };
        test.DisabledDiagnostics.Clear();
        test.DisabledDiagnostics.AddRange(CSharpAnalyzerVerifier<MigrationAnalyzer>.Test.ReversibilityRules);
        test.DisabledDiagnostics.Add("LL4004");
        if (deployModel is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nlossless.deploy_model = " + deployModel + "\n"));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(fixedExpected ?? []);
        await test.RunAsync();
    }

    private static DiagnosticResult Info(string id, int location, params object[] arguments)
        => CSharpAnalyzerVerifier<MigrationAnalyzer>.Diagnostic(id).WithLocation(location).WithSeverity(DiagnosticSeverity.Info).WithArguments(arguments);

    private static DiagnosticResult Warning(string id, int location, params object[] arguments)
        => CSharpAnalyzerVerifier<MigrationAnalyzer>.Diagnostic(id).WithLocation(location).WithSeverity(DiagnosticSeverity.Warning).WithArguments(arguments);

    [Fact]
    public Task LL3001_AddsTheConcurrentAnnotation()
        => VerifyFixAsync<CreateIndexConcurrentlyFixer>(
            """
            migrationBuilder.{|#0:CreateIndex|}(
                name: "IX_users_email",
                table: "users",
                column: "email");
            """,
            """
            migrationBuilder.CreateIndex(
                name: "IX_users_email",
                table: "users",
                column: "email")
                .Annotation("Npgsql:CreatedConcurrently", true);
            """,
            FixerKeys.LL3001_CreateConcurrently,
            null,
            [Info(RuleIds.IndexBlocksWrites, 0, "IX_users_email", "users")]);

    [Fact]
    public Task LL3001_TurnsAFalseAnnotationTrue()
        => VerifyFixAsync<CreateIndexConcurrentlyFixer>(
            """
            migrationBuilder.{|#0:CreateIndex|}(
                name: "IX_users_email",
                table: "users",
                column: "email",
                unique: true)
                .Annotation("Npgsql:CreatedConcurrently", false);
            """,
            """
            migrationBuilder.CreateIndex(
                name: "IX_users_email",
                table: "users",
                column: "email",
                unique: true)
                .Annotation("Npgsql:CreatedConcurrently", true);
            """,
            FixerKeys.LL3001_CreateConcurrently,
            null,
            [Info(RuleIds.IndexBlocksWrites, 0, "IX_users_email", "users")]);

    [Fact]
    public Task LL3001_FixAll_FixesEveryIndex()
        => VerifyFixAsync<CreateIndexConcurrentlyFixer>(
            """
            migrationBuilder.{|#0:CreateIndex|}(
                name: "IX_users_email",
                table: "users",
                column: "email");

            migrationBuilder.{|#1:CreateIndex|}(
                name: "IX_orders_user_id",
                schema: "shop",
                table: "orders",
                column: "user_id");
            """,
            """
            migrationBuilder.CreateIndex(
                name: "IX_users_email",
                table: "users",
                column: "email")
                .Annotation("Npgsql:CreatedConcurrently", true);

            migrationBuilder.CreateIndex(
                name: "IX_orders_user_id",
                schema: "shop",
                table: "orders",
                column: "user_id")
                .Annotation("Npgsql:CreatedConcurrently", true);
            """,
            FixerKeys.LL3001_CreateConcurrently,
            null,
            [Info(RuleIds.IndexBlocksWrites, 0, "IX_users_email", "users"), Info(RuleIds.IndexBlocksWrites, 1, "IX_orders_user_id", "shop.orders")]);

    [Fact]
    public Task LL3008_DropsConcurrentlyOutsideTheTransaction()
        => VerifyFixAsync<DropIndexConcurrentlyFixer>(
            """
            migrationBuilder.{|#0:DropIndex|}(
                name: "IX_users_email",
                schema: "app",
                table: "users");

            migrationBuilder.AddColumn<string>(
                name: "nickname",
                schema: "app",
                table: "users",
                type: "text",
                nullable: true);
            """,
            """
            // Dropped concurrently, outside the migration's transaction: reads and writes go on (LL3008).
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS \"app\".\"IX_users_email\";", suppressTransaction: true);

            migrationBuilder.AddColumn<string>(
                name: "nickname",
                schema: "app",
                table: "users",
                type: "text",
                nullable: true);
            """,
            FixerKeys.LL3008_DropConcurrently,
            null,
            [Info(RuleIds.IndexDroppedUnderLock, 0, "IX_users_email", "app.users")]);

    [Fact]
    public Task LL3009_SetsTheLockTimeoutFirst()
        => VerifyFixAsync<LockTimeoutFixer>(
            """
            migrationBuilder.{|#0:AddColumn|}<string>(
                name: "nickname",
                table: "users",
                type: "text",
                nullable: true);
            """,
            """
            // Fail fast (55P03) instead of queueing every query on the table behind a lock that is not granted (LL3009).
            migrationBuilder.Sql("SET LOCAL lock_timeout = '5s';");

            migrationBuilder.AddColumn<string>(
                name: "nickname",
                table: "users",
                type: "text",
                nullable: true);
            """,
            FixerKeys.LL3009_SetLockTimeout,
            "online",
            [Warning(RuleIds.NoLockTimeout, 0, "AddColumn", "users")]);

    [Fact]
    public async Task LL3009_WritesTheConfiguredTimeout()
    {
        var test = new CSharpCodeFixVerifier<MigrationAnalyzer, LockTimeoutFixer>.Test(TestProvider.PostgreSql)
        {
            TestCode = Sources.Migration("""
                migrationBuilder.{|#0:AddColumn|}<int>(
                    name: "visits",
                    table: "users",
                    type: "integer",
                    nullable: true);
                """),
            FixedCode = Sources.Migration("""
                // Fail fast (55P03) instead of queueing every query on the table behind a lock that is not granted (LL3009).
                migrationBuilder.Sql("SET LOCAL lock_timeout = '2s';");

                migrationBuilder.AddColumn<int>(
                    name: "visits",
                    table: "users",
                    type: "integer",
                    nullable: true);
                """),
            CodeActionEquivalenceKey = FixerKeys.LL3009_SetLockTimeout,
        };
        test.DisabledDiagnostics.Clear();
        test.DisabledDiagnostics.AddRange(CSharpAnalyzerVerifier<MigrationAnalyzer>.Test.ReversibilityRules);
        test.DisabledDiagnostics.Add("LL4004");
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nlossless.deploy_model = online\nlossless.lock_timeout = 2s\n"));
        test.ExpectedDiagnostics.Add(Warning(RuleIds.NoLockTimeout, 0, "AddColumn", "users"));
        await test.RunAsync();
    }

    [Fact]
    public Task LL3004_ForeignKey_AddedNotValidThenValidated()
        => VerifyFixAsync<NotValidConstraintFixer>(
            """
            migrationBuilder.{|#0:AddForeignKey|}(
                name: "FK_orders_users_user_id",
                table: "orders",
                column: "user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
            """,
            """"
            // Added NOT VALID (no scan; new rows are checked at once), then validated outside the migration's transaction: reads and writes go on (LL3004).
            migrationBuilder.Sql("""
                DO $lossless$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'FK_orders_users_user_id' AND conrelid = '"orders"'::regclass) THEN
                        ALTER TABLE "orders" ADD CONSTRAINT "FK_orders_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE NOT VALID;
                    END IF;
                END $lossless$;
                """);

            migrationBuilder.Sql("ALTER TABLE \"orders\" VALIDATE CONSTRAINT \"FK_orders_users_user_id\";", suppressTransaction: true);
            """",
            FixerKeys.LL3004_NotValidThenValidate,
            null,
            [Info(RuleIds.ConstraintValidatedUnderLock, 0, "foreign key", "FK_orders_users_user_id", "orders", "SHARE ROW EXCLUSIVE locks on it and on 'users': writes to both wait until the migration commits")]);

    [Fact]
    public Task LL3004_CheckConstraint_AddedNotValidThenValidated()
        => VerifyFixAsync<NotValidConstraintFixer>(
            """
            migrationBuilder.{|#0:AddCheckConstraint|}(
                name: "CK_orders_quantity",
                schema: "shop",
                table: "orders",
                sql: "quantity > 0");
            """,
            """"
            // Added NOT VALID (no scan; new rows are checked at once), then validated outside the migration's transaction: reads and writes go on (LL3004).
            migrationBuilder.Sql("""
                DO $lossless$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'CK_orders_quantity' AND conrelid = '"shop"."orders"'::regclass) THEN
                        ALTER TABLE "shop"."orders" ADD CONSTRAINT "CK_orders_quantity" CHECK (quantity > 0) NOT VALID;
                    END IF;
                END $lossless$;
                """);

            migrationBuilder.Sql("ALTER TABLE \"shop\".\"orders\" VALIDATE CONSTRAINT \"CK_orders_quantity\";", suppressTransaction: true);
            """",
            FixerKeys.LL3004_NotValidThenValidate,
            null,
            [Info(RuleIds.ConstraintValidatedUnderLock, 0, "check constraint", "CK_orders_quantity", "shop.orders", "an ACCESS EXCLUSIVE lock: reads and writes wait until the migration commits")]);

    [Fact]
    public Task LL3006_ValidatedCheckBeforeSetNotNull_DroppedAfter()
        => VerifyFixAsync<NotNullCheckFixer>(
            """
            migrationBuilder.Sql("UPDATE users SET email = 'unknown@example.com' WHERE email IS NULL;");

            migrationBuilder.{|#0:AlterColumn|}<string>(
                name: "email",
                table: "users",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
            """,
            """"
            migrationBuilder.Sql("UPDATE users SET email = 'unknown@example.com' WHERE email IS NULL;");

            // Proves NOT NULL without a scan under ACCESS EXCLUSIVE: the check is validated outside the migration's transaction, and SET NOT NULL then trusts it (LL3006).
            migrationBuilder.Sql("""
                DO $lossless$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'CK_users_email_not_null' AND conrelid = '"users"'::regclass) THEN
                        ALTER TABLE "users" ADD CONSTRAINT "CK_users_email_not_null" CHECK ("email" IS NOT NULL) NOT VALID;
                    END IF;
                END $lossless$;
                """);

            migrationBuilder.Sql("ALTER TABLE \"users\" VALIDATE CONSTRAINT \"CK_users_email_not_null\";", suppressTransaction: true);

            migrationBuilder.AlterColumn<string>(
                name: "email",
                table: "users",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.Sql("ALTER TABLE \"users\" DROP CONSTRAINT IF EXISTS \"CK_users_email_not_null\";");
            """",
            FixerKeys.LL3006_CheckBeforeSetNotNull,
            null,
            [Info(RuleIds.NotNullUnderExclusiveLock, 0, "users.email", "users")]);

    [Fact]
    public Task LL3007_AddsWithoutTheDefault_SetsIt_FillsOutsideTheTransaction_ThenRequires()
        => VerifyFixAsync<VolatileDefaultFixer>(
            """
            migrationBuilder.{|#0:AddColumn|}<Guid>(
                name: "public_id",
                table: "users",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");
            """,
            """
            migrationBuilder.AddColumn<Guid>(
                name: "public_id",
                table: "users",
                type: "uuid",
                nullable: true);

            // New rows get the default; the existing rows are filled outside the migration's transaction, under row locks only (LL3007).
            migrationBuilder.Sql("ALTER TABLE \"users\" ALTER COLUMN \"public_id\" SET DEFAULT gen_random_uuid();");

            migrationBuilder.Sql("UPDATE \"users\" SET \"public_id\" = gen_random_uuid() WHERE \"public_id\" IS NULL;", suppressTransaction: true);

            // Only now make users.public_id required: every row has a value.
            migrationBuilder.{|#1:AlterColumn|}<Guid>(
                name: "public_id",
                table: "users",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()",
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true,
                oldDefaultValueSql: "gen_random_uuid()");
            """,
            FixerKeys.LL3007_AddThenBackfill,
            null,
            [Info(RuleIds.VolatileDefault, 0, "users.public_id", "gen_random_uuid()", "users")],
            [Info(RuleIds.NotNullUnderExclusiveLock, 1, "users.public_id", "users")]);

    [Fact]
    public Task LL3007_NullableColumn_IsNotMadeRequired()
        => VerifyFixAsync<VolatileDefaultFixer>(
            """
            migrationBuilder.{|#0:AddColumn|}<DateTime>(
                name: "seen_at",
                schema: "app",
                table: "users",
                type: "timestamp with time zone",
                nullable: true,
                defaultValueSql: "clock_timestamp()");
            """,
            """
            migrationBuilder.AddColumn<DateTime>(
                name: "seen_at",
                schema: "app",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            // New rows get the default; the existing rows are filled outside the migration's transaction, under row locks only (LL3007).
            migrationBuilder.Sql("ALTER TABLE \"app\".\"users\" ALTER COLUMN \"seen_at\" SET DEFAULT clock_timestamp();");

            migrationBuilder.Sql("UPDATE \"app\".\"users\" SET \"seen_at\" = clock_timestamp() WHERE \"seen_at\" IS NULL;", suppressTransaction: true);
            """,
            FixerKeys.LL3007_AddThenBackfill,
            null,
            [Info(RuleIds.VolatileDefault, 0, "app.users.seen_at", "clock_timestamp()", "app.users")]);
}
