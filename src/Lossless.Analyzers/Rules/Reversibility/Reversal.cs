using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;

namespace Lossless.Analyzers.Rules.Reversibility;

/// <summary>What the three reversibility rules share: whether Up does anything a rollback must undo.</summary>
internal static class Reversal
{
    /// <summary>
    /// The number of Up operations a rollback must undo: all of them but EnsureSchema, which EF Core never undoes in
    /// Down, and the providers' own Ensure… operations (EnsurePostgresExtension), which are the same kind of step.
    /// </summary>
    public static int OperationsToUndo(MigrationModel migration)
    {
        var count = 0;
        foreach (var operation in migration.Up)
        {
            if (operation.Kind != MigrationOperationKind.EnsureSchema
                && !(operation.Kind == MigrationOperationKind.Other && operation.MethodName.StartsWith("Ensure", System.StringComparison.Ordinal)))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>"1 operation" / "3 operations".</summary>
    public static string Operations(int count) => count == 1 ? "the operation" : "the " + count + " operations";
}
