namespace Lossless.Analyzers;

/// <summary>The fixed rule ids (see docs/rules). Never reuse an id.</summary>
public static class RuleIds
{
    public const string LossyTypeChange = "LL1001";
    public const string FailingTypeChange = "LL1002";
    public const string KeyTypeChange = "LL1003";
}
