using Lossless.Analyzers.Model.Providers;
using Lossless.DataTests.Infrastructure;
using Lossless.DataTests.Migrations;
using Lossless.DataTests.TypeChanges;
using Microsoft.Data.Sqlite;

namespace Lossless.DataTests.Sqlite;

/// <summary>
/// LL3005 on a real SQLite file with EF Core 10's migrator: a migration with a rebuild is committed in pieces (the
/// other operations with the copies into "ef_temp_" tables; the drops and renames with foreign keys off; the indexes
/// re-created), and the history row is written last. A failure in a late piece leaves the earlier ones applied, the
/// migration unrecorded, and a second run fails on what the first one already did.
/// </summary>
public sealed class SqliteNotAtomicTests
{
    private const string BeforeModel = """
        modelBuilder.Entity("Sample.Account", b =>
        {
            b.Property<int>("Id").HasColumnType("INTEGER");
            b.Property<string>("Name").HasColumnType("TEXT");
            b.HasKey("Id");
            b.ToTable("Accounts");
        });
        modelBuilder.Entity("Sample.Tag", b =>
        {
            b.Property<int>("Id").HasColumnType("INTEGER");
            b.Property<string>("Code").HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("Code").IsUnique();
            b.ToTable("Tags");
        });
        """;

    private static readonly string Create = FixScenario.Migration(
        "20250101000000_Create",
        """
        migrationBuilder.CreateTable(name: "Accounts", columns: table => new { Id = table.Column<int>(type: "INTEGER", nullable: false), Name = table.Column<string>(type: "TEXT", nullable: true) }, constraints: table => table.PrimaryKey("PK_Accounts", x => x.Id));
        migrationBuilder.CreateTable(name: "Tags", columns: table => new { Id = table.Column<int>(type: "INTEGER", nullable: false), Code = table.Column<string>(type: "TEXT", nullable: true) }, constraints: table => table.PrimaryKey("PK_Tags", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_Tags_Code", table: "Tags", column: "Code", unique: true);
        """,
        """
        migrationBuilder.DropTable(name: "Accounts");
        migrationBuilder.DropTable(name: "Tags");
        """,
        BeforeModel);

    /// <summary>Accounts gains a column; Tags.Code becomes case-insensitive (a rebuild; its unique index is re-created last).</summary>
    private static readonly string Change = FixScenario.Migration(
        "20250102000000_CaseInsensitiveTags",
        """
        migrationBuilder.AddColumn<string>(name: "Email", table: "Accounts", type: "TEXT", nullable: true);
        migrationBuilder.AlterColumn<string>(name: "Code", table: "Tags", type: "TEXT", nullable: true, collation: "NOCASE", oldClrType: typeof(string), oldType: "TEXT", oldNullable: true);
        """,
        """
        migrationBuilder.DropColumn(name: "Email", table: "Accounts");
        migrationBuilder.AlterColumn<string>(name: "Code", table: "Tags", type: "TEXT", nullable: true, oldClrType: typeof(string), oldType: "TEXT", oldNullable: true, oldCollation: "NOCASE");
        """,
        BeforeModel
            .Replace("""b.Property<string>("Name").HasColumnType("TEXT");""", "b.Property<string>(\"Email\").HasColumnType(\"TEXT\");\n    b.Property<string>(\"Name\").HasColumnType(\"TEXT\");")
            .Replace("""b.Property<string>("Code").HasColumnType("TEXT");""", """b.Property<string>("Code").HasColumnType("TEXT").UseCollation("NOCASE");"""));

    [Fact]
    public void LateFailure_LeavesTheMigrationHalfAppliedAndUnrecorded()
    {
        using var database = new SqliteDatabase();
        using var compiled = CompiledMigrations.Compile(Create, Change, CompiledMigrationsTests.Context);
        compiled.Migrate(DatabaseProvider.Sqlite, database.ConnectionString, "20250101000000_Create");
        using (var connection = new SqliteConnection(database.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """INSERT INTO "Accounts" VALUES (1, 'a'); INSERT INTO "Tags" VALUES (1, 'red'), (2, 'RED');""";
            command.ExecuteNonQuery();
        }

        // 'red' and 'RED' are one value under NOCASE: the unique index, re-created in the last piece, fails.
        var failure = Assert.ThrowsAny<SqliteException>(() => compiled.Migrate(DatabaseProvider.Sqlite, database.ConnectionString));
        Assert.Contains("UNIQUE constraint failed", failure.Message, StringComparison.Ordinal);

        // Unrecorded, yet the earlier pieces are committed: the added column, the rebuilt Tags (NOCASE, no unique index).
        Assert.Equal(["20250101000000_Create"], SqliteRows.Read(database.ConnectionString, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1"""));
        Assert.Contains("Email", SqliteRows.Read(database.ConnectionString, """SELECT name FROM pragma_table_info('Accounts')"""));
        Assert.Contains("COLLATE NOCASE", Assert.Single(SqliteRows.Read(database.ConnectionString, """SELECT sql FROM sqlite_master WHERE name = 'Tags'""")), StringComparison.Ordinal);
        Assert.Empty(SqliteRows.Read(database.ConnectionString, """SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'IX_Tags_Code'"""));
        Assert.Equal(["red", "RED"], SqliteRows.Read(database.ConnectionString, """SELECT "Code" FROM "Tags" ORDER BY "Id" """));

        // Running it again repeats what was committed, and fails on it.
        var again = Assert.ThrowsAny<SqliteException>(() => compiled.Migrate(DatabaseProvider.Sqlite, database.ConnectionString));
        Assert.Contains("duplicate column name: Email", again.Message, StringComparison.Ordinal);
    }
}
