using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules;

/// <summary>What a rule may do: report, and observe cancellation.</summary>
internal readonly struct RuleContext
{
    private readonly Action<Diagnostic> _report;

    public RuleContext(Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        _report = report;
        CancellationToken = cancellationToken;
    }

    public CancellationToken CancellationToken { get; }

    public void Report(Diagnostic diagnostic) => _report(diagnostic);
}
