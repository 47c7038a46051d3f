namespace Lossless.Analyzers.Model.StoreTypes;

/// <summary>What kind of value a store type holds, independent of the provider's spelling.</summary>
public enum StoreTypeFamily
{
    Unknown = 0,
    Text,
    Uuid,
    Integer,
    Decimal,
    FloatingPoint,
    Boolean,
    Date,
    Time,
    DateTime,
    DateTimeOffset,
    Interval,
    Binary,
    Json,
    Xml,
}
