namespace Lossless.CodeFixes;

/// <summary>Equivalence keys of the code actions, one per fix kind (RS1010). Tests use them.</summary>
public static class FixerKeys
{
}
