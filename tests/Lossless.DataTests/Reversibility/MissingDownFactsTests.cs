using Lossless.Analyzers.Model.Providers;
using Lossless.DataTests.Infrastructure;
using Lossless.DataTests.Migrations;

namespace Lossless.DataTests.Reversibility;

/// <summary>What LL2001 rests on: a migration without Down cannot be rolled back at all.</summary>
public sealed class MissingDownFactsTests
{
    [Fact]
    public void MigrationWithoutDown_StopsTheRollbackWithNotSupportedException()
    {
        var withoutDown = ScaffoldedSet.WithoutDown(ScaffoldedSet.Migration(DatabaseProvider.Sqlite, "20250101010000_Initial"));
        using var compiled = CompiledMigrations.Compile(withoutDown, ScaffoldedSet.Designer(DatabaseProvider.Sqlite, "20250101010000_Initial"), CompiledMigrationsTests.Context);
        using var database = new SqliteDatabase();
        compiled.Migrate(DatabaseProvider.Sqlite, database.ConnectionString);

        var error = Assert.Throws<NotSupportedException>(() => compiled.Migrate(DatabaseProvider.Sqlite, database.ConnectionString, "0"));

        Assert.Equal("The 'Down' method for this migration has not been implemented. Both the 'Up' and 'Down' methods must be implemented to support reverting migrations.", error.Message);
        Assert.Contains("column users.email TEXT not null", DatabaseSnapshot.Take(DatabaseProvider.Sqlite, database.ConnectionString).Schema);
    }
}
