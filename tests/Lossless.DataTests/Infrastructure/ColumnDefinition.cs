using System.Globalization;

namespace Lossless.DataTests.Infrastructure;

/// <summary>
/// How a model maps the probed column <c>t.v</c>: its CLR type (the column is always nullable) and, optionally,
/// the store type and facets given in the model. With no store type the provider's default mapping applies.
/// </summary>
public sealed class ColumnDefinition
{
    public ColumnDefinition(Type clrType, string? storeType = null, int? maxLength = null, int? precision = null, int? scale = null)
    {
        ClrType = Nullable.GetUnderlyingType(clrType) ?? clrType;
        StoreType = storeType;
        MaxLength = maxLength;
        Precision = precision;
        Scale = scale;
    }

    /// <summary>The non-nullable CLR type, e.g. <see cref="int"/> (the property itself is <c>int?</c>).</summary>
    public Type ClrType { get; }

    /// <summary>The column type given with HasColumnType, or null for the provider's default.</summary>
    public string? StoreType { get; }

    public int? MaxLength { get; }

    /// <summary>Precision given with HasPrecision (decimal, date-time), or null.</summary>
    public int? Precision { get; }

    public int? Scale { get; }

    /// <summary>The property's type in the model: nullable for value types.</summary>
    public Type PropertyType => ClrType.IsValueType ? typeof(Nullable<>).MakeGenericType(ClrType) : ClrType;

    /// <summary>Identifies the model this definition produces (the model cache key).</summary>
    public string Key => ClrType.FullName + "|" + StoreType + "|" + MaxLength + "|" + Precision + "|" + Scale;

    public override string ToString()
        => ClrType.Name
            + (StoreType is null ? "" : " " + StoreType)
            + (MaxLength is null ? "" : " maxLength " + MaxLength.Value.ToString(CultureInfo.InvariantCulture))
            + (Precision is null ? "" : " precision (" + Precision.Value.ToString(CultureInfo.InvariantCulture)
                + (Scale is null ? "" : "," + Scale.Value.ToString(CultureInfo.InvariantCulture)) + ")");
}
