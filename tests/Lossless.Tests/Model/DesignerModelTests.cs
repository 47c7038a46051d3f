using Lossless.Analyzers.Model.Targets;
using Lossless.Tests.Meta;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lossless.Tests.Model;

/// <summary>
/// A Designer is read in parts (<see cref="DesignerModel"/>): one scan gives the tables and the keys, a table is read on
/// demand, and two Designers are compared entity block by entity block. Whatever is asked first, each part must equal
/// what the whole reading gives.
/// </summary>
public class DesignerModelTests
{
    public static TheoryData<string> ScaffoldedDesigners() => TargetKeysReaderTests.ScaffoldedDesigners();

    [Theory]
    [MemberData(nameof(ScaffoldedDesigners))]
    public void ScaffoldedDesigner_KeysAndPrimaryKeysFromTheScan_EqualTheFullModels(string path)
        => AssertPartsEqualTheWhole(RepositoryFiles.ReadText(path));

    /// <summary>
    /// Every column of every table of a scaffolded Designer, and a name no table has, asked of a Designer nothing else
    /// was asked of: the column read from its own statements is the column of the table read whole.
    /// </summary>
    [Theory]
    [MemberData(nameof(ScaffoldedDesigners))]
    public void ScaffoldedDesigner_EachColumnReadAlone_EqualsTheColumnOfTheWholeTable(string path)
        => AssertColumnsAloneEqualTheWhole(RepositoryFiles.ReadText(path));

    public static TheoryData<string, string> ColumnEdits() => new()
    {
        { "as scaffolded", "" },
        { "a column named again by a later statement", "b.HasKey(\"Number\");\nb.Property(\"OwnerId\").HasColumnName(\"holder\");" },
        { "two properties give one column", "b.HasKey(\"Number\");\nb.Property<string>(\"Alias\").HasColumnName(\"owner\");" },
        { "a property only an extension call names", "b.HasKey(\"Number\");\nNpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>(\"Serial\"));" },
        { "an extension call on a named property, and a default", "b.HasKey(\"Number\");\nNpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>(\"Number\"));\nb.Property<int>(\"Number\").HasDefaultValue(7);" },
        { "a property whose name is not a literal", "b.HasKey(\"Number\");\nb.Property<int>(nameof(Number)).HasColumnName(\"number\");" },
    };

    /// <summary>Passport's statements edited: each column asked alone is the column of the whole table, read alone or not.</summary>
    [Theory]
    [MemberData(nameof(ColumnEdits))]
    public void ColumnStatementsEdited_EachColumnReadAlone_EqualsTheColumnOfTheWholeTable(string edit, string passportKeyTo)
    {
        _ = edit; // names the case in the test's display name
        var model = Model(customerTier: "string", extraTable: true);
        var edited = passportKeyTo.Length == 0 ? model : model.Replace("b.HasKey(\"Number\");", passportKeyTo, StringComparison.Ordinal);
        Assert.True(passportKeyTo.Length == 0 || edited != model);

        AssertColumnsAloneEqualTheWhole(Sources.Designer(edited), "holder", "owner", "Serial", "number", "Alias");
    }

    /// <summary>A column of one entity's table is read from its property's statements; a hierarchy's table is read whole.</summary>
    [Fact]
    public void ColumnAsked_TheTableIsReadWholeOnlyForAHierarchy()
    {
        var designer = Designer(Model(customerTier: "string", extraTable: true));

        Assert.Equal("owner", designer.FindColumn(null, "passports", "owner")!.Name);
        Assert.Equal("OwnerId", designer.FindColumn(null, "passports", "owner")!.PropertyName);
        Assert.Null(designer.FindColumn(null, "nowhere", "owner"));
        Assert.True(designer.MadeScan()!.Entities["Sample.Passport"].HasBlocks);

        // A column no property gives: only the whole table says so.
        Assert.Null(designer.FindColumn(null, "passports", "nowhere"));
        Assert.False(designer.MadeScan()!.Entities["Sample.Passport"].HasBlocks);

        Assert.Equal("Tier", designer.FindColumn("crm", "people", "Tier")!.Name);
        Assert.False(designer.MadeScan()!.Entities["Sample.Person"].HasBlocks);
        Assert.False(designer.MadeScan()!.Entities["Sample.Customer"].HasBlocks);
    }

    private static void AssertColumnsAloneEqualTheWhole(string source, params string[] moreNames)
    {
        var (body, builder) = Body(source);
        var whole = DesignerModel.FromBody(body, builder, CancellationToken.None).Full;
        Assert.NotEmpty(whole.Tables);
        foreach (var table in whole.Tables)
        {
            foreach (var name in table.Columns.Select(static column => column.Name).Concat(moreNames).Append("NoSuchColumn").Distinct())
            {
                var alone = DesignerModel.FromBody(body, builder, CancellationToken.None);
                Assert.Equal(DescribeColumn(table.FindColumn(name)), DescribeColumn(alone.FindColumn(table.Schema, table.Name, name)));
            }
        }
    }

    private static string DescribeColumn(TargetColumn? column)
        => column is null ? "(none)" : string.Join("; ", typeof(TargetColumn).GetProperties().Select(property => property.Name + "=" + property.GetValue(column)));

    [Fact]
    public void BaseTypesOneToOneAndPrincipalKeys_KeysAndPrimaryKeysFromTheScan_EqualTheFullModels()
        => AssertPartsEqualTheWhole(Sources.Designer(Model(customerTier: "string", extraTable: true)));

    [Fact]
    public void SameDesignerText_NoTableChanged()
    {
        var previous = Designer(Model(customerTier: "string", extraTable: true));
        var current = Designer(Model(customerTier: "string", extraTable: true));

        Assert.Equal(string.Empty, Describe(current.TablesChangedSince(previous)));
    }

    /// <summary>
    /// One statement of the Designer edited: the tables where a column both Designers have may have another CLR type
    /// (what LL1010 reads), as the full reading merges a property's statements (the first Property&lt;T&gt; gives the type,
    /// the last HasColumnName the column).
    /// </summary>
    public static TheoryData<string, string, string, string> EditedStatements() => new()
    {
        { "formatted differently", "b.Property<int>(\"Number\");", "b.Property<int>( \"Number\" ) ;", "" },
        { "column renamed", "HasColumnName(\"owner\")", "HasColumnName(\"owner_id\")", "" },
        { "property restated with another type: the first one counts", "b.Property<int>(\"Number\");", "b.Property<int>(\"Number\");\nb.Property<long>(\"Number\");", "" },
        { "property type changed", "b.Property<int>(\"Number\");", "b.Property<long>(\"Number\");", "passports" },
        { "property made nullable: the same CLR type to LL1010 (the same store type, no value changes)", "b.Property<int>(\"Number\");", "b.Property<int?>(\"Number\");", "" },
        { "property made nullable, a space before the '?': compared as LL1010 reads its text", "b.Property<int>(\"Number\");", "b.Property<int ?>(\"Number\");", "passports" },
        { "property made nullable and wider", "b.Property<int>(\"Number\");", "b.Property<long?>(\"Number\");", "passports" },
        { "keyword type written as its System type: the same CLR type", "b.Property<int>(\"Number\");", "b.Property<System.Int32>(\"Number\");", "" },
        { "keyword type written as a type name: compared as text, so listed", "b.Property<int>(\"Number\");", "b.Property<Int32>(\"Number\");", "passports" },
        { "property type changed to a type name", "b.Property<int>(\"Number\");", "b.Property<Guid>(\"Number\");", "passports" },
        {
            "column moved from an int property to a string property",
            "b.Property<int>(\"OwnerId\").HasColumnName(\"owner\");",
            "b.Property<int>(\"OwnerId\").HasColumnName(\"owner_id\");\nb.Property<string>(\"OwnerName\").HasColumnName(\"owner\");",
            "passports"
        },
        {
            "column moved to a long property by its later statement: the last HasColumnName counts",
            "b.Property<int>(\"OwnerId\").HasColumnName(\"owner\");",
            "b.Property<int>(\"OwnerId\").HasColumnName(\"owner_id\");\nb.Property<long>(\"Spare\");\nb.Property(\"Spare\").HasColumnName(\"owner\");",
            "passports"
        },
        {
            "base entity gained a column: its table's columns are its derived entity's too, and none of them changed type",
            "b.HasAlternateKey(\"Email\");",
            "b.Property<int>(\"Age\");\nb.HasAlternateKey(\"Email\");",
            ""
        },
        {
            "derived entity gained a column: none of its root table's columns changed type",
            "b.Property<string>(\"Tier\").HasColumnType(\"text\");",
            "b.Property<string>(\"Tier\").HasColumnType(\"text\");\nb.Property<int>(\"Level\");",
            ""
        },
        {
            "base entity gained a column its derived entity has with another type: the table's first column of that name is the base's",
            "b.HasAlternateKey(\"Email\");",
            "b.Property<int>(\"Tier\");\nb.HasAlternateKey(\"Email\");",
            "crm.people"
        },
        {
            "derived entity took a column its base has, with the same type",
            "b.Property<string>(\"Tier\").HasColumnType(\"text\");",
            "b.Property<string>(\"Tier\").HasColumnType(\"text\");\nb.Property<string>(\"Email\").HasColumnName(\"email_address\");",
            ""
        },
        {
            "derived entity took a column its base has, with another type",
            "b.Property<string>(\"Tier\").HasColumnType(\"text\");",
            "b.Property<string>(\"Tier\").HasColumnType(\"text\");\nb.Property<int>(\"Rank\").HasColumnName(\"email_address\");",
            "crm.people"
        },
        {
            "derived entity no longer derives: its table and the root's differ",
            "b.HasBaseType(\"Sample.Person\");",
            "b.ToTable(\"customers\");",
            "customers, crm.people"
        },
    };

    [Theory]
    [MemberData(nameof(EditedStatements))]
    public void StatementEdited_TablesWhereAColumnMayHaveChangedType(string edit, string statement, string editedTo, string expected)
    {
        _ = edit; // names the case in the test's display name
        var previous = Designer(Model(customerTier: "string", extraTable: true));
        var edited = Model(customerTier: "string", extraTable: true).Replace(statement, editedTo, StringComparison.Ordinal);
        Assert.NotEqual(Model(customerTier: "string", extraTable: true), edited);

        Assert.Equal(expected, Describe(Designer(edited).TablesChangedSince(previous)));
    }

    /// <summary>
    /// The comparison reuses its dictionaries on a thread (cleared for each entity): one after another, forwards and
    /// backwards, on one thread, every edit still gives its own tables.
    /// </summary>
    [Fact]
    public void EveryEditOneAfterAnotherOnOneThread_EachGivesItsOwnTables()
    {
        var cases = EditedStatements().Select(static row => ((string)row[1], (string)row[2], (string)row[3])).ToList();
        foreach (var (statement, editedTo, expected) in cases.Concat(Enumerable.Reverse(cases)))
        {
            var previous = Designer(Model(customerTier: "string", extraTable: true));
            var edited = Model(customerTier: "string", extraTable: true).Replace(statement, editedTo, StringComparison.Ordinal);
            Assert.Equal(expected, Describe(Designer(edited).TablesChangedSince(previous)));
        }
    }

    /// <summary>
    /// A changed entity's columns are computed once, on its scanned reading, and compared again when the next Designer
    /// is compared with its own: the middle Designer of three is the newer side first, then the older one.
    /// </summary>
    [Theory]
    [InlineData("b.Property<Guid>(\"Serial\");", "b.Property<string>(\"Serial\");", "", "passports")]
    [InlineData("b.Property<Guid>(\"Serial\");", "b.Property<Guid>(\"Serial\").HasColumnName(\"serial\");", "", "")]
    [InlineData("b.Property<string>(\"OwnerName\").HasColumnName(\"owner\");", "b.Property<string>(\"OwnerName\").HasColumnName(\"owner\");\nb.Property<bool>(\"Lost\");", "passports", "passports")]
    public void ChangedInTwoDesignersInARow_TheMiddleOnesColumnsServeBothComparisons(string added, string changedTo, string first, string second)
    {
        var model = Model(customerTier: "string", extraTable: true);
        var number = "b.Property<int>(\"Number\");";
        var middle = model.Replace(number, number + "\n" + added, StringComparison.Ordinal);
        var (oldest, between, newest) = (Designer(model), Designer(middle), Designer(middle.Replace(added, changedTo, StringComparison.Ordinal)));

        Assert.Equal(first, Describe(between.TablesChangedSince(oldest)));
        Assert.Equal(second, Describe(newest.TablesChangedSince(between)));
    }

    /// <summary>An entity whose reading a scan takes keeps the columns computed from it, even where its statements moved.</summary>
    [Fact]
    public void EntityTakenWhereItsStatementsMoved_KeepsTheColumnsComputedFromItsReading()
    {
        var number = "b.Property<int>(\"Number\");";
        var withSerial = Model(customerTier: "string", extraTable: false).Replace(number, number + "\nb.Property<Guid>(\"Serial\");", StringComparison.Ordinal);
        var (oldest, between) = (Designer(Model(customerTier: "string", extraTable: false)), Designer(withSerial));
        Assert.Equal(string.Empty, Describe(between.TablesChangedSince(oldest)));

        // An entity added before Sample.Order moves the statements after it.
        var newest = Designer(Model(customerTier: "string", extraTable: true).Replace(number, number + "\nb.Property<Guid>(\"Serial\");", StringComparison.Ordinal));
        Assert.Equal("audit", Describe(newest.TablesChangedSince(between)));

        // Passport's relationships come after Audit's statements: its reading is taken, at other indexes. Its columns were
        // computed when it changed (between the two older Designers) and are not computed again.
        var (before, after) = (between.MadeScan()!.Entities["Sample.Passport"], newest.MadeScan()!.Entities["Sample.Passport"]);
        Assert.True(after.Taken);
        Assert.NotEqual(before.Scanned!.StatementIndexes, after.Scanned!.StatementIndexes);
        Assert.Same(before.Signature, after.Signature);
        Assert.Same(before.Scanned.ColumnTypes(), after.Scanned.ColumnTypes());
    }

    /// <summary>
    /// An entity taken from another scan reads that scan's reading until the full reading sets its own fields: the
    /// reading it took, and what the scan kept of it, stay as that scan left them.
    /// </summary>
    [Fact]
    public void TakenEntityReadInFull_TheReadingItTookStaysAsItsScanLeftIt()
    {
        var model = Model(customerTier: "string", extraTable: true);
        var (first, second) = (Designer(model), Designer(model));
        Assert.Equal(string.Empty, Describe(second.TablesChangedSince(first)));
        var scanned = DescribeScan(first.MadeScan()!);
        var passport = second.MadeScan()!.Entities["Sample.Passport"];
        Assert.True(passport.Taken);
        Assert.Same(first.MadeScan()!.Entities["Sample.Passport"].Scanned!.Relationships, passport.Relationships);

        Assert.Equal("Number, owner", string.Join(", ", second.FindTable(null, "passports")!.Columns.Select(static column => column.Name)));

        Assert.NotSame(passport.Scanned!.Relationships, passport.Relationships);
        Assert.Same(first.MadeScan()!.Entities["Sample.Passport"].Scanned!.Relationships, passport.Scanned.Relationships);
        Assert.Equal(scanned, DescribeScan(first.MadeScan()!));
        Assert.Equal(scanned, DescribeScan(second.MadeScan()!));
    }

    [Fact]
    public void ColumnAddedAndDropped_NoColumnOfBothChangedItsType_NoTableChanged()
    {
        var previous = Designer(Model(customerTier: "string", extraTable: true));
        var current = Designer(Model(customerTier: "string", extraTable: true).Replace(
            "b.Property<int>(\"Number\");", "b.Property<int>(\"Number\");\nb.Property<Guid>(\"Serial\");", StringComparison.Ordinal).Replace(
            "b.Property<long>(\"Id\");", string.Empty, StringComparison.Ordinal));

        Assert.Equal(string.Empty, Describe(current.TablesChangedSince(previous)));
    }

    [Theory]
    [InlineData("Guid")]
    [InlineData("System.Guid")]
    [InlineData("int?")]
    [InlineData("List<string>")]
    public void SameTypeWrittenTheSameWay_InBothDesigners_NoTableChanged(string tierType)
    {
        var previous = Designer(Model(customerTier: tierType, extraTable: true));
        var current = Designer(Model(customerTier: tierType, extraTable: true).Replace(
            "HasColumnName(\"owner\")", "HasColumnName(\"owner_id\")", StringComparison.Ordinal));

        Assert.Equal(string.Empty, Describe(current.TablesChangedSince(previous)));
    }

    [Fact]
    public void DerivedEntityChanged_ItsRootTableChanged()
    {
        var previous = Designer(Model(customerTier: "string", extraTable: true));
        var current = Designer(Model(customerTier: "int", extraTable: true));

        Assert.Equal("crm.people", Describe(current.TablesChangedSince(previous)));
    }

    [Fact]
    public void EntityAddedAndRemoved_TheirTablesChanged()
    {
        var with = Designer(Model(customerTier: "string", extraTable: true));
        var without = Designer(Model(customerTier: "string", extraTable: false));

        Assert.Equal("audit", Describe(with.TablesChangedSince(without)));
        Assert.Equal("audit", Describe(without.TablesChangedSince(with)));
    }

    [Fact]
    public void ChangedEntitySharesItsTable_OnlyTheWholeModelsCanSay()
    {
        const string Shared = """
            modelBuilder.Entity("Sample.Order", b =>
                {
                    b.Property<int>("Id").HasColumnType("INTEGER");
                    b.HasKey("Id");
                    b.ToTable("orders");
                });

            modelBuilder.Entity("Sample.OrderDetails", b =>
                {
                    b.Property<int>("Id").HasColumnType("INTEGER");
                    b.Property<{0}>("Note").HasColumnType("TEXT");
                    b.HasKey("Id");
                    b.ToTable("orders");
                });
            """;
        var previous = Designer(Shared.Replace("{0}", "string", StringComparison.Ordinal));
        var current = Designer(Shared.Replace("{0}", "Guid", StringComparison.Ordinal));

        Assert.Null(current.TablesChangedSince(previous));
    }

    [Fact]
    public void ScannedAfterThePreviousDesigner_UnchangedEntitiesTakeItsReading_ChangedOnesAreReadAgain()
    {
        var previous = Scan(Model(customerTier: "string", extraTable: false), previous: null);
        var current = Scan(Model(customerTier: "int", extraTable: true), previous);

        Assert.Equal(
            "Sample.Person taken, Sample.Customer read, Sample.Passport taken, Sample.Audit read, Sample.Order taken",
            string.Join(", ", current.Order.Select(entity => entity.Name + (previous.Entities.TryGetValue(entity.Name, out var old) && ReferenceEquals(entity.Scanned!.Signature, old.Scanned!.Signature) ? " taken" : " read"))));
    }

    [Fact]
    public void ScannedBeforeItsPredecessor_StartsFromTheContextsLatestScan_AndReadsAsTheWhole()
    {
        var shelf = new ScanShelf();
        var (otherBody, otherBuilder) = Body(Sources.Designer(Model(customerTier: "string", extraTable: false)));
        var other = DesignerModel.FromBody(otherBody, otherBuilder, CancellationToken.None, shelf);
        Assert.Equal("person_id", Assert.Single(other.FindPrimaryKey("crm", "people")));
        Assert.Same(other.MadeScan(), shelf.Latest);

        var source = Sources.Designer(Model(customerTier: "int", extraTable: true));
        var (body, builder) = Body(source);
        var current = DesignerModel.FromBody(body, builder, CancellationToken.None, shelf);
        var orders = current.FindTable(null, "orders");

        var taken = other.MadeScan()!;
        Assert.Equal(
            "Sample.Person taken, Sample.Customer read, Sample.Passport taken, Sample.Audit read, Sample.Order taken",
            string.Join(", ", current.MadeScan()!.Order.Select(entity => entity.Name + (taken.Entities.TryGetValue(entity.Name, out var old) && ReferenceEquals(entity.Scanned!.Signature, old.Scanned!.Signature) ? " taken" : " read"))));
        Assert.Same(current.MadeScan(), shelf.Latest);
        Assert.Equal(Describe(TargetModelReader.ReadModel(body, builder, CancellationToken.None).FindTable(null, "orders")!), Describe(orders!));
        AssertPartsEqualTheWhole(source, shelf);
    }

    [Fact]
    public void BlockWithADirective_NeverTakenFromThePreviousDesigner()
    {
        var source = Model(customerTier: "string", extraTable: true).Replace(
            "b.HasKey(\"Number\");", "#region key\n                b.HasKey(\"Number\");\n#endregion", StringComparison.Ordinal);
        var previous = Scan(source, previous: null);
        var current = Scan(source, previous);

        Assert.NotSame(previous.Entities["Sample.Passport"].Scanned!.Signature, current.Entities["Sample.Passport"].Scanned!.Signature);
        Assert.Same(previous.Entities["Sample.Person"].Scanned!.Signature, current.Entities["Sample.Person"].Scanned!.Signature);
        Assert.All(current.Order, entity => Assert.Null(entity.PendingBody));
    }

    [Fact]
    public void ScannedAfterThePreviousDesigner_StatementsBeforeAndAfterTheChangedText_TakenWithoutWalkingThem()
    {
        var previous = Scan(Model(customerTier: "string", extraTable: false), previous: null);
        var current = Scan(Model(customerTier: "int", extraTable: true), previous);

        // Person stands before the first changed character, Order's two blocks after the last: taken from where they
        // stand. Customer (its Tier) and Audit (new) changed. Passport's first block stands between the two changes: its
        // statements are compared with its statements there as text, one by one, and taken without their blocks walked.
        Assert.Equal(
            "Sample.Person by text, Sample.Customer read, Sample.Passport by text, Sample.Audit read, Sample.Order by text",
            string.Join(", ", current.Order.Select(entity => entity.Name + (entity.PendingBody is not null ? " by text" : previous.Entities.TryGetValue(entity.Name, out var old) && ReferenceEquals(entity.Scanned!.Signature, old.Scanned!.Signature) ? " taken" : " read"))));
        Assert.All(current.Order.Where(entity => entity.PendingBody is not null), entity => Assert.Same(previous.Entities[entity.Name].Scanned!.Signature, entity.Scanned!.Signature));
    }

    [Fact]
    public void ScannedAfterTheSameText_EveryEntityTakenWithoutWalking_AndFindsItsBlocksWhenAsked()
    {
        var source = Model(customerTier: "string", extraTable: true);
        var previous = Scan(source, previous: null);
        var current = Scan(source, previous);

        Assert.All(current.Order, entity => Assert.NotNull(entity.PendingBody));

        // Its statements stand at the same indexes: the scan shares what the other kept of each entity (the indexes too),
        // and each entity finds its own blocks, in its own tree, when asked.
        var passport = current.Entities["Sample.Passport"];
        Assert.All(current.Order, entity => Assert.Same(previous.Entities[entity.Name].Scanned, entity.Scanned));
        Assert.All(current.Order, entity => Assert.Same(previous.Entities[entity.Name].StatementsHere, entity.StatementsHere));
        Assert.Equal(
            string.Join("\n---\n", previous.Entities["Sample.Passport"].Scanned!.Blocks.Select(static block => block.ToString())),
            string.Join("\n---\n", passport.Blocks!.Select(static block => block.ToString())));
        Assert.NotSame(previous.Entities["Sample.Passport"].Scanned!.Blocks[0].SyntaxTree, passport.Blocks![0].SyntaxTree);
        Assert.Equal(2, passport.Blocks!.Count);
        Assert.Null(passport.PendingBody);
    }

    [Fact]
    public void ChangedAtBothEndsAndBetween_StatementsOfTheSameTextBetweenStandWhereAFreshScanFindsThem()
    {
        var source = Model(customerTier: "string", extraTable: false);
        var at = source.IndexOf("modelBuilder.Entity(\"Sample.Order\", b =>", StringComparison.Ordinal);
        var edited = (source[..at] + "modelBuilder.Entity(\"Sample.Audit\", b => b.ToTable(\"audit\"));\n" + source[at..])
            .Replace("HasColumnName(\"email_address\")", "HasColumnName(\"email\")", StringComparison.Ordinal)
            .Replace(".OnDelete(DeleteBehavior.Cascade)", ".OnDelete(DeleteBehavior.Restrict)", StringComparison.Ordinal);
        var previous = Scan(source, previous: null);
        var current = Scan(edited, previous);
        var fresh = Scan(edited, previous: null);

        // Between the first difference (Person's column) and the last (Passport's relationship), Customer, Passport's
        // first block and Order's two blocks are the same text, Order's a statement further: each stands where a walk
        // of the body finds it, and is taken with its blocks found there.
        Assert.Equal(
            fresh.Statements.Select(static statement => (statement.Start, statement.End, statement.Entity)),
            current.Statements.Select(static statement => (statement.Start, statement.End, statement.Entity)));
        Assert.Equal(DescribeScan(fresh), DescribeScan(current));
        Assert.Equal("Sample.Customer, Sample.Order", string.Join(", ", current.Order.Where(static entity => entity.Taken).Select(static entity => entity.Name)));
        Assert.Equal(
            string.Join("\n---\n", fresh.Entities["Sample.Order"].Blocks!.Select(static block => block.ToString())),
            string.Join("\n---\n", current.Entities["Sample.Order"].Blocks!.Select(static block => block.ToString())));
        AssertPartsEqualTheWhole(Sources.Designer(edited), Sources.Designer(source));
    }

    [Fact]
    public void ScanAfterAScanLeftItsBufferFull_ListsOnlyItsOwnStatements()
    {
        // Each thread lists a scan's statements in one buffer; a scan cancelled half-way leaves some of its slots behind.
        // A scan writes every slot it reads: one made over a buffer full of another entity reads as one made over an empty
        // buffer, from the body's syntax and from the text of the Designer before.
        var source = Model(customerTier: "string", extraTable: false);
        var edited = Model(customerTier: "int", extraTable: true);
        var fresh = Scan(edited, previous: null);
        var previous = Scan(source, previous: null);
        var byText = Scan(edited, previous);

        Poison();
        var freshOverLeftovers = Scan(edited, previous: null);
        Poison();
        var previousOverLeftovers = Scan(source, previous: null);
        Poison();
        var byTextOverLeftovers = Scan(edited, previousOverLeftovers);

        Assert.Equal(DescribeScan(fresh), DescribeScan(freshOverLeftovers));
        Assert.Equal(DescribeScan(byText), DescribeScan(byTextOverLeftovers));
        Assert.Equal(Indexes(fresh), Indexes(freshOverLeftovers));
        Assert.Equal(Indexes(byText), Indexes(byTextOverLeftovers));
        Assert.DoesNotContain(freshOverLeftovers.Order, static entity => entity.Name == "Sample.Leftover");

        static void Poison()
        {
            var leftover = new TargetModelReader.EntityBuilder("Sample.Leftover");
            var buffer = TargetModelReader.StatementBuilders(64);
            Array.Fill(buffer, leftover);
        }

        static string Indexes(TargetModelReader.TableScan scan)
            => string.Join("; ", scan.Order.Select(static entity => entity.Name + " " + string.Join(",", entity.StatementsHere!)));
    }

    [Fact]
    public void StatementsAddedBefore_EntitiesAfterThemKeepTheirReadingWithTheirOwnIndexes()
    {
        var source = Model(customerTier: "string", extraTable: false);
        var at = source.IndexOf("modelBuilder.Entity(\"Sample.Order\", b =>", StringComparison.Ordinal);
        var edited = source[..at] + "modelBuilder.Entity(\"Sample.Audit\", b => b.ToTable(\"audit\"));\n" + source[at..];
        var previous = Scan(source, previous: null);
        var current = Scan(edited, previous);

        // Person stands before the added statement (the same indexes: shared); Order's and Passport's second blocks after
        // it, one index further: their reading is taken, with indexes of their own, and finds their own blocks.
        Assert.Same(previous.Entities["Sample.Person"].Scanned, current.Entities["Sample.Person"].Scanned);
        var order = current.Entities["Sample.Order"];
        Assert.True(order.Taken);
        Assert.NotSame(previous.Entities["Sample.Order"].Scanned, order.Scanned);
        Assert.Same(previous.Entities["Sample.Order"].Scanned!.Signature, order.Scanned!.Signature);
        Assert.Equal(previous.Entities["Sample.Order"].StatementsHere!.Select(static index => index + 1), order.StatementsHere!);
        Assert.Equal(
            string.Join("\n---\n", previous.Entities["Sample.Order"].Blocks!.Select(static block => block.ToString())),
            string.Join("\n---\n", order.Blocks!.Select(static block => block.ToString())));
        AssertPartsEqualTheWhole(Sources.Designer(edited), Sources.Designer(source));
    }

    [Fact]
    public void ReadingSharedByThreeScans_TheThirdComparesWithTheTreeItWasReadIn()
    {
        // The second scan shares the first's reading of every entity; a third Designer whose body is not compared as
        // text (a directive) takes from the second scan's readings, whose blocks are in the first Designer's tree.
        var source = Model(customerTier: "string", extraTable: true);
        var first = Scan(source, previous: null);
        var second = Scan("// a longer preamble moves the body\n" + source, first);
        Assert.All(second.Order, entity => Assert.Same(first.Entities[entity.Name].Scanned, entity.Scanned));

        var third = Scan(source.Replace("b.HasKey(\"Number\");", "#region key\n                b.HasKey(\"Number\");\n#endregion", StringComparison.Ordinal), second);

        Assert.Equal("Sample.Person, Sample.Customer, Sample.Audit, Sample.Order", string.Join(", ", third.Order.Where(static entity => entity.Taken).Select(static entity => entity.Name)));
        Assert.Equal(DescribeScan(Scan(source.Replace("b.HasKey(\"Number\");", "#region key\n                b.HasKey(\"Number\");\n#endregion", StringComparison.Ordinal), previous: null)), DescribeScan(third));
    }

    [Fact]
    public void HashInAStringLiteral_NoDirective_StillComparedAsText()
    {
        var source = Model(customerTier: "string", extraTable: true).Replace(
            "b.Property<long>(\"Id\");", "b.Property<string>(\"Color\").HasDefaultValue(\"#000000\");\n                b.Property<long>(\"Id\");", StringComparison.Ordinal);
        var previous = Scan(source, previous: null);
        var current = Scan(source, previous);

        Assert.All(current.Order, entity => Assert.NotNull(entity.PendingBody));
        AssertPartsEqualTheWhole(Sources.Designer(source), Sources.Designer(source));
    }

    [Fact]
    public void BodyWithASyntaxError_NotComparedAsText_ItsStatementsWalked()
    {
        var source = Model(customerTier: "string", extraTable: true);
        var previous = Scan(source, previous: null);
        var current = Scan(source.Replace("b.ToTable(\"audit\");", "b.ToTable(\"audit\")", StringComparison.Ordinal), previous);

        Assert.All(current.Order, entity => Assert.Null(entity.PendingBody));
        Assert.Same(previous.Entities["Sample.Person"].Scanned!.Signature, current.Entities["Sample.Person"].Scanned!.Signature);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ScannedAfterThePreviousDesigner_SaysWhichEntitiesItTookFromThatScan(bool directive)
    {
        // With a directive in a block the text is not compared and the statements are walked; either way the entities
        // whose blocks are the same text are taken, and the scan says from which scan.
        var region = (string source) => directive
            ? source.Replace("b.HasKey(\"Number\");", "#region key\n                b.HasKey(\"Number\");\n#endregion", StringComparison.Ordinal)
            : source;
        var previous = Scan(region(Model(customerTier: "string", extraTable: false)), previous: null);
        var current = Scan(region(Model(customerTier: "int", extraTable: true)), previous);

        Assert.Equal(previous.Id, current.FromId);
        Assert.Equal(directive ? "Sample.Person, Sample.Order" : "Sample.Person, Sample.Passport, Sample.Order", string.Join(", ", current.Order.Where(static entity => entity.Taken).Select(static entity => entity.Name)));
        Assert.Equal(directive ? 2 : 3, current.Taken);
        Assert.Equal(0, previous.FromId);
        Assert.Equal(0, previous.Taken);
    }

    [Fact]
    public void ScannedFromAnotherDesignerThanThePreviousOne_ComparedEntityByEntity()
    {
        // The current Designer is scanned first, from the context's latest scan (a Designer with its very model: every
        // entity taken), then compared with its predecessor, whose Customer.Tier has another type.
        var shelf = new ScanShelf();
        var (otherBody, otherBuilder) = Body(Sources.Designer(Model(customerTier: "int", extraTable: true)));
        var other = DesignerModel.FromBody(otherBody, otherBuilder, CancellationToken.None, shelf);
        Assert.NotNull(other.FindTable(null, "orders"));
        var (body, builder) = Body(Sources.Designer(Model(customerTier: "int", extraTable: true)));
        var current = DesignerModel.FromBody(body, builder, CancellationToken.None, shelf);
        Assert.NotNull(current.FindTable(null, "orders"));
        Assert.Equal(other.MadeScan()!.Id, current.MadeScan()!.FromId);
        Assert.All(current.MadeScan()!.Order, static entity => Assert.True(entity.Taken));

        var previous = Designer(Model(customerTier: "string", extraTable: true));

        Assert.Equal("crm.people", Describe(current.TablesChangedSince(previous)));
    }

    [Fact]
    public void FindsTable_SaysWhatFindTableFinds_FromTheScanAlone()
    {
        var designer = Designer(Model(customerTier: "string", extraTable: true));

        Assert.True(designer.FindsTable(null, "people", out var schema));
        Assert.Equal("crm", schema);
        Assert.False(designer.FindsTable(null, "nowhere", out var none));
        Assert.Null(none);
        Assert.True(designer.MadeScan()!.Entities["Sample.Person"].HasBlocks);

        Assert.Equal("crm", designer.FindTable(null, "people")!.Schema);
        Assert.False(designer.MadeScan()!.Entities["Sample.Person"].HasBlocks);
        Assert.True(designer.FindsTable("crm", "people", out var again));
        Assert.Equal("crm", again);
    }

    public static TheoryData<string, string> DesignerPairs() => new()
    {
        { Model(customerTier: "string", extraTable: true), Model(customerTier: "string", extraTable: true) },
        { Model(customerTier: "string", extraTable: true), Model(customerTier: "int", extraTable: true) },
        { Model(customerTier: "string", extraTable: false), Model(customerTier: "string", extraTable: true) },
        { Model(customerTier: "string", extraTable: true), Model(customerTier: "string", extraTable: false) },
        { Model(customerTier: "string", extraTable: true), Model(customerTier: "string", extraTable: true).Replace("HasColumnName(\"owner\")", "HasColumnName(\"owner_id\")", StringComparison.Ordinal) },
    };

    /// <summary>A Designer scanned after its predecessor (most entities taken from that scan) gives every part as the whole reading does.</summary>
    [Theory]
    [MemberData(nameof(DesignerPairs))]
    public void ScannedAfterThePreviousDesigner_PartsEqualTheWhole(string previous, string current)
        => AssertPartsEqualTheWhole(Sources.Designer(current), Sources.Designer(previous));

    /// <summary>What a scan read of each entity: its table, base type, key, property signatures and relationships.</summary>
    internal static string DescribeScan(TargetModelReader.TableScan scan)
        => string.Join("\n", scan.Order.Select(static entity =>
            entity.Name + " table " + entity.Schema + "." + entity.Table + " base " + entity.BaseType
            + " key (" + string.Join(", ", entity.Key) + ") " + entity.KeyName
            + " properties [" + string.Join(", ", (entity.Signature ?? []).Select(static p => p.Property + ":" + p.Type + ":" + p.Column)) + "]"
            + " relationships [" + string.Join("; ", entity.Relationships.Select(static r => r.PrincipalEntity + " " + r.DependentEntity + " (" + string.Join(", ", r.ForeignKey) + ") (" + string.Join(", ", r.PrincipalKey) + ") " + r.OnDelete + " " + r.Name)) + "]"));

    internal static TargetModelReader.TableScan Scan(string entities, TargetModelReader.TableScan? previous)
    {
        var (body, builder) = Body(Sources.Designer(entities));
        return TargetModelReader.ScanTables(body, builder, CancellationToken.None, previous);
    }

    private static string Model(string customerTier, bool extraTable) => $$"""
        modelBuilder.Entity("Sample.Person", b =>
            {
                b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("integer").HasColumnName("person_id");
                b.Property<string>("Email").HasColumnType("text").HasColumnName("email_address");
                b.HasKey("Id").HasName("pk_people");
                b.HasAlternateKey("Email");
                b.ToTable("people", "crm");
            });

        modelBuilder.Entity("Sample.Customer", b =>
            {
                b.HasBaseType("Sample.Person");
                b.Property<{{customerTier}}>("Tier").HasColumnType("text");
            });

        modelBuilder.Entity("Sample.Passport", b =>
            {
                b.Property<int>("Number");
                b.Property<int>("OwnerId").HasColumnName("owner");
                b.HasKey("Number");
                b.ToTable("passports");
            });
        {{(extraTable ? """
        modelBuilder.Entity("Sample.Audit", b =>
            {
                b.Property<long>("Id");
                b.HasKey("Id");
                b.ToTable("audit");
            });
        """ : string.Empty)}}
        modelBuilder.Entity("Sample.Order", b =>
            {
                b.Property<int>("Id").HasColumnType("integer");
                b.Property<string>("CustomerEmail").HasColumnType("text").HasColumnName("customer_email");
                b.HasKey("Id");
                b.ToTable("orders", (string)null);
            });

        modelBuilder.Entity("Sample.Order", b =>
            {
                b.HasOne("Sample.Customer", null)
                    .WithMany()
                    .HasForeignKey("CustomerEmail")
                    .HasPrincipalKey("Email")
                    .OnDelete(DeleteBehavior.Restrict)
                    .HasConstraintName("FK_orders_email");
            });

        modelBuilder.Entity("Sample.Passport", b =>
            {
                b.HasOne("Sample.Person", "Owner")
                    .WithOne("Passport")
                    .HasForeignKey("Sample.Passport", "OwnerId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();
            });
        """;

    /// <summary>
    /// Keys from a fresh scan, keys after every table was read first (the table reading re-reads the relationships the
    /// scan read), and each table's primary key from the scan alone: all equal to the whole reading's.
    /// </summary>
    /// <remarks>
    /// With <paramref name="previousSource"/>, every Designer is first compared with that one (its scan then takes the
    /// previous scan's reading of the unchanged entities).
    /// </remarks>
    private static void AssertPartsEqualTheWhole(string source, string? previousSource = null)
        => AssertPartsEqualTheWhole(source, previousSource, shelf: null);

    /// <summary>The same, every Designer scanned from the shelf's latest scan (another Designer of the context).</summary>
    private static void AssertPartsEqualTheWhole(string source, ScanShelf shelf)
        => AssertPartsEqualTheWhole(source, previousSource: null, shelf);

    private static void AssertPartsEqualTheWhole(string source, string? previousSource, ScanShelf? shelf)
    {
        var (body, builder) = Body(source);
        var full = TargetModelReader.ReadModel(body, builder, CancellationToken.None);
        var expectedKeys = Describe(TargetKeys.From(full));
        Assert.NotEmpty(full.Tables);

        Assert.Equal(expectedKeys, Describe(Fresh().FullKeys));

        var tablesFirst = Fresh();
        foreach (var table in full.Tables)
        {
            Assert.Equal(Describe(table), Describe(tablesFirst.FindTable(table.Schema, table.Name)!));
        }

        Assert.Equal(expectedKeys, Describe(tablesFirst.FullKeys));

        foreach (var table in full.Tables)
        {
            var fresh = Fresh();
            Assert.Equal(string.Join(", ", table.PrimaryKey), string.Join(", ", fresh.FindPrimaryKey(table.Schema, table.Name)));

            var expectedForeignKeys = full.ForeignKeys.Where(fk => fk.Dependent.Name == table.Name && fk.Dependent.Schema == table.Schema);
            Assert.Equal(Describe(expectedForeignKeys), Describe(Fresh().ForeignKeysFrom(table.Schema, table.Name)));
            Assert.Equal(Describe(expectedForeignKeys), Describe(tablesFirst.ForeignKeysFrom(table.Schema, table.Name)));

            var expectedReferences = full.ForeignKeys.Where(fk => fk.Principal.Name == table.Name && ColumnRef.SchemasMatch(fk.Principal.Schema, table.Schema));
            Assert.Equal(Describe(expectedReferences), Describe(Fresh().ForeignKeysTo(table.Schema, table.Name)));
            Assert.Equal(Describe(expectedReferences), Describe(tablesFirst.ForeignKeysTo(table.Schema, table.Name)));
        }

        Assert.Contains(full.Tables, table => !Fresh().ForeignKeysTo(table.Schema, table.Name).IsEmpty);

        Assert.Contains(full.Tables, table => !Fresh().ForeignKeysFrom(table.Schema, table.Name).IsEmpty);

        DesignerModel Fresh()
        {
            var designer = DesignerModel.FromBody(body, builder, CancellationToken.None, shelf);
            if (previousSource is not null)
            {
                var (previousBody, previousBuilder) = Body(previousSource);
                Assert.NotNull(designer.TablesChangedSince(DesignerModel.FromBody(previousBody, previousBuilder, CancellationToken.None)));
            }

            return designer;
        }
    }

    private static string Describe(IEnumerable<TargetForeignKey> foreignKeys)
        => string.Join("\n", foreignKeys.Select(static fk => fk.Name + " " + fk.Dependent + " (" + string.Join(", ", fk.Columns) + ") -> " + fk.Principal + " (" + string.Join(", ", fk.PrincipalColumns) + ") " + fk.OnDelete));

    private static DesignerModel Designer(string entities)
    {
        var (body, builder) = Body(Sources.Designer(entities));
        return DesignerModel.FromBody(body, builder, CancellationToken.None);
    }

    internal static (BlockSyntax Body, string Builder) Body(string source)
    {
        var method = CSharpSyntaxTree.ParseText(source, cancellationToken: CancellationToken.None).GetRoot(CancellationToken.None)
            .DescendantNodes()
            .OfType<MethodDeclarationSyntax>()
            .Single(m => m.Identifier.ValueText is "BuildTargetModel" or "BuildModel");
        return (method.Body!, method.ParameterList.Parameters[0].Identifier.ValueText);
    }

    private static string Describe(List<ColumnRefTable>? tables)
        => tables is null ? "<unknown>" : string.Join(", ", tables.Select(static t => t.ToString()));

    internal static string Describe(TargetTable table)
        => table.Schema + "." + table.Name + " pk(" + string.Join(", ", table.PrimaryKey) + ") " + string.Join(", ", table.Columns.Select(static c => c.Name + ":" + c.ClrType + ":" + c.ColumnType));

    private static string Describe(TargetKeys keys) => TargetKeysReaderTests.Describe(keys);
}
