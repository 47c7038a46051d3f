namespace Lossless.Analyzers;

/// <summary>Keys of Diagnostic.Properties: what a rule hands its code fix, so the fix never re-analyses.</summary>
public static class DiagnosticProperties
{
    public const string Schema = "Schema";
    public const string Table = "Table";
    public const string Column = "Column";
    public const string OldType = "OldType";
    public const string NewType = "NewType";
    public const string Conversion = "Conversion";
    public const string Provider = "Provider";
}
