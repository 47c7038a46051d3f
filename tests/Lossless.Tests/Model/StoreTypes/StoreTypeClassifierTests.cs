using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;

namespace Lossless.Tests.Model.StoreTypes;

public sealed class StoreTypeClassifierTests
{
    private const ConversionClass Identical = ConversionClass.Identical;
    private const ConversionClass Widening = ConversionClass.Widening;
    private const ConversionClass Lossy = ConversionClass.Lossy;
    private const ConversionClass MayFail = ConversionClass.MayFail;
    private const ConversionClass Unknown = ConversionClass.Unknown;

    // PostgreSQL: Npgsql writes ALTER COLUMN … TYPE with no USING. The last column says whether the change fails
    // whatever the data (no implicit or assignment cast).
    [Theory]
    // identical: aliases
    [InlineData("varchar(255)", "character varying(255)", Identical, false)]
    [InlineData("int4", "integer", Identical, false)]
    [InlineData("int", "int4", Identical, false)]
    [InlineData("timestamptz", "timestamp with time zone", Identical, false)]
    [InlineData("timestamp", "timestamp(6) without time zone", Identical, false)]
    [InlineData("decimal(10,2)", "numeric(10,2)", Identical, false)]
    [InlineData("_int4", "integer[]", Identical, false)]
    // widening
    [InlineData("varchar(50)", "varchar(100)", Widening, false)]
    [InlineData("varchar(50)", "text", Widening, false)]
    [InlineData("character varying(255)", "text", Widening, false)]
    [InlineData("text", "varchar", Widening, false)]
    [InlineData("text", "citext", Widening, false)]
    [InlineData("char(10)", "varchar(10)", Widening, false)]
    [InlineData("smallint", "integer", Widening, false)]
    [InlineData("integer", "bigint", Widening, false)]
    [InlineData("integer", "numeric", Widening, false)]
    [InlineData("integer", "numeric(10,0)", Widening, false)]
    [InlineData("integer", "double precision", Widening, false)]
    [InlineData("smallint", "real", Widening, false)]
    [InlineData("numeric(10,2)", "numeric(12,2)", Widening, false)]
    [InlineData("numeric(10,2)", "numeric(12,4)", Widening, false)]
    [InlineData("numeric(10,2)", "numeric", Widening, false)]
    [InlineData("numeric(10,0)", "bigint", Widening, false)]
    [InlineData("numeric(9,0)", "integer", Widening, false)]
    [InlineData("numeric(15,2)", "double precision", Widening, false)]
    [InlineData("real", "double precision", Widening, false)]
    [InlineData("date", "timestamp", Widening, false)]
    [InlineData("timestamp(3)", "timestamp", Widening, false)]
    [InlineData("time", "interval", Widening, false)]
    [InlineData("time", "timetz", Widening, false)]
    [InlineData("jsonb", "json", Widening, false)]
    [InlineData("integer[]", "bigint[]", Widening, false)]
    [InlineData("uuid", "text", Widening, false)]
    [InlineData("uuid", "varchar(36)", Widening, false)]
    [InlineData("integer", "text", Widening, false)]
    [InlineData("integer", "varchar(11)", Widening, false)]
    [InlineData("bigint", "text", Widening, false)]
    [InlineData("boolean", "text", Widening, false)]
    [InlineData("date", "text", Widening, false)]
    [InlineData("timestamptz", "text", Widening, false)]
    [InlineData("double precision", "text", Widening, false)]
    [InlineData("numeric(10,2)", "text", Widening, false)]
    [InlineData("jsonb", "text", Widening, false)]
    [InlineData("bytea", "text", Widening, false)]
    [InlineData("integer[]", "text", Widening, false)]
    // lossy: succeeds and silently changes values
    [InlineData("numeric(10,2)", "numeric(10,0)", Lossy, false)]
    [InlineData("numeric(10,4)", "numeric(12,2)", Lossy, false)]
    [InlineData("numeric(10,2)", "numeric(8,0)", Lossy, false)] // same 8 integer digits
    [InlineData("numeric(10,2)", "numeric(6,0)", Lossy, false)] // integer digits shrink too: still lossy
    [InlineData("numeric", "numeric(10,2)", Lossy, false)]
    [InlineData("numeric(10,2)", "integer", Lossy, false)]
    [InlineData("numeric", "double precision", Lossy, false)]
    [InlineData("double precision", "integer", Lossy, false)]
    [InlineData("double precision", "bigint", Lossy, false)]
    [InlineData("real", "smallint", Lossy, false)]
    [InlineData("double precision", "real", Lossy, false)]
    [InlineData("double precision", "numeric(10,2)", Lossy, false)]
    [InlineData("double precision", "numeric", Lossy, false)]
    [InlineData("bigint", "double precision", Lossy, false)]
    [InlineData("integer", "real", Lossy, false)]
    [InlineData("timestamp", "date", Lossy, false)]
    [InlineData("timestamptz", "date", Lossy, false)]
    [InlineData("timestamptz", "timestamp", Lossy, false)]
    [InlineData("timestamp with time zone", "timestamp without time zone", Lossy, false)]
    [InlineData("timestamp", "timestamptz", Lossy, false)]
    [InlineData("date", "timestamptz", Lossy, false)]
    [InlineData("timestamp", "time", Lossy, false)]
    [InlineData("timestamp", "timestamp(3)", Lossy, false)]
    [InlineData("time", "time(0)", Lossy, false)]
    [InlineData("timetz", "time", Lossy, false)]
    [InlineData("interval", "time", Lossy, false)]
    [InlineData("json", "jsonb", Lossy, false)]
    [InlineData("varchar(50)", "char(50)", Lossy, false)]
    // may fail on existing data (assignment cast that checks)
    [InlineData("bigint", "integer", MayFail, false)]
    [InlineData("integer", "smallint", MayFail, false)]
    [InlineData("bigint[]", "integer[]", MayFail, false)]
    [InlineData("varchar(100)", "varchar(50)", MayFail, false)]
    [InlineData("text", "varchar(255)", MayFail, false)]
    [InlineData("text", "char(1)", Lossy, false)]
    [InlineData("numeric(12,2)", "numeric(10,2)", MayFail, false)]
    [InlineData("numeric(10,2)", "numeric(10,4)", MayFail, false)]
    [InlineData("numeric(10,0)", "integer", MayFail, false)]
    [InlineData("bigint", "numeric(10,0)", MayFail, false)]
    [InlineData("integer", "varchar(5)", MayFail, false)]
    [InlineData("uuid", "varchar(20)", MayFail, false)]
    [InlineData("jsonb", "varchar(100)", MayFail, false)]
    // fails on every database: no implicit or assignment cast, and no USING
    [InlineData("text", "uuid", MayFail, true)]
    [InlineData("varchar(255)", "uuid", MayFail, true)]
    [InlineData("character varying(36)", "uuid", MayFail, true)]
    [InlineData("text", "integer", MayFail, true)]
    [InlineData("varchar(20)", "bigint", MayFail, true)]
    [InlineData("text", "numeric(10,2)", MayFail, true)]
    [InlineData("text", "double precision", MayFail, true)]
    [InlineData("text", "date", MayFail, true)]
    [InlineData("text", "timestamptz", MayFail, true)]
    [InlineData("text", "boolean", MayFail, true)]
    [InlineData("text", "jsonb", MayFail, true)]
    [InlineData("text", "json", MayFail, true)]
    [InlineData("text", "bytea", MayFail, true)]
    [InlineData("text", "xml", MayFail, true)]
    [InlineData("text", "interval", MayFail, true)]
    [InlineData("text", "text[]", MayFail, true)]
    [InlineData("text[]", "integer[]", MayFail, true)]
    [InlineData("integer", "integer[]", MayFail, true)]
    [InlineData("integer", "boolean", MayFail, true)]
    [InlineData("boolean", "integer", MayFail, true)]
    [InlineData("integer", "uuid", MayFail, true)]
    [InlineData("uuid", "bytea", MayFail, true)]
    [InlineData("integer", "timestamp", MayFail, true)]
    [InlineData("date", "integer", MayFail, true)]
    [InlineData("jsonb", "integer", MayFail, true)]
    [InlineData("time", "timestamp", MayFail, true)]
    [InlineData("date", "time", MayFail, true)]
    // not recognized
    [InlineData("geometry", "text", Unknown, false)]
    [InlineData("text", "hstore", Unknown, false)]
    // not recognized, but the same type on both sides
    [InlineData("geometry", "geometry", Identical, false)]
    [InlineData("hstore", "HSTORE", Identical, false)]
    public void PostgreSql(string from, string to, ConversionClass expected, bool failsEvenOnValidData)
    {
        var conversion = Classify(from, to, DatabaseProvider.PostgreSql, expected);
        Assert.Equal(failsEvenOnValidData, conversion.FailsEvenOnValidData);
    }

    [Theory]
    [InlineData("nvarchar(MAX)", "nvarchar(max)", Identical)]
    [InlineData("numeric(18,2)", "decimal(18,2)", Identical)]
    [InlineData("datetime2(7)", "datetime2", Identical)]
    [InlineData("float(53)", "float", Identical)]
    [InlineData("nvarchar(50)", "nvarchar(100)", Widening)]
    [InlineData("nvarchar(50)", "nvarchar(max)", Widening)]
    [InlineData("varchar(50)", "nvarchar(50)", Widening)]
    [InlineData("ntext", "nvarchar(max)", Widening)]
    [InlineData("int", "bigint", Widening)]
    [InlineData("tinyint", "smallint", Widening)]
    [InlineData("bit", "int", Widening)]
    [InlineData("decimal(10,2)", "decimal(12,2)", Widening)]
    [InlineData("int", "decimal(10,0)", Widening)]
    [InlineData("real", "float", Widening)]
    [InlineData("date", "datetime2", Widening)]
    [InlineData("datetime", "datetime2", Widening)]
    [InlineData("datetime2", "datetimeoffset", Widening)]
    [InlineData("uniqueidentifier", "nvarchar(36)", Widening)]
    [InlineData("int", "nvarchar(max)", Widening)]
    [InlineData("varbinary(16)", "varbinary(max)", Widening)]
    [InlineData("uniqueidentifier", "binary(16)", Widening)]
    [InlineData("nvarchar(100)", "varchar(100)", Lossy)]
    [InlineData("nvarchar(max)", "varchar(max)", Lossy)]
    [InlineData("nvarchar(100)", "varchar(50)", Lossy)] // unicode lost, and long values fail
    [InlineData("decimal(18,4)", "decimal(18,2)", Lossy)]
    [InlineData("decimal(18,2)", "int", Lossy)]
    [InlineData("float", "int", Lossy)]
    [InlineData("float", "real", Lossy)]
    [InlineData("float", "decimal(18,2)", Lossy)]
    [InlineData("bigint", "float", Lossy)]
    [InlineData("int", "bit", Lossy)]
    [InlineData("datetime2", "date", Lossy)]
    [InlineData("datetime2", "datetime", Lossy)]
    [InlineData("datetime2", "smalldatetime", Lossy)]
    [InlineData("datetime2(7)", "datetime2(3)", Lossy)]
    [InlineData("datetimeoffset", "datetime2", Lossy)]
    [InlineData("datetime2", "time", Lossy)]
    [InlineData("float", "nvarchar(max)", Lossy)]
    [InlineData("datetime", "nvarchar(max)", Lossy)]
    [InlineData("nvarchar(10)", "nchar(10)", Lossy)]
    [InlineData("nvarchar(100)", "nvarchar(50)", MayFail)]
    [InlineData("nvarchar(max)", "nvarchar(450)", MayFail)]
    [InlineData("varbinary(max)", "varbinary(16)", MayFail)]
    [InlineData("bigint", "int", MayFail)]
    [InlineData("int", "tinyint", MayFail)]
    [InlineData("decimal(12,2)", "decimal(10,2)", MayFail)]
    [InlineData("nvarchar(max)", "uniqueidentifier", MayFail)]
    [InlineData("nvarchar(50)", "int", MayFail)]
    [InlineData("nvarchar(50)", "decimal(18,2)", MayFail)]
    [InlineData("nvarchar(50)", "datetime2", MayFail)]
    [InlineData("nvarchar(10)", "bit", MayFail)]
    [InlineData("int", "nvarchar(5)", MayFail)]
    [InlineData("date", "datetime", MayFail)]
    [InlineData("int", "uniqueidentifier", MayFail)]
    [InlineData("hierarchyid", "nvarchar(max)", Unknown)]
    public void SqlServer(string from, string to, ConversionClass expected)
    {
        var conversion = Classify(from, to, DatabaseProvider.SqlServer, expected);
        Assert.False(conversion.FailsEvenOnValidData);
    }

    // SQLite: EF rebuilds the table and copies with INSERT … SELECT and no cast; only affinity coerces values.
    [Theory]
    [InlineData("TEXT", "TEXT", Identical)]
    [InlineData("varchar(10)", "TEXT", Identical)] // lengths mean nothing to SQLite
    [InlineData("nvarchar(100)", "varchar(10)", Identical)] // nor do they truncate
    [InlineData("INTEGER", "BIGINT", Identical)]
    [InlineData("DATETIME", "DECIMAL(10,2)", Identical)]
    [InlineData("INTEGER", "TEXT", Widening)]
    [InlineData("REAL", "TEXT", Widening)]
    [InlineData("NUMERIC", "TEXT", Widening)]
    [InlineData("INTEGER", "NUMERIC", Widening)]
    [InlineData("REAL", "NUMERIC", MayFail)] // measured: 1e30 stays real and reads as decimal with OverflowException
    [InlineData("TEXT", "BLOB", Widening)]
    [InlineData("TEXT", "INTEGER", MayFail)]
    [InlineData("TEXT", "REAL", MayFail)]
    [InlineData("TEXT", "NUMERIC", MayFail)]
    [InlineData("BLOB", "INTEGER", MayFail)]
    [InlineData("INTEGER", "BLOB", MayFail)]
    [InlineData("REAL", "INTEGER", Lossy)]
    [InlineData("NUMERIC", "INTEGER", Lossy)]
    [InlineData("INTEGER", "REAL", Lossy)]
    [InlineData("BLOB", "TEXT", Lossy)]
    public void Sqlite(string from, string to, ConversionClass expected)
    {
        var conversion = Classify(from, to, DatabaseProvider.Sqlite, expected);
        Assert.False(conversion.FailsEvenOnValidData);
    }

    [Theory]
    [InlineData("tinyint(1)", "bool", Identical)]
    [InlineData("int(11)", "int", Identical)]
    [InlineData("varchar(50)", "varchar(100)", Widening)]
    [InlineData("varchar(255)", "longtext", Widening)]
    [InlineData("int", "bigint", Widening)]
    [InlineData("tinyint(1)", "int", Widening)]
    [InlineData("int unsigned", "bigint", Widening)]
    [InlineData("datetime(3)", "datetime(6)", Widening)]
    [InlineData("varchar(100)", "varchar(50)", Lossy)] // truncates silently in non-strict SQL mode
    [InlineData("longtext", "varchar(255)", Lossy)]
    [InlineData("longtext", "text", Lossy)]
    [InlineData("bigint", "int", Lossy)] // clamps silently in non-strict SQL mode
    [InlineData("int", "int unsigned", Lossy)]
    [InlineData("decimal(65,30)", "decimal(18,2)", Lossy)]
    [InlineData("double", "int", Lossy)]
    [InlineData("datetime(6)", "datetime", Lossy)]
    [InlineData("datetime(6)", "date", Lossy)]
    [InlineData("varbinary(100)", "varbinary(10)", Lossy)]
    [InlineData("char(36)", "binary(16)", Lossy)]
    [InlineData("longtext", "int", MayFail)]
    [InlineData("varchar(255)", "datetime(6)", MayFail)]
    [InlineData("longtext", "json", MayFail)]
    [InlineData("json", "int", MayFail)]
    [InlineData("enum('a','b')", "varchar(10)", Unknown)]
    public void MySql(string from, string to, ConversionClass expected)
        => Classify(from, to, DatabaseProvider.MySql, expected);

    // Unknown provider: ANSI spellings, provider-neutral and conservative.
    [Theory]
    [InlineData("varchar(255)", "character varying(255)", Identical)]
    [InlineData("int", "integer", Identical)]
    [InlineData("varchar(50)", "varchar(100)", Widening)]
    [InlineData("int", "bigint", Widening)]
    [InlineData("decimal(10,2)", "decimal(12,2)", Widening)]
    [InlineData("date", "timestamp", Widening)]
    [InlineData("varchar(100)", "varchar(50)", MayFail)]
    [InlineData("bigint", "int", MayFail)]
    [InlineData("text", "uuid", MayFail)]
    [InlineData("varchar(20)", "integer", MayFail)]
    [InlineData("integer", "boolean", MayFail)]
    [InlineData("boolean", "integer", MayFail)]
    [InlineData("uuid", "integer", MayFail)]
    [InlineData("decimal(10,2)", "decimal(10,0)", Lossy)]
    [InlineData("double precision", "integer", Lossy)]
    [InlineData("timestamp", "date", Lossy)]
    [InlineData("timestamp with time zone", "timestamp", Lossy)]
    [InlineData("timestamp", "timestamp with time zone", Lossy)]
    [InlineData("frobnicator", "integer", Unknown)]
    public void UnknownProvider(string from, string to, ConversionClass expected)
    {
        var conversion = Classify(from, to, DatabaseProvider.Unknown, expected);
        Assert.False(conversion.FailsEvenOnValidData);
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql, "text", "uuid", "fails on every database, even when every value is a valid uuid: PostgreSQL has no cast from text to uuid without USING, and EF Core writes none")]
    [InlineData(DatabaseProvider.PostgreSql, "character varying(255)", "integer", "fails on every database, even when every value is a valid integer in the range of integer: PostgreSQL has no cast from character varying(255) to integer without USING, and EF Core writes none")]
    [InlineData(DatabaseProvider.PostgreSql, "boolean", "integer", "fails on every database, whatever the data: PostgreSQL has no cast from boolean to integer without USING, and EF Core writes none")]
    [InlineData(DatabaseProvider.PostgreSql, "numeric(10,2)", "numeric(10,0)", "silently rounds existing values to 0 decimal places (12345.68 becomes 12346)")]
    [InlineData(DatabaseProvider.PostgreSql, "numeric(10,2)", "numeric(6,0)", "silently rounds existing values to 0 decimal places (12345.68 becomes 12346), and fails when a value has more than 6 integer digits")]
    [InlineData(DatabaseProvider.PostgreSql, "numeric(10,4)", "numeric(10,2)", "silently rounds existing values to 2 decimal places (12345.6789 becomes 12345.68)")]
    [InlineData(DatabaseProvider.PostgreSql, "varchar(100)", "varchar(50)", "fails when a value is longer than 50 characters")]
    [InlineData(DatabaseProvider.PostgreSql, "bigint", "integer", "fails when a value is outside the range of integer (-2147483648 to 2147483647)")]
    [InlineData(DatabaseProvider.PostgreSql, "double precision", "integer", "silently rounds values to whole numbers, halves to even (2.7 becomes 3, 2.5 becomes 2), and fails when a value is outside the range of integer (-2147483648 to 2147483647)")]
    [InlineData(DatabaseProvider.PostgreSql, "timestamp", "date", "silently drops the time of day (2024-03-01 14:30 becomes 2024-03-01)")]
    [InlineData(DatabaseProvider.PostgreSql, "varchar(50)", "varchar(100)", "keeps every value")]
    [InlineData(DatabaseProvider.PostgreSql, "varchar(255)", "character varying(255)", "changes nothing: the types are the same")]
    [InlineData(DatabaseProvider.PostgreSql, "geometry", "text", "may fail or change existing values: the store type 'geometry' was not recognized")]
    [InlineData(DatabaseProvider.SqlServer, "nvarchar(100)", "varchar(100)", "silently replaces characters outside the column's code page with '?' ('Łódź' becomes '?ód?')")]
    [InlineData(DatabaseProvider.SqlServer, "nvarchar(100)", "nvarchar(50)", "fails when a value is longer than 50 characters")]
    [InlineData(DatabaseProvider.SqlServer, "nvarchar(36)", "uniqueidentifier", "fails when a value is not a valid uuid")]
    [InlineData(DatabaseProvider.SqlServer, "float", "int", "silently truncates values to whole numbers (2.7 becomes 2), and fails when a value is outside the range of int (-2147483648 to 2147483647)")]
    [InlineData(DatabaseProvider.Sqlite, "TEXT", "INTEGER", "leaves existing values that are not integers as text, and the application reads them as 0 without an error ('abc' reads as 0, '2.7' becomes 2.7 and reads as 2)")]
    [InlineData(DatabaseProvider.MySql, "varchar(100)", "varchar(50)", "silently truncates values longer than 50 characters (in MySQL's non-strict SQL mode; strict mode fails the statement instead)")]
    public void Effect_SaysWhatHappensToExistingValues(DatabaseProvider provider, string from, string to, string effect)
    {
        var conversion = StoreTypeClassifier.Classify(StoreTypeParser.Parse(from, provider), StoreTypeParser.Parse(to, provider), provider);
        Assert.Equal(effect, conversion.Effect);
    }

    [Fact]
    public void Effects_AreLowerCaseClausesWithoutFinalPeriod()
    {
        var pairs = new[] { ("text", "uuid"), ("numeric(10,2)", "numeric(6,0)"), ("bigint", "integer"), ("integer", "bigint"), ("json", "jsonb"), ("geometry", "text"), ("int", "int") };
        foreach (var provider in new[] { DatabaseProvider.PostgreSql, DatabaseProvider.SqlServer, DatabaseProvider.Sqlite, DatabaseProvider.MySql, DatabaseProvider.Unknown })
        {
            foreach (var (from, to) in pairs)
            {
                var effect = StoreTypeClassifier.Classify(StoreTypeParser.Parse(from, provider), StoreTypeParser.Parse(to, provider), provider).Effect;
                Assert.False(string.IsNullOrEmpty(effect));
                Assert.True(char.IsLower(effect[0]), provider + " " + from + " → " + to + ": " + effect);
                Assert.False(effect.EndsWith('.'), provider + " " + from + " → " + to + ": " + effect);
            }
        }
    }

    [Fact]
    public void TypesParsedForAnotherProvider_AreReadForTheGivenOne()
    {
        // "uuid" means nothing to the SQL Server parser, but classifying on PostgreSQL re-reads it.
        var conversion = StoreTypeClassifier.Classify(
            StoreTypeParser.Parse("text", DatabaseProvider.SqlServer),
            StoreTypeParser.Parse("uuid", DatabaseProvider.SqlServer),
            DatabaseProvider.PostgreSql);
        Assert.Equal(MayFail, conversion.Class);
        Assert.True(conversion.FailsEvenOnValidData);
    }

    [Fact]
    public void NullOrUnparsedTypes_AreUnknown_UnlessTheyAreTheSameText()
    {
        Assert.Equal(Unknown, StoreTypeClassifier.Classify(null!, StoreTypeParser.Parse("text", DatabaseProvider.PostgreSql), DatabaseProvider.PostgreSql).Class);
        Assert.Equal(Unknown, StoreTypeClassifier.Classify(new StoreType("x", StoreTypeFamily.Unknown), new StoreType("y", StoreTypeFamily.Unknown), DatabaseProvider.PostgreSql).Class);
        Assert.Equal(Identical, StoreTypeClassifier.Classify(new StoreType("x", StoreTypeFamily.Unknown), new StoreType("X ", StoreTypeFamily.Unknown), DatabaseProvider.PostgreSql).Class);
    }

    private static Conversion Classify(string from, string to, DatabaseProvider provider, ConversionClass expected)
    {
        var conversion = StoreTypeClassifier.Classify(StoreTypeParser.Parse(from, provider), StoreTypeParser.Parse(to, provider), provider);
        Assert.True(expected == conversion.Class, $"{provider}: {from} → {to}: expected {expected}, got {conversion.Class} ({conversion.Effect})");
        return conversion;
    }
}
