using System.Text.Json;
using Lossless.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace Lossless.PackageTests;

/// <summary>
/// docs/ci.md's GitHub Actions workflow, run as far as this machine allows: its `run` steps, on a repository with one
/// migration on main (LL1002, a warning) and one a branch adds (LL1004, a warning the workflow gates in new migrations).
/// </summary>
[Collection(ConsumerCollection.Name)]
public sealed class CiWorkflowTests(LocalFeed feed, ITestOutputHelper output)
{
    private const string ProjectFolder = "src/Shop";

    private const string AddedMigrationFile = "Migrations/20250401090000_DropOrderNote.cs";

    private const string AddedMigration = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Migrations
        {
            [DbContext(typeof(ShopContext))]
            [Migration("20250401090000_DropOrderNote")]
            public partial class DropOrderNote : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "note",
                        table: "orders");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(
                        name: "note",
                        table: "orders",
                        type: "text",
                        nullable: true);
                }
            }
        }
        """;

    private const string DropMessage = "Dropping column 'orders.note' deletes every value it holds, and Down cannot bring them back";

    private static readonly Workflow Workflow = Workflow.FromMarkdown(File.ReadAllText(Path.Combine(Repository.Root, "docs", "ci.md")));

    [Fact]
    public void Workflow_UploadsTheSarifTheBuildWrites_WhetherTheBuildFailedOrNot()
    {
        // upload-sarif needs to write code scanning results; nothing else needs more than reading the repository.
        Assert.Equal(new Dictionary<string, string> { ["contents"] = "read", ["security-events"] = "write" }, Workflow.Permissions);
        var build = Assert.Single(Workflow.Steps, static s => s.Run?.Contains("dotnet build", StringComparison.Ordinal) == true);
        Assert.Contains("-p:ErrorLog=\"$GITHUB_WORKSPACE/lossless.sarif%2Cversion=2.1\"", build.Run, StringComparison.Ordinal);

        var upload = Assert.Single(Workflow.Steps, static s => s.Uses?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
        Assert.Equal("lossless.sarif", upload.With["sarif_file"]);
        Assert.Equal("lossless", upload.With["category"]);
        Assert.StartsWith("always()", upload.If, StringComparison.Ordinal);
        Assert.True(Workflow.Steps.ToList().IndexOf(upload) > Workflow.Steps.ToList().IndexOf(build));
        Assert.Equal($"{ProjectFolder}/Shop.csproj", Workflow.Environment["MIGRATIONS_PROJECT"]);
    }

    [Fact]
    public async Task PullRequest_AddedMigrationsWarningIsAnError_OldOnesStayWarnings_SarifHoldsBoth()
    {
        var checkout = await CheckoutAsync();

        var steps = await Workflow.RunAsync(checkout, new Dictionary<string, string?> { ["GITHUB_BASE_REF"] = "main" });
        WriteSteps(steps);

        var build = AssertRunStepsEnded(steps, buildExitCode: 1);
        var (oldLine, oldColumn) = ShopProject.PositionOf(ShopProject.Migration, "AlterColumn");
        var (newLine, newColumn) = ShopProject.PositionOf(AddedMigration, "DropColumn");
        var project = Path.Combine(checkout, ProjectFolder);
        Assert.Contains(
            $"{Path.Combine(project, AddedMigrationFile)}({newLine},{newColumn}): error LL1004: {DropMessage} ({ShopProject.HelpUriPrefix}LL1004.md) [{Path.Combine(project, "Shop.csproj")}]",
            build.Lines);
        Assert.Contains(
            $"{Path.Combine(project, ShopProject.MigrationFile)}({oldLine},{oldColumn}): warning LL1002: {ShopProject.Message} ({ShopProject.HelpUriPrefix}LL1002.md) [{Path.Combine(project, "Shop.csproj")}]",
            build.Lines);

        AssertSarif(
            Path.Combine(checkout, "lossless.sarif"),
            ("LL1002", "warning", ShopProject.Message, $"{ProjectFolder}/{ShopProject.MigrationFile}", oldLine, oldColumn),
            ("LL1004", "error", DropMessage, $"{ProjectFolder}/{AddedMigrationFile}", newLine, newColumn));
    }

    [Fact]
    public async Task Push_NothingIsGated_BuildSucceeds_SarifHoldsTheWarnings()
    {
        var checkout = await CheckoutAsync();

        var steps = await Workflow.RunAsync(checkout, new Dictionary<string, string?>());
        WriteSteps(steps);

        AssertRunStepsEnded(steps, buildExitCode: 0);
        var (oldLine, oldColumn) = ShopProject.PositionOf(ShopProject.Migration, "AlterColumn");
        var (newLine, newColumn) = ShopProject.PositionOf(AddedMigration, "DropColumn");
        AssertSarif(
            Path.Combine(checkout, "lossless.sarif"),
            ("LL1002", "warning", ShopProject.Message, $"{ProjectFolder}/{ShopProject.MigrationFile}", oldLine, oldColumn),
            ("LL1004", "warning", DropMessage, $"{ProjectFolder}/{AddedMigrationFile}", newLine, newColumn));
    }

    /// <summary>Every run step ran; the build ended with <paramref name="buildExitCode"/> (1: failed), every other with 0.</summary>
    private static CommandResult AssertRunStepsEnded(IReadOnlyList<StepResult> steps, int buildExitCode)
    {
        CommandResult? build = null;
        foreach (var (step, result) in steps)
        {
            if (step.Run is null)
            {
                Assert.Null(result);
                continue;
            }

            Assert.True(result is not null, $"step '{step}' did not run");
            if (step.Run.Contains("dotnet build", StringComparison.Ordinal))
            {
                build = result;
                Assert.True(buildExitCode == 0 ? result.ExitCode == 0 : result.ExitCode != 0, $"step '{step}':\n{result}");
            }
            else
            {
                Assert.True(result.ExitCode == 0, $"step '{step}':\n{result}");
            }
        }

        return Assert.IsType<CommandResult>(build);
    }

    private static void AssertSarif(string path, params (string RuleId, string Level, string Message, string Uri, int Line, int Column)[] expected)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        using var log = JsonDocument.Parse(File.ReadAllText(path));
        var root = log.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.EndsWith("sarif-2.1.0", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());

        var results = new List<(string, string, string, string, int, int)>();
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var ruleId = result.GetProperty("ruleId").GetString()!;
            if (!ruleId.StartsWith("LL", StringComparison.Ordinal))
            {
                continue;
            }

            var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            var region = location.GetProperty("region");
            results.Add((
                ruleId,
                result.GetProperty("level").GetString()!,
                result.GetProperty("message").GetProperty("text").GetString()!,
                location.GetProperty("artifactLocation").GetProperty("uri").GetString()!,
                region.GetProperty("startLine").GetInt32(),
                region.GetProperty("startColumn").GetInt32()));
        }

        Assert.Equal(expected.OrderBy(static r => r.RuleId, StringComparer.Ordinal), results.OrderBy(static r => r.Item1, StringComparer.Ordinal));

        // The rules of the run give each rule's page, which code scanning links from the alert.
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .ToDictionary(static rule => rule.GetProperty("id").GetString()!, StringComparer.Ordinal);
        foreach (var (ruleId, _, _, _, _, _) in expected)
        {
            Assert.Equal($"{ShopProject.HelpUriPrefix}{ruleId}.md", rules[ruleId].GetProperty("helpUri").GetString());
        }
    }

    /// <summary>
    /// A repository whose main holds Shop with one migration and whose branch adds another, cloned with its history as
    /// actions/checkout with fetch-depth 0 does (origin/main is there).
    /// </summary>
    private async Task<string> CheckoutAsync()
    {
        var folder = feed.NewFolder("ci");
        var upstream = Path.Combine(folder, "upstream");
        var project = Path.Combine(upstream, ProjectFolder);
        ShopProject.Create(project, feed.Version);
        File.WriteAllText(Path.Combine(upstream, ".gitignore"), "bin/\nobj/\n");
        await Git(upstream, "init", "--quiet", "--initial-branch=main");
        await Git(upstream, "add", ".");
        await Git(upstream, "commit", "--quiet", "-m", "Shop with one migration");
        await Git(upstream, "checkout", "--quiet", "-b", "drop-order-note");
        File.WriteAllText(Path.Combine(project, AddedMigrationFile), AddedMigration);
        await Git(upstream, "add", ".");
        await Git(upstream, "commit", "--quiet", "-m", "Drop orders.note");

        var checkout = Path.Combine(folder, "checkout");
        await Git(folder, "clone", "--quiet", "--branch", "drop-order-note", upstream, checkout);
        return checkout;
    }

    private async Task Git(string directory, params string[] arguments)
    {
        var result = await Command.RunAsync(
            "git", directory, ["-c", "user.name=Lossless tests", "-c", "user.email=tests@lossless.invalid", "-c", "commit.gpgsign=false", .. arguments]);
        output.WriteLine(result.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private void WriteSteps(IReadOnlyList<StepResult> steps)
    {
        foreach (var (step, result) in steps)
        {
            output.WriteLine($"== {step}: {(result is null ? "not run here" : $"exit code {result.ExitCode}")}");
            if (result is not null)
            {
                output.WriteLine(result.Output);
            }
        }
    }
}
