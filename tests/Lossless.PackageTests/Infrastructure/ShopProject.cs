namespace Lossless.PackageTests.Infrastructure;

/// <summary>
/// A user's project as small as it gets: EF Core 10 with Npgsql, Lossless from the local feed, and one migration that
/// changes a column from text to integer (LL1002, a warning).
/// </summary>
internal static class ShopProject
{
    public const string MigrationFile = "Migrations/20250301090000_OrderQuantityToInteger.cs";

    public const string Migration = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Migrations
        {
            [DbContext(typeof(ShopContext))]
            [Migration("20250301090000_OrderQuantityToInteger")]
            public partial class OrderQuantityToInteger : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<int>(
                        name: "quantity",
                        table: "orders",
                        type: "integer",
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "text");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(
                        name: "quantity",
                        table: "orders",
                        type: "text",
                        nullable: false,
                        oldClrType: typeof(int),
                        oldType: "integer");
                }
            }
        }
        """;

    /// <summary>LL1002's message on <see cref="Migration"/>'s AlterColumn.</summary>
    public const string Message = "Changing column 'orders.quantity' from 'text' to 'integer' fails on every database, even when every value is a valid integer in the range of integer: PostgreSQL has no cast from text to integer without USING, and EF Core writes none";

    public const string HelpUriPrefix = "https://github.com/lossless-efcore/lossless/blob/main/docs/rules/";

    private const string Context = """
        using Microsoft.EntityFrameworkCore;

        namespace Shop;

        public class ShopContext : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
                optionsBuilder.UseNpgsql("Host=localhost;Database=shop");
        }
        """;

    /// <summary>Writes Shop.csproj, ShopContext.cs and the migration into <paramref name="folder"/>; returns the project file.</summary>
    public static string Create(string folder, string losslessVersion, string extraItems = "")
    {
        Directory.CreateDirectory(Path.Combine(folder, "Migrations"));
        var project = Path.Combine(folder, "Shop.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.EntityFrameworkCore.Relational" Version="{Repository.EFCoreVersion}" />
                <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="{Repository.NpgsqlEFCoreVersion}" />
                <PackageReference Include="Lossless.EntityFrameworkCore" Version="{losslessVersion}" PrivateAssets="all" />
            {extraItems}  </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "ShopContext.cs"), Context);
        File.WriteAllText(Path.Combine(folder, MigrationFile), Migration);
        return project;
    }

    /// <summary>1-based line and column of the first occurrence, as the compiler prints them.</summary>
    public static (int Line, int Column) PositionOf(string source, string text)
    {
        var index = source.IndexOf(text, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{text}' is not in the source.");
        var before = source[..index];
        return (before.Split('\n').Length, index - before.LastIndexOf('\n'));
    }
}
