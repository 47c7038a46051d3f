using Lossless.Analyzers;
using Lossless.CodeFixes;
using Lossless.CodeFixes.Rules.Reversibility;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpCodeFixVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer, Lossless.CodeFixes.Rules.Reversibility.GenerateDownFixer>;

namespace Lossless.Tests.Rules.Reversibility;

/// <summary>The generate-Down fix: full source before and after, one fix at a time and Fix All.</summary>
public sealed class GenerateDownFixerTests
{
    private static Verify.Test NewTest(TestProvider provider, string source, string fixedSource, string key, string[] others, DiagnosticResult[] expected)
    {
        var test = new Verify.Test(provider) { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = key };
        test.DisabledDiagnostics.Clear();
        test.DisabledDiagnostics.AddRange(ReversibilityAnalyzerTests.OtherRules);

        // What the fix leaves to a person stays reported, and is marked in the fixed source.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        foreach (var other in others)
        {
            test.TestState.Sources.Add(other);
            test.FixedState.Sources.Add(other);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    /// <summary>LL2001: every inverse in reverse order, class and local constants kept (a const local becomes its literal), EnsureSchema left alone, the SQL a TODO.</summary>
    [Fact]
    public async Task MissingDown_GeneratesDownAfterUp()
    {
        var fixedSource = """"
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {    [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250117120000_Profiles")]
            public partial class Profiles : Migration
            {
                private const string Users = "users";

                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    const string column = "nickname";

                    // Users pick a display name.
                    migrationBuilder.AddColumn<string>(
                        name: column,
                        table: Users,
                        type: "character varying(50)",
                        maxLength: 50,
                        nullable: true);

                    migrationBuilder.AlterColumn<string>(
                        name: "email",
                        table: Users,
                        type: "character varying(320)",
                        maxLength: 320,
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "text",
                        oldNullable: true);

                    migrationBuilder.RenameColumn(name: "title", table: "posts", newName: "headline");

                    migrationBuilder.RenameTable(name: "tags", schema: "app", newName: "labels", newSchema: "app");

                    migrationBuilder.CreateIndex(
                        name: "IX_users_nickname",
                        table: Users,
                        column: column,
                        unique: true,
                        filter: "\"nickname\" IS NOT NULL");

                    migrationBuilder.AddForeignKey(
                        name: "FK_posts_users_user_id",
                        table: "posts",
                        column: "user_id",
                        principalTable: Users,
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);

                    migrationBuilder.EnsureSchema(name: "audit");

                    migrationBuilder.Sql("UPDATE users SET nickname = split_part(email, '@', 1);");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    // TODO: undo by hand what this SQL of Up did; SQL has no known inverse:
                    // UPDATE users SET nickname = split_part(email, '@', 1);

                    migrationBuilder.DropForeignKey(
                        name: "FK_posts_users_user_id",
                        table: "posts");

                    migrationBuilder.DropIndex(
                        name: "IX_users_nickname",
                        table: Users);

                    migrationBuilder.RenameTable(
                        name: "labels",
                        schema: "app",
                        newName: "tags",
                        newSchema: "app");

                    migrationBuilder.RenameColumn(
                        name: "headline",
                        table: "posts",
                        newName: "title");

                    migrationBuilder.AlterColumn<string>(
                        name: "email",
                        table: Users,
                        type: "text",
                        nullable: true,
                        oldClrType: typeof(string),
                        oldType: "character varying(320)",
                        oldMaxLength: 320);

                    migrationBuilder.DropColumn(
                        name: "nickname",
                        table: Users);
                }
            }
        }

        namespace Sample
        {
            public class AppDbContext : DbContext
            {
            }
        }
        """";
        await NewTest(TestProvider.PostgreSql, FixerCases.MissingDown.Replace("public partial class Profiles", "public partial class {|LL2001:Profiles|}"), fixedSource, FixerKeys.LL2001_GenerateDown, [], []).RunAsync();
    }

    /// <summary>LL2002 on an empty Down: names that need quoting in SQL are copied as they are; the comment stays.</summary>
    [Fact]
    public async Task EmptyDown_FillsItKeepingItsComment()
    {
        var fixedSource = """"
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {    [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250117120000_Profiles")]
            public partial class Profiles : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "nickname", table: "bazaar-vid_user", nullable: true);
                    migrationBuilder.AddColumn<string>(name: "it\"s", table: "users", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    // Nothing to undo: the columns are optional.
                    migrationBuilder.DropColumn(
                        name: "it\"s",
                        table: "users");

                    migrationBuilder.DropColumn(
                        name: "nickname",
                        table: "bazaar-vid_user");
                }
            }
        }

        namespace Sample
        {
            public class AppDbContext : DbContext
            {
            }
        }
        """";
        await NewTest(TestProvider.PostgreSql, FixerCases.EmptyDown.Replace("void Down(", "void {|LL2002:Down|}("), fixedSource, FixerKeys.LL2001_GenerateDown, [], []).RunAsync();
    }

    /// <summary>LL2002 on a Down that only throws.</summary>
    [Fact]
    public async Task ThrowingDown_ReplacesTheThrow()
    {
        var fixedSource = """"
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {    [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250117120000_Profiles")]
            public partial class Profiles : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "nickname", table: "users", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "nickname",
                        table: "users");
                }
            }
        }

        namespace Sample
        {
            public class AppDbContext : DbContext
            {
            }
        }
        """";
        await NewTest(TestProvider.PostgreSql, FixerCases.ThrowingDown.Replace("void Down(", "void {|LL2002:Down|}("), fixedSource, FixerKeys.LL2001_GenerateDown, [], []).RunAsync();
    }

    /// <summary>LL2002 on `Down(...) =&gt; throw ...;`.</summary>
    [Fact]
    public async Task ExpressionBodiedThrowingDown_GetsABody()
    {
        var fixedSource = """"
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {    [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250117120000_Profiles")]
            public partial class Profiles : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "nickname", table: "users", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "nickname",
                        table: "users");
                }
            }
        }

        namespace Sample
        {
            public class AppDbContext : DbContext
            {
            }
        }
        """";
        await NewTest(TestProvider.PostgreSql, FixerCases.ArrowDown.Replace("void Down(", "void {|LL2002:Down|}("), fixedSource, FixerKeys.LL2001_GenerateDown, [], []).RunAsync();
    }

    /// <summary>LL2003 twice: each DropColumn lands after the DropForeignKey of the later AddForeignKey and before the DropTable of the earlier CreateTable, the later one first; one at a time and Fix All agree.</summary>
    [Fact]
    public async Task MissingInverses_GoBeforeTheInversesOfEarlierOperations()
    {
        var fixedSource = """"
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {    [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250117120000_Profiles")]
            public partial class Profiles : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "labels",
                        columns: table => new
                        {
                            id = table.Column<int>(type: "integer", nullable: false),
                        },
                        constraints: table => table.PrimaryKey("PK_labels", x => x.id));

                    migrationBuilder.AddColumn<string>(name: "nickname", table: "users", nullable: true);

                    migrationBuilder.AddColumn<int>(name: "label_id", table: "users", nullable: true);

                    migrationBuilder.AddForeignKey(name: "FK_users_labels_label_id", table: "users", column: "label_id", principalTable: "labels", principalColumn: "id");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    // Keep the labels until last.
                    migrationBuilder.DropForeignKey(name: "FK_users_labels_label_id", table: "users");

                    migrationBuilder.DropColumn(
                        name: "label_id",
                        table: "users");

                    migrationBuilder.DropColumn(
                        name: "nickname",
                        table: "users");

                    migrationBuilder.DropTable(name: "labels");
                }
            }
        }

        namespace Sample
        {
            public class AppDbContext : DbContext
            {
            }
        }
        """";
        await NewTest(TestProvider.PostgreSql, FixerCases.MissingInverse.Replace("migrationBuilder.AddColumn<string>(name: \"nickname\"", "migrationBuilder.{|LL2003:AddColumn|}<string>(name: \"nickname\"").Replace("migrationBuilder.AddColumn<int>(name: \"label_id\"", "migrationBuilder.{|LL2003:AddColumn|}<int>(name: \"label_id\""), fixedSource, FixerKeys.LL2003_AddMissingInverse, [], []).RunAsync();
    }

    /// <summary>LL2003 on an AlterColumn whose Down restores another precision: the wrong call is replaced, its trailing comment kept.</summary>
    [Fact]
    public async Task WrongAlterColumn_IsReplacedWithTheSwappedOne()
    {
        var fixedSource = """"
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {    [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250117120000_Profiles")]
            public partial class Profiles : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<decimal>(
                        name: "balance",
                        table: "users",
                        type: "numeric(12,2)",
                        precision: 12,
                        scale: 2,
                        nullable: false,
                        oldClrType: typeof(decimal),
                        oldType: "numeric(10,2)",
                        oldPrecision: 10,
                        oldScale: 2);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<decimal>(
                        name: "balance",
                        table: "users",
                        type: "numeric(10,2)",
                        precision: 10,
                        scale: 2,
                        nullable: false,
                        oldClrType: typeof(decimal),
                        oldType: "numeric(12,2)",
                        oldPrecision: 12,
                        oldScale: 2); // restores nothing
                }
            }
        }

        namespace Sample
        {
            public class AppDbContext : DbContext
            {
            }
        }
        """";
        await NewTest(TestProvider.PostgreSql, FixerCases.WrongAlter.Replace("migrationBuilder.AlterColumn<decimal>(\n                name", "migrationBuilder.{|#0:AlterColumn|}<decimal>(\n                name").Replace("migrationBuilder.AlterColumn<decimal>(name", "migrationBuilder.{|#1:AlterColumn|}<decimal>(name"), fixedSource, FixerKeys.LL2003_AddMissingInverse, [], [Verify.Diagnostic(RuleIds.DownDoesNotUndoUp).WithLocation(0).WithLocation(1).WithArguments("restore column users.balance altered here: it restores type 'numeric(12,2)' instead of 'numeric(10,2)', precision none instead of 10 and scale none instead of 2")]).RunAsync();
    }

    /// <summary>DropTable, DropColumn, DropIndex, DropForeignKey: columns, types, defaults, identity, keys, indexes and foreign keys from the previous migration's Designer; the Npgsql using is added.</summary>
    [Fact]
    public async Task Drops_AreUndoneFromThePreviousModel_PostgreSql()
    {
        var fixedSource = """"
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

        namespace Sample.Migrations
        {    [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250117120000_Cleanup")]
            public partial class Cleanup : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropForeignKey(name: "FK_posts_users_user_id", table: "posts");

                    migrationBuilder.DropIndex(name: "IX_posts_user_id", table: "posts");

                    migrationBuilder.DropColumn(name: "created", table: "users");

                    migrationBuilder.DropColumn(name: "legacy", table: "users");

                    migrationBuilder.DropTable(name: "audit entries");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    // Re-create audit entries as the previous migration's model defines it; the rows Up deleted are not restored.
                    migrationBuilder.CreateTable(
                        name: "audit entries",
                        columns: table => new
                        {
                            id = table.Column<int>(type: "integer", nullable: false)
                                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                            at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                            @class = table.Column<string>(name: "class", type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: "info"),
                            user_id = table.Column<int>(type: "integer", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_audit entries", x => x.id);
                            table.ForeignKey(
                                name: "FK_audit entries_users_user_id",
                                column: x => x.user_id,
                                principalTable: "users",
                                principalColumn: "id",
                                onDelete: ReferentialAction.Cascade);
                        });

                    migrationBuilder.CreateIndex(
                        name: "ix_audit_at",
                        table: "audit entries",
                        column: "at");

                    migrationBuilder.CreateIndex(
                        name: "IX_audit entries_user_id_at",
                        table: "audit entries",
                        columns: new[] { "user_id", "at" },
                        unique: true,
                        filter: "class <> 'debug'");

                    migrationBuilder.AddColumn<string>(
                        name: "legacy",
                        table: "users",
                        type: "character varying(40)",
                        maxLength: 40,
                        nullable: true);

                    // Rows that exist when rolling back get the placeholder default, as EF Core scaffolds it: the values Up dropped are gone.
                    migrationBuilder.AddColumn<DateTime>(
                        name: "created",
                        table: "users",
                        type: "timestamp with time zone",
                        nullable: false,
                        defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

                    migrationBuilder.CreateIndex(
                        name: "IX_posts_user_id",
                        table: "posts",
                        column: "user_id");

                    migrationBuilder.AddForeignKey(
                        name: "FK_posts_users_user_id",
                        table: "posts",
                        column: "user_id",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                }
            }
        }

        namespace Sample
        {
            public class AppDbContext : DbContext
            {
            }
        }
        """";
        await NewTest(TestProvider.PostgreSql, FixerCases.Drops.Replace("public partial class Cleanup", "public partial class {|LL2001:Cleanup|}"), fixedSource, FixerKeys.LL2001_GenerateDown, [FixerCases.PreviousMigration, Sources.Designer(FixerCases.PreviousModel, "Initial")], []).RunAsync();
    }

    /// <summary>On SQLite a single integer key generated on add is AUTOINCREMENT, as EF Core scaffolds it.</summary>
    [Fact]
    public async Task Drops_AreUndoneFromThePreviousModel_Sqlite()
    {
        var fixedSource = """"
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {    [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250117120000_Cleanup")]
            public partial class Cleanup : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropForeignKey(name: "FK_posts_users_user_id", table: "posts");

                    migrationBuilder.DropIndex(name: "IX_posts_user_id", table: "posts");

                    migrationBuilder.DropColumn(name: "created", table: "users");

                    migrationBuilder.DropColumn(name: "legacy", table: "users");

                    migrationBuilder.DropTable(name: "audit entries");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    // Re-create audit entries as the previous migration's model defines it; the rows Up deleted are not restored.
                    migrationBuilder.CreateTable(
                        name: "audit entries",
                        columns: table => new
                        {
                            id = table.Column<int>(type: "integer", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                            @class = table.Column<string>(name: "class", type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: "info"),
                            user_id = table.Column<int>(type: "integer", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_audit entries", x => x.id);
                            table.ForeignKey(
                                name: "FK_audit entries_users_user_id",
                                column: x => x.user_id,
                                principalTable: "users",
                                principalColumn: "id",
                                onDelete: ReferentialAction.Cascade);
                        });

                    migrationBuilder.CreateIndex(
                        name: "ix_audit_at",
                        table: "audit entries",
                        column: "at");

                    migrationBuilder.CreateIndex(
                        name: "IX_audit entries_user_id_at",
                        table: "audit entries",
                        columns: new[] { "user_id", "at" },
                        unique: true,
                        filter: "class <> 'debug'");

                    migrationBuilder.AddColumn<string>(
                        name: "legacy",
                        table: "users",
                        type: "character varying(40)",
                        maxLength: 40,
                        nullable: true);

                    // Rows that exist when rolling back get the placeholder default, as EF Core scaffolds it: the values Up dropped are gone.
                    migrationBuilder.AddColumn<DateTime>(
                        name: "created",
                        table: "users",
                        type: "timestamp with time zone",
                        nullable: false,
                        defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

                    migrationBuilder.CreateIndex(
                        name: "IX_posts_user_id",
                        table: "posts",
                        column: "user_id");

                    migrationBuilder.AddForeignKey(
                        name: "FK_posts_users_user_id",
                        table: "posts",
                        column: "user_id",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                }
            }
        }

        namespace Sample
        {
            public class AppDbContext : DbContext
            {
            }
        }
        """";
        await NewTest(TestProvider.Sqlite, FixerCases.Drops.Replace("public partial class Cleanup", "public partial class {|LL2001:Cleanup|}"), fixedSource, FixerKeys.LL2001_GenerateDown, [FixerCases.PreviousMigration, Sources.Designer(FixerCases.PreviousModel.Replace("NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>(\"Id\"));", ""), "Initial")], []).RunAsync();
    }

    /// <summary>No previous migration in the project: every dropped object is a TODO saying what is missing; Down stays reported as empty, and the fix is not offered twice.</summary>
    [Fact]
    public async Task Drops_WithoutThePreviousModel_LeaveTodosThatCompile()
    {
        var fixedSource = """"
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {    [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250117120000_Cleanup")]
            public partial class Cleanup : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropForeignKey(name: "FK_posts_users_user_id", table: "posts");

                    migrationBuilder.DropIndex(name: "IX_posts_user_id", table: "posts");

                    migrationBuilder.DropColumn(name: "created", table: "users");

                    migrationBuilder.DropColumn(name: "legacy", table: "users");

                    migrationBuilder.DropTable(name: "audit entries");
                }

                protected override void {|LL2002:Down|}(MigrationBuilder migrationBuilder)
                {
                    // TODO: re-create table audit entries dropped in Up: its columns, keys and indexes are not in Up, and the previous migration's target model (its .Designer.cs) is not in this project.

                    // TODO: re-add column users.legacy dropped in Up: its type and nullability are not in Up, and the previous migration's target model (its .Designer.cs) is not in this project.
                    // migrationBuilder.AddColumn<TYPE>(name: "legacy", table: "users", type: "TYPE", nullable: true);

                    // TODO: re-add column users.created dropped in Up: its type and nullability are not in Up, and the previous migration's target model (its .Designer.cs) is not in this project.
                    // migrationBuilder.AddColumn<TYPE>(name: "created", table: "users", type: "TYPE", nullable: true);

                    // TODO: re-create index 'IX_posts_user_id' dropped in Up: its table and columns are not in Up, and the previous migration's target model (its .Designer.cs) is not in this project.

                    // TODO: re-add foreign key 'FK_posts_users_user_id' dropped in Up: its columns and principal are not in Up, and the previous migration's target model (its .Designer.cs) is not in this project.
                }
            }
        }

        namespace Sample
        {
            public class AppDbContext : DbContext
            {
            }
        }
        """";
        await NewTest(TestProvider.PostgreSql, FixerCases.Drops.Replace("public partial class Cleanup", "public partial class {|LL2001:Cleanup|}"), fixedSource, FixerKeys.LL2001_GenerateDown, [], []).RunAsync();
    }

    /// <summary>InsertData becomes DeleteData by the key of the migration's own model (or by every inserted column without one); DropSchema, keys, constraints, sequences and index renames are undone; DeleteData is a TODO.</summary>
    [Fact]
    public async Task SeedKeysSchemasSequences_AreUndone()
    {
        var fixedSource = """"
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {    [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250117120000_Misc")]
            public partial class Misc : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.InsertData(
                        table: "labels",
                        columns: new[] { "id", "label" },
                        values: new object[,]
                        {
                            { 1, "urgent" },
                            { 2, "it's late" }
                        });

                    migrationBuilder.InsertData(table: "flags", columns: new[] { "code", "on" }, values: new object[] { "beta", true });

                    migrationBuilder.{|LL2003:DeleteData|}(table: "labels", keyColumn: "id", keyValue: 9);

                    migrationBuilder.DropSchema(name: "legacy");

                    migrationBuilder.AddPrimaryKey(name: "PK_flags", table: "flags", column: "code");

                    migrationBuilder.AddUniqueConstraint(name: "AK_labels_label", table: "labels", column: "label");

                    migrationBuilder.AddCheckConstraint(name: "CK_labels_label", table: "labels", sql: "length(label) > 0");

                    migrationBuilder.CreateSequence<int>(name: "order_numbers", schema: "shop", startValue: 1000L);

                    migrationBuilder.RenameIndex(name: "IX_a", newName: "IX_b", table: "labels");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameIndex(
                        name: "IX_b",
                        table: "labels",
                        newName: "IX_a");

                    migrationBuilder.DropSequence(
                        name: "order_numbers",
                        schema: "shop");

                    migrationBuilder.DropCheckConstraint(
                        name: "CK_labels_label",
                        table: "labels");

                    migrationBuilder.DropUniqueConstraint(
                        name: "AK_labels_label",
                        table: "labels");

                    migrationBuilder.DropPrimaryKey(
                        name: "PK_flags",
                        table: "flags");

                    migrationBuilder.EnsureSchema(
                        name: "legacy");

                    // TODO: re-insert the rows Up deletes from table labels: their values are not in Up.

                    migrationBuilder.DeleteData(
                        table: "flags",
                        keyColumns: new[] { "code", "on" },
                        keyValues: new object[] { "beta", true });

                    migrationBuilder.DeleteData(
                        table: "labels",
                        keyColumn: "id",
                        keyValue: 1);

                    migrationBuilder.DeleteData(
                        table: "labels",
                        keyColumn: "id",
                        keyValue: 2);
                }
            }
        }

        namespace Sample
        {
            public class AppDbContext : DbContext
            {
            }
        }
        """";
        await NewTest(TestProvider.PostgreSql, FixerCases.Misc.Replace("public partial class Misc", "public partial class {|LL2001:Misc|}"), fixedSource, FixerKeys.LL2001_GenerateDown, [Sources.Designer(FixerCases.LabelsModel, "Misc")], []).RunAsync();
    }

    /// <summary>LL2003 on a DropTable whose CreateTable lacks columns, a key and an index: the CreateTable is rewritten from the previous model, the index Down already has is not written twice.</summary>
    [Fact]
    public async Task TableRecreatedIncompletely_IsRecreatedFromThePreviousModel()
    {
        var fixedSource = """"
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

        namespace Sample.Migrations
        {    [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250117120000_Cleanup")]
            public partial class Cleanup : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "audit entries");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    // Re-create audit entries as the previous migration's model defines it; the rows Up deleted are not restored.
                    migrationBuilder.CreateTable(
                        name: "audit entries",
                        columns: table => new
                        {
                            id = table.Column<int>(type: "integer", nullable: false)
                                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                            at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                            @class = table.Column<string>(name: "class", type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: "info"),
                            user_id = table.Column<int>(type: "integer", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_audit entries", x => x.id);
                            table.ForeignKey(
                                name: "FK_audit entries_users_user_id",
                                column: x => x.user_id,
                                principalTable: "users",
                                principalColumn: "id",
                                onDelete: ReferentialAction.Cascade);
                        });

                    migrationBuilder.CreateIndex(
                        name: "IX_audit entries_user_id_at",
                        table: "audit entries",
                        columns: new[] { "user_id", "at" },
                        unique: true,
                        filter: "class <> 'debug'");

                    migrationBuilder.CreateIndex(name: "ix_audit_at", table: "audit entries", column: "at");
                }
            }
        }

        namespace Sample
        {
            public class AppDbContext : DbContext
            {
            }
        }
        """";
        await NewTest(TestProvider.PostgreSql, FixerCases.Recreate.Replace("migrationBuilder.DropTable(", "migrationBuilder.{|#0:DropTable|}(").Replace("migrationBuilder.CreateTable(", "migrationBuilder.{|#1:CreateTable|}("), fixedSource, FixerKeys.LL2003_AddMissingInverse, [FixerCases.PreviousMigration, Sources.Designer(FixerCases.PreviousModel, "Initial")], [Verify.Diagnostic(RuleIds.DownDoesNotUndoUp).WithLocation(0).WithLocation(1).WithArguments("re-create columns 'at', 'class' and 'user_id', index 'IX_audit entries_user_id_at', foreign key 'FK_audit entries_users_user_id' of table audit entries dropped here")]).RunAsync();
    }

    private static string UpOnly(string className, string id, string up, string down = "") => $$"""
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {
            [DbContext(typeof(Sample.AppDbContext))]
            [Migration("{{id}}")]
            public class {{className}} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {{up}}
                }{{down}}
            }
        }
        """;

    [Fact]
    public async Task FixAll_WritesEveryMissingDownOfTheSolution()
    {
        var first = UpOnly("{|LL2001:AddNickname|}", "20250101000000_AddNickname", "migrationBuilder.AddColumn<string>(name: \"nickname\", table: \"users\", nullable: true);");
        var second = UpOnly("{|LL2001:IndexEmail|}", "20250102000000_IndexEmail", "migrationBuilder.CreateIndex(name: \"IX_users_email\", table: \"users\", column: \"email\");");
        var test = new Verify.Test(TestProvider.PostgreSql) { CodeActionEquivalenceKey = FixerKeys.LL2001_GenerateDown };
        test.DisabledDiagnostics.Clear();
        test.DisabledDiagnostics.AddRange(ReversibilityAnalyzerTests.OtherRules);
        test.TestState.Sources.Add(first);
        test.TestState.Sources.Add(second);
        test.TestState.Sources.Add("namespace Sample { public class AppDbContext : Microsoft.EntityFrameworkCore.DbContext { } }");
        test.FixedState.Sources.Add(UpOnly("AddNickname", "20250101000000_AddNickname", "migrationBuilder.AddColumn<string>(name: \"nickname\", table: \"users\", nullable: true);", """


                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropColumn(
                            name: "nickname",
                            table: "users");
                    }
            """.TrimEnd()));
        test.FixedState.Sources.Add(UpOnly("IndexEmail", "20250102000000_IndexEmail", "migrationBuilder.CreateIndex(name: \"IX_users_email\", table: \"users\", column: \"email\");", """


                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropIndex(
                            name: "IX_users_email",
                            table: "users");
                    }
            """.TrimEnd()));
        test.FixedState.Sources.Add("namespace Sample { public class AppDbContext : Microsoft.EntityFrameworkCore.DbContext { } }");
        await test.RunAsync();
    }
}
