namespace Lossless.Benchmarks;

/// <summary>
/// The same project without EF Core: the generated sources with EF Core's and Npgsql's namespaces renamed onto a
/// small stand-in API of the same shape, so the compilation binds the same lambdas, generic calls and fluent chains,
/// compiles cleanly, and references nothing but the runtime. The analyzers must find no migration type in it.
/// </summary>
public static class StandIn
{
    public static string Rename(string source) => source
        .Replace("Microsoft.EntityFrameworkCore", "Standin.EntityFrameworkCore", StringComparison.Ordinal)
        .Replace("Npgsql.EntityFrameworkCore.PostgreSQL", "Standin.Npgsql", StringComparison.Ordinal);

    /// <summary>The stand-in API: only the members the generated sources call, with EF Core's parameter names.</summary>
    public const string Api = """
        using System;

        namespace Standin.EntityFrameworkCore
        {
            public class DbContextOptions { }

            public class DbContextOptions<TContext> : DbContextOptions { }

            public class DbContext
            {
                public DbContext(DbContextOptions options) { }
            }

            public class DbSet<TEntity> { }

            public enum DeleteBehavior { ClientSetNull, Restrict, SetNull, Cascade }

            public class ModelBuilder
            {
                public ModelBuilder HasAnnotation(string annotation, object value) => this;

                public ModelBuilder Entity(string name, Action<EntityTypeBuilder> buildAction)
                {
                    buildAction(new EntityTypeBuilder());
                    return this;
                }
            }

            public class EntityTypeBuilder
            {
                public PropertyBuilder<TProperty> Property<TProperty>(string propertyName) => new PropertyBuilder<TProperty>();

                public KeyBuilder HasKey(params string[] propertyNames) => new KeyBuilder();

                public IndexBuilder HasIndex(params string[] propertyNames) => new IndexBuilder();

                public EntityTypeBuilder ToTable(string name) => this;

                public ReferenceNavigationBuilder HasOne(string relatedTypeName, string navigationName) => new ReferenceNavigationBuilder();

                public object Navigation(string navigationName) => navigationName;
            }

            public class PropertyBuilder { }

            public class PropertyBuilder<TProperty> : PropertyBuilder
            {
                public PropertyBuilder<TProperty> ValueGeneratedOnAdd() => this;

                public PropertyBuilder<TProperty> IsRequired(bool required = true) => this;

                public PropertyBuilder<TProperty> HasMaxLength(int maxLength) => this;

                public PropertyBuilder<TProperty> HasPrecision(int precision, int scale) => this;

                public PropertyBuilder<TProperty> HasColumnType(string typeName) => this;

                public PropertyBuilder<TProperty> HasColumnName(string name) => this;
            }

            public class KeyBuilder { }

            public class IndexBuilder { }

            public class ReferenceNavigationBuilder
            {
                public ReferenceCollectionBuilder WithMany(string navigationName = null) => new ReferenceCollectionBuilder();
            }

            public class ReferenceCollectionBuilder
            {
                public ReferenceCollectionBuilder HasForeignKey(params string[] foreignKeyPropertyNames) => this;

                public ReferenceCollectionBuilder OnDelete(DeleteBehavior deleteBehavior) => this;

                public ReferenceCollectionBuilder IsRequired(bool required = true) => this;
            }

            public static class NpgsqlModelBuilderExtensions
            {
                public static ModelBuilder UseIdentityByDefaultColumns(ModelBuilder modelBuilder) => modelBuilder;
            }

            public static class NpgsqlPropertyBuilderExtensions
            {
                public static PropertyBuilder UseIdentityByDefaultColumn(PropertyBuilder propertyBuilder) => propertyBuilder;
            }
        }

        namespace Standin.EntityFrameworkCore.Infrastructure
        {
            [AttributeUsage(AttributeTargets.Class)]
            public sealed class DbContextAttribute : Attribute
            {
                public DbContextAttribute(Type contextType) { }
            }

            public abstract class ModelSnapshot
            {
                protected abstract void BuildModel(Standin.EntityFrameworkCore.ModelBuilder modelBuilder);
            }
        }

        namespace Standin.EntityFrameworkCore.Migrations
        {
            using Standin.EntityFrameworkCore;

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class MigrationAttribute : Attribute
            {
                public MigrationAttribute(string id) { }
            }

            public enum ReferentialAction { NoAction, Restrict, Cascade, SetNull, SetDefault }

            public abstract class Migration
            {
                protected abstract void Up(MigrationBuilder migrationBuilder);

                protected virtual void Down(MigrationBuilder migrationBuilder) { }

                protected virtual void BuildTargetModel(ModelBuilder modelBuilder) { }
            }

            public class OperationBuilder
            {
                public OperationBuilder Annotation(string name, object value) => this;
            }

            public class AlterOperationBuilder
            {
                public AlterOperationBuilder Annotation(string name, object value) => this;

                public AlterOperationBuilder OldAnnotation(string name, object value) => this;
            }

            public class ColumnsBuilder
            {
                public OperationBuilder Column<T>(string type = null, int? maxLength = null, string name = null, bool nullable = false, int? precision = null, int? scale = null) => new OperationBuilder();
            }

            public class CreateTableBuilder<TColumns>
            {
                public OperationBuilder PrimaryKey(string name, Func<TColumns, object> columns) => new OperationBuilder();

                public OperationBuilder ForeignKey(string name, Func<TColumns, object> column, string principalTable, string principalColumn = null, string principalSchema = null, ReferentialAction onUpdate = ReferentialAction.NoAction, ReferentialAction onDelete = ReferentialAction.NoAction) => new OperationBuilder();
            }

            public class MigrationBuilder
            {
                public CreateTableBuilder<TColumns> CreateTable<TColumns>(string name, Func<ColumnsBuilder, TColumns> columns, string schema = null, Action<CreateTableBuilder<TColumns>> constraints = null, string comment = null)
                {
                    var builder = new CreateTableBuilder<TColumns>();
                    columns(new ColumnsBuilder());
                    constraints?.Invoke(builder);
                    return builder;
                }

                public OperationBuilder CreateIndex(string name, string table, string column, string schema = null, bool unique = false) => new OperationBuilder();

                public OperationBuilder AddColumn<T>(string name, string table, string type = null, int? maxLength = null, string schema = null, bool nullable = false, int? precision = null, int? scale = null) => new OperationBuilder();

                public AlterOperationBuilder AlterColumn<T>(string name, string table, string type = null, int? maxLength = null, string schema = null, bool nullable = false, Type oldClrType = null, string oldType = null, int? oldMaxLength = null, bool oldNullable = false, int? precision = null, int? scale = null, int? oldPrecision = null, int? oldScale = null) => new AlterOperationBuilder();

                public OperationBuilder AddForeignKey(string name, string table, string column, string principalTable, string schema = null, string principalSchema = null, string principalColumn = null, ReferentialAction onUpdate = ReferentialAction.NoAction, ReferentialAction onDelete = ReferentialAction.NoAction) => new OperationBuilder();

                public OperationBuilder Sql(string sql, bool suppressTransaction = false) => new OperationBuilder();

                public OperationBuilder DropTable(string name, string schema = null) => new OperationBuilder();

                public OperationBuilder DropColumn(string name, string table, string schema = null) => new OperationBuilder();

                public OperationBuilder DropIndex(string name, string table = null, string schema = null) => new OperationBuilder();

                public OperationBuilder DropForeignKey(string name, string table, string schema = null) => new OperationBuilder();
            }
        }

        namespace Standin.Npgsql.Metadata
        {
            public enum NpgsqlValueGenerationStrategy { None, SequenceHiLo, SerialColumn, IdentityAlwaysColumn, IdentityByDefaultColumn }
        }
        """;
}
