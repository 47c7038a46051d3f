using Lossless.Analyzers.Model.Operations;
using Lossless.Tests.Verifiers;

namespace Lossless.Tests.Model;

/// <summary>The model facts LL1004–LL1008 stand on: chained annotations, placeholder defaults, HasDefaultValue.</summary>
public class AnnotationsAndDefaultsTests
{
    [Fact]
    public void CreateTableColumnWithAnnotation_KeepsItsNameTypeAndAnnotation()
    {
        var model = ModelHarness.Read(Sources.Migration("""
            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    token = table.Column<string>(name: "Token", type: "text", nullable: false)
                },
                constraints: table => table.PrimaryKey("PK_sessions", x => x.id));
            """));

        var create = Assert.Single(model.Up);
        Assert.Equal(["id", "Token"], create.Columns.Select(c => c.Name));
        Assert.Equal(new ClrTypeName("System.Int32", false), create.Columns[0].ClrType);
        Assert.Equal("integer", create.Columns[0]["type"].Value);
        Assert.Equal("IdentityByDefaultColumn", create.Columns[0].Annotations["Npgsql:ValueGenerationStrategy"].Value);
        Assert.Empty(create.Columns[1].Annotations);
        Assert.Equal(["id"], create.Constraints[0].Columns.ToArray());
    }

    [Fact]
    public void OperationAnnotations_AreRead()
    {
        var model = ModelHarness.Read(Sources.Migration("""
            migrationBuilder.AddColumn<int>(name: "seq", table: "users", type: "int", nullable: false)
                .Annotation("SqlServer:Identity", "1, 1");
            """), TestProvider.SqlServer);

        var add = Assert.Single(model.Up);
        Assert.Equal(MigrationOperationKind.AddColumn, add.Kind);
        Assert.Equal("1, 1", add.Annotations["SqlServer:Identity"].Value);
    }

    [Theory]
    [InlineData("\"\"", "''")]
    [InlineData("0", "0")]
    [InlineData("0L", "0")]
    [InlineData("(short)0", "0")]
    [InlineData("0.0", "0")]
    [InlineData("false", "false")]
    [InlineData("Guid.Empty", "Guid.Empty")]
    [InlineData("new Guid(\"00000000-0000-0000-0000-000000000000\")", "Guid.Empty")]
    [InlineData("new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc)", "DateTime.MinValue")]
    [InlineData("new TimeOnly(0, 0, 0)", "TimeOnly.MinValue")]
    [InlineData("new byte[0]", "new byte[0]")]
    [InlineData("new byte[] { }", "new byte[0]")]
    [InlineData("\"x\"", null)]
    [InlineData("1", null)]
    [InlineData("true", null)]
    [InlineData("null", null)]
    [InlineData("new Guid(\"00000000-0000-0000-0000-000000000001\")", null)]
    [InlineData("new DateTime(1970, 1, 1)", null)]
    [InlineData("new byte[] { 1 }", null)]
    [InlineData("Environment.TickCount", null)]
    public void PlaceholderDefaults_AreRecognised(string defaultValue, string? shown)
    {
        var model = ModelHarness.Read(Sources.Migration($$"""migrationBuilder.AddColumn<int>(name: "c", table: "t", nullable: false, defaultValue: {{defaultValue}});"""));

        Assert.Equal(shown, PlaceholderDefaults.Describe(Assert.Single(model.Up)["defaultValue"]));
    }

    [Fact]
    public void HasDefaultValue_IsReadFromTheDesigner()
    {
        var model = ModelHarness.Read(
            Sources.Migration("migrationBuilder.Sql(\"SELECT 1\");"),
            moreSources: Sources.Designer("""
                modelBuilder.Entity("Sample.Setting", b =>
                    {
                        b.Property<bool>("Enabled").ValueGeneratedOnAdd().HasColumnType("boolean").HasDefaultValue(false).HasColumnName("enabled");
                        b.Property<string>("Name").HasColumnType("text");
                        b.ToTable("settings");
                    });
                """));

        var table = model.TargetModel!.FindTable(null, "settings")!;
        Assert.Equal("false", table.FindColumn("enabled")!.DefaultValue);
        Assert.Null(table.FindColumn("Name")!.DefaultValue);
        Assert.Null(table.FindColumn("Enabled"));
    }
}
