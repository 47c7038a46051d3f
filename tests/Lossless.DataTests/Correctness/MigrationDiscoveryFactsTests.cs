using Lossless.Analyzers.Model.Providers;
using Lossless.DataTests.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Lossless.DataTests.Correctness;

/// <summary>
/// LL4002: which migration classes EF Core 10's own IMigrationsAssembly finds. A Migration subclass without
/// [Migration] or without [DbContext] (the attributes EF scaffolds into the .Designer.cs file) is never applied.
/// </summary>
public sealed class MigrationDiscoveryFactsTests
{
    private static string Migration(string attributes, string name) => $$"""
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {
            {{attributes}}
            public partial class {{name}} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("SELECT 1;");
            }
        }
        """;

    [Fact]
    public void MigrationWithoutEitherAttribute_IsNotDiscovered()
    {
        using var compiled = CompiledMigrations.Compile(
            Migration("""[DbContext(typeof(Sample.AppDbContext))] [Migration("20250101000000_Complete")]""", "Complete"),
            Migration("""[DbContext(typeof(Sample.AppDbContext))]""", "NoMigrationAttribute"),
            Migration("""[Migration("20250103000000_NoDbContext")]""", "NoDbContext"),
            Migration(string.Empty, "Neither"),
            CompiledMigrationsTests.Context);
        using var context = compiled.CreateContext(DatabaseProvider.Sqlite, "Data Source=:memory:");
        var found = context.GetService<IMigrationsAssembly>().Migrations;

        Assert.Equal(["20250101000000_Complete"], found.Keys);
        Assert.Equal("Complete", found["20250101000000_Complete"].Name);
    }
}
