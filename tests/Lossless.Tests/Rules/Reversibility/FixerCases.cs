namespace Lossless.Tests.Rules.Reversibility;

/// <summary>Migrations the fixer tests start from.</summary>
internal static class FixerCases
{
    private const string Head = """
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {
        """;

    private const string Tail = """

        }

        namespace Sample
        {
            public class AppDbContext : DbContext
            {
            }
        }
        """;

    public const string MissingDown = Head + """
            [DbContext(typeof(Sample.AppDbContext))]
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
            }
        """ + Tail;

    public const string EmptyDown = Head + """
            [DbContext(typeof(Sample.AppDbContext))]
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
                }
            }
        """ + Tail;

    public const string ThrowingDown = Head + """
            [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250117120000_Profiles")]
            public partial class Profiles : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "nickname", table: "users", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    throw new NotSupportedException("No way back.");
                }
            }
        """ + Tail;

    public const string ArrowDown = Head + """
            [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250117120000_Profiles")]
            public partial class Profiles : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "nickname", table: "users", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder) => throw new NotSupportedException();
            }
        """ + Tail;

    public const string MissingInverse = Head + """
            [DbContext(typeof(Sample.AppDbContext))]
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

                    migrationBuilder.DropTable(name: "labels");
                }
            }
        """ + Tail;

    public const string WrongAlter = Head + """
            [DbContext(typeof(Sample.AppDbContext))]
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
                    migrationBuilder.AlterColumn<decimal>(name: "balance", table: "users", type: "numeric(12,2)", nullable: false); // restores nothing
                }
            }
        """ + Tail;

    public const string Drops = Head + """
            [DbContext(typeof(Sample.AppDbContext))]
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
            }
        """ + Tail;

    public const string PreviousMigration = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {
            [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250101000000_Initial")]
            public partial class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }
            }
        }
        """;

    public const string PreviousModel = """
        modelBuilder.Entity("Sample.AuditEntry", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd()
                    .HasColumnType("integer")
                    .HasColumnName("id");

                NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));

                b.Property<DateTime>("At")
                    .HasColumnType("timestamp with time zone")
                    .HasColumnName("at");

                b.Property<string>("Kind")
                    .IsRequired()
                    .ValueGeneratedOnAdd()
                    .HasMaxLength(20)
                    .HasColumnType("character varying(20)")
                    .HasDefaultValue("info")
                    .HasColumnName("class");

                b.Property<int>("UserId")
                    .HasColumnType("integer")
                    .HasColumnName("user_id");

                b.HasKey("Id");

                b.HasIndex("At")
                    .HasDatabaseName("ix_audit_at");

                b.HasIndex("UserId", "At")
                    .IsUnique()
                    .HasFilter("class <> 'debug'");

                b.ToTable("audit entries");
            });

        modelBuilder.Entity("Sample.Post", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd()
                    .HasColumnType("integer")
                    .HasColumnName("id");

                b.Property<int>("UserId")
                    .HasColumnType("integer")
                    .HasColumnName("user_id");

                b.HasKey("Id");

                b.HasIndex("UserId");

                b.ToTable("posts");
            });

        modelBuilder.Entity("Sample.User", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd()
                    .HasColumnType("integer")
                    .HasColumnName("id");

                b.Property<DateTime>("Created")
                    .HasColumnType("timestamp with time zone")
                    .HasColumnName("created");

                b.Property<string>("Legacy")
                    .HasMaxLength(40)
                    .HasColumnType("character varying(40)")
                    .HasColumnName("legacy");

                b.HasKey("Id");

                b.ToTable("users");
            });

        modelBuilder.Entity("Sample.AuditEntry", b =>
            {
                b.HasOne("Sample.User", null)
                    .WithMany()
                    .HasForeignKey("UserId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();
            });

        modelBuilder.Entity("Sample.Post", b =>
            {
                b.HasOne("Sample.User", null)
                    .WithMany()
                    .HasForeignKey("UserId")
                    .OnDelete(DeleteBehavior.SetNull);
            });
        """;

    public const string Misc = Head + """
            [DbContext(typeof(Sample.AppDbContext))]
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

                    migrationBuilder.DeleteData(table: "labels", keyColumn: "id", keyValue: 9);

                    migrationBuilder.DropSchema(name: "legacy");

                    migrationBuilder.AddPrimaryKey(name: "PK_flags", table: "flags", column: "code");

                    migrationBuilder.AddUniqueConstraint(name: "AK_labels_label", table: "labels", column: "label");

                    migrationBuilder.AddCheckConstraint(name: "CK_labels_label", table: "labels", sql: "length(label) > 0");

                    migrationBuilder.CreateSequence<int>(name: "order_numbers", schema: "shop", startValue: 1000L);

                    migrationBuilder.RenameIndex(name: "IX_a", newName: "IX_b", table: "labels");
                }
            }
        """ + Tail;

    public const string LabelsModel = """
        modelBuilder.Entity("Sample.Label", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd()
                    .HasColumnType("integer")
                    .HasColumnName("id");

                b.Property<string>("Text")
                    .IsRequired()
                    .HasColumnType("text")
                    .HasColumnName("label");

                b.HasKey("Id");

                b.ToTable("labels");
            });
        """;

    public const string Recreate = Head + """
            [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250117120000_Cleanup")]
            public partial class Cleanup : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "audit entries");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "audit entries",
                        columns: table => new
                        {
                            id = table.Column<int>(type: "integer", nullable: false),
                        },
                        constraints: table => table.PrimaryKey("PK_audit entries", x => x.id));

                    migrationBuilder.CreateIndex(name: "ix_audit_at", table: "audit entries", column: "at");
                }
            }
        """ + Tail;
}
