using Lossless.Analyzers.Model.Targets;
using Lossless.Tests.Verifiers;
using static Lossless.Tests.Model.DesignerModelTests;

namespace Lossless.Tests.Model;

/// <summary>
/// A Designer scanned after its predecessor reads an entity whose blocks changed again; when the predecessor's scan read
/// that entity by text too, each block is compared with its block there, and only the statements between the first and
/// the last difference are walked: the others give what they gave that reading. Whatever is given, the scan must read
/// what a fresh scan of the same Designer reads.
/// </summary>
public class EntityBlockReadingTests
{
    [Fact]
    public void PropertyTypeChangedInTheMiddle_OnlyThatStatementIsWalked_TheOthersGiveTheirReading()
    {
        var (second, third, thirdSource) = Chain(Account(tier: "string"), Account(tier: "string", extra: Phone), Account(tier: "Guid", extra: Phone));

        Assert.Equal(DescribeScan(Scan(thirdSource, previous: null)), DescribeScan(third));
        Assert.Equal(
            "Id given, Email given, Tier walked, Balance given, Phone given",
            Describe(second.Entities["Sample.Account"], third.Entities["Sample.Account"]));
    }

    [Fact]
    public void PropertyAddedBeforeTheKey_TheStatementsAfterItStandShifted_AndGiveTheirReading()
    {
        var (second, third, thirdSource) = Chain(Account(tier: "string"), Account(tier: "string", extra: Phone), Account(tier: "string", extra: Phone + Fax));

        Assert.Equal(DescribeScan(Scan(thirdSource, previous: null)), DescribeScan(third));
        Assert.Equal(
            "Id given, Email given, Tier given, Balance given, Phone given, Fax walked",
            Describe(second.Entities["Sample.Account"], third.Entities["Sample.Account"]));

        // The index and the table stand after the added property, and the relationship in the block after: given as that
        // reading has them. The key's first characters are the text both blocks begin with too ("b."): walked again.
        var before = second.Entities["Sample.Account"];
        var after = third.Entities["Sample.Account"];
        Assert.Equal("Id", Assert.Single(after.Key));
        Assert.Equal("pk_accounts", after.KeyName);
        Assert.Equal("bank.accounts", after.Schema + "." + after.Table);
        Assert.Same(Assert.Single(before.Relationships), Assert.Single(after.Relationships));
    }

    [Fact]
    public void KeyChanged_TheNewKeyIsWalked_AndItsNameIsTheNewOne()
    {
        var (_, third, thirdSource) = Chain(
            Account(tier: "string"),
            Account(tier: "string", extra: Phone),
            Account(tier: "string", extra: Phone).Replace("b.HasKey(\"Id\").HasName(\"pk_accounts\");", "b.HasKey(\"Email\").HasName(\"pk_accounts_email\");", StringComparison.Ordinal));

        Assert.Equal(DescribeScan(Scan(thirdSource, previous: null)), DescribeScan(third));
        Assert.Equal("Email", Assert.Single(third.Entities["Sample.Account"].Key));
        Assert.Equal("pk_accounts_email", third.Entities["Sample.Account"].KeyName);
    }

    [Fact]
    public void BuilderRenamed_EveryStatementIsWalked()
    {
        var (second, third, thirdSource) = Chain(
            Account(tier: "string"),
            Account(tier: "string", extra: Phone),
            Account(tier: "Guid", extra: Phone).Replace(", b =>", ", account =>", StringComparison.Ordinal).Replace("        b.", "        account.", StringComparison.Ordinal));

        Assert.Equal(DescribeScan(Scan(thirdSource, previous: null)), DescribeScan(third));
        Assert.Equal(
            "Id walked, Email walked, Tier walked, Balance walked, Phone walked",
            Describe(second.Entities["Sample.Account"], third.Entities["Sample.Account"]));
    }

    [Fact]
    public void TwoKeyStatementsInThePreviousReading_EveryStatementIsWalked()
    {
        // The reading keeps only the last HasKey: what the first one gave cannot be given again.
        const string SecondKey = "        b.HasKey(\"Email\");\n";
        var (second, third, thirdSource) = Chain(
            Account(tier: "string", extra: SecondKey),
            Account(tier: "string", extra: SecondKey + Phone),
            Account(tier: "Guid", extra: SecondKey + Phone));

        Assert.Equal(DescribeScan(Scan(thirdSource, previous: null)), DescribeScan(third));
        Assert.Equal("Id", Assert.Single(third.Entities["Sample.Account"].Key));
        Assert.Equal(
            "Id walked, Email walked, Tier walked, Balance walked, Phone walked",
            Describe(second.Entities["Sample.Account"], third.Entities["Sample.Account"]));
    }

    [Fact]
    public void ReadByTextThreeTimes_TablesAndKeysEqualTheWholeReading()
    {
        var sources = new[]
        {
            Account(tier: "string"),
            Account(tier: "string", extra: Phone),
            Account(tier: "Guid", extra: Phone),
            Account(tier: "Guid", extra: Phone + Fax),
        };

        TargetModelReader.TableScan? previous = null;
        foreach (var source in sources)
        {
            previous = Scan(source, previous);
        }

        var (body, builder) = Body(Sources.Designer(sources[^1]));
        var whole = TargetModelReader.ReadModel(body, builder, CancellationToken.None);
        foreach (var table in whole.Tables)
        {
            Assert.Equal(DesignerModelTests.Describe(table), DesignerModelTests.Describe(TargetModelReader.ReadTable(previous!, table.Schema, table.Name)!));
        }

        Assert.Equal(TargetKeysReaderTests.Describe(TargetKeys.From(whole)), TargetKeysReaderTests.Describe(TargetModelReader.KeysOf(previous!)));
    }

    private const string Phone = "        b.Property<string>(\"Phone\").HasColumnType(\"TEXT\");\n";

    private const string Fax = "        b.Property<string>(\"Fax\").HasColumnType(\"TEXT\").HasColumnName(\"fax_number\");\n";

    /// <summary>Three Designers scanned in order: the second reads Account by text, the third after it.</summary>
    private static (TargetModelReader.TableScan Second, TargetModelReader.TableScan Third, string ThirdSource) Chain(string first, string second, string third)
    {
        var firstScan = Scan(first, previous: null);
        var secondScan = Scan(second, firstScan);
        return (secondScan, Scan(third, secondScan), third);
    }

    /// <summary>Each property of the entity's reading, and whether its statement was walked or gave the previous reading's signature.</summary>
    private static string Describe(TargetModelReader.EntityBuilder before, TargetModelReader.EntityBuilder after)
        => string.Join(", ", after.Signature!.Select(p => p.Property + (before.Signature!.Any(b => ReferenceEquals(b.Type, p.Type)) ? " given" : " walked")));

    private static string Account(string tier, string extra = "") => $$"""
        modelBuilder.Entity("Sample.Account", b =>
            {
                b.Property<long>("Id").HasColumnType("INTEGER");
                b.Property<string>("Email").HasColumnType("TEXT").HasColumnName("email_address");
                b.Property<{{tier}}>("Tier").HasColumnType("TEXT");
                b.Property<decimal>("Balance").HasColumnType("TEXT");
        {{extra}}        b.HasKey("Id").HasName("pk_accounts");
                b.HasIndex("Email").IsUnique();
                b.ToTable("accounts", "bank");
            });

        modelBuilder.Entity("Sample.Owner", b =>
            {
                b.Property<long>("Id");
                b.Property<long>("AccountId");
                b.HasKey("Id");
                b.ToTable("owners", "bank");
            });

        modelBuilder.Entity("Sample.Account", b =>
            {
                b.HasOne("Sample.Owner", "Owner")
                    .WithMany()
                    .HasForeignKey("Id")
                    .HasPrincipalKey("AccountId")
                    .OnDelete(DeleteBehavior.Cascade);
            });
        """;
}
