using Lossless.Analyzers.Model;

namespace Lossless.Analyzers.Rules.Reversibility;

/// <summary>What the three reversibility rules share: whether Up does anything a rollback must undo.</summary>
internal static class Reversal
{
    /// <summary>The number of Up operations a rollback must undo: all of them but EnsureSchema, which EF Core never undoes in Down.</summary>
    public static int OperationsToUndo(MigrationModel migration)
    {
        var count = 0;
        foreach (var operation in migration.Up)
        {
            if (operation.Kind != "EnsureSchema")
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>"1 operation" / "3 operations".</summary>
    public static string Operations(int count) => count == 1 ? "the operation" : "the " + count + " operations";
}
