namespace Lossless.Analyzers.Model.StoreTypes;

/// <summary>A store type parsed into a normalized form. STUB: the store-type work replaces this file.</summary>
public sealed class StoreType
{
    public StoreType(string text, StoreTypeFamily family)
    {
        Text = text;
        Family = family;
    }

    /// <summary>The type as written (or, for a CLR default mapping, as the provider spells it).</summary>
    public string Text { get; }

    public StoreTypeFamily Family { get; }

    public override string ToString() => Text;
}
