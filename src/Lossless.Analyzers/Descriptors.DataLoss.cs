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

    public static readonly DiagnosticDescriptor LL1004_DropColumn = new(
        RuleIds.DropColumn,
        title: "Column dropped",
        messageFormat: "Dropping column '{0}' deletes every value it holds, and Down cannot bring them back",
        category: DiagnosticCategories.DataLoss,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A dropped column's values are gone once the migration runs: Down re-adds the column empty. Back the values up first, keyed by the primary key, so that Down can restore them.",
        helpLinkUri: HelpLinks.For(RuleIds.DropColumn));

    public static readonly DiagnosticDescriptor LL1005_DropTable = new(
        RuleIds.DropTable,
        title: "Table dropped",
        messageFormat: "Dropping {0} '{1}' deletes {2}, and Down cannot bring them back",
        category: DiagnosticCategories.DataLoss,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A dropped table's rows are gone once the migration runs: Down re-creates the table empty. Copy the table into a backup table first, so that Down can restore its rows.",
        helpLinkUri: HelpLinks.For(RuleIds.DropTable));

    public static readonly DiagnosticDescriptor LL1006_RenameAsDropAndAdd = new(
        RuleIds.RenameAsDropAndAdd,
        title: "Rename scaffolded as drop and add",
        messageFormat: "{0} '{1}' is dropped and '{2}' added, which looks like a rename ({3}): every value of '{1}' is lost",
        category: DiagnosticCategories.DataLoss,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "EF Core scaffolds a DropColumn and an AddColumn when a property is renamed and its type or nullability changes in the same step (and a DropTable and a CreateTable when an entity and its table are renamed): every value is lost. A rename keeps them.",
        helpLinkUri: HelpLinks.For(RuleIds.RenameAsDropAndAdd));

    public static readonly DiagnosticDescriptor LL1007_MadeRequired = new(
        RuleIds.MadeRequired,
        title: "Column made required",
        messageFormat: "Making column '{0}' required {1}",
        category: DiagnosticCategories.DataLoss,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A column that becomes NOT NULL needs a value in every row. Without a default the migration fails on the first row holding NULL; with the placeholder EF scaffolds ('', 0, false, Guid.Empty) every NULL silently becomes that placeholder.",
        helpLinkUri: HelpLinks.For(RuleIds.MadeRequired));

    public static readonly DiagnosticDescriptor LL1008_RequiredColumnAdded = new(
        RuleIds.RequiredColumnAdded,
        title: "Required column added to existing rows",
        messageFormat: "Adding required column '{0}' {1}",
        category: DiagnosticCategories.DataLoss,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A NOT NULL column added to a table that has rows needs a value for each of them. Without a default the migration fails; with the placeholder EF scaffolds every existing row gets '', 0 or an empty id, which on a foreign key references nothing.",
        helpLinkUri: HelpLinks.For(RuleIds.RequiredColumnAdded));

    public static readonly DiagnosticDescriptor LL1009_DestructiveSql = new(
        RuleIds.DestructiveSql,
        title: "Destructive raw SQL",
        messageFormat: "Raw SQL '{0}' {1}",
        category: DiagnosticCategories.DataLoss,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A migrationBuilder.Sql step that drops a table, column, schema or database, truncates, deletes or updates without WHERE, or changes a column's type destroys data that no other rule can see.",
        helpLinkUri: HelpLinks.For(RuleIds.DestructiveSql));

    public static readonly DiagnosticDescriptor LL1010_ClrTypeChanged = new(
        RuleIds.ClrTypeChanged,
        title: "CLR type changed with no migration operation",
        messageFormat: "Changing the CLR type of '{0}' from {1} to {2} keeps its SQLite column type {3}, so EF Core scaffolds no operation and converts no value: {4}",
        category: DiagnosticCategories.DataLoss,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "On SQLite a property can change its CLR type without changing its storage class (string to Guid keeps TEXT, long to int keeps INTEGER): the migration then holds no operation for it, and the values already stored stay as they were, including those the new type cannot read.",
        helpLinkUri: HelpLinks.For(RuleIds.ClrTypeChanged));

    public static readonly DiagnosticDescriptor LL1011_SqliteRebuildCascade = new(
        RuleIds.SqliteRebuildCascade,
        title: "SQLite rebuild deletes or nulls referencing rows",
        messageFormat: "{0} makes EF Core rebuild table '{1}': run inside an outer transaction (a script from --no-transactions between BEGIN and COMMIT), SQLite ignores EF's PRAGMA foreign_keys = 0 and dropping the old table {2}; apply this migration outside any transaction",
        category: DiagnosticCategories.DataLoss,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "EF Core rebuilds a SQLite table (new table, copy, drop, rename) with foreign keys turned off by PRAGMA foreign_keys = 0. SQLite ignores that pragma inside a transaction: when the migration runs inside one, dropping the old table fires the foreign keys that reference it, and ON DELETE CASCADE deletes, ON DELETE SET NULL nulls, the referencing rows.",
        helpLinkUri: HelpLinks.For(RuleIds.SqliteRebuildCascade));

    public static readonly DiagnosticDescriptor LL1012_ExistingRowsGetPlaceholder = new(
        RuleIds.ExistingRowsGetPlaceholder,
        title: "Existing rows get EF's placeholder",
        messageFormat: "Adding required column '{0}' {1}",
        category: DiagnosticCategories.DataLoss,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "EF Core gives a required column added to a table that has rows the CLR default of its type ('', 0, false) so that the ALTER succeeds: every existing row silently gets that value. Often it is what a new object gets anyway (is_deleted = false); sometimes it is not (is_active = false, a count that was never counted). Say which by writing the default in the model (HasDefaultValue), or backfill the rows.",
        helpLinkUri: HelpLinks.For(RuleIds.ExistingRowsGetPlaceholder));
}
