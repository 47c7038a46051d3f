using Lossless.Analyzers;
using Lossless.Analyzers.Model.Sql;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.DataLoss;

public class DestructiveSqlTests
{
    [Theory]
    [InlineData("DROP TABLE users;", "DROP TABLE users", "drops a table and every row it holds")]
    [InlineData("drop table if exists \"bazaar-vid_user\" cascade", "drop table if exists \"bazaar-vid_user\" cascade", "drops a table and every row it holds")]
    [InlineData("ALTER TABLE users DROP COLUMN nickname;", "ALTER TABLE users DROP COLUMN nickname", "drops a column and every value it holds")]
    [InlineData("ALTER TABLE users ADD COLUMN a int, DROP nickname;", "ALTER TABLE users ADD COLUMN a int, DROP nickname", "drops a column and every value it holds")]
    [InlineData("DROP SCHEMA legacy CASCADE;", "DROP SCHEMA legacy CASCADE", "drops a schema and every table in it")]
    [InlineData("DROP DATABASE app;", "DROP DATABASE app", "drops a whole database")]
    [InlineData("TRUNCATE TABLE sessions;", "TRUNCATE TABLE sessions", "deletes every row of the table")]
    [InlineData("DELETE FROM sessions;", "DELETE FROM sessions", "has no WHERE and deletes every row of the table")]
    [InlineData("UPDATE users SET email = lower(email);", "UPDATE users SET email = lower(email)", "has no WHERE and overwrites every row of the table")]
    [InlineData("UPDATE users SET score = (SELECT max(s) FROM scores WHERE scores.u = users.id);", "UPDATE users SET score = (SELECT max(s) FROM scores WHERE scores.u = users.id)", "has no WHERE and overwrites every row of the table")]
    [InlineData("ALTER TABLE \"bazaar-vid_user\" ALTER COLUMN \"id\" SET DATA TYPE uuid;", "ALTER TABLE \"bazaar-vid_user\" ALTER COLUMN \"id\" SET DATA TYPE uuid", "changes a column's type: every stored value is converted, and values that do not convert fail or change")]
    [InlineData("ALTER TABLE users ALTER id TYPE uuid USING id::uuid;", "ALTER TABLE users ALTER id TYPE uuid USING id::uuid", "changes a column's type: every stored value is converted, and values that do not convert fail or change")]
    [InlineData("ALTER TABLE [users] ALTER COLUMN [name] nvarchar(50) NOT NULL;", "ALTER TABLE [users] ALTER COLUMN [name] nvarchar(50) NOT NULL", "changes a column's type: every stored value is converted, and values that do not convert fail or change")]
    [InlineData("ALTER TABLE users MODIFY COLUMN name varchar(50);", "ALTER TABLE users MODIFY COLUMN name varchar(50)", "changes a column's type: every stored value is converted, and values that do not convert fail or change")]
    [InlineData("DO $$ BEGIN IF true THEN DELETE FROM sessions; END IF; END $$;", "DELETE FROM sessions", "has no WHERE and deletes every row of the table")]
    [InlineData("SELECT 1; -- cleanup\n/* old: */ DROP TABLE old_users;", "DROP TABLE old_users", "drops a table and every row it holds")]
    public void Destructive_IsFound(string sql, string statement, string effect)
    {
        var found = Assert.Single(SqlScanner.FindDestructive(sql));
        Assert.Equal(statement, found.Text);
        Assert.Equal(effect, DestructiveSqlRuleEffect(found.Kind));
    }

    [Theory]
    [InlineData("-- DROP TABLE users;\nSELECT 1;")]
    [InlineData("/* DROP TABLE users; /* nested */ TRUNCATE x; */ SELECT 1;")]
    [InlineData("INSERT INTO audit (what) VALUES ('DELETE FROM users; DROP TABLE users');")]
    [InlineData("INSERT INTO audit (what) VALUES (E'it\\'s DROP TABLE users');")]
    [InlineData("UPDATE users SET email = lower(email) WHERE email IS NOT NULL;")]
    [InlineData("DELETE FROM sessions WHERE expires < now();")]
    [InlineData("UPDATE users SET kind = CASE WHEN admin THEN 'a' ELSE 'u' END WHERE kind IS NULL;")]
    [InlineData("ALTER TABLE projects ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE;")]
    [InlineData("INSERT INTO t (id, n) VALUES (1, 2) ON CONFLICT (id) DO UPDATE SET n = excluded.n;")]
    [InlineData("SELECT * FROM jobs FOR UPDATE SKIP LOCKED;")]
    [InlineData("ALTER TYPE mood ADD VALUE 'meh';")]
    [InlineData("ALTER TABLE users ALTER COLUMN name SET NOT NULL;")]
    [InlineData("ALTER TABLE users ALTER COLUMN name DROP DEFAULT, DROP CONSTRAINT ck_name;")]
    [InlineData("CREATE TEMP TABLE lossless_check (bad INTEGER NOT NULL); INSERT INTO lossless_check VALUES (0); DROP TABLE lossless_check;")]
    [InlineData("DROP INDEX ix_users_email; DROP VIEW v_users;")]
    [InlineData("CREATE TRIGGER t BEFORE DELETE ON users FOR EACH ROW EXECUTE FUNCTION f();")]
    public void Harmless_IsNotFound(string sql)
    {
        Assert.Empty(SqlScanner.FindDestructive(sql));
    }

    [Fact]
    public async Task SqlStep_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""migrationBuilder.{|#0:Sql|}("DROP TABLE users;");"""),
            Verify.Diagnostic(RuleIds.DestructiveSql).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("DROP TABLE users", "drops a table and every row it holds"));
    }

    [Fact]
    public async Task VerbatimRawAndConcatenatedConstants_Report()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration(""""
                const string Table = "sessions";
                migrationBuilder.{|#0:Sql|}(@"TRUNCATE ""sessions"";");
                migrationBuilder.{|#1:Sql|}("""
                    -- Start over.
                    DELETE FROM audit;
                    """);
                migrationBuilder.{|#2:Sql|}("DELETE FROM " + Table + ";");
                migrationBuilder.{|#3:Sql|}($"DROP TABLE {Table}; DROP TABLE users; TRUNCATE x;");
                """"),
            Verify.Diagnostic(RuleIds.DestructiveSql).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("TRUNCATE \"sessions\"", "deletes every row of the table"),
            Verify.Diagnostic(RuleIds.DestructiveSql).WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("DELETE FROM audit", "has no WHERE and deletes every row of the table"),
            Verify.Diagnostic(RuleIds.DestructiveSql).WithLocation(2).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("DELETE FROM sessions", "has no WHERE and deletes every row of the table"),
            Verify.Diagnostic(RuleIds.DestructiveSql).WithLocation(3).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("DROP TABLE sessions", "drops a table and every row it holds, and 2 more destructive statements follow"));
    }

    [Fact]
    public async Task MarkedStep_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration("""
            migrationBuilder.Sql("-- lossless: verified users.id\nALTER TABLE users ALTER COLUMN id TYPE uuid USING id::uuid;");
            """));
    }

    [Fact]
    public async Task NonConstantSqlAndDown_DoNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration(
            up: """migrationBuilder.Sql(System.IO.File.ReadAllText("drop.sql"));""",
            down: """migrationBuilder.Sql("DROP TABLE users;");"""));
    }

    // ---- T-SQL: statements separated by new lines only, and GO.

    [Theory]
    [InlineData("ALTER TABLE [Tokens] DROP CONSTRAINT [FK_Tokens_Authorizations]\n\nTRUNCATE TABLE Tokens\n\nTRUNCATE TABLE Authorizations\n", "TRUNCATE TABLE Tokens", 2)]
    [InlineData("IF OBJECT_ID('old_log') IS NOT NULL\n    DROP TABLE old_log\nGO\nDELETE FROM sessions\nGO", "DROP TABLE old_log", 2)]
    [InlineData("SET NOCOUNT ON\nUPDATE [Orders]\nSET [Total] = 0\nPRINT 'done'", "UPDATE [Orders] SET [Total] = 0", 1)]
    public void TSql_StatementsOnTheirOwnLines_AreSplit(string sql, string first, int count)
    {
        var found = SqlScanner.FindDestructive(sql, Lossless.Analyzers.Model.Providers.DatabaseProvider.SqlServer);
        Assert.Equal(count, found.Count);
        Assert.Equal(first, found[0].Text);
    }

    [Theory]
    [InlineData("ALTER TABLE [Users]\nDROP COLUMN [Nickname]", DestructiveSqlKind.DropColumn)]
    [InlineData("ALTER TABLE [Users]\nALTER COLUMN [Name] nvarchar(50) NOT NULL", DestructiveSqlKind.ColumnTypeChange)]
    public void TSql_AlterTableActionsOnTheNextLine_StayOneStatement(string sql, DestructiveSqlKind kind)
    {
        Assert.Equal(kind, Assert.Single(SqlScanner.FindDestructive(sql, Lossless.Analyzers.Model.Providers.DatabaseProvider.SqlServer)).Kind);
    }

    [Theory]
    [InlineData("INSERT INTO [Archive] ([Id])\nSELECT [Id] FROM [Orders]\nDELETE FROM [Orders] WHERE [Shipped] = 1")]
    [InlineData("WITH old AS (SELECT Id FROM Orders WHERE Year < 2000)\nDELETE FROM Orders WHERE Id IN (SELECT Id FROM old)")]
    [InlineData("UPDATE [Orders]\nSET [Total] = 0\nWHERE [Id] = 1")]
    public void TSql_SelectSetAndWithContinueTheirStatement(string sql)
    {
        Assert.Empty(SqlScanner.FindDestructive(sql, Lossless.Analyzers.Model.Providers.DatabaseProvider.SqlServer));
    }

    [Fact]
    public async Task TSqlWithoutSemicolons_OnSqlServer_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""
                migrationBuilder.{|#0:Sql|}(@"
                    ALTER TABLE [Tokens] DROP CONSTRAINT [FK_Tokens_Authorizations]

                    TRUNCATE TABLE Tokens

                    ALTER TABLE [Tokens] WITH CHECK ADD CONSTRAINT [FK_Tokens_Authorizations] FOREIGN KEY([AuthorizationId]) REFERENCES [Authorizations] ([Id])
                ");
                """),
            TestProvider.SqlServer,
            Verify.Diagnostic(RuleIds.DestructiveSql).WithLocation(0).WithArguments("TRUNCATE TABLE Tokens", "deletes every row of the table"));
    }

    // ---- Not destructive: backfills of new columns, widenings the previous model proves.

    [Fact]
    public async Task UpdateOfAColumnThisUpAdded_IsABackfill()
    {
        await Verify.VerifyAnalyzerAsync(Sources.Migration("""
            migrationBuilder.AddColumn<string>(name: "StreamingCountry", table: "AspNetUsers", type: "TEXT", nullable: true);
            migrationBuilder.Sql("UPDATE AspNetUsers SET StreamingCountry = 'US'");
            """), TestProvider.Sqlite);
    }

    [Fact]
    public async Task UpdateOfAColumnAnEarlierMigrationAdded_StillReports()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""migrationBuilder.{|#0:Sql|}("UPDATE AspNetUsers SET StreamingCountry = 'US'");"""),
            TestProvider.Sqlite,
            Verify.Diagnostic(RuleIds.DestructiveSql).WithLocation(0).WithArguments("UPDATE AspNetUsers SET StreamingCountry = 'US'", "has no WHERE and overwrites every row of the table"));
    }

    private const string InvoiceModel = """
        modelBuilder.Entity("Sample.Invoice", b =>
            {
                b.Property<string>("Id")
                    .HasColumnType("text");

                b.Property<string>("OrderId")
                    .HasMaxLength(100)
                    .HasColumnType("character varying(100)");

                b.Property<int>("Number")
                    .HasColumnType("integer");

                b.HasKey("Id");

                b.ToTable("Invoices");
            });
        """;

    private static Verify.Test WithPreviousModel(string up, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test(TestProvider.PostgreSql);
        test.TestState.Sources.Add(Sources.Migration(up, name: "FixLengths", id: "20250102000000_FixLengths"));
        test.TestState.Sources.Add(Sources.Migration(string.Empty, name: "Initial", id: "20250101000000_Initial").Replace(Sources.Context, string.Empty));
        test.TestState.Sources.Add(Sources.Designer(InvoiceModel, name: "Initial"));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    [Theory]
    [InlineData("ALTER TABLE \\\"Invoices\\\" ALTER COLUMN \\\"OrderId\\\" TYPE TEXT;")]
    [InlineData("ALTER TABLE \\\"Invoices\\\" ALTER COLUMN \\\"OrderId\\\" TYPE character varying(200), ALTER COLUMN \\\"Number\\\" TYPE bigint;")]
    public async Task TypeChangeThePreviousModelProvesAWidening_DoesNotReport(string sql)
    {
        await WithPreviousModel($$"""migrationBuilder.Sql("{{sql}}");""").RunAsync();
    }

    [Fact]
    public async Task TypeChangeThatNarrows_StillReports()
    {
        await WithPreviousModel(
            """migrationBuilder.{|#0:Sql|}("ALTER TABLE \"Invoices\" ALTER COLUMN \"OrderId\" TYPE character varying(20);");""",
            Verify.Diagnostic(RuleIds.DestructiveSql).WithLocation(0).WithArguments("ALTER TABLE \"Invoices\" ALTER COLUMN \"OrderId\" TYPE character varying(20)", "changes a column's type: every stored value is converted, and values that do not convert fail or change")).RunAsync();
    }

    [Fact]
    public async Task TypeChangeWithoutAPreviousModel_StillReports()
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration("""migrationBuilder.{|#0:Sql|}("ALTER TABLE \"Invoices\" ALTER COLUMN \"OrderId\" TYPE integer;");"""),
            Verify.Diagnostic(RuleIds.DestructiveSql).WithLocation(0).WithArguments("ALTER TABLE \"Invoices\" ALTER COLUMN \"OrderId\" TYPE integer", "changes a column's type: every stored value is converted, and values that do not convert fail or change"));
    }

    [Theory]
    [InlineData("ALTER TABLE \\\"Invoices\\\" ALTER COLUMN \\\"OrderId\\\" TYPE TEXT;")]
    [InlineData("ALTER TABLE \\\"Invoices\\\"  ALTER COLUMN \\\"OrderId\\\" TYPE TEXT USING \\\"OrderId\\\"::TEXT;")]
    [InlineData("ALTER TABLE invoices ALTER COLUMN order_id TYPE character varying USING CAST(order_id AS varchar), ALTER COLUMN note SET DATA TYPE text;")]
    [InlineData("ALTER TABLE invoices ALTER COLUMN order_id TYPE character varying USING CAST(order_id AS varchar);")]
    [InlineData("ALTER TABLE invoices ALTER COLUMN order_id TYPE character varying;")]
    [InlineData("ALTER TABLE invoices ALTER COLUMN note SET DATA TYPE text;")]
    public async Task TypeChangeIntoUnboundedText_WithoutAPreviousModel_DoesNotReport(string sql)
    {
        // Every value of every type has a text form: nothing fails, nothing is lost, whatever the old type was.
        await Verify.VerifyAnalyzerAsync(Sources.Migration($$"""migrationBuilder.Sql("{{sql}}");"""));
    }

    [Theory]
    [InlineData("ALTER TABLE invoices ALTER COLUMN order_id TYPE text USING 'n/a';", "ALTER TABLE invoices ALTER COLUMN order_id TYPE text USING 'n/a'")]
    [InlineData("ALTER TABLE invoices ALTER COLUMN order_id TYPE varchar(20);", "ALTER TABLE invoices ALTER COLUMN order_id TYPE varchar(20)")]
    [InlineData("ALTER TABLE invoices ALTER COLUMN tags TYPE text[];", "ALTER TABLE invoices ALTER COLUMN tags TYPE text[]")]
    public async Task TypeChangeIntoTextThatComputesOrBounds_StillReports(string sql, string statement)
    {
        await Verify.VerifyAnalyzerAsync(
            Sources.Migration($$"""migrationBuilder.{|#0:Sql|}("{{sql}}");"""),
            Verify.Diagnostic(RuleIds.DestructiveSql).WithLocation(0).WithArguments(statement, "changes a column's type: every stored value is converted, and values that do not convert fail or change"));
    }

    private static string DestructiveSqlRuleEffect(DestructiveSqlKind kind) => kind switch
    {
        DestructiveSqlKind.DropTable => "drops a table and every row it holds",
        DestructiveSqlKind.DropColumn => "drops a column and every value it holds",
        DestructiveSqlKind.DropSchema => "drops a schema and every table in it",
        DestructiveSqlKind.DropDatabase => "drops a whole database",
        DestructiveSqlKind.Truncate => "deletes every row of the table",
        DestructiveSqlKind.DeleteWithoutWhere => "has no WHERE and deletes every row of the table",
        DestructiveSqlKind.UpdateWithoutWhere => "has no WHERE and overwrites every row of the table",
        _ => "changes a column's type: every stored value is converted, and values that do not convert fail or change",
    };
}
