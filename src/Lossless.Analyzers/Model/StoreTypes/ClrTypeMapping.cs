using System;
using System.Globalization;
using Lossless.Analyzers.Model.Providers;

namespace Lossless.Analyzers.Model.StoreTypes;

/// <summary>
/// The store type each provider maps a CLR type to when a migration gives no <c>type:</c>/<c>oldType:</c>, as
/// measured with EF Core 10.0.15 (Npgsql 10.0.3, SQL Server, SQLite) and Pomelo 9.0.0 (MySQL 8.0) by asking each
/// provider for the column type of properties with and without maxLength, precision, unicode and fixed length.
/// </summary>
public static class ClrTypeMapping
{
    /// <summary>
    /// The store type the provider maps a CLR type to by default, given the facets scaffolded beside it,
    /// or null when there is no default mapping we know.
    /// </summary>
    /// <param name="clrTypeName">The metadata name of the non-nullable CLR type: "System.String", "System.Guid", "System.Int32", "System.Byte[]".</param>
    public static StoreType? FromClrType(string clrTypeName, DatabaseProvider provider, int? maxLength, int? precision, int? scale, bool? unicode, bool? fixedLength)
    {
        if (clrTypeName is null)
        {
            return null;
        }

        var name = Canonical(clrTypeName.Trim());
        var isArray = false;
        if (provider == DatabaseProvider.PostgreSql && name.EndsWith("[]", StringComparison.Ordinal) && name != "System.Byte[]")
        {
            // Npgsql maps arrays (and lists) of mapped types to PostgreSQL arrays.
            isArray = true;
            name = Canonical(name.Substring(0, name.Length - 2));
        }

        var text = provider switch
        {
            DatabaseProvider.PostgreSql => PostgreSql(name, maxLength, precision, scale, fixedLength),
            DatabaseProvider.SqlServer => SqlServer(name, maxLength, precision, scale, unicode, fixedLength),
            DatabaseProvider.Sqlite => Sqlite(name),
            DatabaseProvider.MySql => MySql(name, maxLength, precision, scale, fixedLength),
            _ => Ansi(name, maxLength, precision, scale, fixedLength),
        };

        if (text is null)
        {
            return null;
        }

        return StoreTypeParser.Parse(isArray ? text + "[]" : text, provider);
    }

    internal static string Canonical(string name)
    {
        if (name.StartsWith("global::", StringComparison.Ordinal))
        {
            name = name.Substring("global::".Length);
        }

        return name switch
        {
            "string" => "System.String",
            "char" => "System.Char",
            "bool" => "System.Boolean",
            "byte" => "System.Byte",
            "sbyte" => "System.SByte",
            "short" => "System.Int16",
            "ushort" => "System.UInt16",
            "int" => "System.Int32",
            "uint" => "System.UInt32",
            "long" => "System.Int64",
            "ulong" => "System.UInt64",
            "float" => "System.Single",
            "double" => "System.Double",
            "decimal" => "System.Decimal",
            "byte[]" => "System.Byte[]",
            "Guid" => "System.Guid",
            "DateTime" => "System.DateTime",
            "DateTimeOffset" => "System.DateTimeOffset",
            "DateOnly" => "System.DateOnly",
            "TimeOnly" => "System.TimeOnly",
            "TimeSpan" => "System.TimeSpan",
            _ => name,
        };
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string WithDigits(string name, int? digits)
        => digits is int d ? name + "(" + Number(d) + ")" : name;

    private static string? PostgreSql(string clr, int? maxLength, int? precision, int? scale, bool? fixedLength)
        => clr switch
        {
            "System.String" => fixedLength == true
                ? WithDigits("character", maxLength)
                : maxLength is int length ? "character varying(" + Number(length) + ")" : "text",
            "System.Char" => "character(1)",
            "System.Guid" => "uuid",
            "System.Boolean" => "boolean",
            "System.Byte" or "System.SByte" or "System.Int16" => "smallint",
            "System.UInt16" or "System.Int32" => "integer",
            "System.UInt32" or "System.Int64" => "bigint",
            "System.UInt64" => "numeric(20,0)",
            "System.Decimal" => precision is int p
                ? scale is int s ? "numeric(" + Number(p) + "," + Number(s) + ")" : "numeric(" + Number(p) + ")"
                : "numeric",
            "System.Single" => "real",
            "System.Double" => "double precision",
            "System.DateTime" or "System.DateTimeOffset" => precision is int dp
                ? "timestamp(" + Number(dp) + ") with time zone"
                : "timestamp with time zone",
            "System.DateOnly" => "date",
            "System.TimeOnly" => precision is int tp ? "time(" + Number(tp) + ") without time zone" : "time without time zone",
            "System.TimeSpan" => WithDigits("interval", precision),
            "System.Byte[]" => "bytea",
            _ => null,
        };

    private static string? SqlServer(string clr, int? maxLength, int? precision, int? scale, bool? unicode, bool? fixedLength)
    {
        switch (clr)
        {
            case "System.String":
                {
                    var isUnicode = unicode != false;
                    var limit = isUnicode ? 4000 : 8000;
                    var baseName = fixedLength == true
                        ? isUnicode ? "nchar" : "char"
                        : isUnicode ? "nvarchar" : "varchar";
                    if (maxLength is int length && length <= limit)
                    {
                        return baseName + "(" + Number(length) + ")";
                    }

                    return fixedLength == true && maxLength is null ? baseName + "(1)" : baseName + "(max)";
                }

            case "System.Char":
                return "nvarchar(1)";
            case "System.Guid":
                return "uniqueidentifier";
            case "System.Boolean":
                return "bit";
            case "System.Byte":
                return "tinyint";
            case "System.SByte":
            case "System.Int16":
                return "smallint";
            case "System.UInt16":
            case "System.Int32":
                return "int";
            case "System.UInt32":
            case "System.Int64":
                return "bigint";
            case "System.UInt64":
                return "decimal(20,0)";
            case "System.Decimal":
                return "decimal(" + Number(precision ?? 18) + "," + Number(scale ?? 2) + ")";
            case "System.Single":
                return "real";
            case "System.Double":
                return "float";
            case "System.DateTime":
                return WithDigits("datetime2", precision);
            case "System.DateTimeOffset":
                return WithDigits("datetimeoffset", precision);
            case "System.DateOnly":
                return "date";
            case "System.TimeOnly":
            case "System.TimeSpan":
                return WithDigits("time", precision);
            case "System.Byte[]":
                if (fixedLength == true)
                {
                    return "binary(" + Number(maxLength is int fixedBytes and <= 8000 ? fixedBytes : 1) + ")";
                }

                return maxLength is int bytes && bytes <= 8000 ? "varbinary(" + Number(bytes) + ")" : "varbinary(max)";
            default:
                return null;
        }
    }

    private static string? Sqlite(string clr)
        => clr switch
        {
            "System.String" or "System.Char" or "System.Guid" or "System.Decimal" or "System.DateTime"
                or "System.DateTimeOffset" or "System.DateOnly" or "System.TimeOnly" or "System.TimeSpan" => "TEXT",
            "System.Boolean" or "System.Byte" or "System.SByte" or "System.Int16" or "System.UInt16" or "System.Int32"
                or "System.UInt32" or "System.Int64" or "System.UInt64" => "INTEGER",
            "System.Single" or "System.Double" => "REAL",
            "System.Byte[]" => "BLOB",
            _ => null,
        };

    private static string? MySql(string clr, int? maxLength, int? precision, int? scale, bool? fixedLength)
        => clr switch
        {
            "System.String" => fixedLength == true
                ? WithDigits("char", maxLength)
                : maxLength is int length ? "varchar(" + Number(length) + ")" : "longtext",
            "System.Char" => "varchar(1)",
            "System.Guid" => "char(36)",
            "System.Boolean" => "tinyint(1)",
            "System.Byte" => "tinyint unsigned",
            "System.SByte" => "tinyint",
            "System.Int16" => "smallint",
            "System.UInt16" => "smallint unsigned",
            "System.Int32" => "int",
            "System.UInt32" => "int unsigned",
            "System.Int64" => "bigint",
            "System.UInt64" => "bigint unsigned",
            "System.Decimal" => precision is int p
                ? scale is int s ? "decimal(" + Number(p) + "," + Number(s) + ")" : "decimal(" + Number(p) + ")"
                : "decimal(65,30)",
            "System.Single" => "float",
            "System.Double" => "double",
            "System.DateTime" or "System.DateTimeOffset" => "datetime(" + Number(precision ?? 6) + ")",
            "System.DateOnly" => "date",
            "System.TimeOnly" or "System.TimeSpan" => "time(" + Number(precision ?? 6) + ")",
            "System.Byte[]" => fixedLength == true
                ? WithDigits("binary", maxLength)
                : maxLength is int bytes ? "varbinary(" + Number(bytes) + ")" : "longblob",
            _ => null,
        };

    /// <summary>Unknown provider: ANSI SQL spellings of the CLR type, for provider-neutral classification.</summary>
    private static string? Ansi(string clr, int? maxLength, int? precision, int? scale, bool? fixedLength)
        => clr switch
        {
            "System.String" => fixedLength == true
                ? WithDigits("char", maxLength)
                : maxLength is int length ? "varchar(" + Number(length) + ")" : "text",
            "System.Char" => "char(1)",
            "System.Guid" => "uuid",
            "System.Boolean" => "boolean",
            "System.Byte" or "System.SByte" or "System.Int16" => "smallint",
            "System.UInt16" or "System.Int32" => "integer",
            "System.UInt32" or "System.Int64" => "bigint",
            "System.UInt64" => "numeric(20,0)",
            "System.Decimal" => precision is int p
                ? scale is int s ? "numeric(" + Number(p) + "," + Number(s) + ")" : "numeric(" + Number(p) + ")"
                : "numeric",
            "System.Single" => "real",
            "System.Double" => "double precision",
            "System.DateTime" => WithDigits("timestamp", precision),
            "System.DateTimeOffset" => precision is int dp ? "timestamp(" + Number(dp) + ") with time zone" : "timestamp with time zone",
            "System.DateOnly" => "date",
            "System.TimeOnly" => WithDigits("time", precision),
            "System.TimeSpan" => WithDigits("interval", precision),
            "System.Byte[]" => fixedLength == true
                ? WithDigits("binary", maxLength)
                : maxLength is int bytes ? "varbinary(" + Number(bytes) + ")" : "blob",
            _ => null,
        };
}
