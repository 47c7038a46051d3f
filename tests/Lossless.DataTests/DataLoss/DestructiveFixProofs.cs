using Lossless.Analyzers;
using Lossless.Analyzers.Model.Providers;
using Lossless.CodeFixes;
using Lossless.DataTests.Infrastructure;
using Lossless.DataTests.Migrations;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lossless.DataTests.DataLoss;

/// <summary>
/// The LL1004–LL1008 fixes on real databases: each original migration (as EF Core scaffolds it) is fixed by the real
/// code fix, compiled, and run with EF Core's migrator on seeded rows. Backups: Up then Down gives back every row and
/// value (full dumps compared). Renames: the values survive Up itself. Required columns: the fixed migration succeeds
/// where the original fails, with the database's exact error.
/// </summary>
public abstract class DestructiveFixProofs : IDisposable
{
    private const string InitialId = "20250101000000_Initial";
    private readonly List<IDisposable> owned = new();

    protected abstract DatabaseProvider Provider { get; }

    protected abstract TestDatabase NewDatabase(string hint);

    private bool IsPostgres => Provider == DatabaseProvider.PostgreSql;

    private string Int => IsPostgres ? "integer" : "INTEGER";

    private string Long => IsPostgres ? "bigint" : "INTEGER";

    private string Text => IsPostgres ? "text" : "TEXT";

    private string Identity => IsPostgres
        ? """.Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)"""
        : """.Annotation("Sqlite:Autoincrement", true)""";

    protected void Own(IDisposable disposable) => owned.Add(disposable);

    public void Dispose()
    {
        foreach (var disposable in owned)
        {
            disposable.Dispose();
        }
    }

    private static string Migration(string id, string up, string down, string model) => $$"""
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {
            [DbContext(typeof(Sample.AppDbContext))]
            [Migration("{{id}}")]
            public partial class M{{id}} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {{up}}
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    {{down}}
                }

                protected override void BuildTargetModel(ModelBuilder modelBuilder)
                {
                    {{model}}
                }
            }
        }
        """;

    private string UsersTable(string extraColumn) => $$"""
        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                id = table.Column<int>(type: "{{Int}}", nullable: false),
                email = table.Column<string>(type: "{{Text}}", nullable: true){{extraColumn}}
            },
            constraints: table => table.PrimaryKey("PK_users", x => x.id));
        """;

    private string UsersModel(string extraProperty) => $$"""
        modelBuilder.Entity("Sample.User", b =>
        {
            b.Property<int>("id").HasColumnType("{{Int}}");
            b.Property<string>("email").HasColumnType("{{Text}}");{{extraProperty}}
            b.HasKey("id");
            b.ToTable("users");
        });
        """;

    private const string SeedUsers = """
        migrationBuilder.Sql("INSERT INTO users (id, email, nickname) VALUES (1, 'ann@example.com', 'Annie'), (2, NULL, 'O''Brien'), (3, 'zoe@example.com', 'Zoë'), (4, 'x@example.com', NULL);");
        """;

    private TestDatabase Prepare(string hint, CompiledMigrations compiled)
    {
        var database = NewDatabase(hint);
        compiled.Migrate(Provider, database.ConnectionString, InitialId);
        return database;
    }

    // LL1004: DropColumn, backed up by key and restored in Down.

    [Fact]
    public async Task DropColumn_FixedUpThenDown_GivesBackEveryValue()
    {
        var initial = Migration(InitialId, UsersTable($",\n nickname = table.Column<string>(type: \"{Text}\", nullable: true)") + "\n" + SeedUsers, "", UsersModel($"\n b.Property<string>(\"nickname\").HasColumnType(\"{Text}\");"));
        var change = Migration(
            "20250102000000_DropNickname",
            """
            migrationBuilder.DropColumn(
                name: "nickname",
                table: "users");
            """,
            $$"""
            migrationBuilder.AddColumn<string>(
                name: "nickname",
                table: "users",
                type: "{{Text}}",
                nullable: true);
            """,
            UsersModel(string.Empty));

        // The original loses the values: Down re-adds the column empty.
        using (var unfixed = CompiledMigrations.Compile(CompiledMigrationsTests.Context, initial, change))
        {
            var database = Prepare("dropcolumn_original", unfixed);
            var before = DatabaseSnapshot.Take(Provider, database.ConnectionString);
            unfixed.Migrate(Provider, database.ConnectionString);
            unfixed.Migrate(Provider, database.ConnectionString, InitialId);
            Assert.Equal(Rows("(1,ann@example.com,)", "(2,,)", "(3,zoe@example.com,)", "(4,x@example.com,)"), DatabaseSnapshot.Take(Provider, database.ConnectionString).Rows[Users]);
            Assert.NotEqual(before.Data, DatabaseSnapshot.Take(Provider, database.ConnectionString).Data);
        }

        var fixedChange = await FixApplier.ApplyAsync(Provider, RuleIds.DropColumn, FixerKeys.LL1004_BackUpColumn, change, CompiledMigrationsTests.Context, initial);
        Assert.Contains("CREATE TABLE \"__lossless_backup_users_nickname_20250102000000_DropNickname\" AS SELECT \"id\", \"nickname\" FROM \"users\";", fixedChange);
        using var compiled = CompiledMigrations.Compile(CompiledMigrationsTests.Context, initial, fixedChange);
        var db = Prepare("dropcolumn_fixed", compiled);
        var original = DatabaseSnapshot.Take(Provider, db.ConnectionString);
        Assert.Equal(Rows("(1,ann@example.com,Annie)", "(2,,O'Brien)", "(3,zoe@example.com,Zoë)", "(4,x@example.com,)"), original.Rows[Users]);

        compiled.Migrate(Provider, db.ConnectionString);
        var up = DatabaseSnapshot.Take(Provider, db.ConnectionString);
        Assert.Equal(Rows("(1,ann@example.com)", "(2,)", "(3,zoe@example.com)", "(4,x@example.com)"), up.Rows[Users]);
        Assert.Equal(Rows("(1,Annie)", "(2,O'Brien)", "(3,Zoë)", "(4,)"), up.Rows[Table("__lossless_backup_users_nickname_20250102000000_DropNickname")]);

        compiled.Migrate(Provider, db.ConnectionString, InitialId);
        var down = DatabaseSnapshot.Take(Provider, db.ConnectionString);
        Assert.Equal(original.Data, down.Data);
        Assert.Equal(original.Schema, down.Schema);
    }

    /// <summary>
    /// The backup is dropped later by a clean-up migration of its own (docs/configuration.md "Cleaning up backups"):
    /// Lossless reports nothing on it, and it removes the backup and nothing else.
    /// </summary>
    [Fact]
    public async Task DropColumn_BackupDroppedByALaterMigration_IsSilent_AndRemovesOnlyTheBackup()
    {
        var initial = Migration(InitialId, UsersTable($",\n nickname = table.Column<string>(type: \"{Text}\", nullable: true)") + "\n" + SeedUsers, "", UsersModel($"\n b.Property<string>(\"nickname\").HasColumnType(\"{Text}\");"));
        var change = Migration(
            "20250102000000_DropNickname",
            """migrationBuilder.DropColumn(name: "nickname", table: "users");""",
            $$"""migrationBuilder.AddColumn<string>(name: "nickname", table: "users", type: "{{Text}}", nullable: true);""",
            UsersModel(string.Empty));
        var fixedChange = await FixApplier.ApplyAsync(Provider, RuleIds.DropColumn, FixerKeys.LL1004_BackUpColumn, change, CompiledMigrationsTests.Context, initial);
        var cleanUp = Migration(
            "20250301000000_DropLosslessBackups",
            """migrationBuilder.DropTable(name: "__lossless_backup_users_nickname_20250102000000_DropNickname");""",
            "// Nothing to restore: the backup was dropped on purpose.",
            UsersModel(string.Empty));

        // (The initial migration's empty Down is LL2002's, and not what this is about.)
        var reported = await TypeChanges.FixApplier.DiagnoseAsync(Provider, CompiledMigrationsTests.Context, initial, fixedChange, cleanUp);
        Assert.DoesNotContain(reported, d => d.Contains("DropLosslessBackups", StringComparison.Ordinal) || d.Contains("__lossless_backup", StringComparison.Ordinal) || d.Contains("DropNickname", StringComparison.Ordinal));

        using var compiled = CompiledMigrations.Compile(CompiledMigrationsTests.Context, initial, fixedChange, cleanUp);
        var db = Prepare("backup_cleanup", compiled);
        compiled.Migrate(Provider, db.ConnectionString, "20250102000000_DropNickname");
        var withBackup = DatabaseSnapshot.Take(Provider, db.ConnectionString);
        Assert.Contains(Table("__lossless_backup_users_nickname_20250102000000_DropNickname"), withBackup.Rows.Keys);

        compiled.Migrate(Provider, db.ConnectionString);
        var cleaned = DatabaseSnapshot.Take(Provider, db.ConnectionString);
        Assert.Equal([Users], cleaned.Rows.Keys.ToArray());
        Assert.Equal(withBackup.Rows[Users], cleaned.Rows[Users]);
    }

    // LL1005: DropTable, copied into a backup table and restored in Down.

    [Fact]
    public async Task DropTable_FixedUpThenDown_GivesBackEveryRow_AndTheIdentityGoesOn()
    {
        var sessionsTable = $$"""
            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    id = table.Column<int>(type: "{{Int}}", nullable: false)
                        {{Identity}},
                    token = table.Column<string>(type: "{{Text}}", nullable: false),
                    note = table.Column<string>(type: "{{Text}}", nullable: true)
                },
                constraints: table => table.PrimaryKey("PK_sessions", x => x.id));
            """;
        var model = $$"""
            modelBuilder.Entity("Sample.Session", b =>
            {
                b.Property<int>("id").ValueGeneratedOnAdd().HasColumnType("{{Int}}");
                b.Property<string>("token").IsRequired().HasColumnType("{{Text}}");
                b.Property<string>("note").HasColumnType("{{Text}}");
                b.HasKey("id");
                b.ToTable("sessions");
            });
            """;
        var initial = Migration(
            InitialId,
            sessionsTable + "\nmigrationBuilder.Sql(\"INSERT INTO sessions (token, note) VALUES ('a1', 'first'), ('b2', NULL), ('c3', 'it''s 3');\");",
            string.Empty,
            model);
        var change = Migration("20250102000000_DropSessions", """migrationBuilder.DropTable(name: "sessions");""", sessionsTable, string.Empty);

        var fixedChange = await FixApplier.ApplyAsync(Provider, RuleIds.DropTable, FixerKeys.LL1005_BackUpTable, change, CompiledMigrationsTests.Context, initial);
        using var compiled = CompiledMigrations.Compile(CompiledMigrationsTests.Context, initial, fixedChange);
        var db = Prepare("droptable_fixed", compiled);
        var original = DatabaseSnapshot.Take(Provider, db.ConnectionString);
        Assert.Equal(Rows("(1,a1,first)", "(2,b2,)", "(3,c3,it's 3)"), original.Rows[Table("sessions")]);

        compiled.Migrate(Provider, db.ConnectionString);
        var up = DatabaseSnapshot.Take(Provider, db.ConnectionString);
        Assert.False(up.Rows.ContainsKey(Table("sessions")));
        Assert.Equal(Rows("(1,a1,first)", "(2,b2,)", "(3,c3,it's 3)"), up.Rows[Table("__lossless_backup_sessions_20250102000000_DropSessions")]);

        compiled.Migrate(Provider, db.ConnectionString, InitialId);
        var down = DatabaseSnapshot.Take(Provider, db.ConnectionString);
        Assert.Equal(original.Data, down.Data);
        Assert.Equal(original.Schema, down.Schema);

        // The restored ids do not collide with the next generated one.
        Execute(db, "INSERT INTO sessions (token) VALUES ('d4')");
        Assert.Equal("4", Scalar(db, "SELECT id FROM sessions WHERE token = 'd4'"));
    }

    // LL1006: a rename scaffolded as drop + add, made a rename.

    [Fact]
    public async Task RenamedAndRetypedColumn_ValuesSurviveUp_AndDownGivesThemBack()
    {
        var initial = Migration(
            InitialId,
            $$"""
            migrationBuilder.CreateTable(
                name: "players",
                columns: table => new
                {
                    id = table.Column<int>(type: "{{Int}}", nullable: false),
                    score = table.Column<int>(type: "{{Int}}", nullable: true)
                },
                constraints: table => table.PrimaryKey("PK_players", x => x.id));
            migrationBuilder.Sql("INSERT INTO players (id, score) VALUES (1, 10), (2, NULL), (3, -2147483648), (4, 2147483647);");
            """,
            string.Empty,
            $$"""modelBuilder.Entity("Sample.Player", b => { b.Property<int>("id").HasColumnType("{{Int}}"); b.Property<int?>("score").HasColumnType("{{Int}}"); b.HasKey("id"); b.ToTable("players"); });""");

        // What EF Core scaffolds when Player.Score (int?) becomes Player.TotalScore (long?) in one step.
        var change = Migration(
            "20250102000000_TotalScore",
            $$"""
            migrationBuilder.DropColumn(
                name: "score",
                table: "players");

            migrationBuilder.AddColumn<long>(
                name: "total_score",
                table: "players",
                type: "{{Long}}",
                nullable: true);
            """,
            $$"""
            migrationBuilder.DropColumn(
                name: "total_score",
                table: "players");

            migrationBuilder.AddColumn<int>(
                name: "score",
                table: "players",
                type: "{{Int}}",
                nullable: true);
            """,
            $$"""modelBuilder.Entity("Sample.Player", b => { b.Property<int>("id").HasColumnType("{{Int}}"); b.Property<long?>("total_score").HasColumnType("{{Long}}"); b.HasKey("id"); b.ToTable("players"); });""");

        var fixedChange = await FixApplier.ApplyAsync(Provider, RuleIds.RenameAsDropAndAdd, FixerKeys.LL1006_Rename, change, CompiledMigrationsTests.Context, initial);
        Assert.DoesNotContain("DropColumn", fixedChange);
        using var compiled = CompiledMigrations.Compile(CompiledMigrationsTests.Context, initial, fixedChange);
        var db = Prepare("rename_column", compiled);
        var original = DatabaseSnapshot.Take(Provider, db.ConnectionString);

        compiled.Migrate(Provider, db.ConnectionString);
        var up = DatabaseSnapshot.Take(Provider, db.ConnectionString);
        Assert.Equal(Rows("(1,10)", "(2,)", "(3,-2147483648)", "(4,2147483647)"), up.Rows[Table("players")]);
        Assert.Contains(IsPostgres ? "column public.players.total_score bigint null" : "column players.total_score INTEGER null", up.Schema);

        compiled.Migrate(Provider, db.ConnectionString, InitialId);
        var down = DatabaseSnapshot.Take(Provider, db.ConnectionString);
        Assert.Equal(original.Data, down.Data);
        Assert.Equal(original.Schema, down.Schema);
    }

    [Fact]
    public async Task RenamedTable_RowsSurviveUp_AndDownGivesThemBack()
    {
        string Create(string name) => $$"""
            migrationBuilder.CreateTable(
                name: "{{name}}",
                columns: table => new
                {
                    Id = table.Column<int>(type: "{{Int}}", nullable: false),
                    Name = table.Column<string>(type: "{{Text}}", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_{{name}}", x => x.Id);
                });
            """;
        string Model(string table) => $$"""modelBuilder.Entity("Sample.{{table}}", b => { b.Property<int>("Id").HasColumnType("{{Int}}"); b.Property<string>("Name").HasColumnType("{{Text}}"); b.HasKey("Id"); b.ToTable("{{table}}"); });""";
        var initial = Migration(InitialId, Create("Person") + "\nmigrationBuilder.Sql(\"INSERT INTO \\\"Person\\\" (\\\"Id\\\", \\\"Name\\\") VALUES (1, 'Ada'), (2, NULL);\");", string.Empty, Model("Person"));
        var change = Migration(
            "20250102000000_People",
            "migrationBuilder.DropTable(name: \"Person\");\n\n" + Create("people"),
            "migrationBuilder.DropTable(name: \"people\");\n\n" + Create("Person"),
            Model("people"));

        var fixedChange = await FixApplier.ApplyAsync(Provider, RuleIds.RenameAsDropAndAdd, FixerKeys.LL1006_Rename, change, CompiledMigrationsTests.Context, initial);
        Assert.Contains("RenameTable", fixedChange);
        using var compiled = CompiledMigrations.Compile(CompiledMigrationsTests.Context, initial, fixedChange);
        var db = Prepare("rename_table", compiled);
        var original = DatabaseSnapshot.Take(Provider, db.ConnectionString);

        compiled.Migrate(Provider, db.ConnectionString);
        var up = DatabaseSnapshot.Take(Provider, db.ConnectionString);
        Assert.Equal(Rows("(1,Ada)", "(2,)"), up.Rows[Table("people")]);
        if (IsPostgres)
        {
            Assert.Contains("constraint public.people PK_people PRIMARY KEY (\"Id\")", up.Schema);
        }

        compiled.Migrate(Provider, db.ConnectionString, InitialId);
        var down = DatabaseSnapshot.Take(Provider, db.ConnectionString);
        Assert.Equal(original.Data, down.Data);
        Assert.Equal(original.Schema, down.Schema);
    }

    // LL1007: a column made required while rows hold NULL.

    private string SettingsInitial() => Migration(
        InitialId,
        $$"""
        migrationBuilder.CreateTable(
            name: "settings",
            columns: table => new
            {
                id = table.Column<int>(type: "{{Int}}", nullable: false),
                value = table.Column<string>(type: "{{Text}}", nullable: true)
            },
            constraints: table => table.PrimaryKey("PK_settings", x => x.id));
        migrationBuilder.Sql("INSERT INTO settings (id, value) VALUES (1, 'on'), (2, NULL), (3, ''), (4, NULL);");
        """,
        string.Empty,
        $$"""modelBuilder.Entity("Sample.Setting", b => { b.Property<int>("id").HasColumnType("{{Int}}"); b.Property<string>("value").HasColumnType("{{Text}}"); b.HasKey("id"); b.ToTable("settings"); });""");

    private string SettingsRequired() => Migration(
        "20250102000000_ValueRequired",
        $$"""
        migrationBuilder.AlterColumn<string>(
            name: "value",
            table: "settings",
            type: "{{Text}}",
            nullable: false,
            oldClrType: typeof(string),
            oldType: "{{Text}}",
            oldNullable: true);
        """,
        $$"""
        migrationBuilder.AlterColumn<string>(
            name: "value",
            table: "settings",
            type: "{{Text}}",
            nullable: true,
            oldClrType: typeof(string),
            oldType: "{{Text}}");
        """,
        $$"""modelBuilder.Entity("Sample.Setting", b => { b.Property<int>("id").HasColumnType("{{Int}}"); b.Property<string>("value").IsRequired().HasColumnType("{{Text}}"); b.HasKey("id"); b.ToTable("settings"); });""");

    /// <summary>
    /// The fix leaves the value to choose: as written (NULL /* lossless: choose */) the migration fails on the rows that
    /// hold NULL, with the database's own error, and nothing changes; with the value a person writes in its place, the
    /// NULL rows get it and nothing else changes.
    /// </summary>
    [Fact]
    public async Task MadeRequired_Fixed_FailsUntilTheValueIsChosen_ThenFillsOnlyTheNulls()
    {
        var initial = SettingsInitial();
        var change = SettingsRequired();
        var notNull = IsPostgres ? ("23502", "column \"value\" of relation \"settings\" contains null values") : ("19", "SQLite Error 19: 'NOT NULL constraint failed: ef_temp_settings.value'.");
        using (var original = CompiledMigrations.Compile(CompiledMigrationsTests.Context, initial, change))
        {
            var database = Prepare("required_original", original);
            AssertDatabaseError(Record.Exception(() => original.Migrate(Provider, database.ConnectionString)), notNull);
        }

        var fixedChange = await FixApplier.ApplyAsync(Provider, RuleIds.MadeRequired, FixerKeys.LL1007_BackfillNulls, change, CompiledMigrationsTests.Context, initial);
        Assert.Contains("NULL /* lossless: choose */", fixedChange);
        using (var unchosen = CompiledMigrations.Compile(CompiledMigrationsTests.Context, initial, fixedChange))
        {
            var database = Prepare("required_unchosen", unchosen);
            var before = DatabaseSnapshot.Take(Provider, database.ConnectionString);
            AssertDatabaseError(Record.Exception(() => unchosen.Migrate(Provider, database.ConnectionString)), notNull);
            var after = DatabaseSnapshot.Take(Provider, database.ConnectionString);
            Assert.Equal(before.Schema, after.Schema);
            Assert.Equal(before.Data, after.Data);
        }

        using var chosen = CompiledMigrations.Compile(CompiledMigrationsTests.Context, initial, fixedChange.Replace("NULL /* lossless: choose */", "'n/a'"));
        var db = Prepare("required_chosen", chosen);
        chosen.Migrate(Provider, db.ConnectionString);
        var up = DatabaseSnapshot.Take(Provider, db.ConnectionString);
        Assert.Equal(Rows("(1,on)", "(2,n/a)", "(3,'')", "(4,n/a)"), up.Rows[Table("settings")]);
        Assert.Contains(IsPostgres ? "column public.settings.value text not null" : "column settings.value TEXT not null", up.Schema);
    }

    // LL1008: a required column added to a table that has rows.

    private string AddAge() => Migration(
        "20250102000000_Age",
        $$"""
        migrationBuilder.AddColumn<int>(
            name: "age",
            table: "users",
            type: "{{Int}}",
            nullable: false);
        """,
        """
        migrationBuilder.DropColumn(
            name: "age",
            table: "users");
        """,
        UsersModel($"\n b.Property<int>(\"age\").HasColumnType(\"{Int}\");"));

    /// <summary>
    /// As for LL1007: the fixed migration fails on a table with rows until the value is chosen (nothing changed, the
    /// column not even added), then every existing row holds the chosen value and the column is NOT NULL. On
    /// PostgreSQL the fix is the three steps; on SQLite, which refuses a required column with no default even on an
    /// empty table, a default to choose (no AlterColumn, so no table rebuild).
    /// </summary>
    [Fact]
    public async Task RequiredColumnAdded_Fixed_FailsUntilTheValueIsChosen_ThenFillsEveryRow()
    {
        var initial = Migration(
            InitialId,
            UsersTable(string.Empty) + "\nmigrationBuilder.Sql(\"INSERT INTO users (id, email) VALUES (1, 'ann@example.com'), (2, NULL);\");",
            string.Empty,
            UsersModel(string.Empty));
        var change = AddAge();
        using (var original = CompiledMigrations.Compile(CompiledMigrationsTests.Context, initial, change))
        {
            var database = Prepare("add_required_original", original);
            var error = Record.Exception(() => original.Migrate(Provider, database.ConnectionString));
            AssertDatabaseError(error, IsPostgres ? ("23502", "column \"age\" of relation \"users\" contains null values") : ("1", "SQLite Error 1: 'Cannot add a NOT NULL column with default value NULL'."));
        }

        var fixedChange = await FixApplier.ApplyAsync(Provider, RuleIds.RequiredColumnAdded, IsPostgres ? FixerKeys.LL1008_AddNullableBackfillRequire : FixerKeys.LL1008_ChooseDefault, change, CompiledMigrationsTests.Context, initial);
        var marker = IsPostgres ? "NULL /* lossless: choose */" : "defaultValue: null /* lossless: choose */";
        Assert.Contains(marker, fixedChange);
        using (var unchosen = CompiledMigrations.Compile(CompiledMigrationsTests.Context, initial, fixedChange))
        {
            var database = Prepare("add_required_unchosen", unchosen);
            var before = DatabaseSnapshot.Take(Provider, database.ConnectionString);
            var error = Record.Exception(() => unchosen.Migrate(Provider, database.ConnectionString));
            AssertDatabaseError(error, IsPostgres ? ("23502", "column \"age\" of relation \"users\" contains null values") : ("1", "SQLite Error 1: 'Cannot add a NOT NULL column with default value NULL'."));

            // One transaction (on SQLite too: nothing rebuilds a table): the added column is rolled back with the rest.
            var after = DatabaseSnapshot.Take(Provider, database.ConnectionString);
            Assert.Equal(before.Schema, after.Schema);
            Assert.Equal(before.Data, after.Data);
        }

        using var chosen = CompiledMigrations.Compile(CompiledMigrationsTests.Context, initial, fixedChange.Replace(marker, IsPostgres ? "42" : "defaultValue: 42"));
        var db = Prepare("add_required_chosen", chosen);
        chosen.Migrate(Provider, db.ConnectionString);
        var up = DatabaseSnapshot.Take(Provider, db.ConnectionString);
        // Read by name, whatever order the columns stand in.
        Assert.Equal("1|ann@example.com|42\n2||42", Query(db, "SELECT id, email, age FROM users ORDER BY id"));
        Assert.Contains(IsPostgres ? "column public.users.age integer not null" : "column users.age INTEGER not null", up.Schema);
    }

    private string Users => Table("users");

    /// <summary>A table's key in <see cref="DatabaseSnapshot.Rows"/>: schema-qualified and quoted when needed on PostgreSQL.</summary>
    private string Table(string name) => IsPostgres
        ? "public." + (name.Any(c => char.IsUpper(c) || c == '-') ? "\"" + name + "\"" : name)
        : name;

    /// <summary>Rows as the snapshot writes them for this provider: PostgreSQL's row text, or SQLite's typed values.</summary>
    private string[] Rows(params string[] postgresRows)
        => IsPostgres ? postgresRows.Select(QuotePostgresText).OrderBy(r => r, StringComparer.Ordinal).ToArray() : postgresRows.Select(SqliteRow).OrderBy(r => r, StringComparer.Ordinal).ToArray();

    private static string QuotePostgresText(string row)
    {
        // PostgreSQL's record text leaves NULL empty and quotes empty strings and values with spaces; '' spells an empty string here.
        var values = row.Trim('(', ')').Split(',');
        return "(" + string.Join(",", values.Select(v => v == "''" ? "\"\"" : v.Contains(' ') ? "\"" + v + "\"" : v)) + ")";
    }

    private static string SqliteRow(string row)
    {
        var values = row.Trim('(', ')').Split(',');
        return "(" + string.Join(",", values.Select(v => v.Length == 0 ? "NULL" : v == "''" ? v : long.TryParse(v, out _) ? v : "'" + v + "'")) + ")";
    }

    private static void AssertDatabaseError(Exception? error, (string Code, string Message) expected)
    {
        Assert.NotNull(error);
        var inner = error;
        while (inner is not null and not PostgresException and not SqliteException)
        {
            inner = inner.InnerException;
        }

        switch (inner)
        {
            case PostgresException postgres:
                Assert.Equal(expected, (postgres.SqlState, postgres.MessageText));
                break;
            case SqliteException sqlite:
                Assert.Equal(expected, (sqlite.SqliteErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture), sqlite.Message));
                break;
            default:
                Assert.Fail("Expected a database error, got: " + error);
                break;
        }
    }

    private void Execute(TestDatabase database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Rows as "a|b|c" lines, NULL as nothing.</summary>
    private string Query(TestDatabase database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            }

            rows.Add(string.Join("|", values));
        }

        return string.Join("\n", rows);
    }

    private string? Scalar(TestDatabase database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }

    private System.Data.Common.DbConnection Open(TestDatabase database)
    {
        System.Data.Common.DbConnection connection = IsPostgres ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);
        connection.Open();
        return connection;
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresDestructiveFixProofs : DestructiveFixProofs
{
    private readonly PostgresCluster cluster;

    public PostgresDestructiveFixProofs(PostgresCluster cluster) => this.cluster = cluster;

    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override TestDatabase NewDatabase(string hint) => new(DatabaseProvider.PostgreSql, cluster.CreateDatabase(hint).ConnectionString);
}

public sealed class SqliteDestructiveFixProofs : DestructiveFixProofs
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override TestDatabase NewDatabase(string hint)
    {
        var database = new SqliteDatabase();
        Own(database);
        return database.Database;
    }
}
