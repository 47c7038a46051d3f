using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Lossless.Tests.Verifiers;

public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string diagnosticId) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(diagnosticId);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        => VerifyAnalyzerAsync(source, TestProvider.PostgreSql, expected);

    public static Task VerifyAnalyzerAsync(string source, TestProvider provider, params DiagnosticResult[] expected)
    {
        var test = new Test(provider) { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>An analyzer test that compiles against the real EF Core 10 and the chosen provider.</summary>
    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test(TestProvider provider)
        {
            Provider = provider;
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(EFCoreReferences.For(provider));

            // Sources.Migration gives a test migration an empty Down, which LL2002 rightly reports: the Reversibility
            // rules are off here unless a test turns them on (tests/Lossless.Tests/Rules/Reversibility do).
            DisabledDiagnostics.AddRange(ReversibilityRules);

            // The Availability rules (info) report on most operations of an existing PostgreSQL table: they are off
            // here unless a test turns them on (tests/Lossless.Tests/Rules/Availability do).
            DisabledDiagnostics.AddRange(AvailabilityRules);

            // LL4004 (opt-in) would report the "#pragma warning disable LLxxxx" the testing library writes to check
            // suppressions: off here unless a test turns it on (tests/Lossless.Tests/Rules/Correctness do).
            DisabledDiagnostics.Add("LL4004");
        }

        public TestProvider Provider { get; }

        /// <summary>Verifies, unless the fix meta-tests are only collecting what is verified (<see cref="TestCapture"/>).</summary>
        protected override Task RunImplAsync(CancellationToken cancellationToken)
            => TestCapture.TryCapture(TestState, Provider) ? Task.CompletedTask : base.RunImplAsync(cancellationToken);

        /// <summary>LL2001–LL2003.</summary>
        public static readonly string[] ReversibilityRules = ["LL2001", "LL2002", "LL2003"];

        /// <summary>LL3001–LL3009.</summary>
        public static readonly string[] AvailabilityRules = ["LL3001", "LL3002", "LL3003", "LL3004", "LL3005", "LL3006", "LL3007", "LL3008", "LL3009"];
    }
}
