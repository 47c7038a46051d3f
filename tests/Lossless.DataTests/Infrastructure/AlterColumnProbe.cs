using System.Data.Common;
using System.Globalization;
using Lossless.Analyzers.Model.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql;

namespace Lossless.DataTests.Infrastructure;

/// <summary>
/// Measures what a database does to existing rows when a column changes type, through EF Core's own pipeline:
/// a migration creates table <c>t</c> from the old model, the values are saved with EF, EF's model differ diffs
/// the old and new relational models into operations, EF's migrations SQL generator writes their SQL (on SQLite,
/// the table rebuild), and EF's migrator applies that migration (its transactions, its history row).
/// </summary>
public static class AlterColumnProbe
{
    /// <summary>Runs one probe on a database that has no table <c>t</c> yet (a fresh database per probe).</summary>
    public static ProbeResult Run(TestDatabase database, ColumnDefinition oldColumn, ColumnDefinition newColumn, IReadOnlyList<object?> values)
    {
        using var oldContext = new ProbeContext(database, oldColumn);
        using var newContext = new ProbeContext(database, newColumn);
        var oldModel = oldContext.DesignTimeModel;
        var newModel = newContext.DesignTimeModel;

        var differ = newContext.GetService<IMigrationsModelDiffer>();
        var createOperations = differ.GetDifferences(null, oldModel.GetRelationalModel());
        var alterOperations = differ.GetDifferences(oldModel.GetRelationalModel(), newModel.GetRelationalModel());

        var commands = newContext.GetService<IMigrationsSqlGenerator>()
            .Generate(alterOperations, newModel)
            .Select(c => new GeneratedCommand(c.CommandText, c.TransactionSuppressed))
            .ToList();

        var migrations = new Migration[]
        {
            new CreateTableMigration(createOperations, oldModel),
            new AlterColumnMigration(alterOperations, newModel),
        };
        oldContext.ProbeMigrations = migrations;
        newContext.ProbeMigrations = migrations;

        // 1. The table as the old model's migration creates it, and the rows as the application saved them.
        oldContext.GetService<IMigrator>().Migrate(CreateTableMigration.Id);
        for (var i = 0; i < values.Count; i++)
        {
            var row = new Dictionary<string, object> { [ProbeContext.KeyColumn] = i + 1 };
            if (values[i] is { } value)
            {
                row[ProbeContext.ValueColumn] = value;
            }

            oldContext.Rows.Add(row);
        }

        oldContext.SaveChanges();
        oldContext.ChangeTracker.Clear();

        var before = ReadRows(oldContext, oldColumn);
        var columnTypeBefore = ColumnType(oldContext);

        // 2. The change, applied by EF's migrator as `database update` would.
        ProbeError? error = null;
        try
        {
            newContext.GetService<IMigrator>().Migrate();
        }
        catch (Exception exception) when (FindDatabaseError(exception) is { } databaseError)
        {
            error = databaseError;
        }

        // 3. What the rows are now: read with the new CLR type when the change went through, else the old one.
        using var readContext = new ProbeContext(database, error is null ? newColumn : oldColumn);
        var after = ReadRows(readContext, error is null ? newColumn : oldColumn);
        var columnTypeAfter = ColumnType(readContext);
        var recorded = MigrationRecorded(readContext);

        var rows = new List<ProbeRow>(before.Count);
        for (var i = 0; i < before.Count; i++)
        {
            var b = before[i];
            var a = after[i];
            var unreadable = a.ReadError is not null
                || (error is null && database.Provider == DatabaseProvider.Sqlite && IsNotANumberInANumberColumn(a.Storage, newColumn.ClrType));
            var changed = a.ReadError is null && !ValueText.SameValue(b.Value, a.Value, error is null ? newColumn.ClrType : oldColumn.ClrType);
            rows.Add(new ProbeRow(b.Id, b.Value, b.Text, b.Storage, a.Value, a.Text, a.Storage, a.ReadError, changed, unreadable));
        }

        return new ProbeResult(database.Provider, oldColumn, newColumn, StoreType(oldModel), StoreType(newModel), alterOperations, commands, error, rows, columnTypeBefore, columnTypeAfter, recorded);
    }

    /// <summary>
    /// SQLite: a value the new type cannot read is text or a blob left in a column whose CLR type EF stores as a
    /// number ('abc' in INTEGER; EF reads it as 0, 'true' as false): affinity refused to convert it because it is
    /// not a number; likewise a number left in a column EF reads as bytes. A real left in an INTEGER column (2.7) is a
    /// number that EF reads truncated: a changed value, not an unreadable one; text left in a BLOB column reads as
    /// its UTF-8 bytes.
    /// </summary>
    public static bool IsNotANumberInANumberColumn(string? storage, Type newClrType)
        => SqliteStorageClass(newClrType) switch
        {
            "integer" or "real" => storage is "text" or "blob",

            // A number left in a BLOB column reads as the bytes of its decimal text (42 as 0x3432): no conversion.
            "blob" => storage is "integer" or "real",
            _ => false,
        };

    /// <summary>The storage class EF Core's SQLite provider writes for a CLR type.</summary>
    public static string SqliteStorageClass(Type clrType)
    {
        if (clrType == typeof(int) || clrType == typeof(long) || clrType == typeof(short) || clrType == typeof(byte) || clrType == typeof(bool))
        {
            return "integer";
        }

        if (clrType == typeof(double) || clrType == typeof(float))
        {
            return "real";
        }

        return clrType == typeof(byte[]) ? "blob" : "text";
    }

    private sealed record RawRow(int Id, object? Value, string? Text, string? Storage, string? ReadError);

    private static List<RawRow> ReadRows(ProbeContext context, ColumnDefinition column)
    {
        var sqlite = context.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
        var sql = sqlite
            ? "SELECT id, CAST(v AS TEXT), typeof(v) FROM t ORDER BY id"
            : "SELECT id, v::text, NULL FROM t ORDER BY id";
        var raw = new List<(int Id, string? Text, string? Storage)>();
        var connection = context.Database.GetDbConnection();
        context.Database.OpenConnection();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                raw.Add((reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }
        finally
        {
            context.Database.CloseConnection();
        }

        // Each value as the application reads it: EF materializes the row with the column's CLR type.
        var rows = new List<RawRow>(raw.Count);
        foreach (var (id, text, storage) in raw)
        {
            object? value = null;
            string? readError = null;
            try
            {
                var entity = context.Rows.AsNoTracking().Single(e => EF.Property<int>(e, ProbeContext.KeyColumn) == id);
                value = entity.TryGetValue(ProbeContext.ValueColumn, out var v) ? v : null;
                if (value is not null && value.GetType() != column.ClrType)
                {
                    readError = "EF returned " + value.GetType().Name + " for a " + column.ClrType.Name + " property";
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException or FormatException or InvalidCastException or OverflowException)
            {
                readError = Describe(exception);
            }

            rows.Add(new RawRow(id, value, text, storage, readError));
        }

        return rows;
    }

    private static string StoreType(Microsoft.EntityFrameworkCore.Metadata.IModel model)
        => model.GetRelationalModel().FindTable(ProbeContext.TableName, null)?.FindColumn(ProbeContext.ValueColumn)?.StoreType
            ?? throw new InvalidOperationException("The probe model has no column t.v.");

    private static string? ColumnType(ProbeContext context)
    {
        var sql = context.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite"
            ? "SELECT type FROM pragma_table_info('t') WHERE name = 'v'"
            : "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 't'::regclass AND attname = 'v'";
        return Convert.ToString(Scalar(context, sql), CultureInfo.InvariantCulture);
    }

    private static bool MigrationRecorded(ProbeContext context)
        => Convert.ToInt64(
            Scalar(context, "SELECT count(*) FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '" + AlterColumnMigration.Id + "'"),
            CultureInfo.InvariantCulture) == 1;

    private static object? Scalar(ProbeContext context, string sql)
    {
        var connection = context.Database.GetDbConnection();
        context.Database.OpenConnection();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteScalar();
        }
        finally
        {
            context.Database.CloseConnection();
        }
    }

    private static ProbeError? FindDatabaseError(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return new ProbeError(postgres.SqlState, postgres.MessageText, nameof(PostgresException));
                case SqliteException sqlite:
                    return new ProbeError(
                        "SQLITE_" + sqlite.SqliteErrorCode.ToString(CultureInfo.InvariantCulture) + "/" + sqlite.SqliteExtendedErrorCode.ToString(CultureInfo.InvariantCulture),
                        sqlite.Message,
                        nameof(SqliteException));
                case DbException db:
                    return new ProbeError(db.SqlState ?? "?", db.Message, db.GetType().Name);
            }
        }

        return null;
    }

    private static string Describe(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.GetType().Name + ": " + innermost.Message;
    }
}
