using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;

namespace Lossless.Tests.Model.StoreTypes;

public sealed class StoreTypeParserTests
{
    // Each row: the spelling, the family, and the normalized form spelled canonically (which carries the
    // length, precision, scale, max and array facets).
    [Theory]
    [InlineData("varchar(255)", StoreTypeFamily.Text, "character varying(255)")]
    [InlineData("character varying(255)", StoreTypeFamily.Text, "character varying(255)")]
    [InlineData("CHARACTER  VARYING ( 255 )", StoreTypeFamily.Text, "character varying(255)")]
    [InlineData("\"varchar\"(255)", StoreTypeFamily.Text, "character varying(255)")]
    [InlineData("varchar", StoreTypeFamily.Text, "character varying")]
    [InlineData("char(10)", StoreTypeFamily.Text, "character(10)")]
    [InlineData("character(10)", StoreTypeFamily.Text, "character(10)")]
    [InlineData("bpchar(10)", StoreTypeFamily.Text, "character(10)")]
    [InlineData("char", StoreTypeFamily.Text, "character(1)")]
    [InlineData("text", StoreTypeFamily.Text, "text")]
    [InlineData("citext", StoreTypeFamily.Text, "citext")]
    [InlineData("int2", StoreTypeFamily.Integer, "smallint")]
    [InlineData("smallint", StoreTypeFamily.Integer, "smallint")]
    [InlineData("int4", StoreTypeFamily.Integer, "integer")]
    [InlineData("int", StoreTypeFamily.Integer, "integer")]
    [InlineData("integer", StoreTypeFamily.Integer, "integer")]
    [InlineData("serial", StoreTypeFamily.Integer, "integer")]
    [InlineData("int8", StoreTypeFamily.Integer, "bigint")]
    [InlineData("bigint", StoreTypeFamily.Integer, "bigint")]
    [InlineData("numeric", StoreTypeFamily.Decimal, "numeric")]
    [InlineData("decimal(10,2)", StoreTypeFamily.Decimal, "numeric(10,2)")]
    [InlineData("numeric(10, 2)", StoreTypeFamily.Decimal, "numeric(10,2)")]
    [InlineData("numeric(12)", StoreTypeFamily.Decimal, "numeric(12,0)")]
    [InlineData("real", StoreTypeFamily.FloatingPoint, "real")]
    [InlineData("float4", StoreTypeFamily.FloatingPoint, "real")]
    [InlineData("float(24)", StoreTypeFamily.FloatingPoint, "real")]
    [InlineData("double precision", StoreTypeFamily.FloatingPoint, "double precision")]
    [InlineData("float8", StoreTypeFamily.FloatingPoint, "double precision")]
    [InlineData("float", StoreTypeFamily.FloatingPoint, "double precision")]
    [InlineData("boolean", StoreTypeFamily.Boolean, "boolean")]
    [InlineData("bool", StoreTypeFamily.Boolean, "boolean")]
    [InlineData("date", StoreTypeFamily.Date, "date")]
    [InlineData("time", StoreTypeFamily.Time, "time without time zone")]
    [InlineData("time(3) without time zone", StoreTypeFamily.Time, "time(3) without time zone")]
    [InlineData("timetz", StoreTypeFamily.Time, "time with time zone")]
    [InlineData("timestamp", StoreTypeFamily.DateTime, "timestamp without time zone")]
    [InlineData("timestamp(6) without time zone", StoreTypeFamily.DateTime, "timestamp without time zone")]
    [InlineData("timestamp(3)", StoreTypeFamily.DateTime, "timestamp(3) without time zone")]
    [InlineData("timestamptz", StoreTypeFamily.DateTimeOffset, "timestamp with time zone")]
    [InlineData("timestamp with time zone", StoreTypeFamily.DateTimeOffset, "timestamp with time zone")]
    [InlineData("timestamptz(3)", StoreTypeFamily.DateTimeOffset, "timestamp(3) with time zone")]
    [InlineData("timestamp(3) with time zone", StoreTypeFamily.DateTimeOffset, "timestamp(3) with time zone")]
    [InlineData("interval", StoreTypeFamily.Interval, "interval")]
    [InlineData("uuid", StoreTypeFamily.Uuid, "uuid")]
    [InlineData("bytea", StoreTypeFamily.Binary, "bytea")]
    [InlineData("json", StoreTypeFamily.Json, "json")]
    [InlineData("jsonb", StoreTypeFamily.Json, "jsonb")]
    [InlineData("xml", StoreTypeFamily.Xml, "xml")]
    [InlineData("text[]", StoreTypeFamily.Text, "text[]")]
    [InlineData("integer[]", StoreTypeFamily.Integer, "integer[]")]
    [InlineData("_int4", StoreTypeFamily.Integer, "integer[]")]
    [InlineData("integer ARRAY", StoreTypeFamily.Integer, "integer[]")]
    [InlineData("character varying(20)[]", StoreTypeFamily.Text, "character varying(20)[]")]
    [InlineData("pg_catalog.int4", StoreTypeFamily.Integer, "integer")]
    [InlineData("geometry", StoreTypeFamily.Unknown, "geometry")]
    [InlineData("varchar(abc)", StoreTypeFamily.Unknown, "varchar(abc)")]
    [InlineData("varchar(", StoreTypeFamily.Unknown, "varchar(")]
    [InlineData("", StoreTypeFamily.Unknown, "")]
    [InlineData("double", StoreTypeFamily.Unknown, "double")]
    public void PostgreSql(string text, StoreTypeFamily family, string normalized)
        => AssertParsed(text, DatabaseProvider.PostgreSql, family, normalized);

    [Theory]
    [InlineData("nvarchar(max)", StoreTypeFamily.Text, "nvarchar(max)")]
    [InlineData("nvarchar(MAX)", StoreTypeFamily.Text, "nvarchar(max)")]
    [InlineData("[nvarchar](max)", StoreTypeFamily.Text, "nvarchar(max)")]
    [InlineData("nvarchar(450)", StoreTypeFamily.Text, "nvarchar(450)")]
    [InlineData("national character varying(50)", StoreTypeFamily.Text, "nvarchar(50)")]
    [InlineData("nvarchar", StoreTypeFamily.Text, "nvarchar(1)")]
    [InlineData("varchar(50)", StoreTypeFamily.Text, "varchar(50)")]
    [InlineData("varchar(max)", StoreTypeFamily.Text, "varchar(max)")]
    [InlineData("nchar(10)", StoreTypeFamily.Text, "nchar(10)")]
    [InlineData("char(10)", StoreTypeFamily.Text, "char(10)")]
    [InlineData("ntext", StoreTypeFamily.Text, "ntext")]
    [InlineData("text", StoreTypeFamily.Text, "text")]
    [InlineData("sysname", StoreTypeFamily.Text, "nvarchar(128)")]
    [InlineData("int", StoreTypeFamily.Integer, "int")]
    [InlineData("INTEGER", StoreTypeFamily.Integer, "int")]
    [InlineData("bigint", StoreTypeFamily.Integer, "bigint")]
    [InlineData("smallint", StoreTypeFamily.Integer, "smallint")]
    [InlineData("tinyint", StoreTypeFamily.Integer, "tinyint")]
    [InlineData("bit", StoreTypeFamily.Boolean, "bit")]
    [InlineData("decimal(18,2)", StoreTypeFamily.Decimal, "decimal(18,2)")]
    [InlineData("numeric(18, 2)", StoreTypeFamily.Decimal, "decimal(18,2)")]
    [InlineData("decimal", StoreTypeFamily.Decimal, "decimal(18,0)")]
    [InlineData("money", StoreTypeFamily.Decimal, "money")]
    [InlineData("float", StoreTypeFamily.FloatingPoint, "float")]
    [InlineData("float(53)", StoreTypeFamily.FloatingPoint, "float")]
    [InlineData("float(24)", StoreTypeFamily.FloatingPoint, "real")]
    [InlineData("real", StoreTypeFamily.FloatingPoint, "real")]
    [InlineData("date", StoreTypeFamily.Date, "date")]
    [InlineData("time", StoreTypeFamily.Time, "time")]
    [InlineData("time(7)", StoreTypeFamily.Time, "time")]
    [InlineData("datetime", StoreTypeFamily.DateTime, "datetime")]
    [InlineData("datetime2", StoreTypeFamily.DateTime, "datetime2")]
    [InlineData("datetime2(3)", StoreTypeFamily.DateTime, "datetime2(3)")]
    [InlineData("smalldatetime", StoreTypeFamily.DateTime, "smalldatetime")]
    [InlineData("datetimeoffset", StoreTypeFamily.DateTimeOffset, "datetimeoffset")]
    [InlineData("uniqueidentifier", StoreTypeFamily.Uuid, "uniqueidentifier")]
    [InlineData("varbinary(max)", StoreTypeFamily.Binary, "varbinary(max)")]
    [InlineData("varbinary(16)", StoreTypeFamily.Binary, "varbinary(16)")]
    [InlineData("binary(8)", StoreTypeFamily.Binary, "binary(8)")]
    [InlineData("image", StoreTypeFamily.Binary, "image")]
    [InlineData("rowversion", StoreTypeFamily.Binary, "rowversion")]
    [InlineData("xml", StoreTypeFamily.Xml, "xml")]
    [InlineData("nvarchar(5000)", StoreTypeFamily.Unknown, "nvarchar(5000)")]
    [InlineData("geography", StoreTypeFamily.Unknown, "geography")]
    [InlineData("uuid", StoreTypeFamily.Unknown, "uuid")]
    public void SqlServer(string text, StoreTypeFamily family, string normalized)
        => AssertParsed(text, DatabaseProvider.SqlServer, family, normalized);

    // SQLite: any name, typed by its affinity rules ("Datatypes In SQLite" 3.1), in order.
    [Theory]
    [InlineData("INTEGER", StoreTypeFamily.Integer, "INTEGER")]
    [InlineData("int", StoreTypeFamily.Integer, "INTEGER")]
    [InlineData("BIGINT", StoreTypeFamily.Integer, "INTEGER")]
    [InlineData("POINT", StoreTypeFamily.Integer, "INTEGER")] // "INT" wins: the documented surprise
    [InlineData("TEXT", StoreTypeFamily.Text, "TEXT")]
    [InlineData("varchar(255)", StoreTypeFamily.Text, "TEXT")]
    [InlineData("NCHAR(10)", StoreTypeFamily.Text, "TEXT")]
    [InlineData("CLOB", StoreTypeFamily.Text, "TEXT")]
    [InlineData("BLOB", StoreTypeFamily.Binary, "BLOB")]
    [InlineData("REAL", StoreTypeFamily.FloatingPoint, "REAL")]
    [InlineData("DOUBLE", StoreTypeFamily.FloatingPoint, "REAL")]
    [InlineData("FLOAT", StoreTypeFamily.FloatingPoint, "REAL")]
    [InlineData("NUMERIC", StoreTypeFamily.Decimal, "NUMERIC")]
    [InlineData("DECIMAL(10,5)", StoreTypeFamily.Decimal, "NUMERIC")]
    [InlineData("BOOLEAN", StoreTypeFamily.Decimal, "NUMERIC")]
    [InlineData("DATETIME", StoreTypeFamily.Decimal, "NUMERIC")]
    [InlineData("", StoreTypeFamily.Unknown, "")]
    public void Sqlite(string text, StoreTypeFamily family, string normalized)
        => AssertParsed(text, DatabaseProvider.Sqlite, family, normalized);

    [Theory]
    [InlineData("varchar(255)", StoreTypeFamily.Text, "varchar(255)")]
    [InlineData("varchar(255) CHARACTER SET utf8mb4", StoreTypeFamily.Text, "varchar(255)")]
    [InlineData("char(36)", StoreTypeFamily.Text, "char(36)")]
    [InlineData("longtext", StoreTypeFamily.Text, "longtext")]
    [InlineData("text", StoreTypeFamily.Text, "text")]
    [InlineData("text(1000)", StoreTypeFamily.Text, "text")]
    [InlineData("text(100)", StoreTypeFamily.Text, "tinytext")]
    [InlineData("tinyint(1)", StoreTypeFamily.Boolean, "tinyint(1)")]
    [InlineData("bool", StoreTypeFamily.Boolean, "tinyint(1)")]
    [InlineData("tinyint", StoreTypeFamily.Integer, "tinyint")]
    [InlineData("tinyint unsigned", StoreTypeFamily.Integer, "tinyint unsigned")]
    [InlineData("int", StoreTypeFamily.Integer, "int")]
    [InlineData("int(11)", StoreTypeFamily.Integer, "int")]
    [InlineData("int(10) unsigned", StoreTypeFamily.Integer, "int unsigned")]
    [InlineData("bigint", StoreTypeFamily.Integer, "bigint")]
    [InlineData("decimal(65,30)", StoreTypeFamily.Decimal, "decimal(65,30)")]
    [InlineData("decimal", StoreTypeFamily.Decimal, "decimal(10,0)")]
    [InlineData("double", StoreTypeFamily.FloatingPoint, "double")]
    [InlineData("float", StoreTypeFamily.FloatingPoint, "float")]
    [InlineData("datetime(6)", StoreTypeFamily.DateTime, "datetime(6)")]
    [InlineData("datetime", StoreTypeFamily.DateTime, "datetime")]
    [InlineData("timestamp(6)", StoreTypeFamily.DateTime, "timestamp(6)")]
    [InlineData("date", StoreTypeFamily.Date, "date")]
    [InlineData("time(6)", StoreTypeFamily.Time, "time(6)")]
    [InlineData("json", StoreTypeFamily.Json, "json")]
    [InlineData("binary(16)", StoreTypeFamily.Binary, "binary(16)")]
    [InlineData("varbinary(100)", StoreTypeFamily.Binary, "varbinary(100)")]
    [InlineData("longblob", StoreTypeFamily.Binary, "longblob")]
    [InlineData("enum('a','b')", StoreTypeFamily.Unknown, "enum('a','b')")]
    public void MySql(string text, StoreTypeFamily family, string normalized)
        => AssertParsed(text, DatabaseProvider.MySql, family, normalized);

    [Theory]
    [InlineData("varchar(50)", StoreTypeFamily.Text, "character varying(50)")]
    [InlineData("character varying(50)", StoreTypeFamily.Text, "character varying(50)")]
    [InlineData("nvarchar(max)", StoreTypeFamily.Text, "character varying")]
    [InlineData("int", StoreTypeFamily.Integer, "integer")]
    [InlineData("bigint", StoreTypeFamily.Integer, "bigint")]
    [InlineData("decimal(10,2)", StoreTypeFamily.Decimal, "numeric(10,2)")]
    [InlineData("timestamp", StoreTypeFamily.DateTime, "timestamp")]
    [InlineData("timestamp with time zone", StoreTypeFamily.DateTimeOffset, "timestamp with time zone")]
    [InlineData("uuid", StoreTypeFamily.Uuid, "uuid")]
    [InlineData("uniqueidentifier", StoreTypeFamily.Uuid, "uuid")]
    [InlineData("boolean", StoreTypeFamily.Boolean, "boolean")]
    [InlineData("sometype", StoreTypeFamily.Unknown, "sometype")]
    public void UnknownProviderReadsAnsiSql(string text, StoreTypeFamily family, string normalized)
        => AssertParsed(text, DatabaseProvider.Unknown, family, normalized);

    [Fact]
    public void Facets_AreNormalized()
    {
        var varchar = StoreTypeParser.Parse("varchar(255)", DatabaseProvider.PostgreSql);
        Assert.Equal(("character varying", 255, true, false, false), (varchar.Name, varchar.Length, varchar.IsUnicode, varchar.IsFixedLength, varchar.IsArray));

        var numeric = StoreTypeParser.Parse("numeric(10,2)", DatabaseProvider.PostgreSql);
        Assert.Equal((10, 2, 8), (numeric.Precision, numeric.Scale, numeric.IntegerDigits));

        var timestamptz = StoreTypeParser.Parse("timestamptz", DatabaseProvider.PostgreSql);
        Assert.Equal((true, 6), (timestamptz.HasTimeZone, timestamptz.Precision));

        var array = StoreTypeParser.Parse("_int8", DatabaseProvider.PostgreSql);
        Assert.Equal((StoreTypeFamily.Integer, 8, true), (array.Family, array.Size, array.IsArray));

        var max = StoreTypeParser.Parse("nvarchar(max)", DatabaseProvider.SqlServer);
        Assert.Equal((null, true), (max.Length, max.IsUnicode));

        var ansi = StoreTypeParser.Parse("varchar(20)", DatabaseProvider.SqlServer);
        Assert.Equal((20, false), (ansi.Length, ansi.IsUnicode));

        var unsigned = StoreTypeParser.Parse("int unsigned", DatabaseProvider.MySql);
        Assert.Equal((4, true), (unsigned.Size, unsigned.IsUnsigned));
    }

    [Fact]
    public void Text_IsKeptAsWritten()
    {
        var type = StoreTypeParser.Parse("  VarChar(255) ", DatabaseProvider.PostgreSql);
        Assert.Equal("  VarChar(255) ", type.Text);
        Assert.Equal("  VarChar(255) ", type.ToString());
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql, "varchar(255)", "character varying(255)")]
    [InlineData(DatabaseProvider.PostgreSql, "int4", "integer")]
    [InlineData(DatabaseProvider.PostgreSql, "int", "integer")]
    [InlineData(DatabaseProvider.PostgreSql, "timestamptz", "timestamp with time zone")]
    [InlineData(DatabaseProvider.PostgreSql, "timestamp", "timestamp(6) without time zone")]
    [InlineData(DatabaseProvider.PostgreSql, "decimal(10,2)", "NUMERIC(10, 2)")]
    [InlineData(DatabaseProvider.PostgreSql, "_text", "text[]")]
    [InlineData(DatabaseProvider.PostgreSql, "bool", "boolean")]
    [InlineData(DatabaseProvider.SqlServer, "nvarchar(MAX)", "nvarchar(max)")]
    [InlineData(DatabaseProvider.SqlServer, "float(53)", "float")]
    [InlineData(DatabaseProvider.SqlServer, "datetime2(7)", "datetime2")]
    [InlineData(DatabaseProvider.SqlServer, "decimal", "numeric(18,0)")]
    [InlineData(DatabaseProvider.Sqlite, "varchar(10)", "TEXT")]
    [InlineData(DatabaseProvider.MySql, "tinyint(1)", "bool")]
    [InlineData(DatabaseProvider.MySql, "int(11)", "int")]
    [InlineData(DatabaseProvider.Unknown, "Some Type", "some  type")]
    public void Aliases_AreEqual(DatabaseProvider provider, string left, string right)
    {
        var a = StoreTypeParser.Parse(left, provider);
        var b = StoreTypeParser.Parse(right, provider);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql, "varchar(255)", "varchar(256)")]
    [InlineData(DatabaseProvider.PostgreSql, "text", "varchar")]
    [InlineData(DatabaseProvider.PostgreSql, "timestamp", "timestamptz")]
    [InlineData(DatabaseProvider.PostgreSql, "json", "jsonb")]
    [InlineData(DatabaseProvider.PostgreSql, "integer", "integer[]")]
    [InlineData(DatabaseProvider.SqlServer, "nvarchar(50)", "varchar(50)")]
    [InlineData(DatabaseProvider.SqlServer, "varchar(max)", "text")]
    [InlineData(DatabaseProvider.MySql, "int", "int unsigned")]
    [InlineData(DatabaseProvider.Sqlite, "INTEGER", "NUMERIC")]
    public void DifferentTypes_AreNotEqual(DatabaseProvider provider, string left, string right)
    {
        var a = StoreTypeParser.Parse(left, provider);
        var b = StoreTypeParser.Parse(right, provider);
        Assert.NotEqual(a, b);
        Assert.True(a != b);
    }

    [Fact]
    public void NullText_IsUnknown()
        => Assert.Equal(StoreTypeFamily.Unknown, StoreTypeParser.Parse(null!, DatabaseProvider.PostgreSql).Family);

    private static void AssertParsed(string text, DatabaseProvider provider, StoreTypeFamily family, string normalized)
    {
        var type = StoreTypeParser.Parse(text, provider);
        Assert.Equal(family, type.Family);
        Assert.Equal(normalized, type.NormalizedText);
        Assert.Equal(text, type.Text);
    }
}
