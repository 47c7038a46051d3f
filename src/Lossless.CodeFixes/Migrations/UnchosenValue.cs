namespace Lossless.CodeFixes.Migrations;

/// <summary>
/// What a fix writes where a person must choose a value (RULES.md "Unchosen values"): the marker, in a SQL comment,
/// beside a NULL that makes the migration fail loudly on the rows it was meant for if it is left as it is.
/// </summary>
internal static class UnchosenValue
{
    /// <summary>The marker the rules look for: a step that still carries it is no backfill, and the rule keeps reporting.</summary>
    public const string Marker = "lossless: choose";

    /// <summary>The SQL a fix writes for the value to choose: NULL, which a column about to become NOT NULL refuses.</summary>
    public const string Sql = "NULL /* " + Marker + " */";
}
