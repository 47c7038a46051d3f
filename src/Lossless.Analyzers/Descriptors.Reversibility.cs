using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers;

public static partial class Descriptors
{
    public static readonly DiagnosticDescriptor LL2001_MissingDown = new(
        RuleIds.MissingDown,
        title: "Migration has no Down",
        messageFormat: "Migration '{0}' changes the database in Up but does not override Down: it cannot be rolled back",
        category: DiagnosticCategories.Reversibility,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Without Down, rolling back stops at this migration: EF Core's own Down throws NotSupportedException ('The Down method for this migration has not been implemented'), in `dotnet ef database update <previous>` and in a rollback script alike, so a failed deployment can only be repaired by hand.",
        helpLinkUri: HelpLinks.For(RuleIds.MissingDown));

    public static readonly DiagnosticDescriptor LL2002_EmptyDown = new(
        RuleIds.EmptyDown,
        title: "Down is empty or throws",
        messageFormat: "Down of migration '{0}' {1}",
        category: DiagnosticCategories.Reversibility,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An empty Down records the rollback as done while the schema stays as Up left it; a Down that throws stops the rollback. Either way the migration cannot be undone when a deployment goes wrong.",
        helpLinkUri: HelpLinks.For(RuleIds.EmptyDown));

    public static readonly DiagnosticDescriptor LL2003_DownDoesNotUndoUp = new(
        RuleIds.DownDoesNotUndoUp,
        title: "Down does not undo Up",
        messageFormat: "Down does not {0}",
        category: DiagnosticCategories.Reversibility,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An operation of Up has no inverse in Down, or its inverse restores something else (another type, length, precision or nullability, another name): after a rollback the schema is not the one the previous version of the application expects.",
        helpLinkUri: HelpLinks.For(RuleIds.DownDoesNotUndoUp));
}
