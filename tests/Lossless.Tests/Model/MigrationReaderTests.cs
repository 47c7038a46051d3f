using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.Targets;
using Lossless.Tests.Verifiers;

namespace Lossless.Tests.Model;

public class MigrationReaderTests
{
    [Fact]
    public void NamedArguments_AreReadByParameter()
    {
        var model = ModelHarness.Read(Sources.Migration("""
            migrationBuilder.AlterColumn<Guid>(
                table: "users",
                name: "id",
                type: "uuid",
                oldClrType: typeof(string),
                oldType: "character varying(255)",
                oldMaxLength: 255);
            """));

        var operation = Assert.Single(model.Up);
        Assert.Equal(MigrationOperationKind.AlterColumn, operation.Kind);
        Assert.Equal("users", operation.Table);
        Assert.Equal("id", operation.GetString("name"));
        Assert.Equal("uuid", operation.GetString("type"));
        Assert.Equal("character varying(255)", operation.GetString("oldType"));
        Assert.Equal(255, operation["oldMaxLength"].Value);
        Assert.Equal(ArgumentState.Constant, operation["oldMaxLength"].State);
        Assert.Equal(new ClrTypeName("System.String", false), operation["oldClrType"].Value);
        Assert.Equal(new ClrTypeName("System.Guid", false), operation.ClrType);
        Assert.Equal(ArgumentState.Default, operation["nullable"].State);
        Assert.Equal(false, operation["nullable"].Value);
        Assert.Equal(ArgumentState.Default, operation["maxLength"].State);
        Assert.Null(operation["maxLength"].Value);
        Assert.Equal(ArgumentState.Absent, operation["noSuchParameter"].State);
        Assert.Empty(model.Down);
    }

    [Fact]
    public void PositionalArguments_AreReadByParameter()
    {
        var model = ModelHarness.Read(Sources.Migration("""
            migrationBuilder.AlterColumn<int?>("quantity", "orders", "integer", null, null, false, "sales", true);
            """));

        var operation = Assert.Single(model.Up);
        Assert.Equal("quantity", operation.GetString("name"));
        Assert.Equal("orders", operation.Table);
        Assert.Equal("integer", operation.GetString("type"));
        Assert.Equal("sales", operation.Schema);
        Assert.Equal(true, operation["nullable"].Value);
        Assert.Equal(new ClrTypeName("System.Int32", true), operation.ClrType);
    }

    [Fact]
    public void ConstantConcatenationAndInterpolation_AreConstants()
    {
        var model = ModelHarness.Read(Sources.Migration("""
            const string Prefix = "bazaar-vid_";
            migrationBuilder.AlterColumn<string>(name: "id", table: Prefix + "user", type: $"{Prefix}type");
            """));

        var operation = Assert.Single(model.Up);
        Assert.Equal("bazaar-vid_user", operation.Table);
        Assert.Equal("bazaar-vid_type", operation.GetString("type"));
    }

    [Fact]
    public void NonConstantArguments_AreUnknown()
    {
        var model = ModelHarness.Read(Sources.Migration("""
            var table = Environment.GetEnvironmentVariable("TABLE") ?? "users";
            foreach (var column in new[] { "a", "b" })
            {
                migrationBuilder.AlterColumn<string>(name: column, table: table, type: "text");
            }
            """));

        var operation = Assert.Single(model.Up);
        Assert.Equal(ArgumentState.Unknown, operation["name"].State);
        Assert.Equal(ArgumentState.Unknown, operation["table"].State);
        Assert.Null(operation.Table);
        Assert.Equal("text", operation.GetString("type"));
    }

    [Fact]
    public void HelperMethods_AreSplicedWhereTheyAreCalled()
    {
        var source = Sources.Migration(
            up: """
                migrationBuilder.Sql("-- first");
                AddAudit(migrationBuilder, "users");
                migrationBuilder.Sql("-- last");
                """,
            down: """
                migrationBuilder.DropColumn(name: "created", table: "users");
                """).Replace(
            "protected override void Down",
            """
            private static void AddAudit(MigrationBuilder builder, string table)
                    {
                        builder.AddColumn<DateTime>(name: "created", table: table, nullable: false);
                        Recurse(builder);
                    }

                    private static void Recurse(MigrationBuilder builder) => AddAudit(builder, "again");

                    protected override void Down
            """);
        var model = ModelHarness.Read(source);

        Assert.Equal([MigrationOperationKind.Sql, MigrationOperationKind.AddColumn, MigrationOperationKind.Sql], model.Up.Select(o => o.Kind));
        Assert.Equal(ArgumentState.Unknown, model.Up[1]["table"].State);
        Assert.Equal(MigrationOperationKind.DropColumn, Assert.Single(model.Down).Kind);
    }

    [Fact]
    public void CreateTable_ReadsColumnsAndConstraints()
    {
        var model = ModelHarness.Read(Sources.Migration("""
            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<string>(name: "userId", type: "character varying(255)", maxLength: 255, nullable: false),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_projects_users_userId",
                        column: x => x.OwnerId,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_projects_tenants",
                        columns: x => new { x.TenantId, x.OwnerId },
                        principalTable: "tenant_users",
                        principalColumns: new[] { "tenant", "user" });
                });
            """));

        var create = Assert.Single(model.Up);
        Assert.Equal("projects", create.Table);
        Assert.Equal(["Id", "userId", "TenantId"], create.Columns.Select(c => c.Name));
        Assert.Equal("character varying(255)", create.Columns[1]["type"].Value);
        Assert.Equal(new ClrTypeName("System.String", false), create.Columns[1].ClrType);

        Assert.Equal(3, create.Constraints.Length);
        var primaryKey = create.Constraints[0];
        Assert.Equal(ConstraintKind.PrimaryKey, primaryKey.Kind);
        Assert.Equal(["Id"], primaryKey.Columns.ToArray());

        var foreignKey = create.Constraints[1];
        Assert.Equal(ConstraintKind.ForeignKey, foreignKey.Kind);
        Assert.Equal("FK_projects_users_userId", foreignKey.Name);
        Assert.Equal(["userId"], foreignKey.Columns.ToArray());
        Assert.Equal("users", foreignKey.PrincipalTable);
        Assert.Equal(["id"], foreignKey.PrincipalColumns.ToArray());
        Assert.Equal("Cascade", foreignKey.OnDelete);

        var composite = create.Constraints[2];
        Assert.Equal(["TenantId", "userId"], composite.Columns.ToArray());
        Assert.Equal(["tenant", "user"], composite.PrincipalColumns.ToArray());
        Assert.Null(composite.OnDelete);
    }

    [Fact]
    public void OperationLocation_IsTheMethodName()
    {
        var model = ModelHarness.Read(Sources.Migration("""
            migrationBuilder.AlterColumn<Guid>(name: "id", table: "users", type: "uuid");
            """));

        var location = Assert.Single(model.Up).Location;
        Assert.Equal("AlterColumn", location.SourceTree!.GetText().ToString(location.SourceSpan));
    }

    [Fact]
    public void MigrationId_AndProvider_AreRead()
    {
        var model = ModelHarness.Read(Sources.Migration("migrationBuilder.Sql(\"SELECT 1\");"), TestProvider.SqlServer);

        Assert.Equal("20250117120000_ChangeTypes", model.Id);
        Assert.Equal(DatabaseProvider.SqlServer, model.Provider);
    }

    [Fact]
    public void TargetModel_IsNotReadUntilAsked()
    {
        var model = ModelHarness.Read(Sources.Migration("migrationBuilder.Sql(\"SELECT 1\");"), moreSources: Sources.Designer(Sources.IncidentModel));

        Assert.Equal(0, model.TargetModelReads);
        Assert.NotNull(model.TargetModel);
        Assert.NotNull(model.TargetModel);
        Assert.Equal(1, model.TargetModelReads);
    }

    [Fact]
    public void TargetKeys_AreReadOnceForEveryRuleThatAsks()
    {
        var model = ModelHarness.Read(Sources.Migration("migrationBuilder.Sql(\"SELECT 1\");"), moreSources: Sources.Designer(Sources.IncidentModel));

        Assert.Equal(0, model.TargetModelReads);
        Assert.True(model.Keys.IsPrimaryKey(new ColumnRef(null, "users", "id")));
        Assert.Equal(["id"], model.TargetKeys!.FindPrimaryKey(null, "users").ToArray());
        Assert.Empty(model.TargetKeys.FindPrimaryKey(null, "sessions"));
        Assert.Equal(1, model.TargetModelReads);
    }

    [Fact]
    public void TargetKeys_ComeFromTheWholeModelWhenThatWasReadFirst()
    {
        var model = ModelHarness.Read(Sources.Migration("migrationBuilder.Sql(\"SELECT 1\");"), moreSources: Sources.Designer(Sources.IncidentModel));

        Assert.NotNull(model.TargetModel);
        Assert.Equal(["id"], model.TargetKeys!.FindPrimaryKey(null, "projects").ToArray());
        Assert.Equal(2, model.Keys.ReferencesTo(new ColumnRef(null, "users", "id")).Count);
        Assert.Equal(1, model.TargetModelReads);
    }
}

public class DownShapeTests
{
    [Theory]
    [InlineData("", false, false)]
    [InlineData("throw new NotSupportedException();", true, false)]
    [InlineData("migrationBuilder.DropTable(name: \"users\");", false, false)]
    [InlineData("foreach (var t in new[] { \"a\" }) migrationBuilder.DropTable(name: t);", false, true)]
    [InlineData("Undo(migrationBuilder);", false, true)]
    [InlineData("Lossless.Tests.External.Undo(migrationBuilder);", false, true)]
    public void DownShape_IsRead(string down, bool onlyThrows, bool opaque)
    {
        var source = Sources.Migration(up: "migrationBuilder.CreateTable(name: \"users\", columns: table => new { Id = table.Column<int>(nullable: false) });", down: down)
            .Replace("protected override void Down", "private static void Undo(MigrationBuilder builder) { }\n\n        protected override void Down");
        var external = "namespace Lossless.Tests { public static class External { public static void Undo(Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder builder) { } } }";

        var model = ModelHarness.Read(source, moreSources: external);

        Assert.Equal(onlyThrows, model.DownOnlyThrows);
        Assert.Equal(opaque, model.IsDownOpaque);
        Assert.NotNull(model.DownMethod);
    }

    [Fact]
    public void ExpressionBodiedThrow_OnlyThrows()
    {
        var source = Sources.Migration(up: "migrationBuilder.Sql(\"SELECT 1\");")
            .Replace("protected override void Down(MigrationBuilder migrationBuilder)\n        {\n\n        }", "protected override void Down(MigrationBuilder migrationBuilder) => throw new NotSupportedException();");

        var model = ModelHarness.Read(source);

        Assert.Contains("=> throw", source);
        Assert.True(model.DownOnlyThrows);
    }

    [Fact]
    public void PreviousTargetModel_IsTheMigrationSortingJustBefore()
    {
        var first = Sources.Migration("migrationBuilder.Sql(\"SELECT 1\");", name: "Initial", id: "20250101000000_Initial");
        var second = Sources.Migration("migrationBuilder.Sql(\"SELECT 2\");", name: "Second", id: "20250102000000_Second").Replace(Sources.Context, string.Empty);
        var third = Sources.Migration("migrationBuilder.DropTable(name: \"users\");", id: "20250103000000_ChangeTypes").Replace(Sources.Context, string.Empty);
        var firstDesigner = Sources.Designer("modelBuilder.Entity(\"Sample.Old\", b => { b.Property<int>(\"Id\"); b.HasKey(\"Id\"); b.ToTable(\"old\"); });", name: "Initial");
        var secondDesigner = Sources.Designer(Sources.IncidentModel, name: "Second");

        var model = ModelHarness.Read(third, moreSources: [first, second, firstDesigner, secondDesigner]);
        var initial = ModelHarness.Read(ModelHarness.Compile(TestProvider.PostgreSql, third, first, second, firstDesigner, secondDesigner), "Sample.Migrations.Initial");

        Assert.Equal(0, model.TargetModelReads);
        Assert.Equal(["accounts", "projects", "users"], model.PreviousTargetModel!.Tables.Select(t => t.Name));
        Assert.Equal(1, model.TargetModelReads);
        Assert.Null(initial.PreviousTargetModel);
    }
}
