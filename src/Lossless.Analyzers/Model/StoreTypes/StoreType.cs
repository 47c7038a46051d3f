using System;
using System.Text;
using Lossless.Analyzers.Model.Providers;

namespace Lossless.Analyzers.Model.StoreTypes;

/// <summary>
/// A store type parsed into a normalized form. Two store types are equal when their normalized forms are
/// (aliases of one type are equal: <c>varchar(255)</c> and <c>character varying(255)</c> on PostgreSQL).
/// </summary>
public sealed class StoreType : IEquatable<StoreType>
{
    /// <summary>An unrecognized store type: family <see cref="StoreTypeFamily.Unknown"/>, provider unknown.</summary>
    public StoreType(string text, StoreTypeFamily family)
        : this(text, DatabaseProvider.Unknown, family, NormalizeUnknown(text))
    {
    }

    internal StoreType(
        string text,
        DatabaseProvider provider,
        StoreTypeFamily family,
        string name,
        int? length = null,
        int? precision = null,
        int? scale = null,
        int? size = null,
        bool? isUnicode = null,
        bool isFixedLength = false,
        bool isArray = false,
        bool hasTimeZone = false,
        bool isUnsigned = false)
    {
        Text = text;
        Provider = provider;
        Family = family;
        Name = name;
        Length = length;
        Precision = precision;
        Scale = scale;
        Size = size;
        IsUnicode = isUnicode;
        IsFixedLength = isFixedLength;
        IsArray = isArray;
        HasTimeZone = hasTimeZone;
        IsUnsigned = isUnsigned;
        NormalizedText = BuildNormalizedText();
    }

    /// <summary>The type as written (or, for a CLR default mapping, as the provider spells it).</summary>
    public string Text { get; }

    /// <summary>The provider whose spelling this type was parsed with.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>What kind of value the type holds (of one element, for an array).</summary>
    public StoreTypeFamily Family { get; }

    /// <summary>
    /// The provider's canonical name of the type without its facets: <c>character varying</c>, <c>integer</c>,
    /// <c>timestamp with time zone</c> (PostgreSQL), <c>nvarchar</c> (SQL Server), the affinity <c>TEXT</c> (SQLite).
    /// For an unrecognized type, the text in lower case with its whitespace collapsed.
    /// </summary>
    public string Name { get; }

    /// <summary>The maximum length of text (characters) or binary (bytes) values; null when unbounded or not applicable.</summary>
    public int? Length { get; }

    /// <summary>
    /// Decimal: total digits (null when unbounded). Date-time, time and interval types: fractional-second digits.
    /// </summary>
    public int? Precision { get; }

    /// <summary>Decimal: digits after the decimal point (null when unbounded).</summary>
    public int? Scale { get; }

    /// <summary>Storage size in bytes of integer (1, 2, 4, 8) and floating-point (4, 8) types; null otherwise.</summary>
    public int? Size { get; }

    /// <summary>Text: whether the type holds any Unicode character (false for SQL Server's varchar/char/text); null when not text.</summary>
    public bool? IsUnicode { get; }

    /// <summary>Text or binary padded to a fixed length (char(n), nchar(n), binary(n)).</summary>
    public bool IsFixedLength { get; }

    /// <summary>A PostgreSQL array of the type (<c>text[]</c>, <c>_int4</c>).</summary>
    public bool IsArray { get; }

    /// <summary>Time-zone aware: PostgreSQL <c>timestamp with time zone</c> and <c>time with time zone</c>, SQL Server <c>datetimeoffset</c>.</summary>
    public bool HasTimeZone { get; }

    /// <summary>MySQL unsigned integer or decimal.</summary>
    public bool IsUnsigned { get; }

    /// <summary>The normalized form spelled as the provider's canonical type: <c>character varying(255)</c>, <c>integer[]</c>, <c>nvarchar(max)</c>.</summary>
    public string NormalizedText { get; }

    /// <summary>Decimal: digits before the decimal point (precision − scale); null when unbounded or not a bounded decimal.</summary>
    public int? IntegerDigits => Precision is int p && Scale is int s ? p - s : null;

    /// <summary>True when the family was recognized.</summary>
    public bool IsKnown => Family != StoreTypeFamily.Unknown;

    public bool Equals(StoreType? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (Family == StoreTypeFamily.Unknown || other.Family == StoreTypeFamily.Unknown)
        {
            return Family == other.Family && string.Equals(Name, other.Name, StringComparison.Ordinal);
        }

        return Provider == other.Provider
            && Family == other.Family
            && string.Equals(Name, other.Name, StringComparison.Ordinal)
            && Length == other.Length
            && Precision == other.Precision
            && Scale == other.Scale
            && Size == other.Size
            && IsUnicode == other.IsUnicode
            && IsFixedLength == other.IsFixedLength
            && IsArray == other.IsArray
            && HasTimeZone == other.HasTimeZone
            && IsUnsigned == other.IsUnsigned;
    }

    public override bool Equals(object? obj) => Equals(obj as StoreType);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = StringComparer.Ordinal.GetHashCode(Name);
            hash = (hash * 31) + (int)Family;
            hash = (hash * 31) + (Length ?? -1);
            hash = (hash * 31) + (Precision ?? -1);
            hash = (hash * 31) + (Scale ?? -1);
            hash = (hash * 31) + (IsArray ? 1 : 0);
            return hash;
        }
    }

    public static bool operator ==(StoreType? left, StoreType? right)
        => left is null ? right is null : left.Equals(right);

    public static bool operator !=(StoreType? left, StoreType? right) => !(left == right);

    public override string ToString() => Text;

    internal static string NormalizeUnknown(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && builder.Length > 0)
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private string BuildNormalizedText()
    {
        if (Family == StoreTypeFamily.Unknown || Provider == DatabaseProvider.Sqlite)
        {
            return Name + (IsArray ? "[]" : string.Empty);
        }

        string? arguments = null;
        switch (Family)
        {
            case StoreTypeFamily.Text:
            case StoreTypeFamily.Binary:
                if (Length is int length
                    && Name != "rowversion"
                    && !(Provider == DatabaseProvider.MySql && (Name.EndsWith("text", StringComparison.Ordinal) || Name.EndsWith("blob", StringComparison.Ordinal))))
                {
                    arguments = length.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (Provider == DatabaseProvider.SqlServer
                    && (Name == "nvarchar" || Name == "varchar" || Name == "varbinary"))
                {
                    arguments = "max";
                }

                break;
            case StoreTypeFamily.Decimal:
                if (Name != "money" && Name != "smallmoney" && Precision is int precision)
                {
                    arguments = Scale is int scale
                        ? precision.ToString(System.Globalization.CultureInfo.InvariantCulture) + "," + scale.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : precision.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                break;
            case StoreTypeFamily.Time:
            case StoreTypeFamily.DateTime:
            case StoreTypeFamily.DateTimeOffset:
            case StoreTypeFamily.Interval:
                if (Precision is int digits && digits != DefaultFractionalDigits())
                {
                    arguments = digits.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                break;
            case StoreTypeFamily.Boolean:
                if (Provider == DatabaseProvider.MySql && Name == "tinyint")
                {
                    arguments = "1";
                }

                break;
        }

        var text = Name;
        if (arguments is not null)
        {
            var with = Name.IndexOf(" with", StringComparison.Ordinal);
            text = with >= 0
                ? Name.Substring(0, with) + "(" + arguments + ")" + Name.Substring(with)
                : Name.IndexOf(" unsigned", StringComparison.Ordinal) is var unsigned and >= 0
                    ? Name.Substring(0, unsigned) + "(" + arguments + ")" + Name.Substring(unsigned)
                    : Name + "(" + arguments + ")";
        }

        return IsArray ? text + "[]" : text;
    }

    /// <summary>The fractional-second digits a date-time type has when none are written.</summary>
    internal int? DefaultFractionalDigits()
        => Provider switch
        {
            DatabaseProvider.PostgreSql => 6,
            DatabaseProvider.SqlServer => Name == "datetime" ? 3 : Name == "smalldatetime" ? 0 : 7,
            DatabaseProvider.MySql => 0,
            _ => null,
        };
}
