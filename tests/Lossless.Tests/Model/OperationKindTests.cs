using System.Reflection;
using Lossless.Analyzers.Model.Operations;
using Lossless.Tests.Verifiers;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Lossless.Tests.Model;

public class OperationKindTests
{
    [Fact]
    public void EveryPublicMigrationBuilderMethod_HasItsOwnKind()
    {
        // EF Core 10's MigrationBuilder: every operation method must be known by kind, none read as Other.
        var methods = typeof(MigrationBuilder)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.ReturnType != typeof(void) && m.Name is not ("ToString" or "GetHashCode" or "Equals" or "GetType"))
            .Select(m => m.Name)
            .Distinct()
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();
        Assert.NotEmpty(methods);
        var unknown = methods.Where(m => MigrationOperationKinds.FromMethodName(m) == MigrationOperationKind.Other).ToArray();
        Assert.Empty(unknown);
        foreach (var name in methods)
        {
            Assert.Equal(name, MigrationOperationKinds.FromMethodName(name).ToString());
        }
    }

    [Fact]
    public void ProviderExtension_IsOther_WithItsMethodName()
    {
        var model = ModelHarness.Read(Sources.Migration("""
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:citext", ",,");
            migrationBuilder.EnsurePostgresExtension("hstore");
            """));

        Assert.Equal([MigrationOperationKind.AlterDatabase, MigrationOperationKind.Other], model.Up.Select(o => o.Kind));
        Assert.Equal(["AlterDatabase", "EnsurePostgresExtension"], model.Up.Select(o => o.MethodName));
    }

    [Theory]
    [InlineData(MigrationOperationKind.CreateTable, MigrationOperationKind.DropTable)]
    [InlineData(MigrationOperationKind.AddColumn, MigrationOperationKind.DropColumn)]
    [InlineData(MigrationOperationKind.AlterColumn, MigrationOperationKind.AlterColumn)]
    [InlineData(MigrationOperationKind.RenameTable, MigrationOperationKind.RenameTable)]
    [InlineData(MigrationOperationKind.CreateIndex, MigrationOperationKind.DropIndex)]
    [InlineData(MigrationOperationKind.AddForeignKey, MigrationOperationKind.DropForeignKey)]
    [InlineData(MigrationOperationKind.AddPrimaryKey, MigrationOperationKind.DropPrimaryKey)]
    [InlineData(MigrationOperationKind.AddUniqueConstraint, MigrationOperationKind.DropUniqueConstraint)]
    [InlineData(MigrationOperationKind.CreateCheckConstraint, MigrationOperationKind.DropCheckConstraint)]
    [InlineData(MigrationOperationKind.DropSchema, MigrationOperationKind.EnsureSchema)]
    [InlineData(MigrationOperationKind.InsertData, MigrationOperationKind.DeleteData)]
    [InlineData(MigrationOperationKind.CreateSequence, MigrationOperationKind.DropSequence)]
    public void InverseTable_FollowsTheCatalog(MigrationOperationKind kind, MigrationOperationKind inverse)
    {
        Assert.Equal(inverse, OperationInverses.InverseOf(kind));
        Assert.True(OperationInverses.IsInverseKind(kind, inverse));
    }

    [Theory]
    [InlineData(MigrationOperationKind.Sql)]
    [InlineData(MigrationOperationKind.UpdateData)]
    [InlineData(MigrationOperationKind.EnsureSchema)]
    [InlineData(MigrationOperationKind.AlterTable)]
    [InlineData(MigrationOperationKind.AlterSequence)]
    [InlineData(MigrationOperationKind.AlterDatabase)]
    [InlineData(MigrationOperationKind.RestartSequence)]
    [InlineData(MigrationOperationKind.Other)]
    public void InverseTable_KnowsNoInverse(MigrationOperationKind kind)
    {
        Assert.Null(OperationInverses.InverseOf(kind));
        Assert.False(OperationInverses.HasInverse(kind));
    }

    [Fact]
    public void InverseTable_IsSymmetric()
    {
        foreach (var kind in Enum.GetValues<MigrationOperationKind>())
        {
            if (OperationInverses.InverseOf(kind) is { } inverse && kind != MigrationOperationKind.CreateCheckConstraint && kind != MigrationOperationKind.DropSchema)
            {
                Assert.Equal(kind, OperationInverses.InverseOf(inverse));
            }
        }
    }
}
