using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;
using Lossless.DataTests.Infrastructure;

namespace Lossless.DataTests.GroundTruth;

/// <summary>
/// Every SQLite store-type pair the classifier rules on, through the probe: the column is declared with the old
/// store type (HasColumnType) and holds what EF writes for the CLR type it maps that type to; EF's rebuild
/// changes the declared type, and EF reads the rows back with the CLR type it maps the new store type to.
/// A value EF cannot read, or text/blob left in a number column, means the change may fail; a value read back
/// different means it is lossy.
/// </summary>
public sealed class SqliteSweepTests
{
    public static TheoryData<string, string> Pairs => new()
    {
        { "TEXT", "TEXT" }, { "varchar(10)", "TEXT" }, { "nvarchar(100)", "varchar(10)" }, { "INTEGER", "BIGINT" },
        { "DATETIME", "DECIMAL(10,2)" }, { "INTEGER", "TEXT" }, { "REAL", "TEXT" }, { "NUMERIC", "TEXT" },
        { "INTEGER", "NUMERIC" }, { "REAL", "NUMERIC" }, { "TEXT", "BLOB" }, { "TEXT", "INTEGER" }, { "TEXT", "REAL" },
        { "TEXT", "NUMERIC" }, { "BLOB", "INTEGER" }, { "INTEGER", "BLOB" }, { "REAL", "INTEGER" },
        { "NUMERIC", "INTEGER" }, { "INTEGER", "REAL" }, { "BLOB", "TEXT" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Classifier_AgreesWithSqlite(string from, string to)
    {
        using var database = new SqliteDatabase();
        var oldClr = ClrTypeOf(from);

        // Types of one affinity are one type to SQLite: the CLR type stays, so only the store-type change is measured.
        var newClr = Affinity(from) == Affinity(to) ? oldClr : ClrTypeOf(to);
        var result = AlterColumnProbe.Run(database.Database, new ColumnDefinition(oldClr, from), new ColumnDefinition(newClr, to), Samples(oldClr));
        var conversion = StoreTypeClassifier.Classify(
            StoreTypeParser.Parse(from, DatabaseProvider.Sqlite), StoreTypeParser.Parse(to, DatabaseProvider.Sqlite), DatabaseProvider.Sqlite);

        ConversionClass[] expected = result.Outcome switch
        {
            ProbeOutcome.Error or ProbeOutcome.Unreadable => [ConversionClass.MayFail],
            ProbeOutcome.ValuesChanged => [ConversionClass.Lossy],
            _ => [ConversionClass.Identical, ConversionClass.Widening],
        };
        var message = from + " -> " + to + ": SQLite " + result + Environment.NewLine + "the classifier said " + conversion.Class + ": " + conversion.Effect;
        Assert.True(Array.IndexOf(expected, conversion.Class) >= 0, message);
        Assert.False(conversion.FailsEvenOnValidData, message);
    }

    /// <summary>The CLR type EF Core scaffolds for a SQLite column type (by affinity; DATETIME and DECIMAL as EF maps them).</summary>
    private static Type ClrTypeOf(string storeType)
    {
        var type = storeType.ToUpperInvariant();
        return type.StartsWith("DATETIME", StringComparison.Ordinal) ? typeof(DateTime)
            : type.StartsWith("DECIMAL", StringComparison.Ordinal) || type == "NUMERIC" ? typeof(decimal)
            : type.Contains("INT", StringComparison.Ordinal) ? typeof(long)
            : type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal) ? typeof(string)
            : type == "BLOB" ? typeof(byte[])
            : typeof(double);
    }

    /// <summary>SQLite's column affinity rules (datatype3.html, 3.1), in order.</summary>
    private static string Affinity(string storeType)
    {
        var type = storeType.ToUpperInvariant();
        return type.Contains("INT", StringComparison.Ordinal) ? "INTEGER"
            : type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal) ? "TEXT"
            : type.Contains("BLOB", StringComparison.Ordinal) || type.Length == 0 ? "BLOB"
            : type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal) ? "REAL"
            : "NUMERIC";
    }

    /// <summary>What an application may have stored through EF with the old CLR type.</summary>
    private static object?[] Samples(Type clrType)
    {
        if (clrType == typeof(string))
        {
            return ["abc", "123", "2.7", "", new string('x', 80), GroundTruthTable.UuidText];
        }

        if (clrType == typeof(long))
        {
            return [42L, -1L, 5000000000L, 9007199254740993L];
        }

        if (clrType == typeof(double))
        {
            return [2.7, 2.0, 1e30, 0.1];
        }

        if (clrType == typeof(decimal))
        {
            return [12345.67m, 1m, 0.1m];
        }

        if (clrType == typeof(byte[]))
        {
            return [new byte[] { 0x01, 0xff }, "abc"u8.ToArray()];
        }

        return [new DateTime(2024, 3, 1, 13, 45, 0)];
    }
}
