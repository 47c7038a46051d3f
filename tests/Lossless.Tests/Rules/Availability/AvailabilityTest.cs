using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.Availability;

/// <summary>
/// Analyzer tests of the Availability rules: every Availability and data-loss rule on (so that "Data first" is seen),
/// the Reversibility rules off (test migrations have an empty Down), lossless.deploy_model as each test says.
/// </summary>
internal static class AvailabilityTest
{
    public static Verify.Test New(string source, TestProvider provider = TestProvider.PostgreSql, string? deployModel = null, string? extraConfig = null)
    {
        var test = new Verify.Test(provider) { TestCode = source };
        test.DisabledDiagnostics.Clear();
        test.DisabledDiagnostics.AddRange(Verify.Test.ReversibilityRules);
        test.DisabledDiagnostics.Add("LL4004");
        if (deployModel is not null || extraConfig is not null)
        {
            var config = "root = true\n\n[*.cs]\n";
            if (deployModel is not null)
            {
                config += "lossless.deploy_model = " + deployModel + "\n";
            }

            config += extraConfig;
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", config));
        }

        return test;
    }

    public static Task VerifyAsync(string up, params DiagnosticResult[] expected) => VerifyAsync(up, TestProvider.PostgreSql, null, expected);

    public static Task VerifyAsync(string up, TestProvider provider, string? deployModel, params DiagnosticResult[] expected)
    {
        var test = New(Sources.Migration(up), provider, deployModel);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>The diagnostic at location <paramref name="location"/> with these arguments, at info (the default) or the given severity.</summary>
    /// <summary>
    /// A PostgreSQL rule's "not on other providers" check: LL3005, SQLite's own rule for the same operations (a rebuild
    /// is committed in pieces), is judged in SqliteNotAtomicTests and left out here.
    /// </summary>
    public static Task VerifyOnOtherProviderAsync(string up, TestProvider provider)
    {
        var test = New(Sources.Migration(up), provider);
        test.DisabledDiagnostics.Add(Lossless.Analyzers.RuleIds.SqliteNotAtomic);
        return test.RunAsync();
    }

    public static DiagnosticResult Diagnostic(string id, int location, DiagnosticSeverity severity, params object[] arguments)
        => Verify.Diagnostic(id).WithLocation(location).WithSeverity(severity).WithArguments(arguments);

    public static DiagnosticResult Info(string id, int location, params object[] arguments)
        => Diagnostic(id, location, DiagnosticSeverity.Info, arguments);
}
