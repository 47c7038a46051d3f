using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules;

/// <summary>What a rule may do: report, observe cancellation, and ask where a data-loss diagnostic was reported.</summary>
internal readonly struct RuleContext
{
    private readonly Action<Diagnostic> _report;
    private readonly HashSet<Location>? _dataLoss;

    public RuleContext(Action<Diagnostic> report, CancellationToken cancellationToken)
        : this(report, null, cancellationToken)
    {
    }

    public RuleContext(Action<Diagnostic> report, HashSet<Location>? dataLossLocations, CancellationToken cancellationToken)
    {
        _report = report;
        _dataLoss = dataLossLocations;
        CancellationToken = cancellationToken;
    }

    public CancellationToken CancellationToken { get; }

    public void Report(Diagnostic diagnostic)
    {
        if (_dataLoss is not null && diagnostic.Descriptor.Category == DiagnosticCategories.DataLoss)
        {
            _dataLoss.Add(diagnostic.Location);
        }

        _report(diagnostic);
    }

    /// <summary>
    /// True when a data-loss rule (which runs before the Availability rules) reported at this operation's location:
    /// "Data first", the operation gets no Availability diagnostic until the data problem is fixed.
    /// </summary>
    public bool HasDataLossDiagnostic(Location location) => _dataLoss is not null && _dataLoss.Contains(location);
}
