namespace Lossless.Analyzers;

/// <summary>The fixed rule ids (see docs/rules). Never reuse an id.</summary>
public static class RuleIds
{
    public const string LossyTypeChange = "LL1001";
    public const string FailingTypeChange = "LL1002";
    public const string KeyTypeChange = "LL1003";
    public const string MissingDown = "LL2001";
    public const string EmptyDown = "LL2002";
    public const string DownDoesNotUndoUp = "LL2003";
}
