using Lossless.Analyzers.Model.Providers;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Lossless.DataTests.Infrastructure;

/// <summary>What the database did to the existing rows when EF Core applied the AlterColumn migration.</summary>
public enum ProbeOutcome
{
    /// <summary>Every value reads back equal to what was stored (or EF generated no operation and the values read as before).</summary>
    Unchanged,

    /// <summary>The migration succeeded and at least one value reads back different.</summary>
    ValuesChanged,

    /// <summary>The migration failed (SQLSTATE / SQLite error in <see cref="ProbeResult.Error"/>).</summary>
    Error,

    /// <summary>
    /// The migration succeeded but a stored value cannot be read as the new type: EF throws reading it, or (SQLite)
    /// it is text or a blob left in a column EF reads as a number (typeof(v) shows it; EF reads 'abc' as 0).
    /// </summary>
    Unreadable,
}

/// <summary>The database's error, as the provider reported it.</summary>
public sealed class ProbeError
{
    public ProbeError(string code, string message, string exceptionType)
    {
        Code = code;
        Message = message;
        ExceptionType = exceptionType;
    }

    /// <summary>PostgreSQL: the SQLSTATE (e.g. "42804"); SQLite: "SQLITE_&lt;primary code&gt;/&lt;extended code&gt;".</summary>
    public string Code { get; }

    public string Message { get; }

    public string ExceptionType { get; }

    public override string ToString() => Code + " " + Message;
}

/// <summary>One command of the migration as EF Core generated it.</summary>
public sealed class GeneratedCommand
{
    public GeneratedCommand(string sql, bool transactionSuppressed)
    {
        Sql = sql;
        TransactionSuppressed = transactionSuppressed;
    }

    public string Sql { get; }

    /// <summary>True when EF runs this command outside the migration's transaction (SQLite's PRAGMA foreign_keys).</summary>
    public bool TransactionSuppressed { get; }

    public override string ToString() => (TransactionSuppressed ? "[no transaction] " : "") + Sql.Trim();
}

/// <summary>One seeded row before and after the migration.</summary>
public sealed class ProbeRow
{
    public ProbeRow(int id, object? before, string? beforeText, string? beforeStorage, object? after, string? afterText, string? afterStorage, string? readError, bool changed, bool unreadable)
    {
        Id = id;
        Before = before;
        BeforeText = beforeText;
        BeforeStorage = beforeStorage;
        After = after;
        AfterText = afterText;
        AfterStorage = afterStorage;
        ReadError = readError;
        Changed = changed;
        Unreadable = unreadable;
    }

    public int Id { get; }

    /// <summary>The value as EF read it with the old CLR type before the migration.</summary>
    public object? Before { get; }

    /// <summary>The value as the database renders it as text before the migration (v::text, CAST(v AS TEXT)).</summary>
    public string? BeforeText { get; }

    /// <summary>SQLite: typeof(v) before the migration; PostgreSQL: null.</summary>
    public string? BeforeStorage { get; }

    /// <summary>The value as EF reads it after the migration: with the new CLR type when it succeeded, else with the old one.</summary>
    public object? After { get; }

    public string? AfterText { get; }

    /// <summary>SQLite: typeof(v) after the migration; PostgreSQL: null.</summary>
    public string? AfterStorage { get; }

    /// <summary>The exception EF threw reading the value, if any.</summary>
    public string? ReadError { get; }

    public bool Changed { get; }

    public bool Unreadable { get; }

    public override string ToString()
        => Id + ": " + (BeforeText ?? "NULL") + (BeforeStorage is null ? "" : " (" + BeforeStorage + ")") + " -> "
            + (AfterText ?? "NULL") + (AfterStorage is null ? "" : " (" + AfterStorage + ")")
            + " read as " + ValueText.Describe(After) + (ReadError is null ? "" : " [read error: " + ReadError + "]")
            + (Changed ? " CHANGED" : "") + (Unreadable ? " UNREADABLE" : "");
}

/// <summary>Everything one probe observed.</summary>
public sealed class ProbeResult
{
    public ProbeResult(
        DatabaseProvider provider,
        ColumnDefinition oldColumn,
        ColumnDefinition newColumn,
        string oldStoreType,
        string newStoreType,
        IReadOnlyList<MigrationOperation> operations,
        IReadOnlyList<GeneratedCommand> commands,
        ProbeError? error,
        IReadOnlyList<ProbeRow> rows,
        string? columnTypeBefore,
        string? columnTypeAfter,
        bool migrationRecorded)
    {
        Provider = provider;
        OldColumn = oldColumn;
        NewColumn = newColumn;
        OldStoreType = oldStoreType;
        NewStoreType = newStoreType;
        Operations = operations;
        Commands = commands;
        Error = error;
        Rows = rows;
        ColumnTypeBefore = columnTypeBefore;
        ColumnTypeAfter = columnTypeAfter;
        MigrationRecorded = migrationRecorded;
    }

    public DatabaseProvider Provider { get; }

    public ColumnDefinition OldColumn { get; }

    public ColumnDefinition NewColumn { get; }

    /// <summary>The old column's store type in EF's relational model (what a scaffolded AlterColumn writes as oldType).</summary>
    public string OldStoreType { get; }

    /// <summary>The new column's store type in EF's relational model (what a scaffolded AlterColumn writes as type).</summary>
    public string NewStoreType { get; }

    /// <summary>The operations EF's model differ produced for the change (empty when EF scaffolds nothing).</summary>
    public IReadOnlyList<MigrationOperation> Operations { get; }

    /// <summary>The alter migration's SQL as EF's migrations SQL generator wrote it (without the history insert).</summary>
    public IReadOnlyList<GeneratedCommand> Commands { get; }

    public string Sql => string.Join(Environment.NewLine, Commands.Select(c => c.Sql.Trim()));

    public ProbeError? Error { get; }

    public IReadOnlyList<ProbeRow> Rows { get; }

    /// <summary>The column's type as the database reports it (PostgreSQL format_type, SQLite declared type).</summary>
    public string? ColumnTypeBefore { get; }

    public string? ColumnTypeAfter { get; }

    /// <summary>True when the alter migration's row is in __EFMigrationsHistory afterwards.</summary>
    public bool MigrationRecorded { get; }

    /// <summary>The single AlterColumn operation, when EF produced one.</summary>
    public AlterColumnOperation? AlterColumn => Operations.OfType<AlterColumnOperation>().SingleOrDefault();

    public ProbeOutcome Outcome
        => Error is not null ? ProbeOutcome.Error
            : Rows.Any(r => r.Unreadable) ? ProbeOutcome.Unreadable
            : Rows.Any(r => r.Changed) ? ProbeOutcome.ValuesChanged
            : ProbeOutcome.Unchanged;

    /// <summary>The values as EF reads them after the migration, in row order.</summary>
    public IReadOnlyList<object?> ValuesAfter => Rows.Select(r => r.After).ToList();

    public override string ToString()
        => Provider + " " + OldColumn + " -> " + NewColumn + " [" + OldStoreType + " -> " + NewStoreType + "]: " + Outcome + (Error is null ? "" : " " + Error)
            + Environment.NewLine + "  operations: " + string.Join(", ", Operations.Select(o => o.GetType().Name))
            + Environment.NewLine + "  column type: " + ColumnTypeBefore + " -> " + ColumnTypeAfter + (MigrationRecorded ? " (recorded)" : " (not recorded)")
            + Environment.NewLine + "  sql: " + string.Join(Environment.NewLine + "       ", Commands)
            + Environment.NewLine + "  rows:" + Environment.NewLine + "    " + string.Join(Environment.NewLine + "    ", Rows);
}
