using System.Collections.Generic;
using System.Globalization;
using Lossless.Analyzers.Model.Providers;

namespace Lossless.Analyzers.Model.StoreTypes;

/// <summary>
/// Classifies a column type change by what the database does to the values already stored (RULES.md, "Type
/// conversion classes" and "What the databases do"). Effects complete "Changing column 'users.id' from 'a' to
/// 'b' …": lower case, no final period.
/// </summary>
public static class StoreTypeClassifier
{
    private const string KeepsEveryValue = "keeps every value";

    /// <summary>Classifies the change of a column from one store type to another on a provider. Never throws.</summary>
    public static Conversion Classify(StoreType from, StoreType to, DatabaseProvider provider) => Classify(from, to, provider, fromClrType: null);

    /// <summary>
    /// Classifies the change, with the CLR type of the values already stored where the store types say less: on SQLite
    /// INTEGER holds any integer, but from a 32-bit (or smaller) property every value fits a double (REAL) exactly.
    /// </summary>
    /// <param name="fromClrType">The old property's CLR type by metadata name ("System.Int32"), or null.</param>
    public static Conversion Classify(StoreType from, StoreType to, DatabaseProvider provider, string? fromClrType)
    {
        if (provider == DatabaseProvider.Sqlite && from is { Family: StoreTypeFamily.Integer } && to is { Family: StoreTypeFamily.FloatingPoint } && IsAtMost32BitInteger(fromClrType))
        {
            return new Conversion(ConversionClass.Widening, KeepsEveryValue + ": a double holds every 32-bit integer exactly");
        }

        if (from is null || to is null)
        {
            return new Conversion(ConversionClass.Unknown, "may fail or change existing values: the store types were not given");
        }

        // The same type text on both sides names the same type, recognised or not (longtext → longtext where only the
        // nullability changes): no value converts.
        if (string.Equals(from.Text.Trim(), to.Text.Trim(), System.StringComparison.OrdinalIgnoreCase))
        {
            return new Conversion(ConversionClass.Identical, "changes nothing: the types are the same");
        }

        from = ForProvider(from, provider);
        to = ForProvider(to, provider);

        if (!from.IsKnown || !to.IsKnown)
        {
            var unknown = !from.IsKnown && !to.IsKnown
                ? "the store types '" + from.Text + "' and '" + to.Text + "' were not recognized"
                : "the store type '" + (from.IsKnown ? to.Text : from.Text) + "' was not recognized";
            return new Conversion(ConversionClass.Unknown, "may fail or change existing values: " + unknown);
        }

        if (from.Equals(to))
        {
            return new Conversion(ConversionClass.Identical, "changes nothing: the types are the same");
        }

        return provider switch
        {
            DatabaseProvider.Sqlite => Sqlite(from, to),
            DatabaseProvider.PostgreSql => PostgreSql(from, to),
            DatabaseProvider.SqlServer => Values(from, to, DatabaseProvider.SqlServer),
            DatabaseProvider.MySql => Values(from, to, DatabaseProvider.MySql),
            _ => Values(from, to, DatabaseProvider.Unknown),
        };
    }

    private static bool IsAtMost32BitInteger(string? clrType)
        => clrType is "System.Int32" or "System.Int16" or "System.Byte" or "System.SByte" or "System.UInt16" or "System.Boolean";

    private static StoreType ForProvider(StoreType type, DatabaseProvider provider)
        => type.Provider == provider ? type : StoreTypeParser.Parse(type.Text, provider);

    // ---------------------------------------------------------------- PostgreSQL

    /// <summary>
    /// Npgsql writes ALTER COLUMN … TYPE with no USING: a change without an implicit or assignment cast fails on
    /// every database (42804), whatever the data. The rest converts by the cast.
    /// </summary>
    private static Conversion PostgreSql(StoreType from, StoreType to)
    {
        if (from.IsArray != to.IsArray)
        {
            if (from.IsArray && to.Family == StoreTypeFamily.Text && !to.IsArray)
            {
                // Every type has an assignment cast to the string types (I/O conversion): '{1,2}'.
                return to.Length is int length
                    ? new Conversion(ConversionClass.MayFail, "fails when the text of a value is longer than " + Characters(length))
                    : new Conversion(ConversionClass.Widening, KeepsEveryValue + ", as array literal text ('{1,2,3}')");
            }

            return NoCast(from, to);
        }

        if (!PostgreSqlHasCast(from, to))
        {
            return NoCast(from, to);
        }

        return Values(from, to, DatabaseProvider.PostgreSql);
    }

    private static Conversion NoCast(StoreType from, StoreType to)
    {
        var reason = "PostgreSQL has no cast from " + from.NormalizedText + " to " + to.NormalizedText + " without USING, and EF Core writes none";
        var effect = from.Family == StoreTypeFamily.Text && !from.IsArray && !to.IsArray
            ? "fails on every database, even when every value is " + Noun(to) + ": " + reason
            : "fails on every database, whatever the data: " + reason;
        return new Conversion(ConversionClass.MayFail, effect, failsEvenOnValidData: true);
    }

    /// <summary>Whether pg_cast has an implicit or assignment cast (or a binary coercion) between the element types.</summary>
    private static bool PostgreSqlHasCast(StoreType from, StoreType to)
    {
        if (to.Family == StoreTypeFamily.Text)
        {
            // Automatic I/O conversion casts to the string types are assignment casts.
            return true;
        }

        switch (from.Family)
        {
            case StoreTypeFamily.Text:
                return false;
            case StoreTypeFamily.Integer:
            case StoreTypeFamily.Decimal:
            case StoreTypeFamily.FloatingPoint:
                // money has casts only from and to numeric and integer types.
                return to.Family is StoreTypeFamily.Integer or StoreTypeFamily.Decimal or StoreTypeFamily.FloatingPoint
                    && !((from.Name == "money" && to.Family == StoreTypeFamily.FloatingPoint)
                        || (to.Name == "money" && (from.Family == StoreTypeFamily.FloatingPoint || from.Size == 2)));
            case StoreTypeFamily.Date:
                return to.Family is StoreTypeFamily.Date or StoreTypeFamily.DateTime or StoreTypeFamily.DateTimeOffset;
            case StoreTypeFamily.DateTime:
                return to.Family is StoreTypeFamily.Date or StoreTypeFamily.DateTime or StoreTypeFamily.DateTimeOffset
                    || (to.Family == StoreTypeFamily.Time && !to.HasTimeZone);
            case StoreTypeFamily.DateTimeOffset:
                return to.Family is StoreTypeFamily.Date or StoreTypeFamily.DateTime or StoreTypeFamily.DateTimeOffset or StoreTypeFamily.Time;
            case StoreTypeFamily.Time:
                return to.Family == StoreTypeFamily.Time || (to.Family == StoreTypeFamily.Interval && !from.HasTimeZone);
            case StoreTypeFamily.Interval:
                return to.Family == StoreTypeFamily.Interval || (to.Family == StoreTypeFamily.Time && !to.HasTimeZone);
            case StoreTypeFamily.Json:
                return to.Family == StoreTypeFamily.Json;
            case StoreTypeFamily.Boolean:
            case StoreTypeFamily.Uuid:
            case StoreTypeFamily.Binary:
            case StoreTypeFamily.Xml:
                return to.Family == from.Family;
            default:
                return false;
        }
    }

    // ---------------------------------------------------------------- SQLite

    /// <summary>
    /// SQLite rebuilds the table and copies the rows with INSERT … SELECT and no cast: values are only coerced by
    /// the new column's affinity, never truncated or rounded to a length or scale. Measured with
    /// Microsoft.Data.Sqlite (SQLite 3.53): 'abc' copied into an INTEGER column stays text and GetInt64 reads it as 0;
    /// 2.7 stays real and reads as 2; 9007199254740993 copied into REAL becomes 9007199254740992.
    /// </summary>
    private static Conversion Sqlite(StoreType from, StoreType to)
    {
        switch (to.Family)
        {
            case StoreTypeFamily.Text:
                return from.Family == StoreTypeFamily.Binary
                    ? new Conversion(ConversionClass.Lossy, "silently leaves existing values as blobs, which read as text only when they hold UTF-8 (other bytes read as U+FFFD)")
                    : new Conversion(ConversionClass.Widening, KeepsEveryValue + ", as text");
            case StoreTypeFamily.Binary:
                return from.Family == StoreTypeFamily.Text
                    ? new Conversion(ConversionClass.Widening, KeepsEveryValue + ": SQLite leaves text as text, and it reads as its UTF-8 bytes")
                    : new Conversion(ConversionClass.MayFail, "leaves existing " + SqliteValues(from) + " as they are, and they read as the bytes of their text (42 reads as 0x3432)");
            case StoreTypeFamily.Integer:
                switch (from.Family)
                {
                    case StoreTypeFamily.Text:
                        return new Conversion(ConversionClass.MayFail, "leaves existing values that are not integers as text, and the application reads them as 0 without an error ('abc' reads as 0, '2.7' becomes 2.7 and reads as 2)");
                    case StoreTypeFamily.Binary:
                        return new Conversion(ConversionClass.MayFail, "leaves existing blobs as they are, and the application reads them as 0 without an error");
                    case StoreTypeFamily.Decimal:
                        return new Conversion(ConversionClass.Lossy, "silently leaves values with a fraction as real numbers that read truncated (2.7 reads as 2), and text values that read as 0");
                    default:
                        return new Conversion(ConversionClass.Lossy, "silently leaves values with a fraction as real numbers that read truncated (2.7 reads as 2; 1e30 reads as 9223372036854775807)");
                }

            case StoreTypeFamily.FloatingPoint:
                switch (from.Family)
                {
                    case StoreTypeFamily.Text:
                        return new Conversion(ConversionClass.MayFail, "leaves existing values that are not numbers as text, and the application reads them as 0 without an error ('abc' reads as 0)");
                    case StoreTypeFamily.Binary:
                        return new Conversion(ConversionClass.MayFail, "leaves existing blobs as they are, and the application reads them as 0 without an error");
                    default:
                        return new Conversion(ConversionClass.Lossy, "silently converts integers to floating point, rounding those beyond 2^53 (9007199254740993 becomes 9007199254740992)");
                }

            case StoreTypeFamily.Decimal:
                switch (from.Family)
                {
                    case StoreTypeFamily.Text:
                        return new Conversion(ConversionClass.MayFail, "converts text that looks like a number ('12.50' becomes 12.5, '007' becomes 7) and leaves other values as text, which a numeric property reads as 0 without an error");
                    case StoreTypeFamily.Binary:
                        return new Conversion(ConversionClass.MayFail, "leaves existing blobs as they are, and the application reads them as 0 without an error");
                    case StoreTypeFamily.FloatingPoint:
                        // Measured: 1e30 stays a real, and EF Core reading it as decimal throws OverflowException.
                        return new Conversion(ConversionClass.MayFail, "leaves existing real numbers as they are, and a decimal property fails to read those beyond its range (1e30 throws OverflowException)");
                    default:
                        return new Conversion(ConversionClass.Widening, KeepsEveryValue + ": NUMERIC holds integers as they are");
                }

            default:
                return new Conversion(ConversionClass.Unknown, "may fail or change existing values: the SQLite affinities were not recognized");
        }
    }

    private static string SqliteValues(StoreType from) => from.Family switch
    {
        StoreTypeFamily.Integer => "integers",
        StoreTypeFamily.FloatingPoint => "real numbers",
        _ => "numbers",
    };

    // ---------------------------------------------------------------- Values (PostgreSQL after its cast check, SQL Server, MySQL, unknown)

    private static Conversion Values(StoreType from, StoreType to, DatabaseProvider provider)
    {
        var effects = new Effects(provider);
        var fromFamily = Numeric(from, provider);
        var toFamily = Numeric(to, provider);

        if (from.IsArray != to.IsArray)
        {
            // Unknown provider only (PostgreSQL handled arrays before).
            return new Conversion(ConversionClass.MayFail, "fails or changes values: there is no conversion between " + from.NormalizedText + " and " + to.NormalizedText + " that keeps them");
        }

        if (toFamily == StoreTypeFamily.Text)
        {
            ToText(from, fromFamily, to, provider, effects);
            return effects.Result();
        }

        if (fromFamily == StoreTypeFamily.Text)
        {
            return FromText(from, to, provider);
        }

        switch (fromFamily)
        {
            case StoreTypeFamily.Integer:
                switch (toFamily)
                {
                    case StoreTypeFamily.Integer:
                        IntegerRange(from, to, effects);
                        return effects.Result();
                    case StoreTypeFamily.Decimal:
                        NegativeIntoUnsigned(from, to, effects);
                        IntegerDigits(IntegerDigitsNeeded(from), to, effects);
                        return effects.Result();
                    case StoreTypeFamily.FloatingPoint:
                        IntegerToFloat(from, to, effects);
                        return effects.Result();
                    case StoreTypeFamily.Boolean:
                        return IntegerToBoolean(provider);
                }

                break;
            case StoreTypeFamily.Decimal:
                switch (toFamily)
                {
                    case StoreTypeFamily.Decimal:
                        DecimalToDecimal(from, to, effects);
                        return effects.Result();
                    case StoreTypeFamily.Integer:
                        if (from.Scale != 0)
                        {
                            effects.Lossy(WholeNumbers(provider, fromFloat: false));
                        }

                        NegativeIntoUnsigned(from, to, effects);
                        if (from.IntegerDigits is not int digits || digits > IntegerDigitsGuaranteed(to))
                        {
                            effects.Overflow("a value is outside the range of " + to.NormalizedText + " (" + Range(to) + ")");
                        }

                        return effects.Result();
                    case StoreTypeFamily.FloatingPoint:
                        var significant = to.Size == 4 ? 6 : 15;
                        if (from.Precision is not int precision || precision > significant)
                        {
                            effects.Lossy("rounds values to about " + Number(significant) + " significant digits (" + (to.Size == 4 ? "1234567.89 becomes 1234568" : "1234567890.123456789 becomes 1234567890.12346") + ")");
                        }

                        return effects.Result();
                    case StoreTypeFamily.Boolean:
                        return IntegerToBoolean(provider);
                }

                break;
            case StoreTypeFamily.FloatingPoint:
                switch (toFamily)
                {
                    case StoreTypeFamily.FloatingPoint:
                        if (to.Size < from.Size)
                        {
                            effects.Lossy("rounds values to single precision (3.141592653589793 becomes 3.1415927)");
                            effects.Overflow("a value is beyond ±3.4e38");
                        }

                        return effects.Result();
                    case StoreTypeFamily.Integer:
                        effects.Lossy(WholeNumbers(provider, fromFloat: true));
                        effects.Overflow("a value is outside the range of " + to.NormalizedText + " (" + Range(to) + ")");
                        return effects.Result();
                    case StoreTypeFamily.Decimal:
                        if (to.Scale is int scale)
                        {
                            effects.Lossy("rounds values to " + DecimalPlaces(scale) + " (" + RoundingExample(null, scale) + ")");
                            effects.Overflow("a value has more than " + Number(to.IntegerDigits ?? 0) + " integer digits");
                        }
                        else
                        {
                            effects.Lossy("rounds values to 15 significant digits (0.30000000000000004 becomes 0.3)");
                        }

                        return effects.Result();
                    case StoreTypeFamily.Boolean:
                        return IntegerToBoolean(provider);
                }

                break;
            case StoreTypeFamily.Boolean:
                switch (toFamily)
                {
                    case StoreTypeFamily.Boolean:
                        return new Conversion(ConversionClass.Widening, KeepsEveryValue);
                    case StoreTypeFamily.Integer:
                    case StoreTypeFamily.Decimal:
                    case StoreTypeFamily.FloatingPoint:
                        return provider == DatabaseProvider.SqlServer
                            ? new Conversion(ConversionClass.Widening, KeepsEveryValue + ", as 0 and 1")
                            : new Conversion(ConversionClass.MayFail, "may fail: not every database converts booleans to numbers");
                }

                break;
            case StoreTypeFamily.Date:
                switch (toFamily)
                {
                    case StoreTypeFamily.Date:
                        return new Conversion(ConversionClass.Widening, KeepsEveryValue);
                    case StoreTypeFamily.DateTime:
                        DateRange(to, effects);
                        return effects.Result(KeepsEveryValue + ", at midnight");
                    case StoreTypeFamily.DateTimeOffset:
                        if (provider == DatabaseProvider.SqlServer)
                        {
                            return new Conversion(ConversionClass.Widening, KeepsEveryValue + ", at midnight with offset +00:00");
                        }

                        effects.Lossy(provider == DatabaseProvider.PostgreSql
                            ? "stores each date as midnight in the migrating session's TimeZone: unless it is UTC, the application reads the instant before or after midnight UTC (2024-03-01 becomes 2024-02-29 23:00 UTC in Europe/Berlin)"
                            : "stores each date as midnight in a time zone the database chooses");
                        return effects.Result();
                }

                break;
            case StoreTypeFamily.DateTime:
            case StoreTypeFamily.DateTimeOffset:
                switch (toFamily)
                {
                    case StoreTypeFamily.Date:
                        effects.Lossy(fromFamily == StoreTypeFamily.DateTimeOffset && provider == DatabaseProvider.PostgreSql
                            ? "drops the time of day, taking each date in the migrating session's TimeZone (2024-03-01 14:30 becomes 2024-03-01)"
                            : "drops the time of day (2024-03-01 14:30 becomes 2024-03-01)");
                        return effects.Result();
                    case StoreTypeFamily.Time:
                        effects.Lossy("drops the date, keeping only the time of day (2024-03-01 14:30 becomes 14:30)");
                        FractionalSeconds(from, to, effects);
                        return effects.Result();
                    case StoreTypeFamily.DateTime:
                    case StoreTypeFamily.DateTimeOffset:
                        DateTimeToDateTime(from, fromFamily, to, toFamily, provider, effects);
                        return effects.Result();
                }

                break;
            case StoreTypeFamily.Time:
                switch (toFamily)
                {
                    case StoreTypeFamily.Time:
                        if (from.HasTimeZone && !to.HasTimeZone)
                        {
                            effects.Lossy("drops the time-zone offset (14:30+02 becomes 14:30)");
                        }

                        FractionalSeconds(from, to, effects);
                        return effects.Result();
                    case StoreTypeFamily.Interval:
                        FractionalSeconds(from, to, effects);
                        return effects.Result(KeepsEveryValue + ", as the interval since midnight");
                    case StoreTypeFamily.DateTime:
                    case StoreTypeFamily.DateTimeOffset:
                        if (provider == DatabaseProvider.SqlServer)
                        {
                            return new Conversion(ConversionClass.Lossy, "silently gives each time of day the date 1900-01-01");
                        }

                        break;
                }

                break;
            case StoreTypeFamily.Interval:
                switch (toFamily)
                {
                    case StoreTypeFamily.Interval:
                        FractionalSeconds(from, to, effects);
                        return effects.Result();
                    case StoreTypeFamily.Time:
                        effects.Lossy("keeps only the time-of-day part of each interval (1 day 02:00 becomes 02:00, -01:00 becomes 23:00)");
                        return effects.Result();
                }

                break;
            case StoreTypeFamily.Uuid:
                if (toFamily == StoreTypeFamily.Uuid)
                {
                    return new Conversion(ConversionClass.Widening, KeepsEveryValue);
                }

                if (toFamily == StoreTypeFamily.Binary && provider == DatabaseProvider.SqlServer)
                {
                    BinaryLength(16, to, effects);
                    return effects.Result(KeepsEveryValue + ", as its 16 bytes");
                }

                break;
            case StoreTypeFamily.Binary:
                if (toFamily == StoreTypeFamily.Binary)
                {
                    BinaryLength(from.Length, to, effects);
                    if (to.IsFixedLength && !from.IsFixedLength && to.Length is int fixedLength)
                    {
                        effects.Lossy("pads values shorter than " + Bytes(fixedLength) + " with zero bytes");
                    }

                    return effects.Result();
                }

                if (toFamily == StoreTypeFamily.Uuid && provider == DatabaseProvider.SqlServer)
                {
                    return new Conversion(ConversionClass.MayFail, "fails or changes values when a value is not exactly 16 bytes");
                }

                break;
            case StoreTypeFamily.Json:
                if (toFamily == StoreTypeFamily.Json)
                {
                    return from.Name == "json" && to.Name == "jsonb"
                        ? new Conversion(ConversionClass.Lossy, "silently normalizes existing JSON: of duplicate keys only the last is kept, and whitespace and key order are lost ('{\"a\":1, \"a\":2}' becomes '{\"a\": 2}')")
                        : new Conversion(ConversionClass.Widening, KeepsEveryValue);
                }

                return new Conversion(ConversionClass.MayFail, "fails when a value is not JSON holding " + Noun(to));
            case StoreTypeFamily.Xml:
                if (toFamily == StoreTypeFamily.Xml)
                {
                    return new Conversion(ConversionClass.Widening, KeepsEveryValue);
                }

                break;
        }

        return new Conversion(ConversionClass.MayFail, "fails or changes values: " + ProviderName(provider) + " has no conversion from " + from.NormalizedText + " to " + to.NormalizedText + " that keeps them");
    }

    /// <summary>MySQL's tinyint(1) booleans are tinyints: they convert as numbers.</summary>
    private static StoreTypeFamily Numeric(StoreType type, DatabaseProvider provider)
        => provider == DatabaseProvider.MySql && type.Family == StoreTypeFamily.Boolean ? StoreTypeFamily.Integer : type.Family;

    private static void ToText(StoreType from, StoreTypeFamily fromFamily, StoreType to, DatabaseProvider provider, Effects effects)
    {
        if (fromFamily == StoreTypeFamily.Text)
        {
            if (to.Length is int length && (from.Length is not int fromLength || fromLength > length))
            {
                effects.Truncation("a value is longer than " + Characters(length), "truncates values longer than " + Characters(length));
            }

            if (from.IsUnicode == true && to.IsUnicode == false)
            {
                effects.Lossy("replaces characters outside the column's code page with '?' ('Łódź' becomes '?ód?')");
            }

            if (to.IsFixedLength && !from.IsFixedLength && to.Length is int padded)
            {
                effects.Lossy(provider == DatabaseProvider.MySql
                    ? "removes trailing spaces from values ('a ' becomes 'a')"
                    : "pads values shorter than " + Characters(padded) + " with trailing spaces ('a' becomes 'a" + (padded > 1 ? "  …" : string.Empty) + "')");
            }

            return;
        }

        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                if (fromFamily == StoreTypeFamily.FloatingPoint)
                {
                    effects.Lossy("converts values to text with at most 6 significant digits (3.14159265 becomes '3.14159')");
                }
                else if (from.Name is "datetime" or "smalldatetime")
                {
                    effects.Lossy("converts values to text without seconds (2024-03-01 14:30:45 becomes 'Mar  1 2024  2:30PM')");
                }
                else if (from.Name is "money" or "smallmoney")
                {
                    effects.Lossy("converts values to text with 2 decimal places (12.3456 becomes '12.35')");
                }
                else if (fromFamily == StoreTypeFamily.Binary)
                {
                    effects.Lossy("reinterprets the bytes of each value as characters of the column's code page");
                }

                break;
            case DatabaseProvider.MySql:
            case DatabaseProvider.Unknown:
                if (fromFamily == StoreTypeFamily.Binary)
                {
                    effects.Fails("a value's bytes are not valid characters of the column's character set");
                }

                break;
        }

        if (to.Length is int limit && (MaxTextLength(from, fromFamily, provider) is not int needed || needed > limit))
        {
            effects.Truncation("the text of a value is longer than " + Characters(limit), "truncates the text of values longer than " + Characters(limit));
        }

        if (to.IsUnicode == false && fromFamily is StoreTypeFamily.Json or StoreTypeFamily.Xml)
        {
            effects.Lossy("replaces characters outside the column's code page with '?'");
        }
    }

    private static Conversion FromText(StoreType from, StoreType to, DatabaseProvider provider)
    {
        if (to.Family == StoreTypeFamily.Binary)
        {
            if (provider != DatabaseProvider.MySql)
            {
                return new Conversion(ConversionClass.MayFail, "fails or changes values: text converts to binary only as the bytes of its encoding, if at all");
            }

            // MySQL keeps the bytes of the text in its character set (up to 4 bytes a character in utf8mb4).
            var effects = new Effects(provider);
            if (to.Length is int bytes && (from.Length is not int characters || characters * 4 > bytes))
            {
                effects.Truncation("a value is longer than " + Bytes(bytes) + " in the column's character set", "truncates values longer than " + Bytes(bytes) + " in the column's character set");
            }

            return effects.Result(KeepsEveryValue + ", as the bytes of its text in the column's character set");
        }

        var effect = "fails when a value is not " + Noun(to);
        if (provider == DatabaseProvider.MySql && to.Family is StoreTypeFamily.Integer or StoreTypeFamily.Decimal or StoreTypeFamily.FloatingPoint or StoreTypeFamily.Boolean)
        {
            effect += " (in MySQL's strict SQL mode; in non-strict mode such values silently become 0)";
        }

        return new Conversion(ConversionClass.MayFail, effect);
    }

    private static void IntegerRange(StoreType from, StoreType to, Effects effects)
    {
        Limits(from, out var fromMin, out var fromMax);
        Limits(to, out var toMin, out var toMax);
        if (fromMin < toMin || fromMax > toMax)
        {
            effects.Overflow("a value is outside the range of " + to.NormalizedText + " (" + Range(to) + ")");
        }
    }

    private static void NegativeIntoUnsigned(StoreType from, StoreType to, Effects effects)
    {
        if (to.IsUnsigned && !from.IsUnsigned && to.Family == StoreTypeFamily.Decimal)
        {
            effects.Overflow("a value is negative");
        }
    }

    private static void IntegerDigits(int needed, StoreType to, Effects effects)
    {
        if (to.IntegerDigits is int have && have < needed)
        {
            effects.Overflow("a value has more than " + Number(have) + " integer digits");
        }
    }

    private static void IntegerToFloat(StoreType from, StoreType to, Effects effects)
    {
        var mantissaBits = to.Size == 4 ? 24 : 53;
        var valueBits = (from.Size ?? 8) * 8 - (from.IsUnsigned ? 0 : 1);
        if (valueBits > mantissaBits)
        {
            effects.Lossy(to.Size == 4
                ? "rounds integers beyond 2^24 (16777217 becomes 16777216)"
                : "rounds integers beyond 2^53 (9007199254740993 becomes 9007199254740992)");
        }
    }

    private static Conversion IntegerToBoolean(DatabaseProvider provider)
        => provider == DatabaseProvider.SqlServer
            ? new Conversion(ConversionClass.Lossy, "silently turns every non-zero value into 1 (2 becomes 1)")
            : new Conversion(ConversionClass.MayFail, "fails or changes values: numbers other than 0 and 1 have no boolean value");

    private static void DecimalToDecimal(StoreType from, StoreType to, Effects effects)
    {
        var scaleReduced = to.Scale is int toScale && (from.Scale is not int fromScale || fromScale > toScale);
        if (scaleReduced)
        {
            effects.Lossy("rounds existing values to " + DecimalPlaces(to.Scale!.Value) + " (" + RoundingExample(from.Scale, to.Scale.Value) + ")");
        }

        if (to.IntegerDigits is int have && (from.IntegerDigits is not int had || had > have))
        {
            effects.Overflow("a value has more than " + Number(have) + " integer digits");
        }

        NegativeIntoUnsigned(from, to, effects);
    }

    private static void DateRange(StoreType to, Effects effects)
    {
        if (to.Name == "datetime" && to.Provider == DatabaseProvider.SqlServer)
        {
            effects.Overflow("a value is before 1753-01-01");
        }
        else if (to.Name == "smalldatetime")
        {
            effects.Overflow("a value is outside 1900-01-01 to 2079-06-06");
        }
        else if (to.Name == "timestamp" && to.Provider == DatabaseProvider.MySql)
        {
            effects.Overflow("a value is outside 1970-01-01 to 2038-01-19");
        }
    }

    private static void DateTimeToDateTime(StoreType from, StoreTypeFamily fromFamily, StoreType to, StoreTypeFamily toFamily, DatabaseProvider provider, Effects effects)
    {
        if (fromFamily == StoreTypeFamily.DateTimeOffset && toFamily == StoreTypeFamily.DateTime)
        {
            effects.Lossy(provider switch
            {
                DatabaseProvider.PostgreSql => "converts values to the migrating session's TimeZone and drops the offset, so the result depends on that session (with TimeZone 'Europe/Berlin', 2024-03-01 12:00 UTC becomes 2024-03-01 13:00)",
                DatabaseProvider.SqlServer => "drops the offset, keeping each value's local time (2024-03-01 14:30 +02:00 becomes 2024-03-01 14:30)",
                _ => "drops the time-zone offset of each value",
            });
        }
        else if (fromFamily == StoreTypeFamily.DateTime && toFamily == StoreTypeFamily.DateTimeOffset && provider != DatabaseProvider.SqlServer)
        {
            effects.Lossy(provider == DatabaseProvider.PostgreSql
                ? "reinterprets existing values in the migrating session's TimeZone: unless it is UTC, every instant shifts by that zone's offset"
                : "interprets existing values in a time zone the database chooses");
        }

        if (to.Name == "datetime" && to.Provider == DatabaseProvider.SqlServer && from.Name != "smalldatetime")
        {
            effects.Lossy("rounds values to 1/300 of a second (12:00:00.1234567 becomes 12:00:00.123)");
            effects.Overflow("a value is before 1753-01-01");
            return;
        }

        if (to.Name == "smalldatetime")
        {
            effects.Lossy("rounds values to the minute (12:00:29 becomes 12:00)");
            effects.Overflow("a value is outside 1900-01-01 to 2079-06-06");
            return;
        }

        if (to.Name == "timestamp" && to.Provider == DatabaseProvider.MySql && from.Name != "timestamp")
        {
            effects.Overflow("a value is outside 1970-01-01 to 2038-01-19");
        }

        FractionalSeconds(from, to, effects);
    }

    private static void FractionalSeconds(StoreType from, StoreType to, Effects effects)
    {
        var fromDigits = from.Precision ?? from.DefaultFractionalDigits();
        var toDigits = to.Precision ?? to.DefaultFractionalDigits();
        if (toDigits is int target && (fromDigits is not int source || source > target))
        {
            effects.Lossy("rounds fractional seconds to " + Number(target) + " digit" + (target == 1 ? string.Empty : "s") + " (12:00:00.1234567 becomes " + FractionExample(target) + ")");
        }
    }

    private static void BinaryLength(int? fromLength, StoreType to, Effects effects)
    {
        if (to.Length is int length && (fromLength is not int had || had > length))
        {
            effects.Truncation("a value is longer than " + Bytes(length), "truncates values longer than " + Bytes(length));
        }
    }

    // ---------------------------------------------------------------- Facts and words

    private static void Limits(StoreType type, out decimal min, out decimal max)
    {
        var size = type.Size ?? 8;
        if (type.Name == "year")
        {
            min = 1901;
            max = 2155;
            return;
        }

        if (type.IsUnsigned)
        {
            min = 0;
            max = size switch { 1 => byte.MaxValue, 2 => ushort.MaxValue, 3 => 16777215m, 4 => uint.MaxValue, _ => ulong.MaxValue };
            return;
        }

        min = size switch { 1 => sbyte.MinValue, 2 => short.MinValue, 3 => -8388608m, 4 => int.MinValue, _ => long.MinValue };
        max = size switch { 1 => sbyte.MaxValue, 2 => short.MaxValue, 3 => 8388607m, 4 => int.MaxValue, _ => long.MaxValue };
    }

    private static string Range(StoreType type)
    {
        Limits(type, out var min, out var max);
        return min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Decimal digits of the largest magnitude the integer type holds.</summary>
    private static int IntegerDigitsNeeded(StoreType type)
    {
        Limits(type, out var min, out var max);
        var magnitude = -min > max ? -min : max;
        return magnitude.ToString(CultureInfo.InvariantCulture).Length;
    }

    /// <summary>Digits d such that every number of d integer digits fits in the integer type.</summary>
    private static int IntegerDigitsGuaranteed(StoreType type) => IntegerDigitsNeeded(type) - 1;

    private static int? MaxTextLength(StoreType from, StoreTypeFamily family, DatabaseProvider provider)
        => family switch
        {
            StoreTypeFamily.Uuid => 36,
            StoreTypeFamily.Integer => IntegerDigitsNeeded(from) + 1,
            StoreTypeFamily.Boolean => provider == DatabaseProvider.SqlServer ? 1 : 5,
            StoreTypeFamily.Decimal => from.Precision is int p ? p + 3 : null,
            StoreTypeFamily.FloatingPoint => from.Size == 4 ? 15 : 24,
            StoreTypeFamily.Date => 13,
            StoreTypeFamily.Time => 21,
            StoreTypeFamily.DateTime => 29,
            StoreTypeFamily.DateTimeOffset => 35,
            _ => null,
        };

    private static string Noun(StoreType type) => type.Family switch
    {
        StoreTypeFamily.Uuid => "a valid uuid",
        StoreTypeFamily.Integer => "a valid integer in the range of " + type.NormalizedText,
        StoreTypeFamily.Decimal => type.Precision is null ? "a valid number" : "a valid number that fits " + type.NormalizedText,
        StoreTypeFamily.FloatingPoint => "a valid number",
        StoreTypeFamily.Boolean => "a valid boolean",
        StoreTypeFamily.Date => "a valid date",
        StoreTypeFamily.Time => "a valid time",
        StoreTypeFamily.DateTime or StoreTypeFamily.DateTimeOffset => "a valid timestamp",
        StoreTypeFamily.Interval => "a valid interval",
        StoreTypeFamily.Binary => "valid binary data",
        StoreTypeFamily.Json => "valid JSON",
        StoreTypeFamily.Xml => "valid XML",
        StoreTypeFamily.Text => "text",
        _ => "a valid " + type.NormalizedText,
    };

    private static string ProviderName(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSql => "PostgreSQL",
        DatabaseProvider.SqlServer => "SQL Server",
        DatabaseProvider.MySql => "MySQL",
        DatabaseProvider.Sqlite => "SQLite",
        _ => "SQL",
    };

    private static string WholeNumbers(DatabaseProvider provider, bool fromFloat) => provider switch
    {
        DatabaseProvider.PostgreSql => fromFloat
            ? "rounds values to whole numbers, halves to even (2.7 becomes 3, 2.5 becomes 2)"
            : "rounds values to whole numbers (2.5 becomes 3)",
        DatabaseProvider.SqlServer => "truncates values to whole numbers (2.7 becomes 2)",
        DatabaseProvider.MySql => "rounds values to whole numbers (2.7 becomes 3)",
        _ => "rounds or truncates values to whole numbers (2.7 becomes 3 or 2)",
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Characters(int length) => Number(length) + (length == 1 ? " character" : " characters");

    private static string Bytes(int length) => Number(length) + (length == 1 ? " byte" : " bytes");

    private static string DecimalPlaces(int scale) => Number(scale) + (scale == 1 ? " decimal place" : " decimal places");

    /// <summary>12345.67 → 12346 for scale 2 → 0: an example with the source's scale (4 when unbounded), rounded half away from zero.</summary>
    private static string RoundingExample(int? fromScale, int toScale)
    {
        var digits = fromScale is int s && s > toScale ? (s > 6 ? 6 : s) : toScale + 2;
        if (digits > 6)
        {
            digits = 6;
        }

        var example = decimal.Round(12345.678912m, digits, System.MidpointRounding.AwayFromZero);
        var rounded = decimal.Round(example, toScale, System.MidpointRounding.AwayFromZero);
        return example.ToString("F" + Number(digits), CultureInfo.InvariantCulture) + " becomes " + rounded.ToString("F" + Number(toScale), CultureInfo.InvariantCulture);
    }

    private static string FractionExample(int digits)
    {
        var example = decimal.Round(0.1234567m, digits > 7 ? 7 : digits, System.MidpointRounding.AwayFromZero);
        return digits == 0 ? "12:00:00" : "12:00:0" + example.ToString("F" + Number(digits > 7 ? 7 : digits), CultureInfo.InvariantCulture);
    }

    /// <summary>What one change does: silent changes win over failures, as the catalog's LL1001 says.</summary>
    private sealed class Effects
    {
        private readonly DatabaseProvider _provider;
        private readonly List<string> _lossy = new();
        private readonly List<string> _fails = new();

        public Effects(DatabaseProvider provider) => _provider = provider;

        public void Lossy(string clause) => _lossy.Add(clause);

        public void Fails(string condition) => _fails.Add("when " + condition);

        /// <summary>A value too long: MySQL (non-strict SQL mode) truncates silently, the others fail.</summary>
        public void Truncation(string condition, string mySqlClause)
        {
            if (_provider == DatabaseProvider.MySql)
            {
                _lossy.Add(mySqlClause + " (in MySQL's non-strict SQL mode; strict mode fails the statement instead)");
            }
            else
            {
                Fails(condition);
            }
        }

        /// <summary>A value out of range: MySQL (non-strict SQL mode) clamps it silently, the others fail.</summary>
        public void Overflow(string condition)
        {
            if (_provider == DatabaseProvider.MySql)
            {
                _lossy.Add("clamps values that do not fit to the nearest value that does (" + condition + "), in MySQL's non-strict SQL mode; strict mode fails the statement instead");
            }
            else
            {
                Fails(condition);
            }
        }

        public Conversion Result(string wideningEffect = KeepsEveryValue)
        {
            if (_lossy.Count > 0)
            {
                var effect = "silently " + Join(_lossy);
                if (_fails.Count > 0)
                {
                    effect += ", and fails " + Join(_fails);
                }

                return new Conversion(ConversionClass.Lossy, effect);
            }

            if (_fails.Count > 0)
            {
                return new Conversion(ConversionClass.MayFail, "fails " + Join(_fails));
            }

            return new Conversion(ConversionClass.Widening, wideningEffect);
        }

        private static string Join(List<string> clauses)
        {
            var text = clauses[0];
            for (var i = 1; i < clauses.Count; i++)
            {
                text += (i == clauses.Count - 1 ? ", and " : ", ") + clauses[i];
            }

            return text;
        }
    }
}
