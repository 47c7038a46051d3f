using Lossless.CodeFixes;
using Lossless.CodeFixes.Rules.DataLoss;
using Lossless.Tests.Verifiers;

namespace Lossless.Tests.Rules.DataLoss;

/// <summary>
/// With no provider known (none referenced, or several, and no lossless.provider), a fix cannot write SQL the
/// database runs (CREATE TABLE … AS SELECT is no SQL Server statement, "users" is a string on MySQL): the actions
/// that write SQL are not offered; those that write only C# (the model's default) still are. The same diagnostics
/// get their SQL fixes once the provider is known.
/// </summary>
public class UnknownProviderFixTests
{
    private const string DropNickname = """
        migrationBuilder.DropColumn(
            name: "nickname",
            table: "users");
        """;

    private const string ModelWithDefault = """
        modelBuilder.Entity("Sample.User", b =>
            {
                b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("integer").HasColumnName("id");
                b.Property<string>("Country").IsRequired().HasMaxLength(2).HasColumnType("character varying(2)").HasDefaultValue("NL");
                b.HasKey("Id");
                b.ToTable("users");
            });
        """;

    private const string AddCountry = """
        migrationBuilder.AddColumn<string>(
            name: "Country",
            table: "users",
            type: "character varying(2)",
            maxLength: 2,
            nullable: false);
        """;

    private const string RequireEmail = """
        migrationBuilder.AlterColumn<string>(
            name: "email",
            table: "users",
            type: "text",
            nullable: false,
            oldClrType: typeof(string),
            oldType: "text",
            oldNullable: true);
        """;

    [Fact]
    public async Task DropColumn_NoBackupWithoutAProvider()
    {
        var designer = Sources.Designer(DropColumnFixTests.UsersModel);
        Assert.Empty(await OfferedKeys.ForAsync(new DropColumnFixer(), TestProvider.None, Sources.Migration(DropNickname), designer));
        Assert.Equal([FixerKeys.LL1004_BackUpColumn], await OfferedKeys.ForAsync(new DropColumnFixer(), TestProvider.SqlServer, Sources.Migration(DropNickname), designer));
    }

    [Fact]
    public async Task RequiredColumnAdded_OnlyTheModelsDefaultWithoutAProvider()
    {
        var designer = Sources.Designer(ModelWithDefault);
        Assert.Equal([FixerKeys.LL1008_UseModelDefault], await OfferedKeys.ForAsync(new RequiredColumnAddedFixer(), TestProvider.None, Sources.Migration(AddCountry), designer));
        Assert.Equal(
            [FixerKeys.LL1008_UseModelDefault, FixerKeys.LL1008_AddNullableBackfillRequire],
            await OfferedKeys.ForAsync(new RequiredColumnAddedFixer(), TestProvider.PostgreSql, Sources.Migration(AddCountry), designer));
    }

    [Fact]
    public async Task MadeRequired_NoBackfillWithoutAProvider()
    {
        var designer = Sources.Designer(DropColumnFixTests.UsersModel);
        Assert.Empty(await OfferedKeys.ForAsync(new MadeRequiredFixer(), TestProvider.None, Sources.Migration(RequireEmail), designer));
        Assert.Equal([FixerKeys.LL1007_BackfillNulls], await OfferedKeys.ForAsync(new MadeRequiredFixer(), TestProvider.PostgreSql, Sources.Migration(RequireEmail), designer));
    }
}
