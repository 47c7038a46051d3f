using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers;

public static partial class Descriptors
{
    public static readonly DiagnosticDescriptor LL1001_LossyTypeChange = new(
        RuleIds.LossyTypeChange,
        title: "Column type change silently changes data",
        messageFormat: "Changing column '{0}' from '{1}' to '{2}' {3}",
        category: DiagnosticCategories.DataLoss,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The database converts every existing value, and some values come out different: rounded, truncated, or stripped of a time or an offset. The migration succeeds and nobody is told.",
        helpLinkUri: HelpLinks.For(RuleIds.LossyTypeChange));

    public static readonly DiagnosticDescriptor LL1002_FailingTypeChange = new(
        RuleIds.FailingTypeChange,
        title: "Column type change fails on existing data",
        messageFormat: "Changing column '{0}' from '{1}' to '{2}' {3}",
        category: DiagnosticCategories.DataLoss,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The conversion is not guaranteed for the values already stored: the migration fails in production (or, on some providers, leaves values the application cannot read), often only on the data that matters.",
        helpLinkUri: HelpLinks.For(RuleIds.FailingTypeChange));

    public static readonly DiagnosticDescriptor LL1003_KeyTypeChange = new(
        RuleIds.KeyTypeChange,
        title: "Type change on a key column",
        messageFormat: "Changing {0} column '{1}' from '{2}' to '{3}' {4}; {5}",
        category: DiagnosticCategories.DataLoss,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A key's type cannot change alone: every foreign key that references it, and every column it is made of, must change in step, or the migration fails, orphans rows or cascades deletes.",
        helpLinkUri: HelpLinks.For(RuleIds.KeyTypeChange));
}
