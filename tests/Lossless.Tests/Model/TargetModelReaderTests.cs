using Lossless.Analyzers.Model.Targets;
using Lossless.Tests.Verifiers;

namespace Lossless.Tests.Model;

public class TargetModelReaderTests
{
    private static TargetModel ReadIncident()
        => ModelHarness.Read(Sources.Migration("migrationBuilder.Sql(\"SELECT 1\");"), moreSources: Sources.Designer(Sources.IncidentModel)).TargetModel!;

    [Fact]
    public void Tables_ColumnsAndPrimaryKeys()
    {
        var model = ReadIncident();

        Assert.Equal(["accounts", "projects", "users"], model.Tables.Select(t => t.Name));
        var users = model.FindTable(null, "users")!;
        Assert.Equal(["id"], users.PrimaryKey.ToArray());
        Assert.Equal(["id", "email"], users.Columns.Select(c => c.Name));
        Assert.Equal("uuid", users.Columns[0].ColumnType);
        var accounts = model.FindTable(null, "accounts")!;
        Assert.Equal("character varying(255)", accounts.Columns[1].ColumnType);
        Assert.Equal(255, accounts.Columns[1].MaxLength);
        Assert.True(accounts.Columns[1].IsRequired);
    }

    [Fact]
    public void ForeignKeys_AreResolvedToColumns()
    {
        var model = ReadIncident();

        Assert.Collection(
            model.ForeignKeys,
            fk =>
            {
                Assert.Equal("accounts", fk.Dependent.Name);
                Assert.Equal(["userId"], fk.Columns.ToArray());
                Assert.Equal("users", fk.Principal.Name);
                Assert.Equal(["id"], fk.PrincipalColumns.ToArray());
                Assert.Equal("Cascade", fk.OnDelete);
            },
            fk =>
            {
                Assert.Equal("projects", fk.Dependent.Name);
                Assert.Equal(["userId"], fk.Columns.ToArray());
                Assert.Equal(["id"], fk.PrincipalColumns.ToArray());
            });
    }

    [Fact]
    public void SchemasPrincipalKeysAndBaseTypes()
    {
        var model = ModelHarness.Read(
            Sources.Migration("migrationBuilder.Sql(\"SELECT 1\");"),
            moreSources: Sources.Designer("""
                modelBuilder.Entity("Sample.Person", b =>
                    {
                        b.Property<int>("Id").HasColumnType("integer");
                        b.Property<string>("Email").HasColumnType("text").HasColumnName("email_address");
                        b.HasKey("Id");
                        b.HasAlternateKey("Email");
                        b.ToTable("people", "crm");
                    });

                modelBuilder.Entity("Sample.Customer", b =>
                    {
                        b.HasBaseType("Sample.Person");
                        b.Property<string>("Tier").HasColumnType("text");
                    });

                modelBuilder.Entity("Sample.Order", b =>
                    {
                        b.Property<int>("Id").HasColumnType("integer");
                        b.Property<string>("CustomerEmail").HasColumnType("text");
                        b.HasKey("Id");
                        b.ToTable("orders", (string)null);
                    });

                modelBuilder.Entity("Sample.Order", b =>
                    {
                        b.HasOne("Sample.Customer", null)
                            .WithMany()
                            .HasForeignKey("CustomerEmail")
                            .HasPrincipalKey("Email")
                            .HasConstraintName("FK_orders_email");
                    });
                """)).TargetModel!;

        var people = Assert.Single(model.Tables, t => t.Name == "people");
        Assert.Equal("crm", people.Schema);
        Assert.Equal(["Id", "email_address", "Tier"], people.Columns.Select(c => c.Name));
        Assert.Null(model.FindTable(null, "orders")!.Schema);

        var fk = Assert.Single(model.ForeignKeys);
        Assert.Equal("FK_orders_email", fk.Name);
        Assert.Equal("crm.people", fk.Principal.ToString());
        Assert.Equal(["email_address"], fk.PrincipalColumns.ToArray());
        Assert.Equal(["CustomerEmail"], fk.Columns.ToArray());
        Assert.Null(fk.OnDelete);
    }

    [Fact]
    public void NoDesigner_NoTargetModel()
    {
        var model = ModelHarness.Read(Sources.Migration("migrationBuilder.Sql(\"SELECT 1\");"));

        Assert.Null(model.TargetModel);
        Assert.False(model.Keys.HasKeyInformation);
    }
}
