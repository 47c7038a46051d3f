using Lossless.Analyzers.Model.Operations;

namespace Lossless.CodeFixes.Rules.DataLoss.TypeChanges;

/// <summary>LL1002: expand/contract, when converting in place is impossible or unwanted.</summary>
internal sealed partial class TypeChangePlan
{
    private bool ExpandContract(MigrationOperation alterColumn)
    {
        _ = alterColumn;
        return false;
    }
}
