using Microsoft.EntityFrameworkCore;

namespace FormatShop;

public class ShopContext : DbContext
{
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.UseNpgsql("Host=localhost;Database=shop");
}
