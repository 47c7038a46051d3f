using Lossless.DataTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lossless.DataTests.GroundTruth;

/// <summary>
/// SQLite facts behind the catalog beyond the table's outcomes: values kept in the old storage class read back,
/// but an equality lookup with the new CLR type never finds them.
/// </summary>
public sealed class SqliteFactsTests
{
    [Fact]
    public void StringToGuid_ScaffoldsNothing_AndLowercaseUuidTextNeverMatchesAGuidLookup()
    {
        using var database = new SqliteDatabase();
        var result = AlterColumnProbe.Run(database.Database, new ColumnDefinition(typeof(string)), new ColumnDefinition(typeof(Guid)), [GroundTruthTable.UuidText]);
        Assert.Empty(result.Operations);

        var guid = Guid.Parse(GroundTruthTable.UuidText);
        using var context = new ProbeContext(database.Database, new ColumnDefinition(typeof(Guid)));
        Assert.Equal(guid, context.Rows.AsNoTracking().Single()[ProbeContext.ValueColumn]);
        Assert.Equal(0, context.Rows.Count(e => EF.Property<Guid?>(e, ProbeContext.ValueColumn) == guid));

        // A row EF writes itself stores upper-case text, and the same lookup finds it.
        context.Rows.Add(new Dictionary<string, object> { [ProbeContext.KeyColumn] = 2, [ProbeContext.ValueColumn] = guid });
        context.SaveChanges();
        Assert.Equal(1, context.Rows.Count(e => EF.Property<Guid?>(e, ProbeContext.ValueColumn) == guid));
        Assert.Equal(
            GroundTruthTable.UuidText.ToUpperInvariant(),
            context.Database.SqlQueryRaw<string>("SELECT v AS \"Value\" FROM t WHERE id = 2").Single());
    }

    [Fact]
    public void TextToBlob_KeepsText_WhichReadsAsUtf8Bytes_ButNeverMatchesABytesLookup()
    {
        using var database = new SqliteDatabase();
        var result = AlterColumnProbe.Run(database.Database, new ColumnDefinition(typeof(string)), new ColumnDefinition(typeof(byte[])), ["abc"]);
        Assert.Equal("text", Assert.Single(result.Rows).AfterStorage);

        var bytes = "abc"u8.ToArray();
        using var context = new ProbeContext(database.Database, new ColumnDefinition(typeof(byte[])));
        Assert.Equal(bytes, context.Rows.AsNoTracking().Single()[ProbeContext.ValueColumn]);
        Assert.Equal(0, context.Rows.Count(e => EF.Property<byte[]>(e, ProbeContext.ValueColumn) == bytes));

        context.Rows.Add(new Dictionary<string, object> { [ProbeContext.KeyColumn] = 2, [ProbeContext.ValueColumn] = bytes });
        context.SaveChanges();
        Assert.Equal(1, context.Rows.Count(e => EF.Property<byte[]>(e, ProbeContext.ValueColumn) == bytes));
    }
}
