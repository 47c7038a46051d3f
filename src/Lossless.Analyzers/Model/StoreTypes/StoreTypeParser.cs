using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Lossless.Analyzers.Model.Providers;

namespace Lossless.Analyzers.Model.StoreTypes;

/// <summary>
/// Parses store types as each provider spells them into <see cref="StoreType"/>'s normalized form. Aliases of one
/// type parse equal (<c>int4</c> = <c>integer</c> = <c>int</c> on PostgreSQL). Case-insensitive, tolerant of
/// whitespace, quotes and brackets; never throws.
/// </summary>
public static class StoreTypeParser
{
    /// <summary>Parses a store type as the provider spells it. Never throws: an unrecognized name has family Unknown.</summary>
    public static StoreType Parse(string storeType, DatabaseProvider provider)
    {
        var text = storeType ?? string.Empty;
        if (text.Trim().Length == 0)
        {
            // No type at all is "not given", not SQLite's BLOB affinity of a column declared without a type.
            return Unknown(text, provider);
        }

        try
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                return ParseSqlite(text);
            }

            if (!TrySplit(text, provider, out var name, out var arguments, out var isArray))
            {
                return Unknown(text, provider);
            }

            var parsed = provider switch
            {
                DatabaseProvider.PostgreSql => ParsePostgreSql(text, name, arguments, isArray),
                DatabaseProvider.SqlServer => isArray ? null : ParseSqlServer(text, name, arguments),
                DatabaseProvider.MySql => isArray ? null : ParseMySql(text, name, arguments),
                _ => ParseAnsi(text, name, arguments, isArray),
            };
            return parsed ?? Unknown(text, provider);
        }
        catch (Exception ex) when (ex is FormatException || ex is OverflowException || ex is ArgumentException)
        {
            return Unknown(text, provider);
        }
    }

    private static StoreType Unknown(string text, DatabaseProvider provider)
        => new(text, provider, StoreTypeFamily.Unknown, StoreType.NormalizeUnknown(text));

    /// <summary>
    /// Splits "timestamp(3) with time zone" into the name "timestamp with time zone" and the arguments ["3"]; strips
    /// quotes, brackets, a schema prefix and array markers, lower-cases and collapses whitespace.
    /// </summary>
    private static bool TrySplit(string text, DatabaseProvider provider, out string name, out List<string> arguments, out bool isArray)
    {
        name = string.Empty;
        arguments = new List<string>();
        isArray = false;

        var s = text.Trim().ToLowerInvariant();

        // Array suffixes: "text[]", "integer[3]", "int[] []" (PostgreSQL ignores dimensions), "integer array".
        while (true)
        {
            var trimmed = s.TrimEnd();
            if (trimmed.EndsWith("]", StringComparison.Ordinal))
            {
                var open = trimmed.LastIndexOf('[');
                if (open > 0 && IsArrayDimension(trimmed.Substring(open + 1, trimmed.Length - open - 2)))
                {
                    isArray = true;
                    s = trimmed.Substring(0, open);
                    continue;
                }
            }

            if (trimmed.EndsWith(" array", StringComparison.Ordinal))
            {
                isArray = true;
                s = trimmed.Substring(0, trimmed.Length - " array".Length);
                continue;
            }

            s = trimmed;
            break;
        }

        // Quotes and brackets around identifiers: "varchar", [nvarchar](max), `int`.
        var builder = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is '"' or '[' or ']' or '`' or '\'')
            {
                continue;
            }

            builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }

        s = builder.ToString().Trim();

        var paren = s.IndexOf('(');
        var head = paren >= 0 ? s.Substring(0, paren) : s;
        var tail = string.Empty;
        if (paren >= 0)
        {
            var close = s.IndexOf(')', paren);
            if (close < 0)
            {
                return false;
            }

            foreach (var argument in s.Substring(paren + 1, close - paren - 1).Split(','))
            {
                var trimmedArgument = argument.Trim();
                if (trimmedArgument.Length == 0)
                {
                    return false;
                }

                arguments.Add(trimmedArgument);
            }

            tail = s.Substring(close + 1);
            if (tail.IndexOf('(') >= 0 || tail.IndexOf(')') >= 0)
            {
                return false;
            }
        }

        // Schema prefix: pg_catalog.int4, public.citext, dbo.x.
        var dot = head.LastIndexOf('.');
        if (dot >= 0)
        {
            head = head.Substring(dot + 1);
        }

        name = Collapse(head + " " + tail);

        // PostgreSQL's internal array names: _int4, _text.
        if (provider == DatabaseProvider.PostgreSql && name.Length > 1 && name[0] == '_')
        {
            if (isArray)
            {
                return false;
            }

            isArray = true;
            name = name.Substring(1);
        }

        return name.Length > 0;
    }

    private static bool IsArrayDimension(string inside)
    {
        foreach (var c in inside)
        {
            if (!char.IsDigit(c) && !char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Collapse(string s)
    {
        var builder = new StringBuilder(s.Length);
        var pendingSpace = false;
        foreach (var c in s)
        {
            if (c == ' ')
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && builder.Length > 0)
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool TryInt(List<string> arguments, int index, out int value)
    {
        value = 0;
        return index < arguments.Count
            && int.TryParse(arguments[index], NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>No argument: null. One integer argument: it. Anything else: false.</summary>
    private static bool TryOptionalInt(List<string> arguments, out int? value)
    {
        value = null;
        if (arguments.Count == 0)
        {
            return true;
        }

        if (arguments.Count == 1 && TryInt(arguments, 0, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static bool NoArguments(List<string> arguments) => arguments.Count == 0;

    // ---------------------------------------------------------------- PostgreSQL

    private static StoreType? ParsePostgreSql(string text, string name, List<string> arguments, bool isArray)
    {
        const DatabaseProvider pg = DatabaseProvider.PostgreSql;
        switch (name)
        {
            case "character varying":
            case "varchar":
            case "char varying":
                return TryOptionalInt(arguments, out var varLength)
                    ? new StoreType(text, pg, StoreTypeFamily.Text, "character varying", length: varLength, isUnicode: true, isArray: isArray)
                    : null;
            case "character":
            case "char":
                return TryOptionalInt(arguments, out var charLength)
                    ? new StoreType(text, pg, StoreTypeFamily.Text, "character", length: charLength ?? 1, isUnicode: true, isFixedLength: true, isArray: isArray)
                    : null;
            case "bpchar":
                // bpchar without a length is blank-trimmed text of any length.
                return TryOptionalInt(arguments, out var bpcharLength)
                    ? new StoreType(text, pg, StoreTypeFamily.Text, "character", length: bpcharLength, isUnicode: true, isFixedLength: bpcharLength is not null, isArray: isArray)
                    : null;
            case "text":
            case "citext":
            case "name":
                return NoArguments(arguments)
                    ? new StoreType(text, pg, StoreTypeFamily.Text, name, isUnicode: true, isArray: isArray)
                    : null;
            case "smallint":
            case "int2":
            case "smallserial":
            case "serial2":
                return Integer(text, pg, "smallint", 2, arguments, isArray);
            case "integer":
            case "int":
            case "int4":
            case "serial":
            case "serial4":
                return Integer(text, pg, "integer", 4, arguments, isArray);
            case "bigint":
            case "int8":
            case "bigserial":
            case "serial8":
                return Integer(text, pg, "bigint", 8, arguments, isArray);
            case "numeric":
            case "decimal":
                return arguments.Count switch
                {
                    0 => new StoreType(text, pg, StoreTypeFamily.Decimal, "numeric", isArray: isArray),
                    1 when TryInt(arguments, 0, out var p1) => new StoreType(text, pg, StoreTypeFamily.Decimal, "numeric", precision: p1, scale: 0, isArray: isArray),
                    2 when TryInt(arguments, 0, out var p2) && TryInt(arguments, 1, out var s2) => new StoreType(text, pg, StoreTypeFamily.Decimal, "numeric", precision: p2, scale: s2, isArray: isArray),
                    _ => null,
                };
            case "money":
                return NoArguments(arguments)
                    ? new StoreType(text, pg, StoreTypeFamily.Decimal, "money", precision: 19, scale: 2, isArray: isArray)
                    : null;
            case "real":
            case "float4":
                return NoArguments(arguments) ? Floating(text, pg, "real", 4, isArray) : null;
            case "double precision":
            case "float8":
                return NoArguments(arguments) ? Floating(text, pg, "double precision", 8, isArray) : null;
            case "float":
                if (!TryOptionalInt(arguments, out var floatBits) || floatBits is < 1 or > 53)
                {
                    return null;
                }

                return floatBits is <= 24 ? Floating(text, pg, "real", 4, isArray) : Floating(text, pg, "double precision", 8, isArray);
            case "boolean":
            case "bool":
                return NoArguments(arguments) ? new StoreType(text, pg, StoreTypeFamily.Boolean, "boolean", isArray: isArray) : null;
            case "date":
                return NoArguments(arguments) ? new StoreType(text, pg, StoreTypeFamily.Date, "date", isArray: isArray) : null;
            case "time":
            case "time without time zone":
                return FractionalSeconds(text, pg, StoreTypeFamily.Time, "time without time zone", 6, arguments, isArray, hasTimeZone: false);
            case "timetz":
            case "time with time zone":
                return FractionalSeconds(text, pg, StoreTypeFamily.Time, "time with time zone", 6, arguments, isArray, hasTimeZone: true);
            case "timestamp":
            case "timestamp without time zone":
                return FractionalSeconds(text, pg, StoreTypeFamily.DateTime, "timestamp without time zone", 6, arguments, isArray, hasTimeZone: false);
            case "timestamptz":
            case "timestamp with time zone":
                return FractionalSeconds(text, pg, StoreTypeFamily.DateTimeOffset, "timestamp with time zone", 6, arguments, isArray, hasTimeZone: true);
            case "interval":
                return FractionalSeconds(text, pg, StoreTypeFamily.Interval, "interval", 6, arguments, isArray, hasTimeZone: false);
            case "uuid":
                return NoArguments(arguments) ? new StoreType(text, pg, StoreTypeFamily.Uuid, "uuid", isArray: isArray) : null;
            case "bytea":
                return NoArguments(arguments) ? new StoreType(text, pg, StoreTypeFamily.Binary, "bytea", isArray: isArray) : null;
            case "json":
            case "jsonb":
                return NoArguments(arguments) ? new StoreType(text, pg, StoreTypeFamily.Json, name, isArray: isArray) : null;
            case "xml":
                return NoArguments(arguments) ? new StoreType(text, pg, StoreTypeFamily.Xml, "xml", isArray: isArray) : null;
            default:
                return null;
        }
    }

    private static StoreType? Integer(string text, DatabaseProvider provider, string name, int size, List<string> arguments, bool isArray, bool isUnsigned = false)
        => arguments.Count == 0 || (provider == DatabaseProvider.MySql && arguments.Count == 1 && TryInt(arguments, 0, out _))
            ? new StoreType(text, provider, StoreTypeFamily.Integer, name, size: size, isArray: isArray, isUnsigned: isUnsigned)
            : null;

    private static StoreType Floating(string text, DatabaseProvider provider, string name, int size, bool isArray = false, bool isUnsigned = false)
        => new(text, provider, StoreTypeFamily.FloatingPoint, name, size: size, isArray: isArray, isUnsigned: isUnsigned);

    private static StoreType? FractionalSeconds(string text, DatabaseProvider provider, StoreTypeFamily family, string name, int? defaultDigits, List<string> arguments, bool isArray, bool hasTimeZone)
    {
        if (!TryOptionalInt(arguments, out var digits))
        {
            return null;
        }

        return new StoreType(text, provider, family, name, precision: digits ?? defaultDigits, isArray: isArray, hasTimeZone: hasTimeZone);
    }

    // ---------------------------------------------------------------- SQL Server

    private static StoreType? ParseSqlServer(string text, string name, List<string> arguments)
    {
        const DatabaseProvider ss = DatabaseProvider.SqlServer;
        switch (name)
        {
            case "nvarchar":
            case "national character varying":
            case "national char varying":
                return SqlServerVariable(text, StoreTypeFamily.Text, "nvarchar", arguments, isUnicode: true, maxLength: 4000);
            case "varchar":
            case "character varying":
            case "char varying":
                return SqlServerVariable(text, StoreTypeFamily.Text, "varchar", arguments, isUnicode: false, maxLength: 8000);
            case "sysname":
                return NoArguments(arguments) ? new StoreType(text, ss, StoreTypeFamily.Text, "nvarchar", length: 128, isUnicode: true) : null;
            case "nchar":
            case "national character":
            case "national char":
                return SqlServerFixed(text, StoreTypeFamily.Text, "nchar", arguments, isUnicode: true, maxLength: 4000);
            case "char":
            case "character":
                return SqlServerFixed(text, StoreTypeFamily.Text, "char", arguments, isUnicode: false, maxLength: 8000);
            case "ntext":
            case "national text":
                return NoArguments(arguments) ? new StoreType(text, ss, StoreTypeFamily.Text, "ntext", isUnicode: true) : null;
            case "text":
                return NoArguments(arguments) ? new StoreType(text, ss, StoreTypeFamily.Text, "text", isUnicode: false) : null;
            case "tinyint":
                return Integer(text, ss, "tinyint", 1, arguments, isArray: false, isUnsigned: true);
            case "smallint":
                return Integer(text, ss, "smallint", 2, arguments, isArray: false);
            case "int":
            case "integer":
                return Integer(text, ss, "int", 4, arguments, isArray: false);
            case "bigint":
                return Integer(text, ss, "bigint", 8, arguments, isArray: false);
            case "bit":
                return NoArguments(arguments) ? new StoreType(text, ss, StoreTypeFamily.Boolean, "bit") : null;
            case "decimal":
            case "dec":
            case "numeric":
                return arguments.Count switch
                {
                    0 => new StoreType(text, ss, StoreTypeFamily.Decimal, "decimal", precision: 18, scale: 0),
                    1 when TryInt(arguments, 0, out var p1) => new StoreType(text, ss, StoreTypeFamily.Decimal, "decimal", precision: p1, scale: 0),
                    2 when TryInt(arguments, 0, out var p2) && TryInt(arguments, 1, out var s2) => new StoreType(text, ss, StoreTypeFamily.Decimal, "decimal", precision: p2, scale: s2),
                    _ => null,
                };
            case "money":
                return NoArguments(arguments) ? new StoreType(text, ss, StoreTypeFamily.Decimal, "money", precision: 19, scale: 4) : null;
            case "smallmoney":
                return NoArguments(arguments) ? new StoreType(text, ss, StoreTypeFamily.Decimal, "smallmoney", precision: 10, scale: 4) : null;
            case "real":
                return NoArguments(arguments) ? Floating(text, ss, "real", 4) : null;
            case "double precision":
                return NoArguments(arguments) ? Floating(text, ss, "float", 8) : null;
            case "float":
                if (!TryOptionalInt(arguments, out var floatBits) || floatBits is < 1 or > 53)
                {
                    return null;
                }

                return floatBits is <= 24 ? Floating(text, ss, "real", 4) : Floating(text, ss, "float", 8);
            case "date":
                return NoArguments(arguments) ? new StoreType(text, ss, StoreTypeFamily.Date, "date") : null;
            case "time":
                return FractionalSeconds(text, ss, StoreTypeFamily.Time, "time", 7, arguments, isArray: false, hasTimeZone: false);
            case "datetime2":
                return FractionalSeconds(text, ss, StoreTypeFamily.DateTime, "datetime2", 7, arguments, isArray: false, hasTimeZone: false);
            case "datetimeoffset":
                return FractionalSeconds(text, ss, StoreTypeFamily.DateTimeOffset, "datetimeoffset", 7, arguments, isArray: false, hasTimeZone: true);
            case "datetime":
                return NoArguments(arguments) ? new StoreType(text, ss, StoreTypeFamily.DateTime, "datetime", precision: 3) : null;
            case "smalldatetime":
                return NoArguments(arguments) ? new StoreType(text, ss, StoreTypeFamily.DateTime, "smalldatetime", precision: 0) : null;
            case "uniqueidentifier":
                return NoArguments(arguments) ? new StoreType(text, ss, StoreTypeFamily.Uuid, "uniqueidentifier") : null;
            case "varbinary":
            case "binary varying":
                return SqlServerVariable(text, StoreTypeFamily.Binary, "varbinary", arguments, isUnicode: null, maxLength: 8000);
            case "binary":
                return SqlServerFixed(text, StoreTypeFamily.Binary, "binary", arguments, isUnicode: null, maxLength: 8000);
            case "image":
                return NoArguments(arguments) ? new StoreType(text, ss, StoreTypeFamily.Binary, "image") : null;
            case "rowversion":
            case "timestamp":
                return NoArguments(arguments) ? new StoreType(text, ss, StoreTypeFamily.Binary, "rowversion", length: 8, isFixedLength: true) : null;
            case "xml":
                return NoArguments(arguments) ? new StoreType(text, ss, StoreTypeFamily.Xml, "xml") : null;
            case "json":
                return NoArguments(arguments) ? new StoreType(text, ss, StoreTypeFamily.Json, "json") : null;
            default:
                return null;
        }
    }

    /// <summary>varchar(n|max); with no length SQL Server makes it varchar(1) in a column definition.</summary>
    private static StoreType? SqlServerVariable(string text, StoreTypeFamily family, string name, List<string> arguments, bool? isUnicode, int maxLength)
    {
        if (arguments.Count == 0)
        {
            return new StoreType(text, DatabaseProvider.SqlServer, family, name, length: 1, isUnicode: isUnicode);
        }

        if (arguments.Count == 1 && arguments[0] == "max")
        {
            return new StoreType(text, DatabaseProvider.SqlServer, family, name, isUnicode: isUnicode);
        }

        return TryOptionalInt(arguments, out var length) && length is > 0 && length <= maxLength
            ? new StoreType(text, DatabaseProvider.SqlServer, family, name, length: length, isUnicode: isUnicode)
            : null;
    }

    private static StoreType? SqlServerFixed(string text, StoreTypeFamily family, string name, List<string> arguments, bool? isUnicode, int maxLength)
        => TryOptionalInt(arguments, out var length) && (length is null || (length > 0 && length <= maxLength))
            ? new StoreType(text, DatabaseProvider.SqlServer, family, name, length: length ?? 1, isUnicode: isUnicode, isFixedLength: true)
            : null;

    // ---------------------------------------------------------------- SQLite

    /// <summary>
    /// SQLite accepts any type name and gives the column an affinity by the rules of its documentation (section 3.1
    /// of "Datatypes In SQLite"): "INT" → INTEGER; "CHAR", "CLOB" or "TEXT" → TEXT; "BLOB" or no type → BLOB;
    /// "REAL", "FLOA" or "DOUB" → REAL; otherwise NUMERIC. Lengths are ignored, so the affinity is the normalized type.
    /// </summary>
    private static StoreType ParseSqlite(string text)
    {
        const DatabaseProvider lite = DatabaseProvider.Sqlite;
        var upper = text.ToUpperInvariant();
        if (upper.Contains("INT"))
        {
            return new StoreType(text, lite, StoreTypeFamily.Integer, "INTEGER", size: 8);
        }

        if (upper.Contains("CHAR") || upper.Contains("CLOB") || upper.Contains("TEXT"))
        {
            return new StoreType(text, lite, StoreTypeFamily.Text, "TEXT", isUnicode: true);
        }

        if (upper.Contains("BLOB"))
        {
            return new StoreType(text, lite, StoreTypeFamily.Binary, "BLOB");
        }

        if (upper.Contains("REAL") || upper.Contains("FLOA") || upper.Contains("DOUB"))
        {
            return Floating(text, lite, "REAL", 8);
        }

        return new StoreType(text, lite, StoreTypeFamily.Decimal, "NUMERIC");
    }

    // ---------------------------------------------------------------- MySQL

    private static StoreType? ParseMySql(string text, string name, List<string> arguments)
    {
        const DatabaseProvider my = DatabaseProvider.MySql;

        // Column attributes that do not change the type's values.
        name = StripSuffix(name, " zerofill");
        var isUnsigned = false;
        if (name.EndsWith(" unsigned", StringComparison.Ordinal))
        {
            isUnsigned = true;
            name = name.Substring(0, name.Length - " unsigned".Length);
        }
        else
        {
            name = StripSuffix(name, " signed");
        }

        var charset = name.IndexOf(" character set ", StringComparison.Ordinal);
        if (charset < 0)
        {
            charset = name.IndexOf(" charset ", StringComparison.Ordinal);
        }

        if (charset > 0)
        {
            name = name.Substring(0, charset);
        }

        var collate = name.IndexOf(" collate ", StringComparison.Ordinal);
        if (collate > 0)
        {
            name = name.Substring(0, collate);
        }

        switch (name)
        {
            case "varchar":
            case "character varying":
            case "nvarchar":
            case "national varchar":
                return TryInt(arguments, 0, out var varLength) && arguments.Count == 1
                    ? new StoreType(text, my, StoreTypeFamily.Text, "varchar", length: varLength, isUnicode: true)
                    : null;
            case "char":
            case "character":
            case "nchar":
            case "national char":
                return TryOptionalInt(arguments, out var charLength)
                    ? new StoreType(text, my, StoreTypeFamily.Text, "char", length: charLength ?? 1, isUnicode: true, isFixedLength: true)
                    : null;
            case "tinytext":
                return NoArguments(arguments) ? new StoreType(text, my, StoreTypeFamily.Text, "tinytext", length: 255, isUnicode: true) : null;
            case "text":
                // text(n) makes the smallest text type that holds n characters.
                if (!TryOptionalInt(arguments, out var textLength))
                {
                    return null;
                }

                return textLength switch
                {
                    null => new StoreType(text, my, StoreTypeFamily.Text, "text", length: 65535, isUnicode: true),
                    <= 255 => new StoreType(text, my, StoreTypeFamily.Text, "tinytext", length: 255, isUnicode: true),
                    <= 65535 => new StoreType(text, my, StoreTypeFamily.Text, "text", length: 65535, isUnicode: true),
                    <= 16777215 => new StoreType(text, my, StoreTypeFamily.Text, "mediumtext", length: 16777215, isUnicode: true),
                    _ => new StoreType(text, my, StoreTypeFamily.Text, "longtext", isUnicode: true),
                };
            case "mediumtext":
                return NoArguments(arguments) ? new StoreType(text, my, StoreTypeFamily.Text, "mediumtext", length: 16777215, isUnicode: true) : null;
            case "longtext":
                return NoArguments(arguments) ? new StoreType(text, my, StoreTypeFamily.Text, "longtext", isUnicode: true) : null;
            case "bool":
            case "boolean":
                return NoArguments(arguments) ? new StoreType(text, my, StoreTypeFamily.Boolean, "tinyint", size: 1) : null;
            case "tinyint":
                if (!isUnsigned && arguments.Count == 1 && arguments[0] == "1")
                {
                    return new StoreType(text, my, StoreTypeFamily.Boolean, "tinyint", size: 1);
                }

                return Integer(text, my, isUnsigned ? "tinyint unsigned" : "tinyint", 1, arguments, isArray: false, isUnsigned);
            case "smallint":
                return Integer(text, my, isUnsigned ? "smallint unsigned" : "smallint", 2, arguments, isArray: false, isUnsigned);
            case "mediumint":
                return Integer(text, my, isUnsigned ? "mediumint unsigned" : "mediumint", 3, arguments, isArray: false, isUnsigned);
            case "int":
            case "integer":
                return Integer(text, my, isUnsigned ? "int unsigned" : "int", 4, arguments, isArray: false, isUnsigned);
            case "bigint":
                return Integer(text, my, isUnsigned ? "bigint unsigned" : "bigint", 8, arguments, isArray: false, isUnsigned);
            case "decimal":
            case "dec":
            case "numeric":
            case "fixed":
                return arguments.Count switch
                {
                    0 => new StoreType(text, my, StoreTypeFamily.Decimal, "decimal", precision: 10, scale: 0, isUnsigned: isUnsigned),
                    1 when TryInt(arguments, 0, out var p1) => new StoreType(text, my, StoreTypeFamily.Decimal, "decimal", precision: p1, scale: 0, isUnsigned: isUnsigned),
                    2 when TryInt(arguments, 0, out var p2) && TryInt(arguments, 1, out var s2) => new StoreType(text, my, StoreTypeFamily.Decimal, "decimal", precision: p2, scale: s2, isUnsigned: isUnsigned),
                    _ => null,
                };
            case "float":
                if (arguments.Count == 2)
                {
                    // float(M,D): deprecated, a single-precision float shown with D decimals.
                    return Floating(text, my, "float", 4, isUnsigned: isUnsigned);
                }

                if (!TryOptionalInt(arguments, out var floatBits) || floatBits is > 53)
                {
                    return null;
                }

                return floatBits is > 24 ? Floating(text, my, "double", 8, isUnsigned: isUnsigned) : Floating(text, my, "float", 4, isUnsigned: isUnsigned);
            case "double":
            case "double precision":
            case "real":
                return arguments.Count is 0 or 2 ? Floating(text, my, "double", 8, isUnsigned: isUnsigned) : null;
            case "date":
                return NoArguments(arguments) ? new StoreType(text, my, StoreTypeFamily.Date, "date") : null;
            case "time":
                return FractionalSeconds(text, my, StoreTypeFamily.Time, "time", 0, arguments, isArray: false, hasTimeZone: false);
            case "datetime":
                return FractionalSeconds(text, my, StoreTypeFamily.DateTime, "datetime", 0, arguments, isArray: false, hasTimeZone: false);
            case "timestamp":
                return FractionalSeconds(text, my, StoreTypeFamily.DateTime, "timestamp", 0, arguments, isArray: false, hasTimeZone: false);
            case "year":
                return TryOptionalInt(arguments, out _) ? new StoreType(text, my, StoreTypeFamily.Integer, "year", size: 2, isUnsigned: true) : null;
            case "json":
                return NoArguments(arguments) ? new StoreType(text, my, StoreTypeFamily.Json, "json") : null;
            case "binary":
                return TryOptionalInt(arguments, out var binaryLength)
                    ? new StoreType(text, my, StoreTypeFamily.Binary, "binary", length: binaryLength ?? 1, isFixedLength: true)
                    : null;
            case "varbinary":
                return TryInt(arguments, 0, out var varbinaryLength) && arguments.Count == 1
                    ? new StoreType(text, my, StoreTypeFamily.Binary, "varbinary", length: varbinaryLength)
                    : null;
            case "tinyblob":
                return NoArguments(arguments) ? new StoreType(text, my, StoreTypeFamily.Binary, "tinyblob", length: 255) : null;
            case "blob":
                return TryOptionalInt(arguments, out _) ? new StoreType(text, my, StoreTypeFamily.Binary, "blob", length: 65535) : null;
            case "mediumblob":
                return NoArguments(arguments) ? new StoreType(text, my, StoreTypeFamily.Binary, "mediumblob", length: 16777215) : null;
            case "longblob":
                return NoArguments(arguments) ? new StoreType(text, my, StoreTypeFamily.Binary, "longblob") : null;
            default:
                return null;
        }
    }

    private static string StripSuffix(string name, string suffix)
        => name.EndsWith(suffix, StringComparison.Ordinal) ? name.Substring(0, name.Length - suffix.Length) : name;

    // ---------------------------------------------------------------- Unknown provider: ANSI SQL

    /// <summary>ANSI SQL spellings (and the common vendor ones), read conservatively: unbounded when unsure.</summary>
    private static StoreType? ParseAnsi(string text, string name, List<string> arguments, bool isArray)
    {
        const DatabaseProvider ansi = DatabaseProvider.Unknown;
        switch (name)
        {
            case "character varying":
            case "char varying":
            case "varchar":
            case "national character varying":
            case "nvarchar":
                if (arguments.Count == 1 && arguments[0] == "max")
                {
                    return new StoreType(text, ansi, StoreTypeFamily.Text, "character varying", isUnicode: name[0] == 'n', isArray: isArray);
                }

                return TryOptionalInt(arguments, out var varLength)
                    ? new StoreType(text, ansi, StoreTypeFamily.Text, "character varying", length: varLength, isUnicode: name[0] == 'n' ? true : null, isArray: isArray)
                    : null;
            case "character":
            case "char":
            case "national character":
            case "nchar":
                return TryOptionalInt(arguments, out var charLength)
                    ? new StoreType(text, ansi, StoreTypeFamily.Text, "character", length: charLength ?? 1, isUnicode: name[0] == 'n' ? true : null, isFixedLength: true, isArray: isArray)
                    : null;
            case "text":
            case "clob":
            case "character large object":
            case "ntext":
                return NoArguments(arguments) || TryOptionalInt(arguments, out _)
                    ? new StoreType(text, ansi, StoreTypeFamily.Text, "character large object", isUnicode: name[0] == 'n' ? true : null, isArray: isArray)
                    : null;
            case "smallint":
                return Integer(text, ansi, "smallint", 2, arguments, isArray);
            case "integer":
            case "int":
                return Integer(text, ansi, "integer", 4, arguments, isArray);
            case "bigint":
                return Integer(text, ansi, "bigint", 8, arguments, isArray);
            case "numeric":
            case "decimal":
            case "dec":
                return arguments.Count switch
                {
                    0 => new StoreType(text, ansi, StoreTypeFamily.Decimal, "numeric", isArray: isArray),
                    1 when TryInt(arguments, 0, out var p1) => new StoreType(text, ansi, StoreTypeFamily.Decimal, "numeric", precision: p1, scale: 0, isArray: isArray),
                    2 when TryInt(arguments, 0, out var p2) && TryInt(arguments, 1, out var s2) => new StoreType(text, ansi, StoreTypeFamily.Decimal, "numeric", precision: p2, scale: s2, isArray: isArray),
                    _ => null,
                };
            case "real":
                return NoArguments(arguments) ? Floating(text, ansi, "real", 4, isArray) : null;
            case "double precision":
            case "double":
                return NoArguments(arguments) ? Floating(text, ansi, "double precision", 8, isArray) : null;
            case "float":
                if (!TryOptionalInt(arguments, out var floatBits))
                {
                    return null;
                }

                return floatBits is <= 24 ? Floating(text, ansi, "real", 4, isArray) : Floating(text, ansi, "double precision", 8, isArray);
            case "boolean":
            case "bool":
                return NoArguments(arguments) ? new StoreType(text, ansi, StoreTypeFamily.Boolean, "boolean", isArray: isArray) : null;
            case "date":
                return NoArguments(arguments) ? new StoreType(text, ansi, StoreTypeFamily.Date, "date", isArray: isArray) : null;
            case "time":
            case "time without time zone":
                return FractionalSeconds(text, ansi, StoreTypeFamily.Time, "time", null, arguments, isArray, hasTimeZone: false);
            case "time with time zone":
                return FractionalSeconds(text, ansi, StoreTypeFamily.Time, "time with time zone", null, arguments, isArray, hasTimeZone: true);
            case "timestamp":
            case "timestamp without time zone":
            case "datetime":
                return FractionalSeconds(text, ansi, StoreTypeFamily.DateTime, "timestamp", null, arguments, isArray, hasTimeZone: false);
            case "timestamp with time zone":
                return FractionalSeconds(text, ansi, StoreTypeFamily.DateTimeOffset, "timestamp with time zone", null, arguments, isArray, hasTimeZone: true);
            case "interval":
                return FractionalSeconds(text, ansi, StoreTypeFamily.Interval, "interval", null, arguments, isArray, hasTimeZone: false);
            case "uuid":
            case "uniqueidentifier":
                return NoArguments(arguments) ? new StoreType(text, ansi, StoreTypeFamily.Uuid, "uuid", isArray: isArray) : null;
            case "binary varying":
            case "varbinary":
                return arguments.Count == 1 && arguments[0] == "max"
                    ? new StoreType(text, ansi, StoreTypeFamily.Binary, "binary varying", isArray: isArray)
                    : TryOptionalInt(arguments, out var varbinaryLength)
                        ? new StoreType(text, ansi, StoreTypeFamily.Binary, "binary varying", length: varbinaryLength, isArray: isArray)
                        : null;
            case "binary":
                return TryOptionalInt(arguments, out var binaryLength)
                    ? new StoreType(text, ansi, StoreTypeFamily.Binary, "binary", length: binaryLength ?? 1, isFixedLength: true, isArray: isArray)
                    : null;
            case "blob":
            case "binary large object":
            case "bytea":
                return NoArguments(arguments) || TryOptionalInt(arguments, out _)
                    ? new StoreType(text, ansi, StoreTypeFamily.Binary, "binary large object", isArray: isArray)
                    : null;
            case "json":
            case "jsonb":
                return NoArguments(arguments) ? new StoreType(text, ansi, StoreTypeFamily.Json, "json", isArray: isArray) : null;
            case "xml":
                return NoArguments(arguments) ? new StoreType(text, ansi, StoreTypeFamily.Xml, "xml", isArray: isArray) : null;
            default:
                return null;
        }
    }
}
