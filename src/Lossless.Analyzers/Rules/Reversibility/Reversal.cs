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
            onlySql &= operation.Kind == MigrationOperationKind.Sql || IsBackupTableDrop(migration, operation);
            if (operation.Kind != MigrationOperationKind.EnsureSchema
                && !(operation.Kind == MigrationOperationKind.Other && operation.MethodName.StartsWith("Ensure", System.StringComparison.Ordinal))
                && !IsBackupTableDrop(migration, operation))
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

    /// <summary>"1 operation" / "3 operations".</summary>
    public static string Operations(int count) => count == 1 ? "the operation" : "the " + count + " operations";
}
