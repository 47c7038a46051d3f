using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;

namespace Lossless.Tests.Model.StoreTypes;

/// <summary>
/// The expected spellings are what the providers themselves answered for the column type of such properties:
/// EF Core 10.0.15 with Npgsql 10.0.3, SqlServer and Sqlite, and Pomelo 9.0.0 for MySQL 8.0.
/// </summary>
public sealed class ClrTypeMappingTests
{
    [Theory]
    [InlineData("System.String", null, null, null, null, null, "text")]
    [InlineData("System.String", 255, null, null, null, null, "character varying(255)")]
    [InlineData("System.String", 50, null, null, false, null, "character varying(50)")]
    [InlineData("System.String", 10, null, null, null, true, "character(10)")]
    [InlineData("System.Char", null, null, null, null, null, "character(1)")]
    [InlineData("System.Guid", null, null, null, null, null, "uuid")]
    [InlineData("System.Int32", null, null, null, null, null, "integer")]
    [InlineData("System.Int64", null, null, null, null, null, "bigint")]
    [InlineData("System.Int16", null, null, null, null, null, "smallint")]
    [InlineData("System.Byte", null, null, null, null, null, "smallint")]
    [InlineData("System.SByte", null, null, null, null, null, "smallint")]
    [InlineData("System.UInt16", null, null, null, null, null, "integer")]
    [InlineData("System.UInt32", null, null, null, null, null, "bigint")]
    [InlineData("System.UInt64", null, null, null, null, null, "numeric(20,0)")]
    [InlineData("System.Decimal", null, null, null, null, null, "numeric")]
    [InlineData("System.Decimal", null, 12, null, null, null, "numeric(12)")]
    [InlineData("System.Decimal", null, 12, 3, null, null, "numeric(12,3)")]
    [InlineData("System.DateTime", null, null, null, null, null, "timestamp with time zone")]
    [InlineData("System.DateTime", null, 3, null, null, null, "timestamp(3) with time zone")]
    [InlineData("System.DateTimeOffset", null, null, null, null, null, "timestamp with time zone")]
    [InlineData("System.DateOnly", null, null, null, null, null, "date")]
    [InlineData("System.TimeOnly", null, null, null, null, null, "time without time zone")]
    [InlineData("System.TimeOnly", null, 3, null, null, null, "time(3) without time zone")]
    [InlineData("System.TimeSpan", null, null, null, null, null, "interval")]
    [InlineData("System.TimeSpan", null, 3, null, null, null, "interval(3)")]
    [InlineData("System.Boolean", null, null, null, null, null, "boolean")]
    [InlineData("System.Byte[]", null, null, null, null, null, "bytea")]
    [InlineData("System.Byte[]", 16, null, null, null, null, "bytea")]
    [InlineData("System.Double", null, null, null, null, null, "double precision")]
    [InlineData("System.Single", null, null, null, null, null, "real")]
    [InlineData("System.String[]", null, null, null, null, null, "text[]")]
    [InlineData("int", null, null, null, null, null, "integer")]
    public void PostgreSql(string clr, int? maxLength, int? precision, int? scale, bool? unicode, bool? fixedLength, string expected)
        => AssertMapped(clr, DatabaseProvider.PostgreSql, maxLength, precision, scale, unicode, fixedLength, expected);

    [Theory]
    [InlineData("System.String", null, null, null, null, null, "nvarchar(max)")]
    [InlineData("System.String", 255, null, null, null, null, "nvarchar(255)")]
    [InlineData("System.String", null, null, null, false, null, "varchar(max)")]
    [InlineData("System.String", 50, null, null, false, null, "varchar(50)")]
    [InlineData("System.String", 10, null, null, null, true, "nchar(10)")]
    [InlineData("System.String", 10, null, null, false, true, "char(10)")]
    [InlineData("System.String", 5000, null, null, null, null, "nvarchar(max)")]
    [InlineData("System.Char", null, null, null, null, null, "nvarchar(1)")]
    [InlineData("System.Guid", null, null, null, null, null, "uniqueidentifier")]
    [InlineData("System.Int32", null, null, null, null, null, "int")]
    [InlineData("System.Int64", null, null, null, null, null, "bigint")]
    [InlineData("System.Int16", null, null, null, null, null, "smallint")]
    [InlineData("System.Byte", null, null, null, null, null, "tinyint")]
    [InlineData("System.SByte", null, null, null, null, null, "smallint")]
    [InlineData("System.UInt16", null, null, null, null, null, "int")]
    [InlineData("System.UInt32", null, null, null, null, null, "bigint")]
    [InlineData("System.UInt64", null, null, null, null, null, "decimal(20,0)")]
    [InlineData("System.Decimal", null, null, null, null, null, "decimal(18,2)")]
    [InlineData("System.Decimal", null, 12, null, null, null, "decimal(12,2)")]
    [InlineData("System.Decimal", null, 12, 3, null, null, "decimal(12,3)")]
    [InlineData("System.DateTime", null, null, null, null, null, "datetime2")]
    [InlineData("System.DateTime", null, 3, null, null, null, "datetime2(3)")]
    [InlineData("System.DateTimeOffset", null, null, null, null, null, "datetimeoffset")]
    [InlineData("System.DateTimeOffset", null, 3, null, null, null, "datetimeoffset(3)")]
    [InlineData("System.DateOnly", null, null, null, null, null, "date")]
    [InlineData("System.TimeOnly", null, null, null, null, null, "time")]
    [InlineData("System.TimeSpan", null, null, null, null, null, "time")]
    [InlineData("System.TimeSpan", null, 3, null, null, null, "time(3)")]
    [InlineData("System.Boolean", null, null, null, null, null, "bit")]
    [InlineData("System.Byte[]", null, null, null, null, null, "varbinary(max)")]
    [InlineData("System.Byte[]", 16, null, null, null, null, "varbinary(16)")]
    [InlineData("System.Byte[]", 8, null, null, null, true, "binary(8)")]
    [InlineData("System.Double", null, null, null, null, null, "float")]
    [InlineData("System.Single", null, null, null, null, null, "real")]
    public void SqlServer(string clr, int? maxLength, int? precision, int? scale, bool? unicode, bool? fixedLength, string expected)
        => AssertMapped(clr, DatabaseProvider.SqlServer, maxLength, precision, scale, unicode, fixedLength, expected);

    [Theory]
    [InlineData("System.String", null, "TEXT")]
    [InlineData("System.String", 255, "TEXT")]
    [InlineData("System.Char", null, "TEXT")]
    [InlineData("System.Guid", null, "TEXT")]
    [InlineData("System.Decimal", null, "TEXT")]
    [InlineData("System.DateTime", null, "TEXT")]
    [InlineData("System.DateTimeOffset", null, "TEXT")]
    [InlineData("System.DateOnly", null, "TEXT")]
    [InlineData("System.TimeOnly", null, "TEXT")]
    [InlineData("System.TimeSpan", null, "TEXT")]
    [InlineData("System.Int32", null, "INTEGER")]
    [InlineData("System.Int64", null, "INTEGER")]
    [InlineData("System.Int16", null, "INTEGER")]
    [InlineData("System.Byte", null, "INTEGER")]
    [InlineData("System.UInt64", null, "INTEGER")]
    [InlineData("System.Boolean", null, "INTEGER")]
    [InlineData("System.Double", null, "REAL")]
    [InlineData("System.Single", null, "REAL")]
    [InlineData("System.Byte[]", null, "BLOB")]
    public void Sqlite(string clr, int? maxLength, string expected)
        => AssertMapped(clr, DatabaseProvider.Sqlite, maxLength, null, null, null, null, expected);

    [Theory]
    [InlineData("System.String", null, null, null, null, null, "longtext")]
    [InlineData("System.String", 255, null, null, null, null, "varchar(255)")]
    [InlineData("System.String", 10, null, null, null, true, "char(10)")]
    [InlineData("System.Char", null, null, null, null, null, "varchar(1)")]
    [InlineData("System.Guid", null, null, null, null, null, "char(36)")]
    [InlineData("System.Int32", null, null, null, null, null, "int")]
    [InlineData("System.Int64", null, null, null, null, null, "bigint")]
    [InlineData("System.Int16", null, null, null, null, null, "smallint")]
    [InlineData("System.Byte", null, null, null, null, null, "tinyint unsigned")]
    [InlineData("System.SByte", null, null, null, null, null, "tinyint")]
    [InlineData("System.UInt16", null, null, null, null, null, "smallint unsigned")]
    [InlineData("System.UInt32", null, null, null, null, null, "int unsigned")]
    [InlineData("System.UInt64", null, null, null, null, null, "bigint unsigned")]
    [InlineData("System.Decimal", null, null, null, null, null, "decimal(65,30)")]
    [InlineData("System.Decimal", null, 12, null, null, null, "decimal(12)")]
    [InlineData("System.Decimal", null, 12, 3, null, null, "decimal(12,3)")]
    [InlineData("System.DateTime", null, null, null, null, null, "datetime(6)")]
    [InlineData("System.DateTime", null, 3, null, null, null, "datetime(3)")]
    [InlineData("System.DateTimeOffset", null, null, null, null, null, "datetime(6)")]
    [InlineData("System.DateOnly", null, null, null, null, null, "date")]
    [InlineData("System.TimeOnly", null, null, null, null, null, "time(6)")]
    [InlineData("System.TimeSpan", null, null, null, null, null, "time(6)")]
    [InlineData("System.Boolean", null, null, null, null, null, "tinyint(1)")]
    [InlineData("System.Byte[]", null, null, null, null, null, "longblob")]
    [InlineData("System.Byte[]", 16, null, null, null, null, "varbinary(16)")]
    [InlineData("System.Byte[]", 8, null, null, null, true, "binary(8)")]
    [InlineData("System.Double", null, null, null, null, null, "double")]
    [InlineData("System.Single", null, null, null, null, null, "float")]
    public void MySql(string clr, int? maxLength, int? precision, int? scale, bool? unicode, bool? fixedLength, string expected)
        => AssertMapped(clr, DatabaseProvider.MySql, maxLength, precision, scale, unicode, fixedLength, expected);

    [Theory]
    [InlineData("System.String", 50, "varchar(50)")]
    [InlineData("System.Guid", null, "uuid")]
    [InlineData("System.Int32", null, "integer")]
    [InlineData("System.DateTime", null, "timestamp")]
    [InlineData("System.DateTimeOffset", null, "timestamp with time zone")]
    public void UnknownProvider_UsesAnsiSql(string clr, int? maxLength, string expected)
        => AssertMapped(clr, DatabaseProvider.Unknown, maxLength, null, null, null, null, expected);

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql, "MyApp.Address")]
    [InlineData(DatabaseProvider.SqlServer, "System.Object")]
    [InlineData(DatabaseProvider.Sqlite, "")]
    public void UnmappedClrType_IsNull(DatabaseProvider provider, string clr)
        => Assert.Null(ClrTypeMapping.FromClrType(clr, provider, null, null, null, null, null));

    [Fact]
    public void Mapping_IsParsedForTheProvider()
    {
        var type = ClrTypeMapping.FromClrType("System.String", DatabaseProvider.PostgreSql, 255, null, null, null, null)!;
        Assert.Equal(StoreTypeParser.Parse("varchar(255)", DatabaseProvider.PostgreSql), type);
        Assert.Equal(StoreTypeFamily.Text, type.Family);
        Assert.Equal(255, type.Length);
    }

    private static void AssertMapped(string clr, DatabaseProvider provider, int? maxLength, int? precision, int? scale, bool? unicode, bool? fixedLength, string expected)
    {
        var type = ClrTypeMapping.FromClrType(clr, provider, maxLength, precision, scale, unicode, fixedLength);
        Assert.NotNull(type);
        Assert.Equal(expected, type.Text);
        Assert.True(type.IsKnown, expected + " should parse for " + provider);
    }
}
