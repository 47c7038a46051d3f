using YamlDotNet.RepresentationModel;

namespace Lossless.PackageTests.Infrastructure;

internal sealed record WorkflowStep(string? Name, string? Uses, string? Run, string? If, IReadOnlyDictionary<string, string> With)
{
    public override string ToString() => Name ?? Uses ?? Run ?? "(step)";
}

/// <summary>What a run step printed and how it ended; null for a step that did not run.</summary>
internal sealed record StepResult(WorkflowStep Step, CommandResult? Result);

/// <summary>
/// The one job of a GitHub Actions workflow, read from YAML as the runner reads it, and its `run` steps run here with
/// bash as a Linux runner runs them. `uses` steps (actions) are not run: they need GitHub.
/// </summary>
internal sealed class Workflow
{
    private Workflow(
        IReadOnlyDictionary<string, string> permissions, string jobName, IReadOnlyDictionary<string, string> environment, string shell, IReadOnlyList<WorkflowStep> steps)
    {
        Permissions = permissions;
        JobName = jobName;
        Environment = environment;
        Shell = shell;
        Steps = steps;
    }

    /// <summary>The workflow's `permissions` of its token.</summary>
    public IReadOnlyDictionary<string, string> Permissions { get; }

    public string JobName { get; }

    /// <summary>The job's `env`.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public string Shell { get; }

    public IReadOnlyList<WorkflowStep> Steps { get; }

    /// <summary>The workflow in the only ```yaml block of a Markdown file.</summary>
    public static Workflow FromMarkdown(string markdown)
    {
        var blocks = new List<string>();
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] != "```yaml")
            {
                continue;
            }

            var end = Array.IndexOf(lines, "```", i + 1);
            Assert.True(end > i, "a ```yaml block is not closed");
            blocks.Add(string.Join('\n', lines[(i + 1)..end]) + "\n");
            i = end;
        }

        return Parse(Assert.Single(blocks));
    }

    public static Workflow Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)Assert.Single(stream.Documents).RootNode;

        Assert.True(root.Children.ContainsKey("on"), "a workflow needs `on`");
        var shell = root.Children.TryGetValue("defaults", out var defaults)
            ? Scalar(Mapping(Mapping(defaults)["run"])["shell"])
            : "sh";
        var (jobName, jobNode) = Assert.Single(Mapping(root["jobs"]).Children);
        var job = Mapping(jobNode);
        Assert.Equal("ubuntu-latest", Scalar(job["runs-on"]));

        var environment = job.Children.TryGetValue("env", out var env) ? Strings(env) : new Dictionary<string, string>();
        var steps = new List<WorkflowStep>();
        foreach (var node in ((YamlSequenceNode)job["steps"]).Children)
        {
            var step = Mapping(node);
            string? Optional(string key) => step.Children.TryGetValue(key, out var value) ? Scalar(value) : null;
            var with = step.Children.TryGetValue("with", out var withNode) ? Strings(withNode) : new Dictionary<string, string>();
            var parsed = new WorkflowStep(Optional("name"), Optional("uses"), Optional("run"), Optional("if"), with);
            Assert.True(parsed.Uses is null != (parsed.Run is null), $"a step has either `uses` or `run`: {parsed}");
            steps.Add(parsed);
        }

        var permissions = root.Children.TryGetValue("permissions", out var permissionsNode) ? Strings(permissionsNode) : new Dictionary<string, string>();
        return new Workflow(permissions, Scalar(jobName), environment, shell, steps);
    }

    /// <summary>
    /// Runs the `run` steps in order in <paramref name="workspace"/>, as the runner would: a step without `if` runs only
    /// while every step before it succeeded, a step with `if: always()` (alone or and-ed with more) runs anyway.
    /// </summary>
    public async Task<IReadOnlyList<StepResult>> RunAsync(string workspace, IReadOnlyDictionary<string, string?> eventEnvironment)
    {
        using var runnerTemp = new TemporaryDirectory("runner-temp");
        var environment = new Dictionary<string, string?>
        {
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = workspace,
            ["RUNNER_TEMP"] = runnerTemp.Path,
            ["GITHUB_BASE_REF"] = null,
        };
        foreach (var (name, value) in Environment)
        {
            environment[name] = value;
        }

        foreach (var (name, value) in eventEnvironment)
        {
            environment[name] = value;
        }

        // GitHub's template for `shell: bash`; without it, Linux runners use `bash -e`.
        string[] shell = Shell == "bash" ? ["--noprofile", "--norc", "-eo", "pipefail"] : ["-e"];
        var results = new List<StepResult>();
        var failed = false;
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            var runs = step.If switch
            {
                null => !failed,
                var condition when condition.StartsWith("always()", StringComparison.Ordinal) => true,
                var condition => throw new NotSupportedException($"the test runner does not evaluate `if: {condition}`"),
            };
            if (step.Run is null || !runs)
            {
                results.Add(new StepResult(step, null));
                continue;
            }

            var script = Path.Combine(runnerTemp.Path, $"step-{i}.sh");
            File.WriteAllText(script, step.Run);
            var result = await Command.RunAsync("bash", workspace, environment, [.. shell, script]);
            results.Add(new StepResult(step, result));
            failed |= result.ExitCode != 0;
        }

        return results;
    }

    private static YamlMappingNode Mapping(YamlNode node) => Assert.IsType<YamlMappingNode>(node);

    private static string Scalar(YamlNode node) => Assert.IsType<YamlScalarNode>(node).Value ?? "";

    private static Dictionary<string, string> Strings(YamlNode node) =>
        Mapping(node).Children.ToDictionary(static pair => Scalar(pair.Key), static pair => Scalar(pair.Value), StringComparer.Ordinal);
}
