using Lossless.Analyzers.Model.Providers;

namespace Lossless.Analyzers.Model.StoreTypes;

/// <summary>STUB: the store-type work replaces this file.</summary>
public static class StoreTypeParser
{
    /// <summary>Parses a store type as the provider spells it. Never throws: an unrecognized name has family Unknown.</summary>
    public static StoreType Parse(string storeType, DatabaseProvider provider) => new(storeType, StoreTypeFamily.Unknown);
}
