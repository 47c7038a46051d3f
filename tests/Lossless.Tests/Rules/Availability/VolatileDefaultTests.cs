using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using static Lossless.Tests.Rules.Availability.AvailabilityTest;

namespace Lossless.Tests.Rules.Availability;

public sealed class VolatileDefaultTests
{
    private static string AddColumn(string clr, string type, string defaultSql, string marker = "{|#0:AddColumn|}") => $$"""
        migrationBuilder.{{marker}}<{{clr}}>(
            name: "stamp",
            table: "users",
            type: "{{type}}",
            nullable: false,
            defaultValueSql: "{{defaultSql}}");
        """;

    [Theory]
    [InlineData("Guid", "uuid", "gen_random_uuid()")]
    [InlineData("Guid", "uuid", "uuid_generate_v4()")]
    [InlineData("Guid", "uuid", "public.uuid_generate_v4()")]
    [InlineData("double", "double precision", "random()")]
    [InlineData("DateTime", "timestamp with time zone", "clock_timestamp()")]
    [InlineData("long", "bigint", "nextval('users_stamp_seq')")]
    public Task VolatileDefault_OnExistingTable_Reports(string clr, string type, string defaultSql)
        => VerifyAsync(AddColumn(clr, type, defaultSql), Info(RuleIds.VolatileDefault, 0, "users.stamp", defaultSql, "users"));

    [Theory]
    [InlineData("DateTime", "timestamp with time zone", "now()")]
    [InlineData("DateTime", "timestamp with time zone", "CURRENT_TIMESTAMP")]
    [InlineData("string", "text", "'random()'")]
    [InlineData("int", "integer", "42")]
    public Task StableOrConstantDefault_DoesNotReport(string clr, string type, string defaultSql)
        => VerifyAsync(AddColumn(clr, type, defaultSql, "AddColumn"));

    [Fact]
    public Task VolatileDefault_OnTableCreatedInUp_DoesNotReport()
        => VerifyAsync("""
            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                });

            """ + AddColumn("Guid", "uuid", "gen_random_uuid()", "AddColumn"));

    [Theory]
    [InlineData(TestProvider.SqlServer, "uniqueidentifier", "newid()")]
    [InlineData(TestProvider.Sqlite, "TEXT", "random()")]
    public Task VolatileDefault_OnOtherProviders_DoesNotReport(TestProvider provider, string type, string defaultSql)
        => VerifyAsync(AddColumn("Guid", type, defaultSql, "AddColumn"), provider, null);
}
