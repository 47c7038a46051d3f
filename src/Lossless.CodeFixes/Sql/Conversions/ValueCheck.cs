using System.Collections.Generic;
using System.Globalization;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;

namespace Lossless.CodeFixes.Sql.Conversions;

/// <summary>
/// How a guard finds the rows whose value a conversion would lose, change or fail on: a set-based predicate over the
/// row (regex, range, length, round trip), or, on PostgreSQL for the few types no expression can test without raising
/// (text into timestamps, intervals, jsonb, …), a round trip tried on each value in which an error counts as a failure.
/// </summary>
internal sealed class ValueCheck
{
    private ValueCheck(string? predicate, string? rowTest, bool provesNoLoss, string? fastPredicate = null)
    {
        Predicate = predicate;
        RowTest = rowTest;
        ProvesNoLoss = provesNoLoss;
        FastPredicate = fastPredicate;
    }

    /// <summary>
    /// PostgreSQL: the same check with plain casts, true for the same rows, which may raise on a value that does not
    /// convert (the guard then runs <see cref="Predicate"/> or <see cref="RowTest"/>). A cast is what the ALTER itself
    /// does, and far cheaper than the expressions that decide without raising: the guard's one scan when every value
    /// passes. Null when the exact check is cheap already.
    /// </summary>
    public string? FastPredicate { get; }

    /// <summary>This check with <paramref name="fast"/> as its fast form.</summary>
    private ValueCheck Fast(string fast) => new(Predicate, RowTest, ProvesNoLoss, fast);

    /// <summary>A condition true for each row whose value would be lost, changed or fail (WHERE …); null for a per-row test.</summary>
    public string? Predicate { get; }

    /// <summary>PostgreSQL: an expression over <c>r.v</c>, true when the value converts and reads back the same; raising counts as a failure.</summary>
    public string? RowTest { get; }

    /// <summary>
    /// True when the check proves that every value that passes reads back the same (or equal after a documented,
    /// harmless normalisation): only then does its message say "without loss". False for a check that only proves the
    /// values cast (SQL Server's TRY_CONVERT).
    /// </summary>
    public bool ProvesNoLoss { get; }

    public static ValueCheck Rows(string predicate, bool provesNoLoss = true) => new(predicate, null, provesNoLoss);

    public static ValueCheck EachValue(string test) => new(null, test, provesNoLoss: true);

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

    /// <summary>
    /// Every form PostgreSQL's uuid input reads: 32 hex digits in either case, a hyphen allowed after any group of four
    /// (not after the last), the whole optionally in braces; nothing else, not even a space.
    /// </summary>
    public const string UuidInputPattern = @"'^(\{([0-9a-f]{4}-?){7}[0-9a-f]{4}\}|([0-9a-f]{4}-?){7}[0-9a-f]{4})$'";

    /// <summary>Digits with an optional minus and fractional part: what numeric reads without raising, and what the round trip then compares.</summary>
    private const string DecimalPattern = @"'^-?[0-9]+(\.[0-9]+)?$'";

    /// <summary>A decimal, with an exponent as PostgreSQL writes one for floating point (1e+21, 1e-05): numeric reads it too.</summary>
    private const string FloatPattern = @"'^-?[0-9]+(\.[0-9]+)?(e[-+][0-9]+)?$'";

    private static ValueCheck PostgreSql(StoreType from, StoreType to, string column)
    {
        switch (from.Family, to.Family)
        {
            case (StoreTypeFamily.Text, StoreTypeFamily.Uuid):
                // Case, hyphens and braces are all PostgreSQL normalises: the same 128 bits come back.
                return Rows(column + " !~* " + UuidInputPattern).Fast(column + "::uuid IS NULL");
            case (StoreTypeFamily.Text, StoreTypeFamily.Integer):
                // Cast only what can be cast, and keep only what reads back as the same text: not '02134', ' 42', '+5', '1.0', '-0'.
                Limits(to, out var min, out var max);
                return Rows("CASE WHEN " + column + " !~ '^-?[0-9]{1,19}$' THEN true"
                    + " WHEN " + column + "::numeric NOT BETWEEN " + Number(min) + " AND " + Number(max) + " THEN true"
                    + " ELSE " + column + "::" + to.NormalizedText + "::text <> " + column + " END")
                    .Fast(column + "::" + to.NormalizedText + "::text <> " + column);
            case (StoreTypeFamily.Text, StoreTypeFamily.Decimal):
                // A decimal whose every digit the new type keeps and that reads back the same; the type may add zeros to its scale (12.5 reads 12.50).
                return Rows(PlainDecimal(column, to)).Fast("CASE WHEN " + column + " IN ('NaN', 'Infinity', '-Infinity') THEN true ELSE "
                    + (to.Scale is not null ? column + "::" + to.NormalizedText + " <> " + column + "::numeric OR " : string.Empty)
                    + column + "::numeric::text <> " + column + " END");
            case (StoreTypeFamily.Text, StoreTypeFamily.FloatingPoint):
                // NaN and the infinities as PostgreSQL writes them, or a decimal in the type's range (nothing nearer zero
                // than it can hold) that reads back as the same text.
                var limit = to.Size == 4 ? "3.4028234e38" : "1.7976931348623157e308";
                var tiny = to.Size == 4 ? "7.1e-46" : "2.5e-324";
                return Rows("CASE WHEN " + column + " IN ('NaN', 'Infinity', '-Infinity') THEN false"
                    + " WHEN " + column + " !~ " + FloatPattern + " THEN true"
                    + " WHEN abs(" + column + "::numeric) > " + limit + " THEN true"
                    + " WHEN " + column + "::numeric <> 0 AND abs(" + column + "::numeric) < " + tiny + " THEN true"
                    + " ELSE " + column + "::" + to.NormalizedText + "::text <> " + column + " END")
                    .Fast("CASE WHEN " + column + " IN ('NaN', 'Infinity', '-Infinity') THEN false ELSE " + column + "::" + to.NormalizedText + "::text <> " + column + " END");
            case (StoreTypeFamily.Text, StoreTypeFamily.Boolean):
                // What PostgreSQL reads back as written, 't' and 'f' being its own short forms of 'true' and 'false'.
                return Rows(column + " NOT IN ('true', 'false', 't', 'f')");
            case (StoreTypeFamily.Text, StoreTypeFamily.Date):
                // An ISO date that exists: built from its parts without a cast that could raise, it must write the same text.
                return Rows("CASE WHEN " + column + " !~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' OR left(" + column + ", 4) = '0000' THEN true"
                    + " ELSE to_char((left(" + column + ", 8) || '01')::date + (right(" + column + ", 2)::integer - 1), 'YYYY-MM-DD') <> " + column + " END")
                    .Fast("CASE WHEN " + column + " NOT LIKE '____-__-__' THEN true ELSE " + column + "::date::text <> " + column + " END");
            case (StoreTypeFamily.Text, StoreTypeFamily.Json) when to.Name == "json":
                // json keeps its input text: the value only has to be JSON.
                return EachValue("r.v::json IS NOT NULL").Fast(column + "::json IS NULL");
            case (StoreTypeFamily.Text, StoreTypeFamily.Text) when Shorter(from.Length, to.Length) is int length:
                return Rows("length(" + column + ") > " + Number(length));
            case (StoreTypeFamily.Binary, StoreTypeFamily.Binary) when Shorter(from.Length, to.Length) is int length:
                return Rows("octet_length(" + column + ") > " + Number(length));
            case (StoreTypeFamily.Text, _) when to.Family != StoreTypeFamily.Text:
                // Timestamps, times, intervals, jsonb, …: convert each value and back; what raises or reads back otherwise fails.
                return EachValue("r.v::" + to.NormalizedText + "::text = r.v").Fast(column + "::" + to.NormalizedText + "::text <> " + column);
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
                return EachValue("r.v::" + to.NormalizedText + "::" + from.NormalizedText + " = r.v").Fast(column + "::" + to.NormalizedText + "::" + from.NormalizedText + " <> " + column);
        }
    }

    /// <summary>
    /// Text into numeric: rejected unless digits with an optional minus and fraction; then unless rounding to the scale
    /// keeps the value; then unless its integer digits fit; then unless it reads back through numeric as the same text
    /// ('02134', '-0' and '1.' do not). 'NaN' and the infinities, which numeric holds and .NET's decimal cannot, are
    /// rejected. Each step is a CASE branch, so nothing is cast before it is known to cast.
    /// </summary>
    private static string PlainDecimal(string column, StoreType to)
    {
        var text = new System.Text.StringBuilder("CASE WHEN " + column + " !~ " + DecimalPattern + " THEN true");
        if (to.Scale is int scale)
        {
            text.Append(" WHEN round(" + column + "::numeric, " + Number(scale) + ") <> " + column + "::numeric THEN true");
        }

        if (to.IntegerDigits is int digits)
        {
            text.Append(" WHEN abs(" + column + "::numeric) >= " + PowerOfTen(digits) + " THEN true");
        }

        return text.Append(" ELSE " + column + "::numeric::text <> " + column + " END").ToString();
    }

    // ---------------------------------------------------------------- SQL Server

    private static ValueCheck? SqlServer(StoreType from, StoreType to, string column)
    {
        switch (from.Family, to.Family)
        {
            case (StoreTypeFamily.Text, StoreTypeFamily.Uuid):
                return Rows("(TRY_CONVERT(uniqueidentifier, " + column + ") IS NULL OR LEN(" + column + ") <> 36) AND " + column + " IS NOT NULL", provesNoLoss: false);
            case (StoreTypeFamily.Text, StoreTypeFamily.Text):
                var parts = new List<string>();
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
            case (StoreTypeFamily.Text, StoreTypeFamily.Integer):
                // An integer reads back as its canonical text: '02134', ' 42' and '+5' do not.
                // The appended character keeps trailing spaces counted, which comparisons otherwise ignore.
                return Rows(column + " IS NOT NULL AND (TRY_CONVERT(" + to.NormalizedText + ", " + column + ") IS NULL OR CONVERT(nvarchar(40), TRY_CONVERT(" + to.NormalizedText + ", " + column + ")) + N'x' <> " + column + " + N'x')");
            case (StoreTypeFamily.Text, _):
                // Only proves that the values convert: the message says no more.
                return Rows(column + " IS NOT NULL AND TRY_CONVERT(" + to.NormalizedText + ", " + column + ") IS NULL", provesNoLoss: false);
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
    /// SQLite copies the rows into the rebuilt table with no cast: the new column's affinity converts a value when it
    /// looks like a number, trimming spaces and leading zeros on the way ('02134' becomes 2134). Text passes only when
    /// the converted value reads back as the same text; a number only when the cast keeps its value.
    /// </summary>
    private static ValueCheck? Sqlite(StoreType from, StoreType to, string column)
    {
        switch (to.Family)
        {
            case StoreTypeFamily.Integer:
                return Rows(SqliteRoundTrip(column, "INTEGER", "'integer'"));
            case StoreTypeFamily.FloatingPoint:
                return Rows(SqliteRoundTrip(column, "REAL", "'real'"));
            case StoreTypeFamily.Decimal:
                return Rows(SqliteRoundTrip(column, "NUMERIC", "'integer', 'real'"));
            case StoreTypeFamily.Binary when from.Family != StoreTypeFamily.Text:
                // Numbers stay numbers in a BLOB column and read as the bytes of their text.
                return Rows("typeof(" + column + ") IN ('integer', 'real')");
            default:
                return null;
        }
    }

    /// <summary>Text must read back as the same text; a number of the kind the affinity keeps passes; any other value must keep its value in the cast.</summary>
    private static string SqliteRoundTrip(string column, string type, string keeps)
        => "CASE WHEN typeof(" + column + ") = 'null' THEN 0"
            + " WHEN typeof(" + column + ") = 'text' THEN CAST(CAST(" + column + " AS " + type + ") AS TEXT) IS NOT " + column
            + " WHEN typeof(" + column + ") IN (" + keeps + ") THEN 0"
            + " ELSE NOT (CAST(" + column + " AS " + type + ") = " + column + ") END";

    // ---------------------------------------------------------------- Shared

    private static int? Shorter(int? from, int? to) => to is int length && (from is not int had || had > length) ? length : null;

    private static string? DecimalLoss(string column, StoreType from, StoreType to, string roundFormat)
    {
        var parts = new List<string>();
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
        return column + " NOT BETWEEN " + Number(min) + " AND " + Number(max);
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

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
