using Microsoft.CodeAnalysis.Testing;

namespace Lossless.Tests.Verifiers;

/// <summary>One test state an analyzer or fix test verifies: its sources (with markup), .editorconfig files and provider.</summary>
public sealed record CapturedTest(string Test, TestProvider Provider, IReadOnlyList<(string Name, string Text)> Sources, IReadOnlyList<(string Name, string Text)> AnalyzerConfigFiles);

/// <summary>
/// While <see cref="RunAsync"/> runs a body, the verifiers record the states they are asked to verify instead of
/// verifying them: the fix meta-tests run the analyzer and fix tests this way to reach every migration they check,
/// however each test builds it (helpers, theories, interpolation).
/// </summary>
public static class TestCapture
{
    private static readonly AsyncLocal<List<CapturedTest>?> Current = new();
    private static readonly AsyncLocal<string?> CurrentTest = new();

    /// <summary>Records the state when capturing; false when the test should run as usual.</summary>
    public static bool TryCapture(SolutionState state, TestProvider provider)
    {
        if (Current.Value is not { } captured)
        {
            return false;
        }

        var sources = state.Sources.Select(static s => (s.filename, s.content.ToString())).ToList();
        var configs = state.AnalyzerConfigFiles.Select(static s => (s.filename, s.content.ToString())).ToList();
        lock (captured)
        {
            captured.Add(new CapturedTest(CurrentTest.Value ?? "?", provider, sources, configs));
        }

        return true;
    }

    /// <summary>Runs <paramref name="body"/> (named <paramref name="test"/>) and returns the states it asked to verify.</summary>
    public static async Task<List<CapturedTest>> RunAsync(string test, Func<Task> body)
    {
        var captured = new List<CapturedTest>();
        Current.Value = captured;
        CurrentTest.Value = test;
        try
        {
            await body();
        }
        catch (Exception)
        {
            // What the test does after verifying (assertions on a captured, unverified run) is not the point here.
        }
        finally
        {
            Current.Value = null;
            CurrentTest.Value = null;
        }

        return captured;
    }
}
