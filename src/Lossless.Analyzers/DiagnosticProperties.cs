namespace Lossless.Analyzers;

/// <summary>Keys of Diagnostic.Properties: what a rule hands its code fix, so the fix never re-analyses.</summary>
public static class DiagnosticProperties
{
    public const string Schema = "Schema";
    public const string Table = "Table";
    public const string Column = "Column";
    public const string OldType = "OldType";
    public const string NewType = "NewType";
    public const string Conversion = "Conversion";
    public const string Provider = "Provider";
    public const string MigrationId = "MigrationId";

    /// <summary>Key column names, one per line: what a backup is keyed by.</summary>
    public const string KeyColumns = "KeyColumns";

    /// <summary>Column names, one per line: the columns a whole-table backup restores.</summary>
    public const string Columns = "Columns";

    /// <summary>Columns whose values the database generates (identity), one per line: their sequences follow a restore.</summary>
    public const string IdentityColumns = "IdentityColumns";

    /// <summary>What each of Diagnostic.AdditionalLocations is, comma-separated ("DownAdd", "UpAdd", "DownDrop").</summary>
    public const string LocationRoles = "LocationRoles";

    /// <summary>The added column's or created table's name (LL1006).</summary>
    public const string NewName = "NewName";

    /// <summary>The created table's schema when it differs from the dropped one's (LL1006).</summary>
    public const string NewSchema = "NewSchema";

    /// <summary>"true" when a table pair can become a RenameTable without orphaning indexes or keys (LL1006).</summary>
    public const string CanRename = "CanRename";

    /// <summary>The created table's primary-key constraint name, and the dropped table's (LL1006 on tables).</summary>
    public const string PrimaryKeyName = "PrimaryKeyName";
    public const string OldPrimaryKeyName = "OldPrimaryKeyName";

    /// <summary>The placeholder default as the message shows it ("''", "0", "Guid.Empty"), LL1007 and LL1008.</summary>
    public const string Placeholder = "Placeholder";

    /// <summary>"Column" or "Table" (LL1006), "Schema" (LL1005 on DropSchema).</summary>
    public const string Target = "Target";

    /// <summary>"NoDefault" or "Placeholder" (LL1007, LL1008).</summary>
    public const string Shape = "Shape";

    /// <summary>The default the target model gives the column (HasDefaultValue's argument as written), when it gives one (LL1007, LL1008).</summary>
    public const string ModelDefault = "ModelDefault";

    /// <summary>The column's store type as the operation gives it or the provider maps its CLR type ("integer", "TEXT"), when known (LL1007, LL1008, LL1012).</summary>
    public const string StoreType = "StoreType";

    /// <summary>What is still marked "lossless: choose": "Backfill" (a Sql step) or "Default" (the defaultValue argument), LL1007, LL1008, LL1012.</summary>
    public const string Unchosen = "Unchosen";

    /// <summary>The column's CLR type by metadata name ("System.String"), when known.</summary>
    public const string ClrType = "ClrType";

    /// <summary>The index or constraint an Availability diagnostic is about (LL3001, LL3004, LL3008).</summary>
    public const string Name = "Name";

    /// <summary>lossless.lock_timeout as the fix writes it ("5s"), LL3009.</summary>
    public const string LockTimeout = "LockTimeout";

    /// <summary>The volatile default's SQL (LL3007).</summary>
    public const string DefaultSql = "DefaultSql";
    /// <summary>The previous CLR type by metadata name ("System.String"), LL1010.</summary>
    public const string OldClrType = "OldClrType";
}
