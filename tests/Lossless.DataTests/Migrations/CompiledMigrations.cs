using System.Reflection;
using System.Runtime.Loader;
using Lossless.Analyzers.Model.Providers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Lossless.DataTests.Migrations;

/// <summary>
/// Migration sources (migrations, their .Designer.cs files and a DbContext with a DbContextOptions constructor)
/// compiled into a real assembly, and run with EF Core's own migrator against a real database.
/// </summary>
public sealed class CompiledMigrations : IDisposable
{
    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);
    private static int _counter;

    private readonly AssemblyLoadContext _context;

    private CompiledMigrations(AssemblyLoadContext context, Assembly assembly, Type contextType, IReadOnlyList<string> migrationIds)
    {
        _context = context;
        Assembly = assembly;
        ContextType = contextType;
        MigrationIds = migrationIds;
    }

    public Assembly Assembly { get; }

    public Type ContextType { get; }

    /// <summary>The [Migration] ids, in the order EF Core applies them.</summary>
    public IReadOnlyList<string> MigrationIds { get; }

    /// <summary>Compiles the sources; fails the test with the compiler's errors when they do not compile.</summary>
    public static CompiledMigrations Compile(params string[] sources)
    {
        var name = "Lossless.DataTests.Compiled" + Interlocked.Increment(ref _counter);
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: $"Source{i}.cs"));
        var compilation = CSharpCompilation.Create(
            name,
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
            throw new InvalidOperationException("The migrations do not compile:\n" + string.Join("\n", errors));
        }

        stream.Position = 0;
        var loadContext = new AssemblyLoadContext(name, isCollectible: true);
        var assembly = loadContext.LoadFromStream(stream);
        var migrations = assembly.GetTypes()
            .Where(t => typeof(Migration).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (Type: t, Id: t.GetCustomAttribute<MigrationAttribute>()?.Id, Context: t.GetCustomAttribute<DbContextAttribute>()?.ContextType))
            .Where(m => m.Id is not null)
            .OrderBy(m => m.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var contextType = migrations.Select(m => m.Context).FirstOrDefault(c => c is not null)
            ?? throw new InvalidOperationException("No migration carries [DbContext(typeof(...))].");
        return new CompiledMigrations(loadContext, assembly, contextType, migrations.Select(m => m.Id!).ToList());
    }

    /// <summary>Runs EF Core's migrator up (or down) to <paramref name="target"/> ("0" reverts every migration; null applies all).</summary>
    public void Migrate(DatabaseProvider provider, string connectionString, string? target = null)
    {
        using var context = CreateContext(provider, connectionString);
        context.GetService<IMigrator>().Migrate(target);
    }

    /// <summary>The SQL EF Core generates for the migrations between two ids (as `dotnet ef migrations script` would).</summary>
    public string Script(DatabaseProvider provider, string connectionString, string? from = null, string? to = null)
    {
        using var context = CreateContext(provider, connectionString);
        return context.GetService<IMigrator>().GenerateScript(from, to);
    }

    public DbContext CreateContext(DatabaseProvider provider, string connectionString)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(ContextType))!;
        _ = provider switch
        {
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString),
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString),
            _ => throw new NotSupportedException($"No database of provider {provider} runs in these tests."),
        };

        // The test DbContext has no model of its own: only the migrations' target models matter here.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return (DbContext)Activator.CreateInstance(ContextType, builder.Options)!;
    }

    public void Dispose() => _context.Unload();

    private static MetadataReference[] LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    }
}
