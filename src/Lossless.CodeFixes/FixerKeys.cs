namespace Lossless.CodeFixes;

/// <summary>Equivalence keys of the code actions, one per fix kind (RS1010). Tests use them.</summary>
public static class FixerKeys
{
    /// <summary>LL1001: a guard step that aborts the migration when a value would change, before the AlterColumn.</summary>
    public const string LL1001_VerifyThenConvert = "LL1001_VerifyThenConvert";

    /// <summary>LL1002: a guard step that aborts the migration when a value would not convert, before the AlterColumn.</summary>
    public const string LL1002_VerifyThenConvert = "LL1002_VerifyThenConvert";

    /// <summary>LL1002 on PostgreSQL: the guard, then ALTER … TYPE … USING, before the AlterColumn.</summary>
    public const string LL1002_UsingCast = "LL1002_UsingCast";

    /// <summary>LL1002: a new column, a verified copy, drop the old column, rename the new one.</summary>
    public const string LL1002_ExpandContract = "LL1002_ExpandContract";

    /// <summary>LL1003: drop the foreign keys, convert the key and every referencing column, re-create the foreign keys.</summary>
    public const string LL1003_ConvertKey = "LL1003_ConvertKey";
}
