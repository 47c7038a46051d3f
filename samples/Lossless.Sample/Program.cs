using Lossless.Sample;
using Microsoft.EntityFrameworkCore;

// Lists the migrations EF Core would apply; nothing here connects to a database.
using var db = new SampleDbContext();
foreach (var migration in db.Database.GetMigrations())
{
    Console.WriteLine(migration);
}
