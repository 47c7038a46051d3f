using System.Diagnostics;
using System.Text;

namespace Lossless.PackageTests.Infrastructure;

internal sealed class CommandResult(string commandLine, int exitCode, string output)
{
    public string CommandLine { get; } = commandLine;

    public int ExitCode { get; } = exitCode;

    /// <summary>Standard output and standard error, interleaved as they arrived.</summary>
    public string Output { get; } = output;

    public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"$ {CommandLine}\n(exit code {ExitCode})\n{Output}";
}

/// <summary>Runs dotnet and scripts as a user would, without the test host's MSBuild environment and without build servers.</summary>
internal static class Command
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    // Set by `dotnet test` for the test host; a nested dotnet build must find its own SDK and MSBuild.
    private static readonly string[] InheritedVariablesToDrop =
    [
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDNOINPROCNODE", "DOTNET_CLI_UI_LANGUAGE", "NUGET_PACKAGES", "RestorePackagesPath", "Configuration",
    ];

    public static Task<CommandResult> DotNetAsync(string workingDirectory, params string[] arguments) =>
        RunAsync("dotnet", workingDirectory, arguments);

    public static Task<CommandResult> RunAsync(string fileName, string workingDirectory, params string[] arguments) =>
        RunAsync(fileName, workingDirectory, new Dictionary<string, string?>(), arguments);

    /// <summary>Runs a command with <paramref name="environment"/> on top of this process's (a null value removes a variable).</summary>
    public static async Task<CommandResult> RunAsync(
        string fileName, string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedVariablesToDrop)
        {
            start.Environment.Remove(name);
        }

        // No MSBuild node or compiler server may outlive the command: it would hold the output pipes open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', arguments)}' ran longer than {Timeout}:\n{Snapshot(output)}");
        }

        // Flushes the last asynchronous output lines.
        process.WaitForExit();
        var variables = string.Concat(environment.Select(static pair => $"{pair.Key}={pair.Value ?? "(unset)"} "));
        return new CommandResult($"{variables}{fileName} {string.Join(' ', arguments)}", process.ExitCode, Snapshot(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
