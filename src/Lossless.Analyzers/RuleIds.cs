namespace Lossless.Analyzers;

/// <summary>The fixed rule ids (see docs/rules). Never reuse an id.</summary>
public static class RuleIds
{
    public const string LossyTypeChange = "LL1001";
    public const string FailingTypeChange = "LL1002";
    public const string KeyTypeChange = "LL1003";
    public const string DropColumn = "LL1004";
    public const string DropTable = "LL1005";
    public const string RenameAsDropAndAdd = "LL1006";
    public const string MadeRequired = "LL1007";
    public const string RequiredColumnAdded = "LL1008";
    public const string DestructiveSql = "LL1009";
    public const string ClrTypeChanged = "LL1010";
    public const string SqliteRebuildCascade = "LL1011";
    public const string ExistingRowsGetPlaceholder = "LL1012";
    public const string MissingDown = "LL2001";
    public const string EmptyDown = "LL2002";
    public const string DownDoesNotUndoUp = "LL2003";
    public const string IndexBlocksWrites = "LL3001";
    public const string TypeChangeRewritesTable = "LL3002";
    public const string RenameBreaksApplication = "LL3003";
    public const string ConstraintValidatedUnderLock = "LL3004";
    public const string SqliteNotAtomic = "LL3005";
    public const string NotNullUnderExclusiveLock = "LL3006";
    public const string VolatileDefault = "LL3007";
    public const string IndexDroppedUnderLock = "LL3008";
    public const string NoLockTimeout = "LL3009";

    public const string MigrationIdInvalid = "LL4001";
    public const string MigrationNotDiscoverable = "LL4002";
    public const string AlterColumnWithoutOld = "LL4003";
    public const string SuppressionWithoutReason = "LL4004";
}
