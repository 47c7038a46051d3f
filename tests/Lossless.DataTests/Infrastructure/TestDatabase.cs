using Lossless.Analyzers.Model.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lossless.DataTests.Infrastructure;

/// <summary>A database a test owns: the provider and how to connect to it.</summary>
public sealed class TestDatabase
{
    public TestDatabase(DatabaseProvider provider, string connectionString)
    {
        if (provider != DatabaseProvider.PostgreSql && provider != DatabaseProvider.Sqlite)
        {
            throw new ArgumentOutOfRangeException(nameof(provider), provider, "The data tests run PostgreSQL and SQLite.");
        }

        Provider = provider;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Points EF Core at this database with the provider's defaults.</summary>
    public void Configure(DbContextOptionsBuilder builder)
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            builder.UseNpgsql(ConnectionString);
        }
        else
        {
            builder.UseSqlite(ConnectionString);
        }
    }

    public override string ToString() => Provider.ToString();
}

/// <summary>A SQLite database file of its own in a fresh temp folder, deleted on dispose.</summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string folder;

    public SqliteDatabase()
    {
        folder = Path.Combine(Path.GetTempPath(), "lossless-sqlite-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, "test.db");

        // No pooling: each EF operation really closes the file, as separate application runs would.
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString();
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public TestDatabase Database => new(DatabaseProvider.Sqlite, ConnectionString);

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
