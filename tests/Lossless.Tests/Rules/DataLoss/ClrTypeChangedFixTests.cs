using Lossless.Analyzers;
using Lossless.CodeFixes;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpCodeFixVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer, Lossless.CodeFixes.Rules.DataLoss.ClrTypeChangedFixer>;

namespace Lossless.Tests.Rules.DataLoss;

/// <summary>LL1010's fix on SQLite string → Guid: a TEMP-trigger guard naming the count, then upper(), marked verified.</summary>
public class ClrTypeChangedFixTests
{
    private const string GuidMessage = "a value that is not a uuid throws FormatException when EF Core reads it, and a lower-case uuid never matches a Guid lookup (EF Core sends upper-case text)";

    private static string Model(string userId, string ownerId, string visits = "long")
        => $$"""
        modelBuilder.Entity("Sample.User", b =>
            {
                b.Property<{{userId}}>("Id")
                    .HasColumnType("TEXT");

                b.Property<{{visits}}>("Visits")
                    .HasColumnType("INTEGER");

                b.HasKey("Id");

                b.ToTable("Users");
            });

        modelBuilder.Entity("Sample.Project", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd()
                    .HasColumnType("INTEGER");

                b.Property<{{ownerId}}>("OwnerId")
                    .HasColumnType("TEXT");

                b.HasKey("Id");

                b.ToTable("Projects");
            });
        """;

    private static string Migration(string up) => $$"""
        {{Sources.Usings}}

        namespace Sample.Migrations
        {
            [DbContext(typeof(Sample.AppDbContext))]
            [Migration("20250102000000_UseGuids")]
            public partial class UseGuids : Migration
            {
                protected override void {|#0:Up|}(MigrationBuilder migrationBuilder)
                {{{up}}}

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }
            }
        }

        {{Sources.Context}}
        """;

    private static void AddModels(Verify.Test test, string previous, string current)
    {
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.Sources.Add(Sources.Designer(current, name: "UseGuids"));
            state.Sources.Add(Sources.Migration(string.Empty, name: "Initial", id: "20250101000000_Initial").Replace(Sources.Context, string.Empty));
            state.Sources.Add(Sources.Designer(previous, name: "Initial"));
        }
    }

    private const string UsersGuard = """

                    // Users.Id is read as Guid now: stop the migration if a value is not a uuid in the form EF Core writes, else upper-case every uuid, the form EF Core looks a Guid up by.
                    migrationBuilder.Sql(\"\"\"
                        -- lossless: verified Users.Id
                        CREATE TEMP TABLE "lossless_guard" ("message" TEXT NOT NULL);
                        CREATE TEMP TRIGGER "lossless_guard_abort" BEFORE INSERT ON "lossless_guard"
                        BEGIN
                            SELECT RAISE(ABORT, NEW."message");
                        END;
                        INSERT INTO "lossless_guard" SELECT 'lossless: ' || count(*) || ' value(s) of Users.Id are not uuids in the text form EF Core reads and looks up as Guid' || ', e.g. in the rows with Id ' || (SELECT group_concat(k, ', ') FROM (SELECT "Id" AS k FROM "Users" WHERE "Id" IS NOT NULL AND (typeof("Id") <> 'text' OR upper("Id") NOT GLOB '[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]-[0-9A-F][0-9A-F][0-9A-F][0-9A-F]-[0-9A-F][0-9A-F][0-9A-F][0-9A-F]-[0-9A-F][0-9A-F][0-9A-F][0-9A-F]-[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]') ORDER BY "Id" LIMIT 3)) || '; the migration was stopped and nothing was changed' FROM "Users" WHERE "Id" IS NOT NULL AND (typeof("Id") <> 'text' OR upper("Id") NOT GLOB '[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]-[0-9A-F][0-9A-F][0-9A-F][0-9A-F]-[0-9A-F][0-9A-F][0-9A-F][0-9A-F]-[0-9A-F][0-9A-F][0-9A-F][0-9A-F]-[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]') HAVING count(*) > 0;
                        DROP TABLE "lossless_guard";
                        PRAGMA defer_foreign_keys = ON;
                        UPDATE "Users" SET "Id" = upper("Id") WHERE "Id" <> upper("Id");
                        \"\"\");
        """;

    [Fact]
    public async Task StringToGuid_EmptyUp_GetsGuardAndUpperCase()
    {
        var test = new Verify.Test(TestProvider.Sqlite)
        {
            TestCode = Migration("\n        "),
            FixedCode = Migration(UsersGuard.Replace("\\\"", "\"") + "\n        "),
            CodeActionEquivalenceKey = FixerKeys.LL1010_GuardAndNormalizeGuids,
        };
        AddModels(test, Model("string", "string"), Model("Guid", "string"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.ClrTypeChanged).WithLocation(0).WithArguments("Users.Id", "string", "Guid", "TEXT", GuidMessage));
        await test.RunAsync();
    }
}
