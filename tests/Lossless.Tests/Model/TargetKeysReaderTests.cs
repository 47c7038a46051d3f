using System.Text;
using Lossless.Analyzers.Model.Targets;
using Lossless.Tests.Meta;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lossless.Tests.Model;

/// <summary>
/// The key rules read only the keys of a Designer (<see cref="TargetModelReader.ReadKeys(BlockSyntax, string, CancellationToken)"/>):
/// whatever the shape, that must give exactly the keys the full reading gives.
/// </summary>
public class TargetKeysReaderTests
{
    public static TheoryData<string> ScaffoldedDesigners()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "samples/Lossless.Sample/Migrations", "samples/Lossless.Sample/SqlServerMigrations" })
        {
            foreach (var path in Directory.GetFiles(RepositoryFiles.PathOf(folder), "*.cs").Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(path);
                if (text.Contains("BuildTargetModel", StringComparison.Ordinal) || text.Contains("BuildModel", StringComparison.Ordinal))
                {
                    data.Add(Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/'));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScaffoldedDesigners))]
    public void ScaffoldedDesigner_KeysEqualTheFullModelsKeys(string path)
    {
        var (keys, full) = ReadBoth(RepositoryFiles.ReadText(path));

        Assert.NotEmpty(keys.PrimaryKeys);
        Assert.Equal(Describe(TargetKeys.From(full)), Describe(keys));
    }

    [Fact]
    public void Incident_KeysEqualTheFullModelsKeys()
    {
        var (keys, full) = ReadBoth(Sources.Designer(Sources.IncidentModel));

        Assert.Equal(
            """
            PK accounts (id)
            PK projects (id)
            PK users (id)
            FK null accounts (userId) -> users (id) Cascade
            FK null projects (userId) -> users (id) Cascade

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            Describe(keys));
        Assert.Equal(Describe(TargetKeys.From(full)), Describe(keys));
    }

    [Fact]
    public void ColumnNamesBaseTypesPrincipalKeysAndOneToOne_KeysEqualTheFullModelsKeys()
    {
        var (keys, full) = ReadBoth(Sources.Designer("""
            modelBuilder.Entity("Sample.Person", b =>
                {
                    b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("integer").HasColumnName("person_id");
                    b.Property<string>("Email").HasColumnType("text").HasColumnName("email_address");
                    b.HasKey("Id").HasName("pk_people");
                    b.HasAlternateKey("Email");
                    b.HasIndex("Email").IsUnique();
                    b.ToTable("people", "crm");
                });

            modelBuilder.Entity("Sample.Customer", b =>
                {
                    b.HasBaseType("Sample.Person");
                    b.Property<string>("Tier").HasColumnType("text");
                });

            modelBuilder.Entity("Sample.Passport", b =>
                {
                    b.Property<int>("Number");
                    b.Property<int>("OwnerId").HasColumnName("owner");
                    b.HasKey("Number");
                    b.ToTable("passports");
                });

            modelBuilder.Entity("Sample.Order", b =>
                {
                    b.Property<int>("Id").HasColumnType("integer");
                    b.Property<string>("CustomerEmail").HasColumnType("text").HasColumnName("customer_email");
                    b.HasKey("Id");
                    b.ToTable("orders", (string)null);
                });

            modelBuilder.Entity("Sample.Keyless", b =>
                {
                    b.Property<string>("Name");
                    b.ToTable("keyless");
                });

            modelBuilder.Entity("Sample.Order", b =>
                {
                    b.HasOne("Sample.Customer", null)
                        .WithMany()
                        .HasForeignKey("CustomerEmail")
                        .HasPrincipalKey("Email")
                        .OnDelete(DeleteBehavior.Restrict)
                        .HasConstraintName("FK_orders_email");
                });

            modelBuilder.Entity("Sample.Passport", b =>
                {
                    b.HasOne("Sample.Person", "Owner")
                        .WithOne("Passport")
                        .HasForeignKey("Sample.Passport", "OwnerId")
                        .OnDelete(DeleteBehavior.Cascade)
                        .IsRequired();
                });
            """));

        Assert.Equal(
            """
            PK crm.people (person_id)
            PK passports (Number)
            PK orders (Id)
            PK keyless ()
            FK null passports (owner) -> crm.people (person_id) Cascade
            FK FK_orders_email orders (customer_email) -> crm.people (email_address) Restrict

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            Describe(keys));
        Assert.Equal(Describe(TargetKeys.From(full)), Describe(keys));
    }

    private static (TargetKeys Keys, TargetModel Full) ReadBoth(string source)
    {
        var method = CSharpSyntaxTree.ParseText(source, cancellationToken: CancellationToken.None).GetRoot(CancellationToken.None)
            .DescendantNodes()
            .OfType<MethodDeclarationSyntax>()
            .Single(m => m.Identifier.ValueText is "BuildTargetModel" or "BuildModel");
        var builder = method.ParameterList.Parameters[0].Identifier.ValueText;
        return (
            TargetModelReader.ReadKeys(method.Body!, builder, CancellationToken.None),
            TargetModelReader.ReadModel(method.Body!, builder, CancellationToken.None));
    }

    internal static string Describe(TargetKeys keys)
    {
        var text = new StringBuilder();
        foreach (var key in keys.PrimaryKeys)
        {
            text.Append("PK ").Append(key.Table).Append(" (").Append(string.Join(", ", key.Columns)).Append(")\n");
        }

        foreach (var fk in keys.ForeignKeys)
        {
            text.Append("FK ").Append(fk.Name ?? "null").Append(' ').Append(fk.Dependent).Append(" (").Append(string.Join(", ", fk.Columns))
                .Append(") -> ").Append(fk.Principal).Append(" (").Append(string.Join(", ", fk.PrincipalColumns)).Append(") ").Append(fk.OnDelete ?? "no action").Append('\n');
        }

        return text.ToString();
    }
}
