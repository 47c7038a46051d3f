using System.Globalization;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;

namespace Lossless.CodeFixes.Sql.Conversions;

/// <summary>
/// How to find the rows whose value a conversion would lose or change: a set-based predicate over the row, or, on
/// PostgreSQL, a test run on each value (r.v) in which an error counts as a failure.
/// </summary>
internal sealed class ValueCheck
{
    private ValueCheck(string? predicate, string? rowTest, bool rowTestIsCast)
    {
        Predicate = predicate;
        RowTest = rowTest;
        RowTestIsCast = rowTestIsCast;
    }

    /// <summary>A condition true for each row whose value would be lost or changed (WHERE …); null for a per-row test.</summary>
    public string? Predicate { get; }

    /// <summary>PostgreSQL: an expression over <c>r.v</c>, true when the value converts unchanged; raising counts as a failure.</summary>
    public string? RowTest { get; }

    /// <summary>True when <see cref="RowTest"/> is a bare cast, whose only way to fail is to raise.</summary>
    public bool RowTestIsCast { get; }

    public static ValueCheck Rows(string predicate) => new(predicate, null, false);

    public static ValueCheck EachValue(string test, bool isCast = false) => new(null, test, isCast);

    /// <summary>
    /// The check for a conversion. False when the conversion cannot be verified (no fix is offered); true with a null
    /// check when every value survives and there is nothing to verify.
    /// </summary>
    public static bool TryCreate(ColumnConversion conversion, out ValueCheck? check)
    {
        check = null;
        if (conversion.KeepsEveryValue)
        {
            return true;
        }

        if (!conversion.From.IsKnown || !conversion.To.IsKnown || conversion.From.IsArray || conversion.To.IsArray)
        {
            return false;
        }

        check = conversion.Provider switch
        {
            DatabaseProvider.PostgreSql => PostgreSql(conversion.From, conversion.To, conversion.Name),
            DatabaseProvider.SqlServer => SqlServer(conversion.From, conversion.To, conversion.Name),
            DatabaseProvider.Sqlite => Sqlite(conversion.From, conversion.To, conversion.Name),
            _ => null,
        };
        return check is not null;
    }

    // ---------------------------------------------------------------- PostgreSQL

    private const string UuidPattern = "'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'";

    private static ValueCheck PostgreSql(StoreType from, StoreType to, string column)
    {
        switch (from.Family, to.Family)
        {
            case (StoreTypeFamily.Text, StoreTypeFamily.Uuid):
                return Rows(column + " !~* " + UuidPattern);
            case (StoreTypeFamily.Text, StoreTypeFamily.Text) when Shorter(from.Length, to.Length) is int length:
                return Rows("length(" + column + ") > " + Number(length));
            case (StoreTypeFamily.Binary, StoreTypeFamily.Binary) when Shorter(from.Length, to.Length) is int length:
                return Rows("octet_length(" + column + ") > " + Number(length));
            case (StoreTypeFamily.Text, StoreTypeFamily.Decimal) when to.Scale is not null:
                // The cast fails on what is not a number or does not fit, and rounds what has more decimals.
                return EachValue("r.v::numeric = r.v::" + to.NormalizedText);
            case (StoreTypeFamily.Text, _) when to.Family != StoreTypeFamily.Text:
                return EachValue("r.v::" + to.NormalizedText, isCast: true);
            case (StoreTypeFamily.Integer, StoreTypeFamily.Integer):
                return Rows(OutOfRange(column, to));
            case (StoreTypeFamily.Integer, StoreTypeFamily.Decimal) when to.IntegerDigits is int digits:
                return Rows("abs(" + column + ") >= " + PowerOfTen(digits));
            case (StoreTypeFamily.Decimal, StoreTypeFamily.Decimal) when DecimalLoss(column, from, to, "round(" + column + ", {0})") is { } loss:
                return Rows(loss);
            case (StoreTypeFamily.Decimal, StoreTypeFamily.Integer):
            case (StoreTypeFamily.FloatingPoint, StoreTypeFamily.Integer):
                return Rows("(" + column + " <> trunc(" + column + ") OR " + OutOfRange(column, to) + ")");
            case (StoreTypeFamily.DateTime, StoreTypeFamily.Date):
            case (StoreTypeFamily.DateTimeOffset, StoreTypeFamily.Date):
                // A time part other than midnight (in the migrating session's TimeZone, as the conversion sees it).
                return Rows(column + " <> date_trunc('day', " + column + ")");
            case (StoreTypeFamily.DateTimeOffset, StoreTypeFamily.DateTime):
                // The conversion takes the local time of the migrating session: it changes every value unless that is UTC.
                return Rows(column + "::timestamp <> (" + column + " AT TIME ZONE 'UTC')");
            case (StoreTypeFamily.DateTime, StoreTypeFamily.DateTimeOffset):
                return Rows(column + "::timestamptz <> (" + column + " AT TIME ZONE 'UTC')");
            case (StoreTypeFamily.Date, StoreTypeFamily.DateTimeOffset):
                return Rows(column + "::timestamptz <> (" + column + "::timestamp AT TIME ZONE 'UTC')");
            case (StoreTypeFamily.DateTime, StoreTypeFamily.DateTime):
            case (StoreTypeFamily.DateTimeOffset, StoreTypeFamily.DateTimeOffset):
            case (StoreTypeFamily.Time, StoreTypeFamily.Time):
            case (StoreTypeFamily.Interval, StoreTypeFamily.Interval):
                return Rows(column + " <> " + column + "::" + to.NormalizedText);
            default:
                // Whatever else: convert each value and back, and compare.
                return EachValue("r.v::" + to.NormalizedText + "::" + from.NormalizedText + " = r.v");
        }
    }

    // ---------------------------------------------------------------- SQL Server

    private static ValueCheck? SqlServer(StoreType from, StoreType to, string column)
    {
        switch (from.Family, to.Family)
        {
            case (StoreTypeFamily.Text, StoreTypeFamily.Uuid):
                return Rows("(TRY_CONVERT(uniqueidentifier, " + column + ") IS NULL OR LEN(" + column + ") <> 36) AND " + column + " IS NOT NULL");
            case (StoreTypeFamily.Text, StoreTypeFamily.Text):
                var parts = new System.Collections.Generic.List<string>();
                if (Shorter(from.Length, to.Length) is int maxLength)
                {
                    // LEN ignores trailing spaces; the appended character keeps them counted.
                    parts.Add("LEN(" + column + " + N'x') - 1 > " + Number(maxLength));
                }

                if (from.IsUnicode == true && to.IsUnicode == false)
                {
                    // A character the column's code page cannot hold comes back as '?': compare the bytes after a round trip.
                    parts.Add("CAST(" + column + " AS varbinary(max)) <> CAST(CAST(CAST(" + column + " AS varchar(max)) AS nvarchar(max)) AS varbinary(max))");
                }

                return parts.Count == 0 ? null : Rows(parts.Count == 1 ? parts[0] : "(" + string.Join(" OR ", parts) + ")");
            case (StoreTypeFamily.Binary, StoreTypeFamily.Binary) when Shorter(from.Length, to.Length) is int length:
                return Rows("DATALENGTH(" + column + ") > " + Number(length));
            case (StoreTypeFamily.Text, _):
                return Rows(column + " IS NOT NULL AND TRY_CONVERT(" + to.NormalizedText + ", " + column + ") IS NULL");
            case (StoreTypeFamily.Integer, StoreTypeFamily.Integer):
                return Rows(OutOfRange(column, to));
            case (StoreTypeFamily.Integer, StoreTypeFamily.Decimal) when to.IntegerDigits is int digits:
                return Rows("ABS(" + column + ") >= " + PowerOfTen(digits));
            case (StoreTypeFamily.Decimal, StoreTypeFamily.Decimal) when DecimalLoss(column, from, to, "ROUND(" + column + ", {0})") is { } loss:
                return Rows(loss.Replace("abs(", "ABS("));
            case (StoreTypeFamily.Decimal, StoreTypeFamily.Integer):
            case (StoreTypeFamily.FloatingPoint, StoreTypeFamily.Integer):
                return Rows("(" + column + " <> ROUND(" + column + ", 0, 1) OR " + OutOfRange(column, to) + ")");
            case (StoreTypeFamily.DateTime, StoreTypeFamily.Date):
            case (StoreTypeFamily.DateTimeOffset, StoreTypeFamily.Date):
                return Rows("CAST(" + column + " AS time) <> '00:00'");
            case (StoreTypeFamily.DateTimeOffset, StoreTypeFamily.DateTime):
                return Rows("DATEPART(TZOFFSET, " + column + ") <> 0");
            case (StoreTypeFamily.DateTime, StoreTypeFamily.DateTime):
            case (StoreTypeFamily.Time, StoreTypeFamily.Time):
                return Rows(column + " <> CAST(" + column + " AS " + to.NormalizedText + ")");
            default:
                return null;
        }
    }

    // ---------------------------------------------------------------- SQLite

    /// <summary>
    /// SQLite copies the rows into the rebuilt table with no cast: the new column's affinity converts a value only
    /// when the conversion is exact. A value converts when it equals its cast to the new type, compared with the
    /// same affinity rules.
    /// </summary>
    private static ValueCheck? Sqlite(StoreType from, StoreType to, string column)
    {
        switch (to.Family)
        {
            case StoreTypeFamily.Integer:
                return Rows("typeof(" + column + ") NOT IN ('integer', 'null') AND NOT (CAST(" + column + " AS INTEGER) = " + column + ")");
            case StoreTypeFamily.FloatingPoint:
                return Rows("typeof(" + column + ") NOT IN ('real', 'null') AND NOT (CAST(" + column + " AS REAL) = " + column + ")");
            case StoreTypeFamily.Decimal:
                return Rows("typeof(" + column + ") IN ('text', 'blob') AND NOT (CAST(" + column + " AS NUMERIC) = " + column + ")");
            case StoreTypeFamily.Binary when from.Family != StoreTypeFamily.Text:
                // Numbers stay numbers in a BLOB column and read as the bytes of their text.
                return Rows("typeof(" + column + ") IN ('integer', 'real')");
            default:
                return null;
        }
    }

    // ---------------------------------------------------------------- Shared

    private static int? Shorter(int? from, int? to) => to is int length && (from is not int had || had > length) ? length : null;

    private static string? DecimalLoss(string column, StoreType from, StoreType to, string roundFormat)
    {
        var parts = new System.Collections.Generic.List<string>();
        if (to.Scale is int scale && (from.Scale is not int had || had > scale))
        {
            parts.Add(column + " <> " + string.Format(CultureInfo.InvariantCulture, roundFormat, scale));
        }

        if (to.IntegerDigits is int digits && (from.IntegerDigits is not int hadDigits || hadDigits > digits))
        {
            parts.Add("abs(" + column + ") >= " + PowerOfTen(digits));
        }

        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => "(" + string.Join(" OR ", parts) + ")",
        };
    }

    private static string OutOfRange(string column, StoreType type)
    {
        Limits(type, out var min, out var max);
        return column + " NOT BETWEEN " + min.ToString(CultureInfo.InvariantCulture) + " AND " + max.ToString(CultureInfo.InvariantCulture);
    }

    private static void Limits(StoreType type, out decimal min, out decimal max)
    {
        var size = type.Size ?? 8;
        if (type.IsUnsigned)
        {
            min = 0;
            max = size switch { 1 => byte.MaxValue, 2 => ushort.MaxValue, 4 => uint.MaxValue, _ => ulong.MaxValue };
            return;
        }

        min = size switch { 1 => sbyte.MinValue, 2 => short.MinValue, 4 => int.MinValue, _ => long.MinValue };
        max = size switch { 1 => sbyte.MaxValue, 2 => short.MaxValue, 4 => int.MaxValue, _ => long.MaxValue };
    }

    private static string PowerOfTen(int digits) => "1" + new string('0', digits);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
