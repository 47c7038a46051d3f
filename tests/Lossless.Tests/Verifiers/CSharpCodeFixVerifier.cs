using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Lossless.Tests.Verifiers;

/// <summary>Code-fix tests compiled against the real EF Core 10 and a provider; full source before and after.</summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string diagnosticId) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(diagnosticId);

    public static Task VerifyAnalyzerAsync(string source, TestProvider provider, params DiagnosticResult[] expected)
    {
        var test = new Test(provider) { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Applies the fix (the one with <paramref name="equivalenceKey"/> when given) and compares the full source.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, TestProvider provider, string? equivalenceKey, params DiagnosticResult[] expected)
    {
        var test = new Test(provider)
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test(TestProvider provider)
        {
            Provider = provider;
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            // The fixed and batch-fixed states inherit these references (InheritanceMode.AutoInherit).
            TestState.AdditionalReferences.AddRange(EFCoreReferences.For(provider));

            // As in CSharpAnalyzerVerifier: the empty Down of Sources.Migration is not what another fixer's test is about.
            DisabledDiagnostics.AddRange(CSharpAnalyzerVerifier<TAnalyzer>.Test.ReversibilityRules);
            DisabledDiagnostics.AddRange(CSharpAnalyzerVerifier<TAnalyzer>.Test.AvailabilityRules);
            DisabledDiagnostics.Add("LL4004");
        }

        public TestProvider Provider { get; }

        /// <summary>Verifies, unless the fix meta-tests are only collecting what is verified (<see cref="TestCapture"/>).</summary>
        protected override Task RunImplAsync(CancellationToken cancellationToken)
            => TestCapture.TryCapture(TestState, Provider) ? Task.CompletedTask : base.RunImplAsync(cancellationToken);
    }
}
