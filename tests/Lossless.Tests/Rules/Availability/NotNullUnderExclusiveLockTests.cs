using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using static Lossless.Tests.Rules.Availability.AvailabilityTest;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.Availability;

public sealed class NotNullUnderExclusiveLockTests
{
    private const string Backfill = """
        migrationBuilder.Sql("UPDATE users SET email = 'unknown@example.com' WHERE email IS NULL;");

        """;

    private const string MakeEmailRequired = """
        migrationBuilder.{|#0:AlterColumn|}<string>(
            name: "email",
            table: "users",
            type: "text",
            nullable: false,
            oldClrType: typeof(string),
            oldType: "text",
            oldNullable: true);
        """;

    [Fact]
    public Task MadeRequired_AfterABackfill_Reports()
        => VerifyAsync(Backfill + MakeEmailRequired, Info(RuleIds.NotNullUnderExclusiveLock, 0, "users.email", "users"));

    [Fact]
    public Task MadeRequired_WithoutBackfill_IsTheDataLossDiagnosticOnly()
        => VerifyAsync(
            MakeEmailRequired,
            Verify.Diagnostic(RuleIds.MadeRequired).WithLocation(0).WithArguments("users.email", "fails on every row that holds NULL"));

    [Fact]
    public Task MadeRequired_AfterAValidatedCheck_DoesNotReport()
        => VerifyAsync(Backfill + """
            migrationBuilder.Sql("ALTER TABLE \"users\" ADD CONSTRAINT \"CK_users_email_not_null\" CHECK (\"email\" IS NOT NULL) NOT VALID;");
            migrationBuilder.Sql("ALTER TABLE \"users\" VALIDATE CONSTRAINT \"CK_users_email_not_null\";", suppressTransaction: true);

            """ + MakeEmailRequired.Replace("{|#0:AlterColumn|}", "AlterColumn", StringComparison.Ordinal) + """

            migrationBuilder.Sql("ALTER TABLE \"users\" DROP CONSTRAINT \"CK_users_email_not_null\";");
            """);

    [Fact]
    public Task MadeRequired_AfterACheckAddedValid_DoesNotReport()
        => VerifyAsync(Backfill + """
            migrationBuilder.Sql("ALTER TABLE users ADD CONSTRAINT ck_email CHECK (email IS NOT NULL);");

            """ + MakeEmailRequired.Replace("{|#0:AlterColumn|}", "AlterColumn", StringComparison.Ordinal));

    [Fact]
    public Task MadeRequired_AfterACheckNeverValidated_Reports()
        => VerifyAsync(
            Backfill + """
            migrationBuilder.Sql("ALTER TABLE \"users\" ADD CONSTRAINT \"CK_users_email_not_null\" CHECK (\"email\" IS NOT NULL) NOT VALID;");

            """ + MakeEmailRequired,
            Info(RuleIds.NotNullUnderExclusiveLock, 0, "users.email", "users"));

    [Fact]
    public Task MadeRequired_AfterACheckOnAnotherColumn_Reports()
        => VerifyAsync(
            Backfill + """
            migrationBuilder.Sql("ALTER TABLE users ADD CONSTRAINT ck_name CHECK (name IS NOT NULL);");

            """ + MakeEmailRequired,
            Info(RuleIds.NotNullUnderExclusiveLock, 0, "users.email", "users"));

    [Fact]
    public Task MadeRequired_AfterAnAddCheckConstraint_IsThatConstraintsLockOnly()
        => VerifyAsync(
            Backfill + """
            migrationBuilder.{|#1:AddCheckConstraint|}(
                name: "CK_users_email_not_null",
                table: "users",
                sql: "\"email\" IS NOT NULL");

            """ + MakeEmailRequired.Replace("{|#0:AlterColumn|}", "AlterColumn", StringComparison.Ordinal),
            Info(RuleIds.ConstraintValidatedUnderLock, 1, "check constraint", "CK_users_email_not_null", "users", "an ACCESS EXCLUSIVE lock: reads and writes wait until the migration commits"));

    [Fact]
    public Task MadeRequired_OnTableCreatedInUp_DoesNotReport()
        => VerifyAsync("""
            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    email = table.Column<string>(type: "text", nullable: true),
                });

            """ + MakeEmailRequired.Replace("{|#0:AlterColumn|}", "AlterColumn", StringComparison.Ordinal));

    [Theory]
    [InlineData(TestProvider.SqlServer)]
    [InlineData(TestProvider.Sqlite)]
    public Task MadeRequired_OnOtherProviders_DoesNotReport(TestProvider provider)
        => AvailabilityTest.VerifyOnOtherProviderAsync(Backfill + MakeEmailRequired.Replace("{|#0:AlterColumn|}", "AlterColumn", StringComparison.Ordinal).Replace("\"text\"", provider == TestProvider.SqlServer ? "\"nvarchar(max)\"" : "\"TEXT\"", StringComparison.Ordinal), provider);
}
