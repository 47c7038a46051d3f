using System;
using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.Correctness;

/// <summary>
/// LL4002: a Migration subclass without [Migration] or without [DbContext] (EF scaffolds both into the .Designer.cs
/// file): EF Core's IMigrationsAssembly never finds it, so it is never applied (tests/Lossless.DataTests/Correctness).
/// Reported on the class name in the file that is not the .Designer.cs.
/// </summary>
internal sealed class MigrationNotDiscoverableRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL4002_MigrationNotDiscoverable);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        if (migration.HasMigrationAttribute && migration.HasDbContextAttribute)
        {
            return;
        }

        var missing = !migration.HasMigrationAttribute && !migration.HasDbContextAttribute
            ? "[Migration] nor [DbContext]"
            : !migration.HasMigrationAttribute ? "[Migration]" : "[DbContext]";
        if (LocationOf(migration.Type) is { } location)
        {
            context.Report(Diagnostic.Create(Descriptors.LL4002_MigrationNotDiscoverable, location, migration.Type.Name, missing));
        }
    }

    /// <summary>The class name in a file that is not a .Designer.cs, else the first in source.</summary>
    private static Location? LocationOf(INamedTypeSymbol type)
    {
        Location? first = null;
        foreach (var location in type.Locations)
        {
            if (!location.IsInSource)
            {
                continue;
            }

            first ??= location;
            if (location.SourceTree?.FilePath.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase) != true)
            {
                return location;
            }
        }

        return first;
    }
}
