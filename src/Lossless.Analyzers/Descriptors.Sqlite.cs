using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers;

/// <summary>The SQLite Availability rule, kept apart from the other Availability descriptors.</summary>
public static partial class Descriptors
{
    public static readonly DiagnosticDescriptor LL3005_SqliteNotAtomic = new(
        RuleIds.SqliteNotAtomic,
        title: "SQLite migration is not atomic",
        messageFormat: "{0} makes EF Core rebuild table '{1}' after every other operation of this migration, which EF Core then commits in pieces: if a later piece fails, what ran before it stays applied and the migration is not recorded",
        category: DiagnosticCategories.Availability,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "On SQLite EF Core runs a migration's table rebuilds after its other operations and commits the migration in three pieces (the operations and the copies into ef_temp_ tables; the drops and renames, with foreign keys off; the re-created indexes), then records it: when a late piece fails, the earlier ones stay committed, the migration is not in __EFMigrationsHistory, and running it again repeats them.",
        helpLinkUri: HelpLinks.For(RuleIds.SqliteNotAtomic));
}
