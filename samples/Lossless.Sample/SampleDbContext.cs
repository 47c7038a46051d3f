using Microsoft.EntityFrameworkCore;

namespace Lossless.Sample;

public class SampleDbContext : DbContext
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<Account> Accounts => Set<Account>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        // Nothing connects at build time; `dotnet ef migrations add` only needs the provider.
#if SAMPLE_SQLSERVER
        optionsBuilder.UseSqlServer("Server=localhost;Database=lossless_sample;Trusted_Connection=True;TrustServerCertificate=True");
#elif SAMPLE_SQLITE
        optionsBuilder.UseSqlite("Data Source=lossless_sample.db");
#else
        optionsBuilder.UseNpgsql("Host=localhost;Database=lossless_sample;Username=postgres");
#endif
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(b =>
        {
            b.ToTable("users");
            b.Property(u => u.Id).HasColumnName("id");
            b.Property(u => u.Name).HasColumnName("name").HasMaxLength(255);
            b.Property(u => u.Email).HasColumnName("email").HasMaxLength(255);
        });

        modelBuilder.Entity<Project>(b =>
        {
            b.ToTable("projects");
            b.Property(p => p.Id).HasColumnName("id");
            b.Property(p => p.Title).HasColumnName("title").HasMaxLength(200);
            b.Property(p => p.UserId).HasColumnName("userId");
            b.HasOne(p => p.User).WithMany(u => u.Projects).HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Account>(b =>
        {
            b.ToTable("accounts");
            b.Property(a => a.Id).HasColumnName("id");
            b.Property(a => a.Provider).HasColumnName("provider").HasMaxLength(255);
            b.Property(a => a.ProviderAccountId).HasColumnName("providerAccountId").HasMaxLength(255);
            b.Property(a => a.UserId).HasColumnName("userId");
            b.HasOne(a => a.User).WithMany(u => u.Accounts).HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
