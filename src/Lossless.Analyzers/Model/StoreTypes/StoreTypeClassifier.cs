using Lossless.Analyzers.Model.Providers;

namespace Lossless.Analyzers.Model.StoreTypes;

/// <summary>STUB: the store-type work replaces this file.</summary>
public static class StoreTypeClassifier
{
    /// <summary>Classifies the change of a column from one store type to another on a provider. Never throws.</summary>
    public static Conversion Classify(StoreType from, StoreType to, DatabaseProvider provider)
        => new(ConversionClass.Unknown, "may fail on existing data: the store types were not recognized");
}
