using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;

namespace Lossless.Analyzers.Rules.Reversibility;

/// <summary>What the three reversibility rules share: whether Up does anything a rollback must undo.</summary>
internal static class Reversal
{
    /// <summary>
    /// The number of Up operations a rollback must undo: all of them but EnsureSchema, which EF Core never undoes in
    /// Down, the providers' own Ensure… operations (EnsurePostgresExtension), which are the same kind of step, and the
    /// drop of a Lossless backup table; none at all when Up holds only Sql steps (a data fix).
    /// </summary>
    public static int OperationsToUndo(MigrationModel migration)
    {
        var count = 0;
        var onlySql = true;
        foreach (var operation in migration.Up)
        {
            onlySql &= operation.Kind == MigrationOperationKind.Sql || IsBackupTableDrop(migration, operation) || IsUndoneInUp(migration, operation);
            if (operation.Kind != MigrationOperationKind.EnsureSchema
                && !(operation.Kind == MigrationOperationKind.Other && operation.MethodName.StartsWith("Ensure", System.StringComparison.Ordinal))
                && !IsBackupTableDrop(migration, operation)
                && !IsUndoneInUp(migration, operation))
            {
                count++;
            }
        }

        // A data fix (an Up of Sql steps only, and backup clean-ups): EF cannot undo raw SQL, and an empty Down is its honest inverse.
        return onlySql ? 0 : count;
    }

    /// <summary>A DropTable of one of Lossless's own backup tables: the clean-up of a backup, which nothing needs back.</summary>
    public static bool IsBackupTableDrop(MigrationModel migration, MigrationOperation operation)
        => operation.Kind == MigrationOperationKind.DropTable && operation.Table is { } table && migration.IsBackupTable(table);

    /// <summary>
    /// A key, index or constraint that Up drops and adds again (or creates and drops again) under the same name on the
    /// same table: a net no-op, which needs nothing in Down — an index made for a data step and dropped after it, a
    /// primary key dropped around a type change.
    /// </summary>
    public static bool IsUndoneInUp(MigrationModel migration, MigrationOperation operation)
    {
        var partner = operation.Kind switch
        {
            MigrationOperationKind.DropPrimaryKey => MigrationOperationKind.AddPrimaryKey,
            MigrationOperationKind.AddPrimaryKey => MigrationOperationKind.DropPrimaryKey,
            MigrationOperationKind.DropForeignKey => MigrationOperationKind.AddForeignKey,
            MigrationOperationKind.AddForeignKey => MigrationOperationKind.DropForeignKey,
            MigrationOperationKind.DropUniqueConstraint => MigrationOperationKind.AddUniqueConstraint,
            MigrationOperationKind.AddUniqueConstraint => MigrationOperationKind.DropUniqueConstraint,
            MigrationOperationKind.DropIndex => MigrationOperationKind.CreateIndex,
            MigrationOperationKind.CreateIndex => MigrationOperationKind.DropIndex,
            MigrationOperationKind.DropCheckConstraint => MigrationOperationKind.AddCheckConstraint,
            MigrationOperationKind.AddCheckConstraint => MigrationOperationKind.DropCheckConstraint,
            _ => (MigrationOperationKind?)null,
        };
        if (partner is not { } kind || operation.GetString("name") is not { } name)
        {
            return false;
        }

        var limit = Identifiers.DefaultMaxLength(migration.Provider);
        foreach (var other in migration.Up)
        {
            if (other.Kind == kind && Identifiers.SameName(other.GetString("name"), name, limit, migration.Provider)
                && (operation.Table is null || other.Table is null
                    || (string.Equals(operation.Table, other.Table, System.StringComparison.Ordinal) && string.Equals(operation.Schema, other.Schema, System.StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"1 operation" / "3 operations".</summary>
    public static string Operations(int count) => count == 1 ? "the operation" : "the " + count + " operations";
}
