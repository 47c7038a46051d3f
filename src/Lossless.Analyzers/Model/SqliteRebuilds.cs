using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;

namespace Lossless.Analyzers.Model;

/// <summary>
/// The operations EF Core's SQLite generator turns into a table rebuild (CREATE TABLE "ef_temp_T", INSERT … SELECT,
/// DROP TABLE, ALTER TABLE … RENAME, with PRAGMA foreign_keys = 0 around it), run after every other operation of the
/// migration. Proven with EF Core 10's SqliteMigrationsSqlGenerator in tests/Lossless.DataTests/Sqlite
/// (SqliteRebuildFactsTests): AddColumn, RenameColumn, RenameTable, CreateIndex, DropIndex and RenameIndex do not rebuild.
/// </summary>
internal static class SqliteRebuilds
{
    public static bool Rebuilds(MigrationOperationKind kind) => kind is MigrationOperationKind.AlterColumn
        or MigrationOperationKind.DropColumn
        or MigrationOperationKind.AddForeignKey
        or MigrationOperationKind.DropForeignKey
        or MigrationOperationKind.AddPrimaryKey
        or MigrationOperationKind.DropPrimaryKey
        or MigrationOperationKind.AddUniqueConstraint
        or MigrationOperationKind.DropUniqueConstraint
        or MigrationOperationKind.AddCheckConstraint
        or MigrationOperationKind.DropCheckConstraint;

    /// <summary>
    /// True when the operation at <paramref name="index"/> of Up makes EF rebuild a table that holds rows: SQLite, a
    /// rebuilding kind, a known table and schema, and a table Up did not create before it.
    /// </summary>
    public static bool RebuildsExistingTable(MigrationModel migration, int index, MigrationOperation operation)
        => migration.Provider == DatabaseProvider.Sqlite
        && Rebuilds(operation.Kind)
        && operation.Table is { } table
        && operation["schema"].State != ArgumentState.Unknown
        && !migration.IsCreatedInUpBefore(index, operation.Schema, table);
}
