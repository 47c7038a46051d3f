using System.Globalization;

namespace Lossless.DataTests.Infrastructure;

/// <summary>
/// Compares a value read with the old CLR type to the one read with the new CLR type: both are written in one
/// canonical, culture-invariant form (numbers without trailing zeros, date-times as wall-clock ISO text, dates
/// at midnight, Guids in "D" form). A string read before is first parsed as the new type when that type is not
/// string, so '123' and 123 are the same value.
/// </summary>
public static class ValueText
{
    public static bool SameValue(object? before, object? after, Type newClrType)
    {
        if (before is string text && newClrType != typeof(string) && TryParse(text, newClrType, out var parsed))
        {
            before = parsed;
        }
        else if (after is string afterText && before is not null and not string && TryParse(afterText, before.GetType(), out var reparsed))
        {
            // A number or date now stored as text keeps its value when the text reads back as it ("2.0" for 2.0).
            after = reparsed;
        }

        return string.Equals(Canonical(before), Canonical(after), StringComparison.Ordinal);
    }

    public static string Canonical(object? value) => value switch
    {
        null => "NULL",
        string s => s,
        bool b => b ? "true" : "false",
        byte or sbyte or short or ushort or int or uint or long or ulong or decimal => Number(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        double d => double.IsFinite(d) && Math.Abs(d) < 7.9e28 ? Number((decimal)d) : d.ToString("R", CultureInfo.InvariantCulture),
        float f => double.IsFinite(f) && Math.Abs(f) < 7.9e28 ? Number((decimal)f) : f.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        DateOnly d => d.ToDateTime(TimeOnly.MinValue).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        DateTimeOffset dto => dto.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.') + "Z",
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        TimeSpan ts => ts.ToString("c", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        byte[] bytes => "\\x" + Convert.ToHexString(bytes).ToLowerInvariant(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>A value with its CLR type, for messages: <c>12346 (Decimal)</c>.</summary>
    public static string Describe(object? value) => value is null ? "NULL" : Canonical(value) + " (" + value.GetType().Name + ")";

    private static string Number(decimal value)
        => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static bool TryParse(string text, Type type, out object? value)
    {
        var culture = CultureInfo.InvariantCulture;
        value = null;
        bool ok;
        if (type == typeof(int)) { ok = int.TryParse(text, NumberStyles.Integer, culture, out var v); value = v; }
        else if (type == typeof(long)) { ok = long.TryParse(text, NumberStyles.Integer, culture, out var v); value = v; }
        else if (type == typeof(short)) { ok = short.TryParse(text, NumberStyles.Integer, culture, out var v); value = v; }
        else if (type == typeof(decimal)) { ok = decimal.TryParse(text, NumberStyles.Number, culture, out var v); value = v; }
        else if (type == typeof(double)) { ok = double.TryParse(text, NumberStyles.Float, culture, out var v); value = v; }
        else if (type == typeof(bool)) { ok = bool.TryParse(text, out var v) || text is "1" or "0"; value = v || text == "1"; }
        else if (type == typeof(Guid)) { ok = Guid.TryParse(text, out var v); value = v; }
        else if (type == typeof(DateOnly)) { ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", culture, DateTimeStyles.None, out var v); value = v; }
        else if (type == typeof(DateTime)) { ok = DateTime.TryParse(text, culture, DateTimeStyles.None, out var v); value = v; }
        else if (type == typeof(byte[])) { ok = true; value = System.Text.Encoding.UTF8.GetBytes(text); }
        else { ok = false; }

        return ok;
    }
}
