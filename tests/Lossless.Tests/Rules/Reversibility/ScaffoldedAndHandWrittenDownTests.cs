using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.Reversibility;

/// <summary>
/// LL2003 on what EF Core writes and what people write in Down (RULES.md, "What EF's own scaffolding writes is never
/// LL2003"): schema moves, identifier-truncated names, AlterColumn without old arguments, Down that undoes in Sql,
/// keys dropped and added again in Up, and an add + drop that Down undoes as a rename. Written in the shapes EF
/// scaffolds (EF Core 6–10 write these operations alike); the true problems beside them stay reported.
/// </summary>
public sealed class ScaffoldedAndHandWrittenDownTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, TestProvider.PostgreSql, expected);

    private static Task VerifyAsync(string source, TestProvider provider, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test(provider) { TestCode = source };
        test.DisabledDiagnostics.Clear();
        test.DisabledDiagnostics.AddRange(ReversibilityAnalyzerTests.OtherRules);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult LL2003(int location, string problem) => Verify.Diagnostic(RuleIds.DownDoesNotUndoUp).WithLocation(location).WithArguments(problem);

    // ---- Schema moves: a missing newSchema is the default schema.

    [Theory]
    [InlineData(TestProvider.PostgreSql)]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.SqlServer)]
    public async Task TableMovedOutOfASchema_AsEFScaffoldsIt_DoesNotReport(TestProvider provider)
    {
        await VerifyAsync(
            Sources.Migration(
                up: """
                    migrationBuilder.RenameTable(
                        name: "Users",
                        schema: "identity",
                        newName: "Users");

                    migrationBuilder.RenameTable(
                        name: "Devices",
                        schema: "identity",
                        newName: "Devices");
                    """,
                down: """
                    migrationBuilder.EnsureSchema(
                        name: "identity");

                    migrationBuilder.RenameTable(
                        name: "Users",
                        newName: "Users",
                        newSchema: "identity");

                    migrationBuilder.RenameTable(
                        name: "Devices",
                        newName: "Devices",
                        newSchema: "identity");
                    """),
            provider);
    }

    [Fact]
    public async Task TableAndSequenceMovedIntoASchema_AsEFScaffoldsThem_DoNotReport()
    {
        await VerifyAsync(Sources.Migration(
            up: """
                migrationBuilder.EnsureSchema(
                    name: "ordering");

                migrationBuilder.RenameSequence(
                    name: "orderitemseq",
                    newName: "orderitemseq",
                    newSchema: "ordering");

                migrationBuilder.RenameTable(
                    name: "orders",
                    newName: "orders",
                    newSchema: "ordering");
                """,
            down: """
                migrationBuilder.RenameSequence(
                    name: "orderitemseq",
                    schema: "ordering",
                    newName: "orderitemseq");

                migrationBuilder.RenameTable(
                    name: "orders",
                    schema: "ordering",
                    newName: "orders");
                """));
    }

    [Fact]
    public async Task MovedTable_DownThatRenamesWithinTheOldSchema_Reports()
    {
        // Up moves identity.Users to the default schema; a Down that renames identity.Users finds no such table.
        await VerifyAsync(
            Sources.Migration(
                up: """
                    migrationBuilder.{|#0:RenameTable|}(
                        name: "Users",
                        schema: "identity",
                        newName: "Users");
                    """,
                down: """
                    migrationBuilder.RenameTable(
                        name: "Users",
                        schema: "identity",
                        newName: "Users",
                        newSchema: "identity");
                    """),
            LL2003(0, "rename table Users back to identity.Users"));
    }

    // ---- Names cut to the identifier limit.

    private const string LongTableModel = """
        modelBuilder.Entity("Sample.Member", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd()
                    .HasColumnType("integer")
                    .HasColumnName("id");

                b.Property<int>("OrganizationMemberIdentifierId")
                    .HasColumnType("integer")
                    .HasColumnName("organization_member_identifier_id");

                b.HasKey("Id");

                b.HasIndex("OrganizationMemberIdentifierId");

                b.ToTable("subscription_notification_preferences_for_organization_members");
            });

        modelBuilder.Entity("Sample.User", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd()
                    .HasColumnType("integer")
                    .HasColumnName("id");

                b.HasKey("Id");

                b.ToTable("users");
            });

        modelBuilder.Entity("Sample.Member", b =>
            {
                b.HasOne("Sample.User", null)
                    .WithMany()
                    .HasForeignKey("OrganizationMemberIdentifierId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();
            });
        """;

    /// <summary>The migration before, whose Designer holds the model with the long names.</summary>
    private static void AddPrevious(Verify.Test test)
    {
        test.TestState.Sources.Add(Sources.Migration(string.Empty, string.Empty, name: "AddMembers", id: "20250101000000_AddMembers").Replace(Sources.Context, string.Empty));
        test.TestState.Sources.Add(Sources.Designer(LongTableModel, name: "AddMembers"));
    }

    [Fact]
    public async Task DropTable_DownRecreatesItWithNamesCutTo63_DoesNotReport()
    {
        var test = new Verify.Test(TestProvider.PostgreSql);
        test.DisabledDiagnostics.Clear();
        test.DisabledDiagnostics.AddRange(ReversibilityAnalyzerTests.OtherRules);
        test.TestState.Sources.Add(Sources.Migration(
            up: """
                migrationBuilder.DropTable(
                    name: "subscription_notification_preferences_for_organization_members");
                """,
            down: """
                migrationBuilder.CreateTable(
                    name: "subscription_notification_preferences_for_organization_members",
                    columns: table => new
                    {
                        id = table.Column<int>(type: "integer", nullable: false),
                        organization_member_identifier_id = table.Column<int>(type: "integer", nullable: false)
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_subscription_notification_preferences_for_organization_memb~", x => x.id);
                        table.ForeignKey(
                            name: "FK_subscription_notification_preferences_for_organization_memb~",
                            column: x => x.organization_member_identifier_id,
                            principalTable: "users",
                            principalColumn: "id",
                            onDelete: ReferentialAction.Cascade);
                    });

                migrationBuilder.CreateIndex(
                    name: "IX_subscription_notification_preferences_for_organization_memb~",
                    table: "subscription_notification_preferences_for_organization_members",
                    column: "organization_member_identifier_id");
                """,
            name: "DropMembers",
            id: "20250102000000_DropMembers"));
        AddPrevious(test);
        await test.RunAsync();
    }

    [Fact]
    public async Task DropTable_DownMissesTheIndexWhoseNameIsCut_Reports()
    {
        var test = new Verify.Test(TestProvider.PostgreSql);
        test.DisabledDiagnostics.Clear();
        test.DisabledDiagnostics.AddRange(ReversibilityAnalyzerTests.OtherRules);
        test.TestState.Sources.Add(Sources.Migration(
            up: """
                migrationBuilder.{|#0:DropTable|}(
                    name: "subscription_notification_preferences_for_organization_members");
                """,
            down: """
                migrationBuilder.{|#1:CreateTable|}(
                    name: "subscription_notification_preferences_for_organization_members",
                    columns: table => new
                    {
                        id = table.Column<int>(type: "integer", nullable: false),
                        organization_member_identifier_id = table.Column<int>(type: "integer", nullable: false)
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_subscription_notification_preferences_for_organization_memb~", x => x.id);
                        table.ForeignKey(
                            name: "FK_subscription_notification_preferences_for_organization_memb~",
                            column: x => x.organization_member_identifier_id,
                            principalTable: "users",
                            principalColumn: "id",
                            onDelete: ReferentialAction.Cascade);
                    });
                """,
            name: "DropMembers",
            id: "20250102000000_DropMembers"));
        AddPrevious(test);
        test.ExpectedDiagnostics.Add(LL2003(0, "re-create index 'IX_subscription_notification_preferences_for_organization_members_organization_member_identifier_id' of table subscription_notification_preferences_for_organization_members dropped here").WithLocation(1));
        await test.RunAsync();
    }

    [Fact]
    public async Task ForeignKeyWithACutName_DroppedAndReAddedByDown_DoesNotReport()
    {
        await VerifyAsync(Sources.Migration(
            up: """
                migrationBuilder.DropForeignKey(
                    name: "FK_ConfigurationActions_ModerationChannelMappings_ModerationCh~",
                    table: "ConfigurationActions");
                """,
            down: """
                migrationBuilder.AddForeignKey(
                    name: "FK_ConfigurationActions_ModerationChannelMappings_ModerationChannelMappingId",
                    table: "ConfigurationActions",
                    column: "ModerationChannelMappingId",
                    principalTable: "ModerationChannelMappings",
                    principalColumn: "Id");
                """));
    }

    // ---- AlterColumn without its old definition (EF Core 1.x shapes): nothing says what Down must restore.

    [Fact]
    public async Task AlterColumnWithoutOldArguments_IsNotJudged()
    {
        await VerifyAsync(Sources.Migration(
            up: """
                migrationBuilder.AlterColumn<int>(
                    name: "Status",
                    table: "TaskSignup",
                    nullable: false);

                migrationBuilder.AlterColumn<bool?>(
                    name: "Accounted",
                    table: "Payments",
                    nullable: true);
                """,
            down: """
                migrationBuilder.AlterColumn<string>(
                    name: "Status",
                    table: "TaskSignup",
                    nullable: true);
                """));
    }

    [Fact]
    public async Task AlterColumnWithOldClrTypeOnly_MissingFromDown_Reports()
    {
        // EF Core 2 wrote oldClrType: Down must still undo the change.
        await VerifyAsync(
            Sources.Migration(
                up: """
                    migrationBuilder.{|#0:AlterColumn|}<string>(
                        name: "OrderId",
                        table: "Invoices",
                        maxLength: 100,
                        nullable: true,
                        oldClrType: typeof(string));

                    migrationBuilder.CreateIndex(
                        name: "IX_Invoices_OrderId",
                        table: "Invoices",
                        column: "OrderId");
                    """,
                down: """
                    migrationBuilder.DropIndex(
                        name: "IX_Invoices_OrderId",
                        table: "Invoices");
                    """),
            LL2003(0, "restore column Invoices.OrderId altered here"));
    }

    // ---- Down that undoes in Sql; Up that changes a table in Sql.

    [Fact]
    public async Task DownThatUndoesInSql_IsNotJudgedForThatTable()
    {
        await VerifyAsync(Sources.Migration(
            up: """
                migrationBuilder.AddColumn<string>(name: "NormalizedUsername", table: "Users", type: "TEXT", nullable: true);
                migrationBuilder.AddPrimaryKey(name: "PK_UserTokens", table: "UserTokens", columns: new[] { "UserId", "Name" });
                """,
            down: """
                migrationBuilder.Sql("ALTER TABLE Users DROP COLUMN NormalizedUsername;");
                migrationBuilder.Sql(@"
                    DECLARE @name NVARCHAR(200)
                    SELECT @name = name FROM sys.key_constraints WHERE type = 'PK' AND parent_object_id = OBJECT_ID('UserTokens')
                    EXEC('ALTER TABLE [UserTokens] DROP CONSTRAINT [' + @name + ']')");
                """),
            TestProvider.SqlServer);
    }

    [Fact]
    public async Task DownSqlForAnotherTable_StillJudgesThisOne()
    {
        await VerifyAsync(
            Sources.Migration(
                up: """
                    migrationBuilder.{|#0:AddColumn|}<string>(name: "NormalizedUsername", table: "Users", type: "TEXT", nullable: true);
                    """,
                down: """
                    migrationBuilder.Sql("DELETE FROM UsersArchive WHERE Id < 0;");
                    """),
            TestProvider.Sqlite,
            LL2003(0, "drop column Users.NormalizedUsername added here"));
    }

    [Fact]
    public async Task DownWithSqlThatIsNotConstant_IsNotJudged()
    {
        await VerifyAsync(Sources.Migration(
            up: """migrationBuilder.AddColumn<string>(name: "nickname", table: "users", type: "text", nullable: true);""",
            down: """migrationBuilder.Sql(System.IO.File.ReadAllText("down.sql"));"""));
    }

    [Fact]
    public async Task TableCreatedAndRenamedInSqlByUp_IsNotJudged()
    {
        // SQLite's own table rebuild, by hand: create the new shape, copy, drop the old, rename the new.
        await VerifyAsync(
            Sources.Migration(
                up: """
                    migrationBuilder.CreateTable(
                        name: "Accounts_New",
                        columns: table => new
                        {
                            Id = table.Column<string>(nullable: false),
                            Name = table.Column<string>(nullable: true)
                        },
                        constraints: table => table.PrimaryKey("PK_Accounts", x => x.Id));
                    migrationBuilder.Sql("INSERT INTO Accounts_New SELECT Id, Name FROM Accounts;");
                    migrationBuilder.Sql("DROP TABLE Accounts", true);
                    migrationBuilder.Sql("ALTER TABLE Accounts_New RENAME TO Accounts", true);
                    """,
                down: """
                    migrationBuilder.AddColumn<string>(name: "ExternalId", table: "Accounts", type: "TEXT", nullable: true);
                    """),
            TestProvider.Sqlite);
    }

    // ---- A key dropped and added again in Up: a net no-op.

    [Fact]
    public async Task KeyDroppedAndReAddedInUp_NeedsNothingInDown()
    {
        await VerifyAsync(Sources.Migration(
            up: """
                migrationBuilder.DropPrimaryKey("PK_ServerSideSessions", "ServerSideSessions");

                migrationBuilder.AlterColumn<long>(
                    name: "Id",
                    table: "ServerSideSessions",
                    type: "bigint",
                    nullable: false,
                    oldClrType: typeof(int),
                    oldType: "integer");

                migrationBuilder.AddPrimaryKey("PK_ServerSideSessions", "ServerSideSessions", "Id");

                migrationBuilder.DropIndex(name: "IX_Sessions_Key", table: "ServerSideSessions");
                migrationBuilder.CreateIndex(name: "IX_Sessions_Key", table: "ServerSideSessions", column: "Key", unique: true);
                """,
            down: """
                migrationBuilder.AlterColumn<int>(
                    name: "Id",
                    table: "ServerSideSessions",
                    type: "integer",
                    nullable: false,
                    oldClrType: typeof(long),
                    oldType: "bigint");
                """));
    }

    [Fact]
    public async Task KeyDroppedInUpAndAddedUnderAnotherName_StillNeedsItsInverse()
    {
        await VerifyAsync(
            Sources.Migration(
                up: """
                    migrationBuilder.{|#0:DropPrimaryKey|}("PK_ServerSideSessions", "ServerSideSessions");
                    migrationBuilder.{|#1:AddPrimaryKey|}("PK_Sessions", "ServerSideSessions", "Id");
                    """,
                down: """
                    migrationBuilder.AlterColumn<int>(name: "Id", table: "ServerSideSessions", type: "integer", nullable: false, oldClrType: typeof(long), oldType: "bigint");
                    """),
            LL2003(0, "re-add primary key 'PK_ServerSideSessions' dropped here from table ServerSideSessions"),
            LL2003(1, "drop primary key 'PK_Sessions' added here to table ServerSideSessions"));
    }

    [Fact]
    public async Task IndexesMadeForADataStepAndDroppedAfter_AreNoOperationsToUndo()
    {
        // Up creates two indexes for a big UPDATE and drops them again: a data fix, whose empty Down is honest.
        await VerifyAsync(Sources.Migration("""
            migrationBuilder.CreateIndex(name: "IX_PlayoutItem_PlayoutId_Start", table: "PlayoutItem", columns: new[] { "PlayoutId", "Start" });
            migrationBuilder.Sql("UPDATE PlayoutHistory SET Finish = PlayoutItem.Finish FROM PlayoutItem WHERE PlayoutHistory.PlayoutId = PlayoutItem.PlayoutId;");
            migrationBuilder.DropIndex(name: "IX_PlayoutItem_PlayoutId_Start", table: "PlayoutItem");
            """), TestProvider.Sqlite);
    }

    [Fact]
    public async Task IndexCreatedAndDroppedBesideARealChange_EmptyDownStillReports()
    {
        var source = Sources.Migration("""
            migrationBuilder.CreateIndex(name: "IX_PlayoutItem_Start", table: "PlayoutItem", column: "Start");
            migrationBuilder.DropIndex(name: "IX_PlayoutItem_Start", table: "PlayoutItem");
            migrationBuilder.DropColumn(name: "CurrentRefundId", table: "Invoices");
            """).Replace("void Down(", "void {|#0:Down|}(");
        await VerifyAsync(
            source,
            TestProvider.Sqlite,
            Verify.Diagnostic(RuleIds.EmptyDown).WithLocation(0).WithArguments("ChangeTypes", "has no operations: a rollback records the migration as undone and leaves the operation of Up in place"));
    }

    // ---- An add + drop that Down undoes as the rename it was scaffolded as.

    [Fact]
    public async Task AddAndDropUndoneByARenameInDown_DoesNotReport()
    {
        await VerifyAsync(Sources.Migration(
            up: """
                migrationBuilder.AddColumn<int>("LibraryPathId", "MediaItems", "INTEGER", nullable: false, defaultValue: 0);
                migrationBuilder.Sql("UPDATE MediaItems SET LibraryPathId = (SELECT l.Id FROM LibraryPath l WHERE l.SourceId = MediaItems.MediaSourceId)");
                migrationBuilder.DropColumn("MediaSourceId", "MediaItems");
                migrationBuilder.DropIndex("IX_MediaItems_MediaSourceId", "MediaItems");
                migrationBuilder.CreateIndex("IX_MediaItems_LibraryPathId", "MediaItems", "LibraryPathId");
                """,
            down: """
                migrationBuilder.RenameColumn("LibraryPathId", "MediaItems", "MediaSourceId");
                migrationBuilder.RenameIndex(name: "IX_MediaItems_LibraryPathId", table: "MediaItems", newName: "IX_MediaItems_MediaSourceId");
                """),
            TestProvider.Sqlite);
    }

    // ---- The true problem beside them stays.

    [Fact]
    public async Task DownDropsAnotherColumnThanUpAdded_Reports()
    {
        // A typo in a hand-edited Down: InheritedParentalRatingValue instead of InheritedParentalRatingSubValue.
        await VerifyAsync(
            Sources.Migration(
                up: """
                    migrationBuilder.RenameColumn(
                        name: "MaxParentalAgeRating",
                        table: "Users",
                        newName: "MaxParentalRatingScore");

                    migrationBuilder.AddColumn<int>(
                        name: "MaxParentalRatingSubScore",
                        table: "Users",
                        type: "INTEGER",
                        nullable: true);

                    migrationBuilder.{|#0:AddColumn|}<int>(
                        name: "InheritedParentalRatingSubValue",
                        table: "BaseItems",
                        type: "INTEGER",
                        nullable: true);
                    """,
                down: """
                    migrationBuilder.DropColumn(
                        name: "MaxParentalRatingSubScore",
                        table: "Users");

                    migrationBuilder.DropColumn(
                        name: "InheritedParentalRatingValue",
                        table: "BaseItems");

                    migrationBuilder.RenameColumn(
                        name: "MaxParentalRatingScore",
                        table: "Users",
                        newName: "MaxParentalAgeRating");
                    """),
            TestProvider.Sqlite,
            LL2003(0, "drop column BaseItems.InheritedParentalRatingSubValue added here"));
    }
}
