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

    public const string LL1004_BackUpColumn = "LL1004_BackUpColumn";
    public const string LL1005_BackUpTable = "LL1005_BackUpTable";
    public const string LL1006_Rename = "LL1006_Rename";

    /// <summary>LL1007: an UPDATE of the rows holding NULL whose value is left to choose (lossless: choose), before the AlterColumn.</summary>
    public const string LL1007_BackfillNulls = "LL1007_BackfillNulls";

    /// <summary>LL1007: the default the target model declares (HasDefaultValue) as the AlterColumn's defaultValue.</summary>
    public const string LL1007_UseModelDefault = "LL1007_UseModelDefault";

    /// <summary>LL1008: the default the target model declares (HasDefaultValue) as the AddColumn's defaultValue.</summary>
    public const string LL1008_UseModelDefault = "LL1008_UseModelDefault";

    /// <summary>LL1008: add the column nullable, an UPDATE whose value is left to choose (lossless: choose), then make it required.</summary>
    public const string LL1008_AddNullableBackfillRequire = "LL1008_AddNullableBackfillRequire";

    /// <summary>
    /// LL1008 on SQLite, where the AddColumn has EF's placeholder: the column stays as added (required, with the
    /// placeholder SQLite needs to add it), then an UPDATE gives the existing rows a value left to choose. No AlterColumn,
    /// so no table rebuild.
    /// </summary>
    public const string LL1008_BackfillAfterAdd = "LL1008_BackfillAfterAdd";

    /// <summary>
    /// LL1008 on SQLite, where the AddColumn has no default at all: a default left to choose
    /// (defaultValue: null /* lossless: choose */), since SQLite adds a required column only with one. No AlterColumn,
    /// so no table rebuild.
    /// </summary>
    public const string LL1008_ChooseDefault = "LL1008_ChooseDefault";

    /// <summary>LL1012: the default the target model declares (HasDefaultValue) as the AddColumn's defaultValue.</summary>
    public const string LL1012_UseModelDefault = "LL1012_UseModelDefault";

    /// <summary>LL1012: as LL1008, add the column nullable, an UPDATE whose value is left to choose, then make it required.</summary>
    public const string LL1012_AddNullableBackfillRequire = "LL1012_AddNullableBackfillRequire";

    /// <summary>LL1012 on SQLite: as LL1008, the column added as it is, then an UPDATE whose value is left to choose; no table rebuild.</summary>
    public const string LL1012_BackfillAfterAdd = "LL1012_BackfillAfterAdd";

    /// <summary>LL1010 on SQLite string → Guid: a guard that stops on a value that is not a uuid, then upper-case every uuid (EF Core's form).</summary>
    public const string LL1010_GuardAndNormalizeGuids = "LL1010_GuardAndNormalizeGuids";

    /// <summary>LL2001, LL2002: write Down as the inverse of every Up operation.</summary>
    public const string LL2001_GenerateDown = "LL2001_GenerateDown";

    /// <summary>LL2003: add the missing inverse of one Up operation to Down, or replace the wrong one.</summary>
    public const string LL2003_AddMissingInverse = "LL2003_AddMissingInverse";

    /// <summary>LL3001: .Annotation("Npgsql:CreatedConcurrently", true) on the CreateIndex.</summary>
    public const string LL3001_CreateConcurrently = "LL3001_CreateConcurrently";

    /// <summary>LL3004: ADD CONSTRAINT … NOT VALID in the migration's transaction, VALIDATE CONSTRAINT outside it.</summary>
    public const string LL3004_NotValidThenValidate = "LL3004_NotValidThenValidate";

    /// <summary>LL3006: a CHECK (col IS NOT NULL) NOT VALID, validated outside the transaction, before SET NOT NULL; dropped after.</summary>
    public const string LL3006_CheckBeforeSetNotNull = "LL3006_CheckBeforeSetNotNull";

    /// <summary>LL3007: the column added without its volatile default, the default set for new rows, existing rows filled outside the transaction, then required.</summary>
    public const string LL3007_AddThenBackfill = "LL3007_AddThenBackfill";

    /// <summary>LL3008: DROP INDEX CONCURRENTLY IF EXISTS with suppressTransaction: true.</summary>
    public const string LL3008_DropConcurrently = "LL3008_DropConcurrently";

    /// <summary>LL3009: SET LOCAL lock_timeout as the first step of Up.</summary>
    public const string LL3009_SetLockTimeout = "LL3009_SetLockTimeout";

    /// <summary>
    /// False for the actions that write no SQL (a rename, the model's default, a default to choose, a generated Down);
    /// true for every other, a new key included. With no provider known, SQL cannot be written the provider's way
    /// (`CREATE TABLE … AS SELECT` is no SQL Server statement, `"name"` is a string on MySQL), so those are not offered.
    /// </summary>
    internal static bool WritesSql(string key) => key is not (LL1006_Rename or LL1007_UseModelDefault or LL1008_UseModelDefault
        or LL1008_ChooseDefault or LL1012_UseModelDefault or LL2001_GenerateDown or LL2003_AddMissingInverse);
}
