using Lossless.Tests.Verifiers;

namespace Lossless.Tests.Robustness;

/// <summary>
/// Migrations folders as EF Core 6, 7, 8 and 9 scaffolded them (written here in their shapes: EF Core 6 without
/// inheritdoc comments and with SQL Server identity seeds, 7 with SQLite autoincrement, 8 with PostgreSQL primitive
/// collections and complex properties in the model, 9 with seed data and database extensions), each an initial
/// migration, a second migration that changes a column, their Designer files and the model snapshot, compiled against
/// EF Core 10 as an upgraded project is. The initial schema is silent; the change is reported as its rule says.
/// </summary>
public class ScaffoldedShapesTests
{
    public static TheoryData<string> Versions() => new(Folders.Keys.Order(StringComparer.Ordinal));

    private static readonly Dictionary<string, (TestProvider Provider, string[] Sources, string Expected)> Folders = new(StringComparer.Ordinal)
    {
        ["EF Core 6, SQL Server"] = (TestProvider.SqlServer, EFCore6SqlServer(), "LL1001"),
        ["EF Core 7, SQLite"] = (TestProvider.Sqlite, EFCore7Sqlite(), "LL1002"),
        ["EF Core 8, PostgreSQL"] = (TestProvider.PostgreSql, EFCore8PostgreSql(), "LL1001"),
        // A key widened with every column that references it (int to bigint, the foreign key dropped and re-added):
        // every value is kept and the keys still match, so no data-loss diagnostic (RULES.md, LL1003); each AlterColumn
        // rewrites its table (LL3002, info), and the re-added foreign key on a rewritten table is no LL3004.
        ["EF Core 9, PostgreSQL"] = (TestProvider.PostgreSql, EFCore9PostgreSql(), "LL3002 LL3002"),
    };

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ScaffoldedFolder_AnalysesWithoutException_AndReportsOnlyTheChange(string version)
    {
        var (provider, sources, expected) = Folders[version];
        var analysis = await RobustnessHarness.AnalyzeAsync(provider, sources);

        Assert.Empty(analysis.Exceptions);
        Assert.Empty(analysis.CompilerErrors);
        Assert.Equal(expected, analysis.Ids);

        // Every diagnostic is on the second migration: EF's scaffolding of the initial schema is silent.
        Assert.All(analysis.Diagnostics, d => Assert.Equal("/0/Test3.cs", d.Location.SourceTree!.FilePath));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ScaffoldedFolder_EveryOfferedFix_AppliesAndCompiles(string version)
    {
        var (provider, sources, _) = Folders[version];
        var (_, failures) = await RobustnessHarness.FixAllOfferedAsync(provider, sources);
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ScaffoldedFolder_EveryPrefixOfTheChange_AnalysesWithoutException(string version)
    {
        var (provider, sources, _) = Folders[version];
        var failures = await Prefixes.AnalyseEveryPrefixAsync(provider, sources, index: 3, fixEvery: 25);
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(3)));
    }

    internal static (TestProvider Provider, string[] Sources) Folder(string version) => (Folders[version].Provider, Folders[version].Sources);

    // Sources: [0] context and entities, [1] initial migration, [2] its Designer, [3] second migration, [4] its Designer, [5] snapshot.

    private static string[] EFCore6SqlServer()
    {
        const string context = """
            using System;
            using System.Collections.Generic;
            using Microsoft.EntityFrameworkCore;

            namespace Shop
            {
                public class ShopContext : DbContext
                {
                    public ShopContext(DbContextOptions<ShopContext> options) : base(options) { }

                    public DbSet<Customer> Customers => Set<Customer>();

                    public DbSet<Order> Orders => Set<Order>();
                }

                public class Customer
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public string? Email { get; set; }
                    public List<Order> Orders { get; } = new();
                }

                public class Order
                {
                    public int Id { get; set; }
                    public int CustomerId { get; set; }
                    public Customer Customer { get; set; } = null!;
                    public decimal Total { get; set; }
                    public DateTime PlacedAt { get; set; }
                }
            }
            """;
        const string initial = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            namespace Shop.Migrations
            {
                public partial class InitialCreate : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.CreateTable(
                            name: "Customers",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "int", nullable: false)
                                    .Annotation("SqlServer:Identity", "1, 1"),
                                Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                                Email = table.Column<string>(type: "nvarchar(max)", nullable: true)
                            },
                            constraints: table =>
                            {
                                table.PrimaryKey("PK_Customers", x => x.Id);
                            });

                        migrationBuilder.CreateTable(
                            name: "Orders",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "int", nullable: false)
                                    .Annotation("SqlServer:Identity", "1, 1"),
                                CustomerId = table.Column<int>(type: "int", nullable: false),
                                Total = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                                PlacedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                            },
                            constraints: table =>
                            {
                                table.PrimaryKey("PK_Orders", x => x.Id);
                                table.ForeignKey(
                                    name: "FK_Orders_Customers_CustomerId",
                                    column: x => x.CustomerId,
                                    principalTable: "Customers",
                                    principalColumn: "Id",
                                    onDelete: ReferentialAction.Cascade);
                            });

                        migrationBuilder.CreateIndex(
                            name: "IX_Orders_CustomerId",
                            table: "Orders",
                            column: "CustomerId");
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropTable(
                            name: "Orders");

                        migrationBuilder.DropTable(
                            name: "Customers");
                    }
                }
            }
            """;
        const string change = """
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            namespace Shop.Migrations
            {
                public partial class RoundTotals : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AlterColumn<decimal>(
                            name: "Total",
                            table: "Orders",
                            type: "decimal(18,0)",
                            precision: 18,
                            scale: 0,
                            nullable: false,
                            oldClrType: typeof(decimal),
                            oldType: "decimal(18,2)",
                            oldPrecision: 18,
                            oldScale: 2);
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AlterColumn<decimal>(
                            name: "Total",
                            table: "Orders",
                            type: "decimal(18,2)",
                            precision: 18,
                            scale: 2,
                            nullable: false,
                            oldClrType: typeof(decimal),
                            oldType: "decimal(18,0)",
                            oldPrecision: 18,
                            oldScale: 0);
                    }
                }
            }
            """;
        return [context, initial, Model6("InitialCreate", "20220301120000_InitialCreate", 2), change, Model6("RoundTotals", "20220412093000_RoundTotals", 0), Model6(null, null, 0)];

        static string Model6(string? name, string? id, int scale)
            => $$"""
            // <auto-generated />
            using System;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Metadata;
            using Microsoft.EntityFrameworkCore.Migrations;
            using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
            using Shop;

            #nullable disable

            namespace Shop.Migrations
            {
                [DbContext(typeof(ShopContext))]
            {{(name is null ? "    partial class ShopContextModelSnapshot : ModelSnapshot" : $"    [Migration(\"{id}\")]\n    partial class {name}")}}
                {
                    protected override void {{(name is null ? "BuildModel" : "BuildTargetModel")}}(ModelBuilder modelBuilder)
                    {
            #pragma warning disable 612, 618
                        modelBuilder
                            .HasAnnotation("ProductVersion", "6.0.3")
                            .HasAnnotation("Relational:MaxIdentifierLength", 128);

                        SqlServerModelBuilderExtensions.UseIdentityColumns(modelBuilder, 1L, 1);

                        modelBuilder.Entity("Shop.Customer", b =>
                            {
                                b.Property<int>("Id")
                                    .ValueGeneratedOnAdd()
                                    .HasColumnType("int");

                                SqlServerPropertyBuilderExtensions.UseIdentityColumn(b.Property<int>("Id"), 1L, 1);

                                b.Property<string>("Email")
                                    .HasColumnType("nvarchar(max)");

                                b.Property<string>("Name")
                                    .IsRequired()
                                    .HasMaxLength(200)
                                    .HasColumnType("nvarchar(200)");

                                b.HasKey("Id");

                                b.ToTable("Customers");
                            });

                        modelBuilder.Entity("Shop.Order", b =>
                            {
                                b.Property<int>("Id")
                                    .ValueGeneratedOnAdd()
                                    .HasColumnType("int");

                                SqlServerPropertyBuilderExtensions.UseIdentityColumn(b.Property<int>("Id"), 1L, 1);

                                b.Property<int>("CustomerId")
                                    .HasColumnType("int");

                                b.Property<DateTime>("PlacedAt")
                                    .HasColumnType("datetime2");

                                b.Property<decimal>("Total")
                                    .HasPrecision(18, {{scale}})
                                    .HasColumnType("decimal(18,{{scale}})");

                                b.HasKey("Id");

                                b.HasIndex("CustomerId");

                                b.ToTable("Orders");
                            });

                        modelBuilder.Entity("Shop.Order", b =>
                            {
                                b.HasOne("Shop.Customer", "Customer")
                                    .WithMany("Orders")
                                    .HasForeignKey("CustomerId")
                                    .OnDelete(DeleteBehavior.Cascade)
                                    .IsRequired();

                                b.Navigation("Customer");
                            });

                        modelBuilder.Entity("Shop.Customer", b =>
                            {
                                b.Navigation("Orders");
                            });
            #pragma warning restore 612, 618
                    }
                }
            }
            """;
    }

    private static string[] EFCore7Sqlite()
    {
        const string context = """
            using Microsoft.EntityFrameworkCore;

            namespace Inventory
            {
                public class InventoryContext : DbContext
                {
                    public InventoryContext(DbContextOptions<InventoryContext> options) : base(options) { }

                    public DbSet<Item> Items => Set<Item>();
                }

                public class Item
                {
                    public int Id { get; set; }
                    public string Sku { get; set; } = "";
                    public int Quantity { get; set; }
                    public decimal Price { get; set; }
                }
            }
            """;
        const string initial = """
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            namespace Inventory.Migrations
            {
                /// <inheritdoc />
                public partial class InitialCreate : Migration
                {
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.CreateTable(
                            name: "Items",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "INTEGER", nullable: false)
                                    .Annotation("Sqlite:Autoincrement", true),
                                Sku = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                                Quantity = table.Column<string>(type: "TEXT", nullable: false),
                                Price = table.Column<decimal>(type: "TEXT", nullable: false)
                            },
                            constraints: table =>
                            {
                                table.PrimaryKey("PK_Items", x => x.Id);
                            });

                        migrationBuilder.CreateIndex(
                            name: "IX_Items_Sku",
                            table: "Items",
                            column: "Sku",
                            unique: true);
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropTable(
                            name: "Items");
                    }
                }
            }
            """;
        const string change = """
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            namespace Inventory.Migrations
            {
                /// <inheritdoc />
                public partial class QuantityAsNumber : Migration
                {
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AlterColumn<int>(
                            name: "Quantity",
                            table: "Items",
                            type: "INTEGER",
                            nullable: false,
                            oldClrType: typeof(string),
                            oldType: "TEXT");
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AlterColumn<string>(
                            name: "Quantity",
                            table: "Items",
                            type: "TEXT",
                            nullable: false,
                            oldClrType: typeof(int),
                            oldType: "INTEGER");
                    }
                }
            }
            """;
        return [context, initial, Model7("InitialCreate", "20230115101500_InitialCreate", "string", "TEXT"), change, Model7("QuantityAsNumber", "20230220164500_QuantityAsNumber", "int", "INTEGER"), Model7(null, null, "int", "INTEGER")];

        static string Model7(string? name, string? id, string quantityClr, string quantityType)
            => $$"""
            // <auto-generated />
            using Inventory;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;
            using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

            #nullable disable

            namespace Inventory.Migrations
            {
                [DbContext(typeof(InventoryContext))]
            {{(name is null ? "    partial class InventoryContextModelSnapshot : ModelSnapshot" : $"    [Migration(\"{id}\")]\n    partial class {name}")}}
                {
            {{(name is null ? "        protected override void BuildModel(ModelBuilder modelBuilder)" : "        /// <inheritdoc />\n        protected override void BuildTargetModel(ModelBuilder modelBuilder)")}}
                    {
            #pragma warning disable 612, 618
                        modelBuilder.HasAnnotation("ProductVersion", "7.0.5");

                        modelBuilder.Entity("Inventory.Item", b =>
                            {
                                b.Property<int>("Id")
                                    .ValueGeneratedOnAdd()
                                    .HasColumnType("INTEGER");

                                b.Property<decimal>("Price")
                                    .HasColumnType("TEXT");

                                b.Property<{{quantityClr}}>("Quantity")
                                    .IsRequired()
                                    .HasColumnType("{{quantityType}}");

                                b.Property<string>("Sku")
                                    .IsRequired()
                                    .HasMaxLength(32)
                                    .HasColumnType("TEXT");

                                b.HasKey("Id");

                                b.HasIndex("Sku")
                                    .IsUnique();

                                b.ToTable("Items");
                            });
            #pragma warning restore 612, 618
                    }
                }
            }
            """;
    }

    private static string[] EFCore8PostgreSql()
    {
        const string context = """
            using System;
            using System.Collections.Generic;
            using Microsoft.EntityFrameworkCore;

            namespace Blog
            {
                public class BlogContext : DbContext
                {
                    public BlogContext(DbContextOptions<BlogContext> options) : base(options) { }

                    public DbSet<Post> Posts => Set<Post>();
                }

                public class Post
                {
                    public int Id { get; set; }
                    public string Title { get; set; } = "";
                    public List<string> Tags { get; set; } = new();
                    public decimal Rating { get; set; }
                    public Address Author { get; set; } = new();
                }

                public class Address
                {
                    public string City { get; set; } = "";
                }
            }
            """;
        const string initial = """
            using System.Collections.Generic;
            using Microsoft.EntityFrameworkCore.Migrations;
            using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

            #nullable disable

            namespace Blog.Migrations
            {
                /// <inheritdoc />
                public partial class InitialCreate : Migration
                {
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.CreateTable(
                            name: "posts",
                            columns: table => new
                            {
                                id = table.Column<int>(type: "integer", nullable: false)
                                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                                title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                                tags = table.Column<List<string>>(type: "text[]", nullable: false),
                                rating = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: false),
                                author_city = table.Column<string>(type: "text", nullable: false)
                            },
                            constraints: table =>
                            {
                                table.PrimaryKey("pk_posts", x => x.id);
                            });
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropTable(
                            name: "posts");
                    }
                }
            }
            """;
        const string change = """
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            namespace Blog.Migrations
            {
                /// <inheritdoc />
                public partial class WholeRatingsLongerTitles : Migration
                {
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AlterColumn<string>(
                            name: "title",
                            table: "posts",
                            type: "character varying(400)",
                            maxLength: 400,
                            nullable: false,
                            oldClrType: typeof(string),
                            oldType: "character varying(200)",
                            oldMaxLength: 200);

                        migrationBuilder.AlterColumn<decimal>(
                            name: "rating",
                            table: "posts",
                            type: "numeric(4,0)",
                            precision: 4,
                            scale: 0,
                            nullable: false,
                            oldClrType: typeof(decimal),
                            oldType: "numeric(4,2)",
                            oldPrecision: 4,
                            oldScale: 2);
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AlterColumn<string>(
                            name: "title",
                            table: "posts",
                            type: "character varying(200)",
                            maxLength: 200,
                            nullable: false,
                            oldClrType: typeof(string),
                            oldType: "character varying(400)",
                            oldMaxLength: 400);

                        migrationBuilder.AlterColumn<decimal>(
                            name: "rating",
                            table: "posts",
                            type: "numeric(4,2)",
                            precision: 4,
                            scale: 2,
                            nullable: false,
                            oldClrType: typeof(decimal),
                            oldType: "numeric(4,0)",
                            oldPrecision: 4,
                            oldScale: 0);
                    }
                }
            }
            """;
        return [context, initial, Model8("InitialCreate", "20240110080000_InitialCreate", 200, 2), change, Model8("WholeRatingsLongerTitles", "20240305111500_WholeRatingsLongerTitles", 400, 0), Model8(null, null, 400, 0)];

        static string Model8(string? name, string? id, int titleLength, int ratingScale)
            => $$"""
            // <auto-generated />
            using System.Collections.Generic;
            using Blog;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;
            using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
            using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

            #nullable disable

            namespace Blog.Migrations
            {
                [DbContext(typeof(BlogContext))]
            {{(name is null ? "    partial class BlogContextModelSnapshot : ModelSnapshot" : $"    [Migration(\"{id}\")]\n    partial class {name}")}}
                {
            {{(name is null ? "        protected override void BuildModel(ModelBuilder modelBuilder)" : "        /// <inheritdoc />\n        protected override void BuildTargetModel(ModelBuilder modelBuilder)")}}
                    {
            #pragma warning disable 612, 618
                        modelBuilder
                            .HasAnnotation("ProductVersion", "8.0.2")
                            .HasAnnotation("Relational:MaxIdentifierLength", 63);

                        NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);

                        modelBuilder.Entity("Blog.Post", b =>
                            {
                                b.Property<int>("Id")
                                    .ValueGeneratedOnAdd()
                                    .HasColumnType("integer")
                                    .HasColumnName("id");

                                NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));

                                b.Property<decimal>("Rating")
                                    .HasPrecision(4, {{ratingScale}})
                                    .HasColumnType("numeric(4,{{ratingScale}})")
                                    .HasColumnName("rating");

                                b.PrimitiveCollection<List<string>>("Tags")
                                    .IsRequired()
                                    .HasColumnType("text[]")
                                    .HasColumnName("tags");

                                b.Property<string>("Title")
                                    .IsRequired()
                                    .HasMaxLength({{titleLength}})
                                    .HasColumnType("character varying({{titleLength}})")
                                    .HasColumnName("title");

                                b.ComplexProperty<Dictionary<string, object>>("Author", "Blog.Post.Author#Address", b1 =>
                                    {
                                        b1.IsRequired();

                                        b1.Property<string>("City")
                                            .IsRequired()
                                            .HasColumnType("text")
                                            .HasColumnName("author_city");
                                    });

                                b.HasKey("Id")
                                    .HasName("pk_posts");

                                b.ToTable("posts");
                            });
            #pragma warning restore 612, 618
                    }
                }
            }
            """;
    }

    private static string[] EFCore9PostgreSql()
    {
        const string context = """
            using System.Collections.Generic;
            using Microsoft.EntityFrameworkCore;

            namespace Crm
            {
                public class CrmContext : DbContext
                {
                    public CrmContext(DbContextOptions<CrmContext> options) : base(options) { }

                    public DbSet<Company> Companies => Set<Company>();

                    public DbSet<Contact> Contacts => Set<Contact>();
                }

                public class Company
                {
                    public long Id { get; set; }
                    public string Name { get; set; } = "";
                    public List<Contact> Contacts { get; } = new();
                }

                public class Contact
                {
                    public int Id { get; set; }
                    public long CompanyId { get; set; }
                    public Company Company { get; set; } = null!;
                    public string Email { get; set; } = "";
                }
            }
            """;
        const string initial = """
            using Microsoft.EntityFrameworkCore.Migrations;
            using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

            #nullable disable

            #pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

            namespace Crm.Migrations
            {
                /// <inheritdoc />
                public partial class InitialCreate : Migration
                {
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AlterDatabase()
                            .Annotation("Npgsql:PostgresExtension:citext", ",,");

                        migrationBuilder.CreateTable(
                            name: "Companies",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "integer", nullable: false)
                                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                                Name = table.Column<string>(type: "citext", nullable: false)
                            },
                            constraints: table =>
                            {
                                table.PrimaryKey("PK_Companies", x => x.Id);
                            });

                        migrationBuilder.CreateTable(
                            name: "Contacts",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "integer", nullable: false)
                                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                                CompanyId = table.Column<int>(type: "integer", nullable: false),
                                Email = table.Column<string>(type: "text", nullable: false)
                            },
                            constraints: table =>
                            {
                                table.PrimaryKey("PK_Contacts", x => x.Id);
                                table.ForeignKey(
                                    name: "FK_Contacts_Companies_CompanyId",
                                    column: x => x.CompanyId,
                                    principalTable: "Companies",
                                    principalColumn: "Id",
                                    onDelete: ReferentialAction.Cascade);
                            });

                        migrationBuilder.InsertData(
                            table: "Companies",
                            columns: new[] { "Id", "Name" },
                            values: new object[,]
                            {
                                { 1, "Contoso" },
                                { 2, "Fabrikam" }
                            });

                        migrationBuilder.CreateIndex(
                            name: "IX_Contacts_CompanyId",
                            table: "Contacts",
                            column: "CompanyId");
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropTable(
                            name: "Contacts");

                        migrationBuilder.DropTable(
                            name: "Companies");
                    }
                }
            }
            """;
        const string change = """
            using Microsoft.EntityFrameworkCore.Migrations;
            using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

            #nullable disable

            namespace Crm.Migrations
            {
                /// <inheritdoc />
                public partial class CompanyIdsAsBigint : Migration
                {
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropForeignKey(
                            name: "FK_Contacts_Companies_CompanyId",
                            table: "Contacts");

                        migrationBuilder.AlterColumn<long>(
                            name: "CompanyId",
                            table: "Contacts",
                            type: "bigint",
                            nullable: false,
                            oldClrType: typeof(int),
                            oldType: "integer");

                        migrationBuilder.AlterColumn<long>(
                            name: "Id",
                            table: "Companies",
                            type: "bigint",
                            nullable: false,
                            oldClrType: typeof(int),
                            oldType: "integer")
                            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                            .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

                        migrationBuilder.AddForeignKey(
                            name: "FK_Contacts_Companies_CompanyId",
                            table: "Contacts",
                            column: "CompanyId",
                            principalTable: "Companies",
                            principalColumn: "Id",
                            onDelete: ReferentialAction.Cascade);
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropForeignKey(
                            name: "FK_Contacts_Companies_CompanyId",
                            table: "Contacts");

                        migrationBuilder.AlterColumn<int>(
                            name: "CompanyId",
                            table: "Contacts",
                            type: "integer",
                            nullable: false,
                            oldClrType: typeof(long),
                            oldType: "bigint");

                        migrationBuilder.AlterColumn<int>(
                            name: "Id",
                            table: "Companies",
                            type: "integer",
                            nullable: false,
                            oldClrType: typeof(long),
                            oldType: "bigint")
                            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                            .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

                        migrationBuilder.AddForeignKey(
                            name: "FK_Contacts_Companies_CompanyId",
                            table: "Contacts",
                            column: "CompanyId",
                            principalTable: "Companies",
                            principalColumn: "Id",
                            onDelete: ReferentialAction.Cascade);
                    }
                }
            }
            """;
        return [context, initial, Model9("InitialCreate", "20250106090000_InitialCreate", "int", "integer"), change, Model9("CompanyIdsAsBigint", "20250210143000_CompanyIdsAsBigint", "long", "bigint"), Model9(null, null, "long", "bigint")];

        static string Model9(string? name, string? id, string keyClr, string keyType)
            => $$"""
            // <auto-generated />
            using Crm;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;
            using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
            using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

            #nullable disable

            namespace Crm.Migrations
            {
                [DbContext(typeof(CrmContext))]
            {{(name is null ? "    partial class CrmContextModelSnapshot : ModelSnapshot" : $"    [Migration(\"{id}\")]\n    partial class {name}")}}
                {
            {{(name is null ? "        protected override void BuildModel(ModelBuilder modelBuilder)" : "        /// <inheritdoc />\n        protected override void BuildTargetModel(ModelBuilder modelBuilder)")}}
                    {
            #pragma warning disable 612, 618
                        modelBuilder
                            .HasAnnotation("ProductVersion", "9.0.1")
                            .HasAnnotation("Relational:MaxIdentifierLength", 63);

                        NpgsqlModelBuilderExtensions.HasPostgresExtension(modelBuilder, "citext");
                        NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);

                        modelBuilder.Entity("Crm.Company", b =>
                            {
                                b.Property<{{keyClr}}>("Id")
                                    .ValueGeneratedOnAdd()
                                    .HasColumnType("{{keyType}}");

                                NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<{{keyClr}}>("Id"));

                                b.Property<string>("Name")
                                    .IsRequired()
                                    .HasColumnType("citext");

                                b.HasKey("Id");

                                b.ToTable("Companies");

                                b.HasData(
                                    new
                                    {
                                        Id = 1{{(keyClr == "long" ? "L" : string.Empty)}},
                                        Name = "Contoso"
                                    },
                                    new
                                    {
                                        Id = 2{{(keyClr == "long" ? "L" : string.Empty)}},
                                        Name = "Fabrikam"
                                    });
                            });

                        modelBuilder.Entity("Crm.Contact", b =>
                            {
                                b.Property<int>("Id")
                                    .ValueGeneratedOnAdd()
                                    .HasColumnType("integer");

                                NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));

                                b.Property<{{keyClr}}>("CompanyId")
                                    .HasColumnType("{{keyType}}");

                                b.Property<string>("Email")
                                    .IsRequired()
                                    .HasColumnType("text");

                                b.HasKey("Id");

                                b.HasIndex("CompanyId");

                                b.ToTable("Contacts");
                            });

                        modelBuilder.Entity("Crm.Contact", b =>
                            {
                                b.HasOne("Crm.Company", "Company")
                                    .WithMany("Contacts")
                                    .HasForeignKey("CompanyId")
                                    .OnDelete(DeleteBehavior.Cascade)
                                    .IsRequired();

                                b.Navigation("Company");
                            });

                        modelBuilder.Entity("Crm.Company", b =>
                            {
                                b.Navigation("Contacts");
                            });
            #pragma warning restore 612, 618
                    }
                }
            }
            """;
    }
}
