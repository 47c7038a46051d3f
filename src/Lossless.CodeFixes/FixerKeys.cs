namespace Lossless.CodeFixes;

/// <summary>Equivalence keys of the code actions, one per fix kind (RS1010). Tests use them.</summary>
public static class FixerKeys
{
    /// <summary>LL2001, LL2002: write Down as the inverse of every Up operation.</summary>
    public const string GenerateDown = "LL2001_GenerateDown";

    /// <summary>LL2003: add the missing inverse of one Up operation to Down, or replace the wrong one.</summary>
    public const string AddMissingInverse = "LL2003_AddMissingInverse";
}
