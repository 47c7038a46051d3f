using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Lossless.DataTests.Infrastructure;

/// <summary>
/// The smallest model that has the probed column: table <c>t</c> with key <c>id</c> (int) and column <c>v</c>
/// mapped by a <see cref="ColumnDefinition"/>, as a property-bag entity type named "Row". Its migrations are
/// the ones the probe hands it (<see cref="ProbeMigrationsAssembly"/>), so EF Core's own migrator applies them.
/// </summary>
public sealed class ProbeContext : DbContext
{
    public const string TableName = "t";
    public const string EntityName = "Row";
    public const string KeyColumn = "id";
    public const string ValueColumn = "v";

    private readonly TestDatabase database;

    public ProbeContext(TestDatabase database, ColumnDefinition column)
    {
        this.database = database;
        Column = column;
    }

    public ColumnDefinition Column { get; }

    /// <summary>The migrations EF's migrator sees, in order.</summary>
    public IReadOnlyList<Migration> ProbeMigrations { get; set; } = [];

    public DbSet<Dictionary<string, object>> Rows => Set<Dictionary<string, object>>(EntityName);

    /// <summary>The design-time model, as `migrations add` diffs it.</summary>
    public IModel DesignTimeModel => this.GetService<IDesignTimeModel>().Model;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        database.Configure(optionsBuilder);
        optionsBuilder
            .ReplaceService<IModelCacheKeyFactory, ProbeModelCacheKeyFactory>()
            .ReplaceService<IMigrationsAssembly, ProbeMigrationsAssembly>()
            // The context's model is the probe's new model, never a migration snapshot.
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.SharedTypeEntity<Dictionary<string, object>>(EntityName, entity =>
        {
            entity.ToTable(TableName);
            entity.Property<int>(KeyColumn).ValueGeneratedNever();
            entity.HasKey(KeyColumn);
            var value = entity.Property(Column.PropertyType, ValueColumn).IsRequired(false);
            if (Column.StoreType is not null)
            {
                value.HasColumnType(Column.StoreType);
            }

            if (Column.MaxLength is not null)
            {
                value.HasMaxLength(Column.MaxLength.Value);
            }

            if (Column.Precision is not null)
            {
                if (Column.Scale is not null)
                {
                    value.HasPrecision(Column.Precision.Value, Column.Scale.Value);
                }
                else
                {
                    value.HasPrecision(Column.Precision.Value);
                }
            }
        });
    }
}

/// <summary>One model per provider and column definition.</summary>
public sealed class ProbeModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime)
        => context is ProbeContext probe
            ? (probe.Database.ProviderName, probe.Column.Key, designTime)
            : (context.GetType(), designTime);
}

/// <summary>Serves the probe's migrations to EF Core's migrator instead of scanning an assembly.</summary>
public sealed class ProbeMigrationsAssembly : IMigrationsAssembly
{
    private readonly ICurrentDbContext currentContext;

    public ProbeMigrationsAssembly(ICurrentDbContext currentContext) => this.currentContext = currentContext;

    private IReadOnlyList<Migration> Probe => ((ProbeContext)currentContext.Context).ProbeMigrations;

    public IReadOnlyDictionary<string, TypeInfo> Migrations
    {
        get
        {
            var migrations = new SortedDictionary<string, TypeInfo>(StringComparer.Ordinal);
            foreach (var migration in Probe)
            {
                migrations.Add(IdOf(migration), migration.GetType().GetTypeInfo());
            }

            return migrations;
        }
    }

    public ModelSnapshot? ModelSnapshot => null;

    public Assembly Assembly => typeof(ProbeMigrationsAssembly).Assembly;

    public string? FindMigrationId(string nameOrId)
    {
        foreach (var migration in Probe)
        {
            var id = IdOf(migration);
            if (string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
                || string.Equals(id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..], nameOrId, StringComparison.OrdinalIgnoreCase))
            {
                return id;
            }
        }

        return null;
    }

    private static string IdOf(Migration migration)
        => migration.GetType().GetCustomAttribute<MigrationAttribute>()?.Id
            ?? throw new InvalidOperationException(migration.GetType().Name + " has no [Migration] attribute.");

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        foreach (var migration in Probe)
        {
            if (migration.GetType() == migrationClass.AsType())
            {
                migration.ActiveProvider = activeProvider;
                return migration;
            }
        }

        throw new InvalidOperationException("The probe has no migration of type " + migrationClass.Name + ".");
    }
}

/// <summary>A migration whose operations are the ones EF's model differ produced; its target model is the probe's model.</summary>
public abstract class ProbeMigration : Migration
{
    private readonly IReadOnlyList<MigrationOperation> operations;
    private readonly IModel targetModel;

    protected ProbeMigration(IReadOnlyList<MigrationOperation> operations, IModel targetModel)
    {
        this.operations = operations;
        this.targetModel = targetModel;
    }

    public override IModel TargetModel => targetModel;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var operation in operations)
        {
            migrationBuilder.Operations.Add(operation);
        }
    }
}

/// <summary>Creates table <c>t</c> with the old column definition.</summary>
[Migration(Id)]
public sealed class CreateTableMigration : ProbeMigration
{
    public const string Id = "20250101000001_CreateTable";

    public CreateTableMigration(IReadOnlyList<MigrationOperation> operations, IModel targetModel)
        : base(operations, targetModel)
    {
    }
}

/// <summary>Changes column <c>t.v</c> from the old definition to the new one.</summary>
[Migration(Id)]
public sealed class AlterColumnMigration : ProbeMigration
{
    public const string Id = "20250101000002_AlterColumn";

    public AlterColumnMigration(IReadOnlyList<MigrationOperation> operations, IModel targetModel)
        : base(operations, targetModel)
    {
    }
}
