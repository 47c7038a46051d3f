using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers;

public static partial class Descriptors
{
    public static readonly DiagnosticDescriptor LL4001_MigrationIdInvalid = new(
        RuleIds.MigrationIdInvalid,
        title: "Migration id malformed, duplicated or out of order",
        messageFormat: "Migration id '{0}' {1}",
        category: DiagnosticCategories.Correctness,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "EF Core applies the migrations of a DbContext in the order of their [Migration] ids compared as text, and keys them by id. An id that is not yyyyMMddHHmmss_Name runs where its text sorts (\"Initial\" after every timestamped id); two migrations of one context with the same id make EF Core fail before it applies any; a migration whose id sorts before the migration that creates a table or column it uses fails on a fresh database.",
        helpLinkUri: HelpLinks.For(RuleIds.MigrationIdInvalid));

    public static readonly DiagnosticDescriptor LL4002_MigrationNotDiscoverable = new(
        RuleIds.MigrationNotDiscoverable,
        title: "Migration not discoverable",
        messageFormat: "Migration '{0}' has no {1} attribute, so EF Core never finds it and never applies it (EF Core scaffolds both into the .Designer.cs file)",
        category: DiagnosticCategories.Correctness,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "EF Core finds migrations by [DbContext(typeof(…))] for the context and [Migration(\"id\")] for the id. A Migration subclass without either (often a migration whose .Designer.cs was deleted or not committed) is skipped by dotnet ef database update, Migrate() and scripts, silently.",
        helpLinkUri: HelpLinks.For(RuleIds.MigrationNotDiscoverable));

    public static readonly DiagnosticDescriptor LL4003_AlterColumnWithoutOld = new(
        RuleIds.AlterColumnWithoutOld,
        title: "AlterColumn without its old definition",
        messageFormat: "AlterColumn of '{0}' gives no {1}: EF Core compares the new column with defaults instead of the old one, so its SQL may change nothing or the wrong thing{2}",
        category: DiagnosticCategories.Correctness,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "MigrationBuilder.AlterColumn without oldClrType/oldType (the shape EF Core 1.x scaffolded, or written by hand) leaves EF Core to compare the new column with a default old one. The SQL then depends on those defaults, not on the database: on PostgreSQL a column made required without oldNullable never gets NOT NULL.",
        helpLinkUri: HelpLinks.For(RuleIds.AlterColumnWithoutOld));

    public static readonly DiagnosticDescriptor LL4004_SuppressionWithoutReason = new(
        RuleIds.SuppressionWithoutReason,
        title: "Suppression without a reason",
        messageFormat: "{0} is suppressed by {1}: say why, so that the next reader knows the data was looked after",
        category: DiagnosticCategories.Correctness,
        defaultSeverity: DiagnosticSeverity.Hidden,
        isEnabledByDefault: false,
        description: "A Lossless diagnostic in a migration says data may be lost. Suppressing it is a decision someone made about that data; a comment on the #pragma line, or a Justification on [SuppressMessage], keeps the decision reviewable. Opt in with dotnet_diagnostic.LL4004.severity = warning.",
        helpLinkUri: HelpLinks.For(RuleIds.SuppressionWithoutReason));
}
