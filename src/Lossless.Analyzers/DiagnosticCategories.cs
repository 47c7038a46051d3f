namespace Lossless.Analyzers;

/// <summary>Category names; each owns one id range in DiagnosticCategoryAndIdRanges.txt.</summary>
internal static class DiagnosticCategories
{
    public const string DataLoss = "DataLoss";
    public const string Reversibility = "Reversibility";
    public const string Availability = "Availability";
    public const string Correctness = "Correctness";
}
