using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Model;

/// <summary>
/// The migrations of one DbContext in a compilation, by id, built once per context when a rule first asks (LL4001);
/// what their Up methods create (<see cref="MigrationHistory"/>) is read only when asked in turn.
/// </summary>
internal sealed class ContextMigrations
{
    private readonly Dictionary<string, List<INamedTypeSymbol>> _byId = new(StringComparer.Ordinal);
    private readonly List<(INamedTypeSymbol Type, string Id)> _migrations = new();
    private readonly object _gate = new();
    private MigrationHistory? _history;

    internal void Add(INamedTypeSymbol type, string id)
    {
        _migrations.Add((type, id));
        if (!_byId.TryGetValue(id, out var types))
        {
            types = new List<INamedTypeSymbol>(1);
            _byId.Add(id, types);
        }

        types.Add(type);
    }

    /// <summary>The other migration classes of this context that carry <paramref name="id"/> too, in declaration order.</summary>
    public IReadOnlyList<INamedTypeSymbol> OthersWithId(INamedTypeSymbol migration, string id)
    {
        if (!_byId.TryGetValue(id, out var types) || types.Count < 2)
        {
            return Array.Empty<INamedTypeSymbol>();
        }

        var others = new List<INamedTypeSymbol>(types.Count - 1);
        foreach (var type in types)
        {
            if (!SymbolEqualityComparer.Default.Equals(type, migration))
            {
                others.Add(type);
            }
        }

        return others;
    }

    /// <summary>The tables and columns each migration's Up introduces, read from syntax on first use, once.</summary>
    public MigrationHistory History(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _history ??= MigrationHistory.Read(_migrations, cancellationToken);
        }
    }
}
