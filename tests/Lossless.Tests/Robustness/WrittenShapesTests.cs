using Lossless.Tests.Verifiers;

namespace Lossless.Tests.Robustness;

/// <summary>
/// Migrations as people write them by hand, not as EF Core scaffolds them: non-constant arguments, reordered and
/// positional arguments, the builder aliased or handed to helpers, operations in lambdas and local functions, partial
/// classes across files, nested and generic classes, #if regions. Every analyzer runs without an exception and reports
/// exactly the expected Lossless diagnostics (none where an argument it needs is not a constant); every fix offered
/// applies without throwing and leaves no new compiler error. Each Down is the exact inverse of its Up, so rules that
/// judge Down stay quiet.
/// </summary>
public class WrittenShapesTests
{
    /// <summary>numeric(10,2) to numeric(10,0) on orders.total: LL1001 on PostgreSQL (values are rounded).</summary>
    private const string Narrow = """
        migrationBuilder.AlterColumn<decimal>(
            name: "total",
            table: "orders",
            type: "numeric(10,0)",
            nullable: false,
            oldClrType: typeof(decimal),
            oldType: "numeric(10,2)");
        """;

    private const string Restore = """
        migrationBuilder.AlterColumn<decimal>(
            name: "total",
            table: "orders",
            type: "numeric(10,2)",
            nullable: false,
            oldClrType: typeof(decimal),
            oldType: "numeric(10,0)");
        """;

    public static TheoryData<string> Cases() => new(Shapes.Keys.Order(StringComparer.Ordinal));

    /// <summary>Each written shape: its sources and the Lossless ids it must report, in source order.</summary>
    private static readonly Dictionary<string, (string[] Sources, string Expected)> Shapes = new(StringComparer.Ordinal)
    {
        ["named arguments reordered"] = (
            [Migration(
                """
                migrationBuilder.AlterColumn<decimal>(
                    oldType: "numeric(10,2)",
                    table: "orders",
                    oldClrType: typeof(decimal),
                    nullable: false,
                    type: "numeric(10,0)",
                    name: "total");
                """,
                """
                migrationBuilder.AlterColumn<decimal>(
                    oldType: "numeric(10,0)",
                    table: "orders",
                    oldClrType: typeof(decimal),
                    nullable: false,
                    type: "numeric(10,2)",
                    name: "total");
                """), Designer()],
            "LL1001"),
        ["positional arguments"] = (
            [Migration(
                """migrationBuilder.AlterColumn<decimal>("total", "orders", "numeric(10,0)", null, null, false, null, false, null, null, null, typeof(decimal), "numeric(10,2)");""",
                """migrationBuilder.AlterColumn<decimal>("total", "orders", "numeric(10,2)", null, null, false, null, false, null, null, null, typeof(decimal), "numeric(10,0)");"""), Designer()],
            "LL1001"),
        ["positional then named arguments"] = (
            [Migration(
                """migrationBuilder.AlterColumn<decimal>("total", "orders", "numeric(10,0)", oldClrType: typeof(decimal), oldType: "numeric(10,2)");""",
                """migrationBuilder.AlterColumn<decimal>("total", "orders", "numeric(10,2)", oldClrType: typeof(decimal), oldType: "numeric(10,0)");"""), Designer()],
            "LL1001"),
        ["every argument non-constant"] = (
            [Migration(
                """
                migrationBuilder.AlterColumn<decimal>(
                    name: Column(),
                    table: Table,
                    type: NewType,
                    nullable: IsNullable,
                    oldClrType: OldClr,
                    oldType: OldType);
                """,
                """
                migrationBuilder.AlterColumn<decimal>(
                    name: Column(),
                    table: Table,
                    type: OldType,
                    nullable: IsNullable,
                    oldClrType: OldClr,
                    oldType: NewType);
                """,
                members: """
                private static readonly string Table = "orders";
                private static readonly string NewType = "numeric(10,0)";
                private static readonly Type OldClr = typeof(decimal);
                private static bool IsNullable => false;
                private static string OldType { get; } = "numeric(10,2)";

                private static string Column() => "total";
                """), Designer()],
            string.Empty),
        ["constants from const fields, concatenation and interpolation"] = (
            [Migration(
                """
                migrationBuilder.AlterColumn<decimal>(
                    name: "to" + "tal",
                    table: $"{Orders}",
                    type: $"numeric({Precision},0)",
                    nullable: false,
                    oldClrType: typeof(decimal),
                    oldType: OldType);
                """,
                """
                migrationBuilder.AlterColumn<decimal>(
                    name: "to" + "tal",
                    table: $"{Orders}",
                    type: OldType,
                    nullable: false,
                    oldClrType: typeof(decimal),
                    oldType: $"numeric({Precision},0)");
                """,
                members: """
                private const string Orders = "orders";
                private const string Precision = "10";
                private const string OldType = "numeric(" + Precision + ",2)";
                """), Designer()],
            "LL1001"),
        ["migrationBuilder aliased"] = (
            [Migration(
                "var builder = migrationBuilder;\n" + Narrow.Replace("migrationBuilder.", "builder.", StringComparison.Ordinal),
                "MigrationBuilder builder;\nbuilder = migrationBuilder;\n" + Restore.Replace("migrationBuilder.", "builder.", StringComparison.Ordinal)), Designer()],
            "LL1001"),
        ["migrationBuilder kept in a field"] = (
            [Migration(
                "_builder = migrationBuilder;\n" + Narrow.Replace("migrationBuilder.", "_builder.", StringComparison.Ordinal),
                "_builder = migrationBuilder;\n" + Restore.Replace("migrationBuilder.", "_builder.", StringComparison.Ordinal),
                members: "private MigrationBuilder _builder = null!;"), Designer()],
            "LL1001"),
        ["migrationBuilder passed to a helper"] = (
            [Migration(
                "Narrow(migrationBuilder, \"orders\");",
                "Restore(migrationBuilder, \"orders\");",
                members: $$"""
                private static void Narrow(MigrationBuilder migrationBuilder, string table)
                {
                {{Sources.Indent(Narrow.Replace("\"orders\"", "table", StringComparison.Ordinal), 4)}}
                }

                private static void Restore(MigrationBuilder migrationBuilder, string table)
                {
                {{Sources.Indent(Restore.Replace("\"orders\"", "table", StringComparison.Ordinal), 4)}}
                }
                """), Designer()],
            // The table is a parameter, but the constant types prove the loss: reported, with the name as "table".
            "LL1001"),
        ["migrationBuilder passed to a helper with constants inside"] = (
            [Migration(
                "Narrow(migrationBuilder);",
                "Restore(migrationBuilder);",
                members: $$"""
                private static void Narrow(MigrationBuilder migrationBuilder)
                {
                {{Sources.Indent(Narrow, 4)}}
                }

                private static void Restore(MigrationBuilder migrationBuilder)
                {
                {{Sources.Indent(Restore, 4)}}
                }
                """), Designer()],
            "LL1001"),
        ["migrationBuilder passed to another class's helper"] = (
            [Migration("OrderSteps.Narrow(migrationBuilder);", "OrderSteps.Restore(migrationBuilder);"), Designer(), $$"""
                {{Sources.Usings}}

                namespace Sample.Migrations
                {
                    public static class OrderSteps
                    {
                        public static void Narrow(this MigrationBuilder migrationBuilder)
                        {
                {{Sources.Indent(Narrow, 12)}}
                        }

                        public static void Restore(this MigrationBuilder migrationBuilder)
                        {
                {{Sources.Indent(Restore, 12)}}
                        }
                    }
                }
                """],
            string.Empty),
        ["operations in lambdas"] = (
            [Migration(
                "Action<MigrationBuilder> narrow = builder =>\n{\n" + Sources.Indent(Narrow.Replace("migrationBuilder.", "builder.", StringComparison.Ordinal), 4) + "\n};\nnarrow(migrationBuilder);",
                "Action<MigrationBuilder> widen = builder =>\n{\n" + Sources.Indent(Restore.Replace("migrationBuilder.", "builder.", StringComparison.Ordinal), 4) + "\n};\nwiden(migrationBuilder);"), Designer()],
            "LL1001"),
        ["operations in local functions"] = (
            [Migration(
                "Narrow();\n\nvoid Narrow()\n{\n" + Sources.Indent(Narrow, 4) + "\n}",
                "Restore();\n\nvoid Restore()\n{\n" + Sources.Indent(Restore, 4) + "\n}"), Designer()],
            "LL1001"),
        ["operations under if, loop, switch and try"] = (
            [Migration(
                $$"""
                if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
                {
                {{Sources.Indent(Narrow, 4)}}
                }

                foreach (var table in new[] { "invoices", "refunds" })
                {
                    migrationBuilder.AlterColumn<decimal>(name: "total", table: table, type: "numeric(10,0)", oldClrType: typeof(decimal), oldType: "numeric(10,2)");
                }

                switch (migrationBuilder.ActiveProvider)
                {
                    case "Npgsql.EntityFrameworkCore.PostgreSQL":
                        break;
                }

                try
                {
                    migrationBuilder.Sql("SELECT 1;");
                }
                finally
                {
                }
                """,
                $$"""
                try
                {
                    migrationBuilder.Sql("SELECT 1;");
                }
                finally
                {
                }

                foreach (var table in new[] { "invoices", "refunds" })
                {
                    migrationBuilder.AlterColumn<decimal>(name: "total", table: table, type: "numeric(10,2)", oldClrType: typeof(decimal), oldType: "numeric(10,0)");
                }

                if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
                {
                {{Sources.Indent(Restore, 4)}}
                }
                """), Designer()],
            // The loop's AlterColumn is reported too: its table comes from the loop variable, its types are constant.
            "LL1001 LL1001"),
        ["expression-bodied Up and Down"] = (
            [Migration(Narrow, Restore).Replace(
                "protected override void Up(MigrationBuilder migrationBuilder)\n        {\n            migrationBuilder.AlterColumn",
                "protected override void Up(MigrationBuilder migrationBuilder) =>\n            migrationBuilder.AlterColumn",
                StringComparison.Ordinal).Replace(
                "oldType: \"numeric(10,2)\");\n        }",
                "oldType: \"numeric(10,2)\");",
                StringComparison.Ordinal).Replace(
                "protected override void Down(MigrationBuilder migrationBuilder)\n        {\n            migrationBuilder.AlterColumn",
                "protected override void Down(MigrationBuilder migrationBuilder) =>\n            migrationBuilder.AlterColumn",
                StringComparison.Ordinal).Replace(
                "oldType: \"numeric(10,0)\");\n        }",
                "oldType: \"numeric(10,0)\");",
                StringComparison.Ordinal), Designer()],
            "LL1001"),
        ["annotations chained on the operation"] = (
            [Migration(
                Narrow.TrimEnd(';') + "\n    .Annotation(\"Lossless:Reviewed\", false)\n    .OldAnnotation(\"Lossless:Reviewed\", true);",
                Restore.TrimEnd(';') + "\n    .Annotation(\"Lossless:Reviewed\", true)\n    .OldAnnotation(\"Lossless:Reviewed\", false);"), Designer()],
            "LL1001"),
        ["#if regions"] = (
            [Migration(
                $$"""
                #if LOSSLESS_NEVER_DEFINED
                migrationBuilder.AlterColumn<decimal>(name: "total", table: "orders", type: "numeric(10,1)", oldClrType: typeof(decimal), oldType: "numeric(10,2)");
                #elif DEBUG
                migrationBuilder.Sql("SELECT 1;");
                #else
                {{Narrow}}
                #endif
                """,
                $$"""
                #if !LOSSLESS_NEVER_DEFINED
                {{Restore}}
                #endif
                """), Designer()],
            "LL1001"),
        ["partial class split across files"] = (
            [
                Migration(Narrow, Restore).Split("protected override void Down")[0].TrimEnd().TrimEnd('/').TrimEnd() + "\n    }\n}\n",
                $$"""
                {{Sources.Usings}}

                namespace Sample.Migrations
                {
                    public partial class ChangeTypes
                    {
                        protected override void Down(MigrationBuilder migrationBuilder)
                        {
                {{Sources.Indent(Restore, 12)}}
                        }
                    }
                }

                {{Sources.Context}}
                """,
                Designer(),
            ],
            "LL1001"),
        ["nested class"] = (
            [Migration(Narrow, Restore).Replace("    [DbContext", "public static class Outer\n{\n    [DbContext", StringComparison.Ordinal).Replace("\n}\n\nnamespace Sample\n", "\n}\n}\n\nnamespace Sample\n", StringComparison.Ordinal)],
            "LL1001"),
        ["generic class"] = (
            [Migration(Narrow, Restore).Replace("class ChangeTypes : Migration", "class ChangeTypes<TMarker> : Migration", StringComparison.Ordinal)],
            "LL1001"),
        ["abstract base class with the helpers"] = (
            [Migration("NarrowTotals(migrationBuilder);", "WidenTotals(migrationBuilder);").Replace(": Migration", ": OrdersMigration", StringComparison.Ordinal), Designer(), $$"""
                {{Sources.Usings}}

                namespace Sample.Migrations
                {
                    public abstract class OrdersMigration : Migration
                    {
                        protected static void NarrowTotals(MigrationBuilder migrationBuilder)
                        {
                {{Sources.Indent(Narrow, 12)}}
                        }

                        protected static void WidenTotals(MigrationBuilder migrationBuilder)
                        {
                {{Sources.Indent(Restore, 12)}}
                        }
                    }
                }
                """],
            string.Empty),
        ["two migrations and a plain class in one file"] = (
            [Migration(Narrow, Restore) + "\n" + Migration(Restore, Narrow, name: "RestoreTypes", id: "20250118120000_RestoreTypes").Replace(Sources.Usings, string.Empty, StringComparison.Ordinal).Replace(Sources.Context, "namespace Sample { public class Plain { } }", StringComparison.Ordinal)],
            // The second migration's Up is the first's Down: numeric(10,0) to numeric(10,2) leaves 8 integer digits of 10.
            "LL1001 LL1002"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task WrittenShape_AnalysesWithoutException_AndReportsExactly(string name)
    {
        var (sources, expected) = Shapes[name];
        var analysis = await RobustnessHarness.AnalyzeAsync(TestProvider.PostgreSql, sources);

        Assert.Empty(analysis.Exceptions);
        Assert.Empty(analysis.CompilerErrors);
        Assert.Equal(expected, analysis.Ids);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task WrittenShape_EveryOfferedFix_AppliesAndCompiles(string name)
    {
        var (sources, _) = Shapes[name];
        var (_, failures) = await RobustnessHarness.FixAllOfferedAsync(TestProvider.PostgreSql, sources);
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>One argument at a time replaced by a non-constant of the same value, in Up and in Down.</summary>
    [Theory]
    [InlineData("name", "LL1001")]
    [InlineData("table", "LL1001")]
    [InlineData("type", "")]
    [InlineData("oldType", "")]
    [InlineData("oldClrType", "")]
    [InlineData("nullable", "LL1001")]
    public async Task OneArgumentNonConstant_ReportsOnlyWhatTheConstantsProve(string argument, string expected)
    {
        static string Replace(string operation, string argument)
        {
            // Each argument stands on its own line: `    name: value,` or, the last, `    name: value);`.
            var start = operation.IndexOf("    " + argument + ": ", StringComparison.Ordinal) + 4 + argument.Length + 2;
            var lineEnd = operation.IndexOf('\n', start) is var newline and >= 0 ? newline : operation.Length;
            var end = operation[..lineEnd].EndsWith(");", StringComparison.Ordinal) ? lineEnd - 2 : lineEnd - 1;
            return operation[..start] + "Value(" + operation[start..end] + ")" + operation[end..];
        }

        var source = Migration(
            Replace(Narrow, argument),
            Replace(Restore, argument),
            members: "private static T Value<T>(T value) => value;");
        var analysis = await RobustnessHarness.AnalyzeAsync(TestProvider.PostgreSql, source, Designer());

        Assert.Empty(analysis.Exceptions);
        Assert.Empty(analysis.CompilerErrors);
        Assert.Equal(expected, analysis.Ids);
        var (_, failures) = await RobustnessHarness.FixAllOfferedAsync(TestProvider.PostgreSql, source, Designer());
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    internal static string Migration(string up, string down, string members = "", string name = "ChangeTypes", string id = "20250117120000_ChangeTypes")
    {
        var source = Sources.Migration(up, down, name, id);
        return members.Length == 0
            ? source
            : source.Replace(
                "        protected override void Up",
                Sources.Indent(members, 8) + "\n\n        protected override void Up",
                StringComparison.Ordinal);
    }

    internal static string Designer() => Sources.Designer(Sources.IncidentModel);
}
