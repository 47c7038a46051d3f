namespace Lossless.Analyzers.Model.StoreTypes;

/// <summary>What a column type change does to the values already stored.</summary>
public enum ConversionClass
{
    /// <summary>Same normalized type: nothing happens.</summary>
    Identical = 0,

    /// <summary>Every value survives unchanged.</summary>
    Widening,

    /// <summary>The change succeeds but changes values silently (LL1001).</summary>
    Lossy,

    /// <summary>The change can fail on existing data (LL1002).</summary>
    MayFail,

    /// <summary>A type was not recognized (LL1002, saying so).</summary>
    Unknown,
}
