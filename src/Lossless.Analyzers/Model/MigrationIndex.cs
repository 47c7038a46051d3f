using System;
using System.Collections.Generic;
using System.Threading;
using Lossless.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Model;

/// <summary>
/// The migrations of one compilation by DbContext and id, built on first use only (a rule that needs the previous
/// migration's target model asks for it); a build where no rule asks never walks the namespaces.
/// </summary>
internal sealed class MigrationIndex
{
    private readonly Compilation _compilation;
    private readonly MigrationSymbols _symbols;
    private readonly object _gate = new();
    private List<Entry>? _entries;
    private List<INamedTypeSymbol>? _migrations;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, Targets.DesignerModel?> _designers = new(SymbolEqualityComparer.Default);
    private Dictionary<ITypeSymbol, ContextMigrations>? _contexts;
    private Dictionary<ITypeSymbol, Entry[]>? _ordered;
    private Entry[]? _orderedWithoutContext;
    private (Dictionary<ITypeSymbol, List<Entry>> ByContext, List<Entry> NoContext)? _groups;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, Targets.ScanShelf> _shelves = new(SymbolEqualityComparer.Default);
    private readonly Func<INamedTypeSymbol, bool>? _unjudged;

    /// <param name="compilation">The compilation whose migrations are indexed.</param>
    /// <param name="symbols">EF Core's types in it.</param>
    /// <param name="unjudged">
    /// True for a migration no rule judges (before lossless.since_migration): its Designer is read, if at all, only as
    /// the previous model of the first migration judged, so its scan starts from no predecessor's and the scans in
    /// migration order stop there instead of walking the history before it.
    /// </param>
    public MigrationIndex(Compilation compilation, MigrationSymbols symbols, Func<INamedTypeSymbol, bool>? unjudged = null)
    {
        _compilation = compilation;
        _symbols = symbols;
        _unjudged = unjudged;
    }

    /// <summary>The migration of the same DbContext whose id sorts just before <paramref name="id"/>, or null.</summary>
    /// <remarks>
    /// Rules ask this about every migration, some more than once, so it is a binary search in the context's ids sorted
    /// once (ordinal; equal ids keep the order the namespaces were walked in, and the first of them is the answer, as a
    /// walk of every entry would find), not a walk of every migration each time: that was quadratic in the number of
    /// migrations. Migrations whose context is not known are one group of their own.
    /// </remarks>
    public INamedTypeSymbol? Previous(INamedTypeSymbol migration, string id, CancellationToken cancellationToken)
    {
        var ordered = Ordered(_symbols.DbContextOf(migration), cancellationToken);
        if (ordered is null)
        {
            return null;
        }

        // The first entry whose id is not below id; the one before it has the greatest id below.
        int low = 0, high = ordered.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (string.CompareOrdinal(ordered[middle].Id, id) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        if (low == 0)
        {
            return null;
        }

        var best = low - 1;
        while (best > 0 && string.Equals(ordered[best - 1].Id, ordered[low - 1].Id, StringComparison.Ordinal))
        {
            best--;
        }

        return ordered[best].Type;
    }

    /// <summary>The entries of one context sorted by id (ordinal, stable); null when the compilation has none.</summary>
    private Entry[]? Ordered(ITypeSymbol? context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var (groups, noContext) = Groups(cancellationToken);
            if (_ordered is null)
            {
                var ordered = new Dictionary<ITypeSymbol, Entry[]>(groups.Count, SymbolEqualityComparer.Default);
                foreach (var pair in groups)
                {
                    ordered.Add(pair.Key, Sort(pair.Value));
                }

                _orderedWithoutContext = Sort(noContext);
                _ordered = ordered;
            }

            return context is null ? _orderedWithoutContext : _ordered.TryGetValue(context, out var found) ? found : null;
        }
    }

    /// <summary>Sorts by id, ordinal; equal ids stay in the order the namespaces were walked in (Array.Sort is not stable).</summary>
    private static Entry[] Sort(List<Entry> entries)
    {
        var items = entries.ToArray();
        Array.Sort(items, static (x, y) =>
        {
            var byId = string.CompareOrdinal(x.Id, y.Id);
            return byId != 0 ? byId : x.Order.CompareTo(y.Order);
        });
        return items;
    }

    /// <summary>The migrations of the DbContext <paramref name="migration"/> belongs to, by id; null when its context is not known.</summary>
    public ContextMigrations? MigrationsOfContext(INamedTypeSymbol migration, CancellationToken cancellationToken)
    {
        if (_symbols.DbContextOf(migration) is not { } context)
        {
            return null;
        }

        lock (_gate)
        {
            var (groups, _) = Groups(cancellationToken);
            if (_contexts is null)
            {
                var contexts = new Dictionary<ITypeSymbol, ContextMigrations>(groups.Count, SymbolEqualityComparer.Default);
                foreach (var pair in groups)
                {
                    var migrations = new ContextMigrations();
                    foreach (var entry in pair.Value)
                    {
                        migrations.Add(entry.Type, entry.Id);
                    }

                    contexts.Add(pair.Key, migrations);
                }

                _contexts = contexts;
            }

            return _contexts.TryGetValue(context, out var found) ? found : null;
        }
    }

    /// <summary>The entries by context, in the order the namespaces were walked in, and those whose context is not known. The caller holds the gate.</summary>
    private (Dictionary<ITypeSymbol, List<Entry>> ByContext, List<Entry> NoContext) Groups(CancellationToken cancellationToken)
    {
        Walk(cancellationToken);
        if (_groups is null)
        {
            var byContext = new Dictionary<ITypeSymbol, List<Entry>>(SymbolEqualityComparer.Default);
            var noContext = new List<Entry>();
            foreach (var entry in _entries!)
            {
                if (entry.Context is null)
                {
                    noContext.Add(entry);
                    continue;
                }

                if (!byContext.TryGetValue(entry.Context, out var group))
                {
                    group = new List<Entry>();
                    byContext.Add(entry.Context, group);
                }

                group.Add(entry);
            }

            _groups = (byContext, noContext);
        }

        return _groups.Value;
    }

    /// <summary>
    /// The Designer of a migration, one per migration in the compilation: its own target model and the next
    /// migration's previous one are the same reading, each part read once. Null when the migration has no Designer.
    /// </summary>
    public Targets.DesignerModel? Designer(INamedTypeSymbol migration, CancellationToken cancellationToken)
        => _designers.TryGetValue(migration, out var designer)
            ? designer
            : _designers.GetOrAdd(migration, Targets.DesignerModel.Of(migration, cancellationToken, PreviousDesigner(migration, cancellationToken), ShelfOf(migration)));

    /// <summary>The scan shelf of the migration's DbContext; null when its context is not known.</summary>
    private Targets.ScanShelf? ShelfOf(INamedTypeSymbol migration)
        => _symbols.DbContextOf(migration) is { } context ? _shelves.GetOrAdd(context, static _ => new Targets.ScanShelf()) : null;

    /// <summary>
    /// The previous migration's Designer, looked up once and only when a scan asks for it; none for a migration no rule
    /// judges (a scan's starting point changes what it costs, never what it reads).
    /// </summary>
    private Func<Targets.DesignerModel?> PreviousDesigner(INamedTypeSymbol migration, CancellationToken cancellationToken)
    {
        var previous = new Lazy<Targets.DesignerModel?>(
            () => _unjudged?.Invoke(migration) != true && _symbols.MigrationIdOf(migration) is { } id && Previous(migration, id, cancellationToken) is { } type ? Designer(type, cancellationToken) : null,
            LazyThreadSafetyMode.PublicationOnly);
        return () => previous.Value;
    }

    /// <summary>Every migration class of the compilation, with an id or without one.</summary>
    public IReadOnlyList<INamedTypeSymbol> Migrations(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Walk(cancellationToken);
            return _migrations!;
        }
    }

    private void Walk(CancellationToken cancellationToken)
    {
        if (_entries is null)
        {
            var entries = new List<Entry>();
            var migrations = new List<INamedTypeSymbol>();
            Collect(_compilation.Assembly.GlobalNamespace, entries, migrations, cancellationToken);
            _migrations = migrations;
            _entries = entries;
        }
    }

    private void Collect(INamespaceOrTypeSymbol container, List<Entry> entries, List<INamedTypeSymbol> migrations, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                Collect(ns, entries, migrations, cancellationToken);
            }
            else if (member is INamedTypeSymbol type)
            {
                if (_symbols.IsMigration(type))
                {
                    migrations.Add(type);
                    if (_symbols.MigrationIdOf(type) is { } id)
                    {
                        entries.Add(new Entry(type, id, _symbols.DbContextOf(type), entries.Count));
                    }
                }

                Collect(type, entries, migrations, cancellationToken);
            }
        }
    }

    private sealed class Entry
    {
        public Entry(INamedTypeSymbol type, string id, ITypeSymbol? context, int order)
        {
            Type = type;
            Id = id;
            Context = context;
            Order = order;
        }

        public INamedTypeSymbol Type { get; }

        public string Id { get; }

        public ITypeSymbol? Context { get; }

        /// <summary>Where the walk of the namespaces found it among the entries.</summary>
        public int Order { get; }
    }
}
