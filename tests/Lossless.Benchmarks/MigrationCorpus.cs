using System.Globalization;
using System.Text;

namespace Lossless.Benchmarks;

/// <summary>
/// The migrations folder of a long-lived project, written as EF Core 10 with Npgsql scaffolds it: a DbContext, its
/// entities, a model snapshot, and <see cref="Count"/> migrations, each a migration file and a .Designer.cs holding
/// the whole target model. Migrations mix CreateTable (5–30 columns, primary key, foreign key, index), AddColumn,
/// widening AlterColumn, CreateIndex, AddForeignKey and Sql, each with its exact inverse in Down, so every rule but
/// the planted ones stays quiet. Planted, at fixed intervals: lossy AlterColumns (LL1001), AlterColumns that fail on
/// PostgreSQL (LL1002) and key type changes (LL1003); <see cref="Expected"/> counts them.
/// </summary>
/// <remarks>
/// <para>
/// Written as EF Core 10 with SQLite scaffolds it instead (<see cref="GeneratedProvider.Sqlite"/>: SQLite's store
/// types, no Npgsql annotation), the migrations hold no AlterColumn and no AddForeignKey (each rebuilds a SQLite table,
/// which other rules judge) and the planted change is LL1010's: a string property that becomes a Guid in the model
/// alone, its column TEXT in both, so EF Core scaffolds no operation. Only the Designers say so: every SQLite
/// migration's Designer is compared with its predecessor's, which the Npgsql shape never asks.
/// </para>
/// <para>
/// The model grows as the project does until it holds <see cref="ModelTables"/> tables; from then on each new table
/// pushes the oldest out of the model (as if moved to another context) and operations touch only tables still in it,
/// so a Designer file stays a few thousand lines long however many migrations there are. A larger model
/// (<see cref="Generate(int, int, GeneratedProvider)"/>, shaped like bitwarden's: every Designer holds the whole
/// model of a large context) is created by the first migration, as a project's initial migration does, and kept at
/// that size.
/// </para>
/// </remarks>
public sealed class MigrationCorpus
{
    /// <summary>Tables the model holds at most by default: with their columns, a Designer of about 2,000 lines.</summary>
    public const int ModelTables = 8;

    /// <summary>Columns of each table the first migration creates for a large model (id, parent, four more).</summary>
    private const int InitialTableColumns = 6;

    private readonly int _modelTables;

    private readonly bool _sqlite;

    private const string Namespace = "Shop";

    private static readonly DateTime FirstMigration = new(2019, 1, 7, 9, 0, 0, DateTimeKind.Utc);

    private readonly List<Table> _tables = [];
    private readonly List<SourceFile> _files = [];
    private readonly Dictionary<string, int> _expected = new(StringComparer.Ordinal);
    private int _nextTable;
    private Table? _created;

    private MigrationCorpus(int count, int modelTables, GeneratedProvider provider)
    {
        Count = count;
        _modelTables = modelTables;
        Provider = provider;
        _sqlite = provider == GeneratedProvider.Sqlite;
        for (var i = 0; i < count; i++)
        {
            AddMigration(i);
        }

        _files.Add(new SourceFile("ShopContext.cs", Context()));
        _files.Add(new SourceFile("Migrations/ShopContextModelSnapshot.cs", Snapshot()));
    }

    /// <summary>Number of migrations.</summary>
    public int Count { get; }

    /// <summary>The provider the project is scaffolded for, and compiled against.</summary>
    public GeneratedProvider Provider { get; }

    /// <summary>Every source file of the project, migrations first.</summary>
    public IReadOnlyList<SourceFile> Files => _files;

    /// <summary>The Lossless diagnostics the planted operations must raise, by id; every other rule must stay quiet.</summary>
    public IReadOnlyDictionary<string, int> Expected => _expected;

    /// <summary>Migrations whose Up alters a column's type: the rules that judge type changes ask for their target model.</summary>
    public int MigrationsWithTypeChanges { get; private set; }

    public long Lines => _files.Sum(static file => file.Lines);

    /// <summary>Tables in the model: every Designer holds this many entities.</summary>
    public int Tables => _modelTables;

    public static MigrationCorpus Generate(int count) => new(count, ModelTables, GeneratedProvider.Npgsql);

    /// <summary>
    /// <paramref name="count"/> migrations whose Designers each hold a model of <paramref name="modelTables"/> tables:
    /// the first migration creates them (more than <see cref="ModelTables"/>), the rest change them as usual.
    /// </summary>
    public static MigrationCorpus Generate(int count, int modelTables, GeneratedProvider provider = GeneratedProvider.Npgsql) => new(count, modelTables, provider);

    private void AddMigration(int index)
    {
        var name = $"Change{index:00000}";
        var id = FirstMigration.AddHours(index * 7).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "_" + name;
        var up = new StringBuilder();
        var down = new List<string>();
        var typeChange = false;
        _created = null;

        // A large model is the initial migration's: every Designer after it holds all of it.
        if (index == 0 && _modelTables > ModelTables)
        {
            for (var t = 0; t < _modelTables; t++)
            {
                CreateTable(t, up, down, InitialTableColumns);
            }
        }
        else if (index % 3 == 0 || _tables.Count < 3)
        {
            // A new table every third migration, and whenever the model is still small.
            CreateTable(index, up, down);
        }
        else
        {
            var table = Recent(index % 3);
            AddColumns(index, table, up, down);
            typeChange |= !_sqlite && WidenColumn(index, up, down);
            IndexAndBackfill(index, table, up, down);
        }

        if (_sqlite)
        {
            if (index % 10 == 7)
            {
                PlantClrChange(index);
            }
        }
        else if (index % 10 == 7)
        {
            typeChange |= Plant(index, ColumnKind.Decimal, up, down, "LL1001", static (c, builder) =>
            {
                // numeric(12,2) to numeric(12,0): PostgreSQL rounds every value silently.
                builder.AlterColumn(c, "decimal", "numeric(12,0)", null, precision: 12, scale: 0);
                c.StoreType = "numeric(12,0)";
                c.Scale = 0;
                c.Kind = ColumnKind.RoundedDecimal;
            });
        }

        if (!_sqlite && index % 20 == 13)
        {
            typeChange |= Plant(index, ColumnKind.Text, up, down, "LL1002", static (c, builder) =>
            {
                // text to integer: Npgsql writes no USING, so PostgreSQL refuses it even on clean data.
                builder.AlterColumn(c, "int", "integer", null, null, null);
                c.Clr = "int";
                c.StoreType = "integer";
                c.Kind = ColumnKind.Integer;
            });
        }

        if (!_sqlite && index % 50 == 29)
        {
            typeChange |= PlantKeyChange(index, up, down);
        }

        if (typeChange)
        {
            MigrationsWithTypeChanges++;
        }

        var downText = new StringBuilder();
        for (var i = down.Count - 1; i >= 0; i--)
        {
            downText.Append(down[i]);
        }

        _files.Add(new SourceFile($"Migrations/{id}.cs", MigrationFile(name, up.ToString(), downText.ToString())));
        _files.Add(new SourceFile($"Migrations/{id}.Designer.cs", DesignerFile(name, id)));
    }

    private Table Recent(int back) => _tables[Math.Max(0, _tables.Count - 1 - back)];

    private void CreateTable(int index, StringBuilder up, List<string> down, int? columnCount = null)
    {
        var number = _nextTable++;
        var table = new Table($"table_{number:0000}", $"Entity{number:0000}");
        table.Columns.Add(new Column("id", "Id", ColumnKind.Key, _sqlite) { Nullable = false });
        var parent = _tables.Count > 0 ? _tables[(index * 5) % _tables.Count] : null;
        if (parent is not null)
        {
            table.Parent = parent;
            table.Columns.Add(new Column($"{parent.Name}_id", $"{parent.Entity}Id", ColumnKind.Integer, _sqlite) { Nullable = false });
        }

        var columns = columnCount ?? 5 + (index * 7 % 26);
        for (var c = table.Columns.Count; c < columns; c++)
        {
            table.Columns.Add(NewColumn(table, index + c));
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$"""
                        migrationBuilder.CreateTable(
                            name: "{{table.Name}}",
                            columns: table => new
                            {

            """);
        foreach (var column in table.Columns)
        {
            text.Append(CultureInfo.InvariantCulture, $"                    {column.Name} = table.Column<{column.Clr}>({ColumnArguments(column)})");
            if (column.Kind == ColumnKind.Key)
            {
                text.Append(_sqlite
                    ? "\n                        .Annotation(\"Sqlite:Autoincrement\", true)"
                    : "\n                        .Annotation(\"Npgsql:ValueGenerationStrategy\", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)");
            }

            text.Append(",\n");
        }

        text.Append(CultureInfo.InvariantCulture, $$"""
                            },
                            constraints: table =>
                            {
                                table.PrimaryKey("PK_{{table.Name}}", x => x.id);

            """);
        if (parent is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""
                                    table.ForeignKey(
                                        name: "FK_{{table.Name}}_{{parent.Name}}_{{parent.Name}}_id",
                                        column: x => x.{{parent.Name}}_id,
                                        principalTable: "{{parent.Name}}",
                                        principalColumn: "id",
                                        onDelete: ReferentialAction.Cascade);

                """);
        }

        text.Append("                });\n\n");
        if (parent is not null)
        {
            var indexName = $"IX_{table.Name}_{parent.Name}_id";
            table.Indexes.Add(table.Columns[1]);
            text.Append(CultureInfo.InvariantCulture, $$"""
                            migrationBuilder.CreateIndex(
                                name: "{{indexName}}",
                                table: "{{table.Name}}",
                                column: "{{parent.Name}}_id");


                """);
        }

        up.Append(text);
        down.Add($$"""
                        migrationBuilder.DropTable(
                            name: "{{table.Name}}");


            """);
        _tables.Add(table);
        _created = table;
        if (_tables.Count > _modelTables)
        {
            _tables.RemoveAt(0);
        }
    }

    private void AddColumns(int index, Table table, StringBuilder up, List<string> down)
    {
        var count = 1 + (index % 3);
        for (var i = 0; i < count && table.Columns.Count < 40; i++)
        {
            var column = NewColumn(table, index * 3 + i);
            column.Nullable = true;
            table.Columns.Add(column);
            up.Append(CultureInfo.InvariantCulture, $$"""
                            migrationBuilder.AddColumn<{{column.Clr}}>(
                                name: "{{column.Name}}",
                                table: "{{table.Name}}",
                                {{ColumnArguments(column)}});


                """);
            down.Add($$"""
                            migrationBuilder.DropColumn(
                                name: "{{column.Name}}",
                                table: "{{table.Name}}");


                """);
        }
    }

    /// <summary>varchar(n) to varchar(n + 100): widening, no data-loss rule reports it, yet it is a type change to judge.</summary>
    private bool WidenColumn(int index, StringBuilder up, List<string> down)
    {
        foreach (var table in Candidates(index))
        {
            foreach (var column in table.Columns)
            {
                if (column.Kind == ColumnKind.VarChar && column.MaxLength < 1000)
                {
                    var builder = new AlterBuilder(table, up, down);
                    builder.AlterColumn(column, "string", $"character varying({column.MaxLength + 100})", column.MaxLength + 100, null, null);
                    column.MaxLength += 100;
                    column.StoreType = $"character varying({column.MaxLength})";
                    return true;
                }
            }
        }

        return false;
    }

    private void IndexAndBackfill(int index, Table table, StringBuilder up, List<string> down)
    {
        var column = table.Columns.FirstOrDefault(c => c.Kind is ColumnKind.Timestamp or ColumnKind.Integer && !table.Indexes.Contains(c));
        if (column is not null)
        {
            table.Indexes.Add(column);
            var name = $"IX_{table.Name}_{column.Name}";
            up.Append(CultureInfo.InvariantCulture, $$"""
                            migrationBuilder.CreateIndex(
                                name: "{{name}}",
                                table: "{{table.Name}}",
                                column: "{{column.Name}}");


                """);
            down.Add($$"""
                            migrationBuilder.DropIndex(
                                name: "{{name}}",
                                table: "{{table.Name}}");


                """);
        }

        if (index % 4 == 1 && table.Columns.FirstOrDefault(c => c.Kind == ColumnKind.Flag && c.Nullable) is { } flag)
        {
            up.Append(CultureInfo.InvariantCulture, $$"""
                            migrationBuilder.Sql("UPDATE \"{{table.Name}}\" SET \"{{flag.Name}}\" = FALSE WHERE \"{{flag.Name}}\" IS NULL;");


                """);
        }

        // A foreign key added after the fact, between two tables of the model that have none yet (not on SQLite, where
        // AddForeignKey rebuilds the table).
        if (!_sqlite && index % 6 == 2 && _tables.Count > 4)
        {
            var dependent = Recent(1);
            var principal = _tables[index % (_tables.Count - 2)];
            if (dependent.SecondParent is null && !ReferenceEquals(principal, dependent) && !ReferenceEquals(principal, dependent.Parent))
            {
                var reference = new Column($"{principal.Name}_ref", $"{principal.Entity}Ref", ColumnKind.Integer, _sqlite) { Nullable = true };
                dependent.Columns.Add(reference);
                dependent.SecondParent = principal;
                var fk = $"FK_{dependent.Name}_{principal.Name}_{reference.Name}";
                up.Append(CultureInfo.InvariantCulture, $$"""
                                migrationBuilder.AddColumn<int>(
                                    name: "{{reference.Name}}",
                                    table: "{{dependent.Name}}",
                                    type: "integer",
                                    nullable: true);

                                migrationBuilder.AddForeignKey(
                                    name: "{{fk}}",
                                    table: "{{dependent.Name}}",
                                    column: "{{reference.Name}}",
                                    principalTable: "{{principal.Name}}",
                                    principalColumn: "id",
                                    onDelete: ReferentialAction.Restrict);


                    """);
                down.Add($$"""
                                migrationBuilder.DropColumn(
                                    name: "{{reference.Name}}",
                                    table: "{{dependent.Name}}");


                    """);
                down.Add($$"""
                                migrationBuilder.DropForeignKey(
                                    name: "{{fk}}",
                                    table: "{{dependent.Name}}");


                    """);
            }
        }
    }

    /// <summary>The tables of the model, from a point that moves with the migration; never one this migration creates.</summary>
    private IEnumerable<Table> Candidates(int index)
    {
        for (var i = 0; i < _tables.Count; i++)
        {
            var table = _tables[(index + i) % _tables.Count];
            if (!ReferenceEquals(table, _created))
            {
                yield return table;
            }
        }
    }

    private bool Plant(int index, ColumnKind kind, StringBuilder up, List<string> down, string expectedId, Action<Column, AlterBuilder> alter)
    {
        foreach (var table in Candidates(index))
        {
            if (table.Columns.FirstOrDefault(c => c.Kind == kind) is { } column)
            {
                alter(column, new AlterBuilder(table, up, down));
                _expected[expectedId] = _expected.GetValueOrDefault(expectedId) + 1;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// string to Guid, in the model only: the column stays TEXT, so EF Core scaffolds no operation and the migration
    /// reads every old value as a uuid (LL1010). Up touches neither the table nor the column.
    /// </summary>
    private void PlantClrChange(int index)
    {
        foreach (var table in Candidates(index))
        {
            if (table.Columns.FirstOrDefault(static c => c.Kind == ColumnKind.Text) is { } column)
            {
                column.Clr = "Guid";
                column.Kind = ColumnKind.Uuid;
                _expected["LL1010"] = _expected.GetValueOrDefault("LL1010") + 1;
                return;
            }
        }
    }

    /// <summary>integer to bigint on a primary key that another table references: LL1003, whatever the conversion.</summary>
    private bool PlantKeyChange(int index, StringBuilder up, List<string> down)
    {
        foreach (var table in Candidates(index))
        {
            var key = table.Columns[0];
            if (key.Clr == "int" && _tables.Any(t => ReferenceEquals(t.Parent, table)))
            {
                var builder = new AlterBuilder(table, up, down);
                builder.AlterColumn(key, "long", "bigint", null, null, null, annotation: true);
                key.Clr = "long";
                key.StoreType = "bigint";
                _expected["LL1003"] = _expected.GetValueOrDefault("LL1003") + 1;
                return true;
            }
        }

        return false;
    }

    private Column NewColumn(Table table, int seed)
    {
        var kind = (ColumnKind)(seed % 8);
        if (kind == ColumnKind.Key)
        {
            kind = ColumnKind.Text;
        }

        var baseName = kind switch
        {
            ColumnKind.VarChar => "name",
            ColumnKind.Integer => "quantity",
            ColumnKind.Decimal => "amount",
            ColumnKind.Timestamp => "created_at",
            ColumnKind.Flag => "is_active",
            ColumnKind.Uuid => "external_id",
            ColumnKind.Text => "notes",
            _ => "sequence",
        };
        var name = $"{baseName}_{table.Columns.Count}";
        return new Column(name, Pascal(name), kind, _sqlite) { Nullable = seed % 5 == 0 };
    }

    private static string Pascal(string snake)
    {
        var result = new StringBuilder(snake.Length);
        var upper = true;
        foreach (var ch in snake)
        {
            if (ch == '_')
            {
                upper = true;
                continue;
            }

            result.Append(upper ? char.ToUpperInvariant(ch) : ch);
            upper = false;
        }

        return result.ToString();
    }

    private static string ColumnArguments(Column column)
    {
        var text = new StringBuilder($"type: \"{column.StoreType}\"");
        if (column.MaxLength is { } maxLength)
        {
            text.Append(CultureInfo.InvariantCulture, $", maxLength: {maxLength}");
        }

        if (column.Precision is { } precision)
        {
            text.Append(CultureInfo.InvariantCulture, $", precision: {precision}, scale: {column.Scale}");
        }

        text.Append(column.Nullable ? ", nullable: true" : ", nullable: false");
        return text.ToString();
    }

    private static string MigrationFile(string name, string up, string down)
        => $$"""
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;
        {{(up.Contains("Npgsql", StringComparison.Ordinal) ? "using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;\n" : string.Empty)}}
        #nullable disable

        namespace {{Namespace}}.Migrations
        {
            /// <inheritdoc />
            public partial class {{name}} : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
        {{up.TrimEnd()}}
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
        {{down.TrimEnd()}}
                }
            }
        }

        """;

    private string DesignerFile(string name, string id)
        => $$"""
        // <auto-generated />
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        {{NpgsqlUsing}}
        #nullable disable

        namespace {{Namespace}}.Migrations
        {
            [DbContext(typeof(ShopContext))]
            [Migration("{{id}}")]
            partial class {{name}}
            {
                /// <inheritdoc />
                protected override void BuildTargetModel(ModelBuilder modelBuilder)
                {
        {{Model()}}
                }
            }
        }

        """;

    private string Snapshot()
        => $$"""
        // <auto-generated />
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        {{NpgsqlUsing}}
        #nullable disable

        namespace {{Namespace}}.Migrations
        {
            [DbContext(typeof(ShopContext))]
            partial class ShopContextModelSnapshot : ModelSnapshot
            {
                protected override void BuildModel(ModelBuilder modelBuilder)
                {
        {{Model()}}
                }
            }
        }

        """;

    /// <summary>The Npgsql metadata using (and the blank line after it) a Designer or snapshot starts with; none on SQLite.</summary>
    private string NpgsqlUsing => _sqlite ? string.Empty : "using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;\n";

    /// <summary>The model as EF Core writes it in BuildTargetModel and BuildModel: entities sorted by name, then relationships.</summary>
    private string Model()
    {
        var text = new StringBuilder();
        text.Append(_sqlite
            ? """
            #pragma warning disable 612, 618
                        modelBuilder.HasAnnotation("ProductVersion", "10.0.15");

            """
            : """
            #pragma warning disable 612, 618
                        modelBuilder
                            .HasAnnotation("ProductVersion", "10.0.15")
                            .HasAnnotation("Relational:MaxIdentifierLength", 63);

                        NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);

            """);
        var ordered = _tables.OrderBy(static t => t.Entity, StringComparer.Ordinal).ToList();
        foreach (var table in ordered)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""

                            modelBuilder.Entity("{{Namespace}}.Model.{{table.Entity}}", b =>
                                {

                """);
            foreach (var column in table.Columns)
            {
                text.Append(CultureInfo.InvariantCulture, $"                    b.Property<{column.Clr}{(column.Nullable && column.IsValueType ? "?" : string.Empty)}>(\"{column.Property}\")\n");
                if (column.Kind == ColumnKind.Key)
                {
                    text.Append("                        .ValueGeneratedOnAdd()\n");
                }

                if (!column.Nullable && !column.IsValueType)
                {
                    text.Append("                        .IsRequired()\n");
                }

                if (column.MaxLength is { } maxLength)
                {
                    text.Append(CultureInfo.InvariantCulture, $"                        .HasMaxLength({maxLength})\n");
                }

                if (column.Precision is { } precision)
                {
                    text.Append(CultureInfo.InvariantCulture, $"                        .HasPrecision({precision}, {column.Scale})\n");
                }

                text.Append(CultureInfo.InvariantCulture, $"                        .HasColumnType(\"{column.StoreType}\")\n");
                text.Append(CultureInfo.InvariantCulture, $"                        .HasColumnName(\"{column.Name}\");\n\n");
                if (column.Kind == ColumnKind.Key && !_sqlite)
                {
                    text.Append(CultureInfo.InvariantCulture, $"                    NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<{column.Clr}>(\"{column.Property}\"));\n\n");
                }
            }

            text.Append("                    b.HasKey(\"Id\");\n\n");
            foreach (var indexed in table.Indexes)
            {
                text.Append(CultureInfo.InvariantCulture, $"                    b.HasIndex(\"{indexed.Property}\");\n\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"                    b.ToTable(\"{table.Name}\");\n                }});\n");
        }

        foreach (var table in ordered)
        {
            var parents = new List<(Table Principal, Column Column, string Navigation, string OnDelete)>();
            if (table.Parent is { } parent && _tables.Contains(parent))
            {
                parents.Add((parent, table.Columns[1], "Parent", "Cascade"));
            }

            if (table.SecondParent is { } second && _tables.Contains(second))
            {
                parents.Add((second, table.Columns.First(c => c.Name == $"{second.Name}_ref"), "Reference", "Restrict"));
            }

            if (parents.Count == 0)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $$"""

                            modelBuilder.Entity("{{Namespace}}.Model.{{table.Entity}}", b =>
                                {

                """);
            foreach (var (principal, column, navigation, onDelete) in parents)
            {
                text.Append(CultureInfo.InvariantCulture, $$"""
                                        b.HasOne("{{Namespace}}.Model.{{principal.Entity}}", "{{navigation}}")
                                            .WithMany()
                                            .HasForeignKey("{{column.Property}}")
                                            .OnDelete(DeleteBehavior.{{onDelete}}){{(column.Nullable ? string.Empty : "\n                        .IsRequired()")}};


                    """);
            }

            foreach (var (_, _, navigation, _) in parents)
            {
                text.Append(CultureInfo.InvariantCulture, $"                    b.Navigation(\"{navigation}\");\n\n");
            }

            text.Length -= 1;
            text.Append("                });\n");
        }

        text.Append("#pragma warning restore 612, 618");
        return text.ToString();
    }

    private string Context()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$"""
            using System;
            using Microsoft.EntityFrameworkCore;

            namespace {{Namespace}}
            {
                public class ShopContext : DbContext
                {
                    public ShopContext(DbContextOptions<ShopContext> options)
                        : base(options)
                    {
                    }

            """);
        foreach (var table in _tables)
        {
            text.Append(CultureInfo.InvariantCulture, $"        public DbSet<Model.{table.Entity}> {table.Entity}s {{ get; set; }}\n\n");
        }

        text.Length -= 1;
        text.Append("    }\n}\n\nnamespace " + Namespace + ".Model\n{\n");
        foreach (var table in _tables)
        {
            text.Append(CultureInfo.InvariantCulture, $"    public class {table.Entity}\n    {{\n");
            foreach (var column in table.Columns)
            {
                var type = column.Clr + (column.Nullable && column.IsValueType ? "?" : string.Empty);
                text.Append(CultureInfo.InvariantCulture, $"        public {type} {column.Property} {{ get; set; }}\n");
            }

            text.Append("    }\n\n");
        }

        text.Length -= 1;
        text.Append("}\n");
        return text.ToString();
    }

    private enum ColumnKind
    {
        VarChar,
        Integer,
        Decimal,
        Timestamp,
        Flag,
        Uuid,
        Text,
        Key,
        RoundedDecimal,
    }

    private sealed class Table(string name, string entity)
    {
        public string Name { get; } = name;

        public string Entity { get; } = entity;

        public List<Column> Columns { get; } = [];

        public List<Column> Indexes { get; } = [];

        public Table? Parent { get; set; }

        public Table? SecondParent { get; set; }
    }

    private sealed class Column
    {
        public Column(string name, string property, ColumnKind kind, bool sqlite)
        {
            Name = name;
            Property = property;
            Kind = kind;
            (Clr, StoreType, MaxLength, Precision, Scale) = kind switch
            {
                ColumnKind.VarChar => ("string", "character varying(100)", 100, (int?)null, (int?)null),
                ColumnKind.Integer or ColumnKind.Key => ("int", "integer", (int?)null, (int?)null, (int?)null),
                ColumnKind.Decimal => ("decimal", "numeric(12,2)", null, 12, 2),
                ColumnKind.Timestamp => ("DateTime", "timestamp with time zone", null, null, null),
                ColumnKind.Flag => ("bool", "boolean", null, null, null),
                ColumnKind.Uuid => ("Guid", "uuid", null, null, null),
                ColumnKind.Text => ("string", "text", null, null, null),
                _ => ("long", "bigint", null, null, null),
            };

            if (sqlite)
            {
                // SQLite's four storage classes, as EF Core's SQLite provider maps the CLR types (decimal as TEXT).
                StoreType = Clr is "int" or "long" or "bool" ? "INTEGER" : "TEXT";
            }
        }

        public string Name { get; }

        public string Property { get; }

        public ColumnKind Kind { get; set; }

        public string Clr { get; set; }

        public string StoreType { get; set; }

        public int? MaxLength { get; set; }

        public int? Precision { get; set; }

        public int? Scale { get; set; }

        public bool Nullable { get; set; }

        public bool IsValueType => Clr is not ("string" or "byte[]");
    }

    /// <summary>Writes an AlterColumn in Up and its exact inverse (new and old swapped) in Down.</summary>
    private sealed class AlterBuilder(Table table, StringBuilder up, List<string> down)
    {
        public void AlterColumn(Column column, string newClr, string newType, int? newMaxLength, int? precision, int? scale, bool annotation = false)
        {
            var oldClr = column.Clr;
            var nullable = column.Nullable ? "true" : "false";
            var identity = annotation
                ? "\n                .Annotation(\"Npgsql:ValueGenerationStrategy\", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)\n                .OldAnnotation(\"Npgsql:ValueGenerationStrategy\", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)"
                : string.Empty;
            up.Append(Alter(newClr, newType, newMaxLength, precision, scale, oldClr, column.StoreType, column.MaxLength, column.Precision, column.Scale, nullable, identity));
            down.Add(Alter(oldClr, column.StoreType, column.MaxLength, column.Precision, column.Scale, newClr, newType, newMaxLength, precision, scale, nullable, identity));

            string Alter(string clr, string type, int? maxLength, int? newPrecision, int? newScale, string fromClr, string fromType, int? fromMaxLength, int? fromPrecision, int? fromScale, string isNullable, string tail)
            {
                var text = new StringBuilder();
                text.Append(CultureInfo.InvariantCulture, $$"""
                                migrationBuilder.AlterColumn<{{clr}}>(
                                    name: "{{column.Name}}",
                                    table: "{{table.Name}}",
                                    type: "{{type}}",

                    """);
                if (maxLength is { } length)
                {
                    text.Append(CultureInfo.InvariantCulture, $"                maxLength: {length},\n");
                }

                if (newPrecision is { } p)
                {
                    text.Append(CultureInfo.InvariantCulture, $"                precision: {p},\n                scale: {newScale},\n");
                }

                text.Append(CultureInfo.InvariantCulture, $"                nullable: {isNullable},\n");
                text.Append(CultureInfo.InvariantCulture, $"                oldClrType: typeof({fromClr}),\n");
                text.Append(CultureInfo.InvariantCulture, $"                oldType: \"{fromType}\"");
                if (fromMaxLength is { } oldLength)
                {
                    text.Append(CultureInfo.InvariantCulture, $",\n                oldMaxLength: {oldLength}");
                }

                if (fromPrecision is { } oldPrecision)
                {
                    text.Append(CultureInfo.InvariantCulture, $",\n                oldPrecision: {oldPrecision},\n                oldScale: {fromScale}");
                }

                if (column.Nullable)
                {
                    text.Append(",\n                oldNullable: true");
                }

                text.Append(')').Append(tail).Append(";\n\n");
                return text.ToString();
            }
        }
    }
}

/// <summary>The provider a generated project is scaffolded for and compiled against (the analyzers find it by reference).</summary>
public enum GeneratedProvider
{
    Npgsql,
    Sqlite,
}

/// <summary>One generated source file.</summary>
public sealed class SourceFile(string path, string text)
{
    public string Path { get; } = path;

    public string Text { get; } = text;

    public int Lines { get; } = text.Count(static c => c == '\n');
}
