namespace Lossless.CodeFixes.Migrations;

/// <summary>
/// What a fix writes where a person must choose a value (RULES.md "Unchosen values"): the marker, in a SQL comment,
/// beside a NULL that makes the migration fail loudly on the rows it was meant for if it is left as it is.
/// </summary>
internal static class UnchosenValue
{
    /// <summary>The marker the rules look for: a step that still carries it is no backfill, and the rule keeps reporting.</summary>
    public const string Marker = Analyzers.Model.Operations.UnchosenMarker.Text;

    /// <summary>The SQL a fix writes for the value to choose: NULL, which a column about to become NOT NULL refuses.</summary>
    public const string Sql = "NULL /* " + Marker + " */";

    /// <summary>The C# argument value a fix writes for a default to choose: null, which a NOT NULL column refuses as its default.</summary>
    public const string CSharpDefault = "null /* " + Marker + " */";

    /// <summary>
    /// True when the rule reports that a value the fix left is still to choose (its Unchosen property): the fix has
    /// written all it can, and what is left is a person's to write; nothing more is offered.
    /// </summary>
    public static bool IsLeftToChoose(Microsoft.CodeAnalysis.Diagnostic diagnostic) => diagnostic.Properties.ContainsKey(Analyzers.DiagnosticProperties.Unchosen);
}
