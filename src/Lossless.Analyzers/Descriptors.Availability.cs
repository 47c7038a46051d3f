using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers;

/// <summary>
/// Availability: what a migration does to the application still running while it is applied. Info by default;
/// lossless.deploy_model = online reports every rule as a warning (and turns LL3009 on), offline turns them off.
/// </summary>
public static partial class Descriptors
{
    public static readonly DiagnosticDescriptor LL3001_IndexBlocksWrites = new(
        RuleIds.IndexBlocksWrites,
        title: "Index built while blocking writes",
        messageFormat: "Creating index '{0}' on table '{1}' takes a SHARE lock: every insert, update and delete on '{1}' waits until the index is built and the migration commits",
        category: DiagnosticCategories.Availability,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "CREATE INDEX reads the whole table under a SHARE lock, held to the end of the migration's transaction: reads go on, writes wait. CREATE INDEX CONCURRENTLY (Npgsql:CreatedConcurrently) builds it while writes go on.",
        helpLinkUri: HelpLinks.For(RuleIds.IndexBlocksWrites));

    public static readonly DiagnosticDescriptor LL3002_TypeChangeRewritesTable = new(
        RuleIds.TypeChangeRewritesTable,
        title: "Type change rewrites the table",
        messageFormat: "Changing column '{0}' from '{1}' to '{2}' {3}",
        category: DiagnosticCategories.Availability,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "The change keeps every value, but the database rewrites every row (and rebuilds every index) of the table while holding an exclusive lock: reads and writes wait until the migration commits. For a large table, expand/contract: add a column of the new type, copy in batches, switch, drop the old one.",
        helpLinkUri: HelpLinks.For(RuleIds.TypeChangeRewritesTable));

    public static readonly DiagnosticDescriptor LL3003_RenameBreaksApplication = new(
        RuleIds.RenameBreaksApplication,
        title: "Rename breaks the running application",
        messageFormat: "Renaming {0} '{1}' to '{2}' breaks the version of the application still running during the deployment, which uses '{3}': use expand/contract, or deploy with downtime",
        category: DiagnosticCategories.Availability,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "While a migration is applied and the new version rolls out, the old version keeps querying the old name, and every such query fails once the rename commits. Expand/contract (add the new name, write both, move reads, drop the old one) or deploy with downtime.",
        helpLinkUri: HelpLinks.For(RuleIds.RenameBreaksApplication));

    public static readonly DiagnosticDescriptor LL3004_ConstraintValidatedUnderLock = new(
        RuleIds.ConstraintValidatedUnderLock,
        title: "Constraint validated under lock",
        messageFormat: "Adding {0} '{1}' on table '{2}' checks every existing row under {3}",
        category: DiagnosticCategories.Availability,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "ADD CONSTRAINT validates every existing row while holding a lock that blocks writes (SHARE ROW EXCLUSIVE on both tables of a foreign key, ACCESS EXCLUSIVE for a check constraint, which blocks reads too) until the migration commits. Add it NOT VALID (new rows are checked at once) and VALIDATE CONSTRAINT in a separate transaction: it takes SHARE UPDATE EXCLUSIVE, and reads and writes go on.",
        helpLinkUri: HelpLinks.For(RuleIds.ConstraintValidatedUnderLock));

    public static readonly DiagnosticDescriptor LL3006_NotNullUnderExclusiveLock = new(
        RuleIds.NotNullUnderExclusiveLock,
        title: "NOT NULL checked under an exclusive lock",
        messageFormat: "Making column '{0}' required scans every row of '{1}' under an ACCESS EXCLUSIVE lock: reads and writes wait until the migration commits",
        category: DiagnosticCategories.Availability,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "SET NOT NULL reads every row to prove it holds no NULL, under ACCESS EXCLUSIVE. PostgreSQL 12 and later skip that scan when a validated CHECK (column IS NOT NULL) constraint already proves it: add the check NOT VALID, validate it in a separate transaction (reads and writes go on), then SET NOT NULL and drop the check.",
        helpLinkUri: HelpLinks.For(RuleIds.NotNullUnderExclusiveLock));

    public static readonly DiagnosticDescriptor LL3007_VolatileDefault = new(
        RuleIds.VolatileDefault,
        title: "Column added with a volatile default",
        messageFormat: "Adding column '{0}' with the volatile default '{1}' rewrites every row of '{2}' under an ACCESS EXCLUSIVE lock: reads and writes wait until the migration commits",
        category: DiagnosticCategories.Availability,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Since PostgreSQL 11 a column added with a constant or stable default (now(), CURRENT_TIMESTAMP) is stored once in the catalog; a volatile one (gen_random_uuid(), random(), clock_timestamp(), nextval(…)) must be computed for every row, so the table is rewritten under ACCESS EXCLUSIVE. Add the column without it, set the default for new rows, and backfill existing rows in batches.",
        helpLinkUri: HelpLinks.For(RuleIds.VolatileDefault));

    public static readonly DiagnosticDescriptor LL3008_IndexDroppedUnderLock = new(
        RuleIds.IndexDroppedUnderLock,
        title: "Index dropped under an exclusive lock",
        messageFormat: "Dropping index '{0}' takes an ACCESS EXCLUSIVE lock on table '{1}': reads and writes wait until the migration commits",
        category: DiagnosticCategories.Availability,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "DROP INDEX takes ACCESS EXCLUSIVE on the index's table, held to the end of the migration's transaction, and waits for every running query on it first. DROP INDEX CONCURRENTLY (outside a transaction) waits for them without blocking new ones.",
        helpLinkUri: HelpLinks.For(RuleIds.IndexDroppedUnderLock));

    public static readonly DiagnosticDescriptor LL3009_NoLockTimeout = new(
        RuleIds.NoLockTimeout,
        title: "No lock timeout",
        messageFormat: "{0} locks table '{1}' with no lock_timeout set first: waiting behind one long query or transaction, it makes every later query on '{1}' wait behind itself",
        category: DiagnosticCategories.Availability,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Reported only with lossless.deploy_model = online. A lock request waits for every conflicting lock already held, and every later request waits behind it: one long report query turns a millisecond ALTER into an outage. SET LOCAL lock_timeout as the migration's first step makes it fail fast (55P03) and roll back instead; retry it later.",
        helpLinkUri: HelpLinks.For(RuleIds.NoLockTimeout));
}
