using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lossless.Analyzers.Model.Targets;

/// <summary>
/// One migration's .Designer.cs BuildTargetModel, read in parts and only as far as a rule asks: one table (its entity
/// blocks alone, after a scan of which entity maps to which table), the keys, or the whole model. A compilation keeps
/// one per migration (<see cref="MigrationIndex"/>), so a Designer asked about as a migration's own target model and as
/// the next migration's previous one is read once. Thread-safe: the analyzer's symbol-end actions run concurrently.
/// </summary>
internal sealed class DesignerModel
{
    private readonly object _gate = new();
    private readonly BlockSyntax _body;
    private readonly string _builderName;
    private readonly CancellationToken _cancellationToken;
    private readonly Func<DesignerModel?>? _previous;
    private readonly ScanShelf? _shelf;
    private TargetModel? _full;
    private TargetKeys? _keys;
    private TargetModelReader.TableScan? _scan;
    private Dictionary<(string? Schema, string Table), TargetTable?>? _tables;
    private Dictionary<(string? Schema, string Table, string Column), TargetColumn?>? _columns;
    private int? _maxIdentifierLength;
    private bool _maxIdentifierLengthRead;

    private DesignerModel(BlockSyntax body, string builderName, CancellationToken cancellationToken, Func<DesignerModel?>? previous = null, ScanShelf? shelf = null)
    {
        _body = body;
        _builderName = builderName;
        _cancellationToken = cancellationToken;
        _previous = previous;
        _shelf = shelf;
        Model = new TargetModel(this);
        Keys = new TargetKeys(this);
    }

    /// <summary>The target model, read as far as it is asked (a table, or everything).</summary>
    public TargetModel Model { get; }

    /// <summary>The target model's keys, read as far as they are asked (a table's primary key, or all keys).</summary>
    public TargetKeys Keys { get; }

    /// <summary>
    /// The Designer of <paramref name="migration"/>, found from syntax and not read yet; null when it has none.
    /// <paramref name="previous"/> gives the previous migration's Designer (the compilation's one reading of it), whose
    /// scan a scan of this one starts from when it is made already; else it starts from the scan last made of a Designer
    /// of the same DbContext (<paramref name="shelf"/>), when there is one.
    /// </summary>
    public static DesignerModel? Of(INamedTypeSymbol migration, CancellationToken cancellationToken, Func<DesignerModel?>? previous = null, ScanShelf? shelf = null)
        => TargetModelReader.FindBuildTargetModel(migration, cancellationToken) is var (body, builderName)
            ? new DesignerModel(body, builderName, cancellationToken, previous, shelf)
            : null;

    /// <summary>A Designer read from a BuildTargetModel body directly (tests; the analyzer finds it by symbol).</summary>
    internal static DesignerModel FromBody(BlockSyntax body, string builderName, CancellationToken cancellationToken, ScanShelf? shelf = null)
        => new(body, builderName, cancellationToken, shelf: shelf);

    /// <summary>The whole model, read once.</summary>
    public TargetModel Full
    {
        get
        {
            lock (_gate)
            {
                return _full ??= TargetModelReader.ReadModel(_body, _builderName, _cancellationToken);
            }
        }
    }

    /// <summary>
    /// All keys: from the whole model when that was read already, else from the table scan (which reads the key and
    /// relationship statements along with the tables: a Designer asked for one table and for its keys is walked once).
    /// </summary>
    public TargetKeys FullKeys
    {
        get
        {
            lock (_gate)
            {
                return _keys ??= _full is not null
                    ? TargetKeys.From(_full)
                    : TargetModelReader.KeysOf(ScanLocked());
            }
        }
    }

    public int? MaxIdentifierLength
    {
        get
        {
            lock (_gate)
            {
                if (!_maxIdentifierLengthRead)
                {
                    _maxIdentifierLength = _full?.MaxIdentifierLength ?? TargetModelReader.ReadMaxIdentifierLength(_body, _builderName);
                    _maxIdentifierLengthRead = true;
                }

                return _maxIdentifierLength;
            }
        }
    }

    /// <summary>One table as the whole model has it: from the whole model when read, else its own entity blocks alone.</summary>
    public TargetTable? FindTable(string? schema, string table)
    {
        lock (_gate)
        {
            if (_full is not null)
            {
                return _full.FindTable(schema, table);
            }

            _tables ??= new Dictionary<(string?, string), TargetTable?>();
            if (!_tables.TryGetValue((schema, table), out var found))
            {
                found = TargetModelReader.ReadTable(ScanLocked(), schema, table);
                _tables.Add((schema, table), found);
            }

            return found;
        }
    }

    /// <summary>
    /// The first column of that name in <see cref="FindTable"/>'s table, or null: read from the statements of the one
    /// property that gives it when the scan can tell which (<see cref="TargetModelReader.ReadColumn"/>), else from the
    /// table. Most rules ask a Designer for one column (its default, its CLR type): the table's other properties, indexes
    /// and keys are not read for it.
    /// </summary>
    public TargetColumn? FindColumn(string? schema, string table, string column)
    {
        lock (_gate)
        {
            if (_full is not null)
            {
                return _full.FindTable(schema, table)?.FindColumn(column);
            }

            if (_tables is not null && _tables.TryGetValue((schema, table), out var read))
            {
                return read?.FindColumn(column);
            }

            _columns ??= new Dictionary<(string?, string, string), TargetColumn?>();
            if (_columns.TryGetValue((schema, table, column), out var known))
            {
                return known;
            }

            if (TargetModelReader.ReadColumn(ScanLocked(), schema, table, column, out var found))
            {
                _columns.Add((schema, table, column), found);
                return found;
            }

            return FindTable(schema, table)?.FindColumn(column);
        }
    }

    /// <summary>Whether <see cref="FindTable"/> finds a table, and its schema, from the scan alone (or the tables read).</summary>
    public bool FindsTable(string? schema, string table, out string? foundSchema)
    {
        lock (_gate)
        {
            if (_full is not null || (_tables is not null && _tables.ContainsKey((schema, table))))
            {
                var read = _full is not null ? _full.FindTable(schema, table) : _tables![(schema, table)];
                foundSchema = read?.Schema;
                return read is not null;
            }

            return TargetModelReader.FindsTable(ScanLocked(), schema, table, out foundSchema);
        }
    }

    /// <summary>
    /// The tables where a column both models have may have another CLR type in this one than in
    /// <paramref name="previous"/>, in this model's order: those an entity maps to whose table or base type differ between
    /// the two Designers' scans, that only one of them has, or whose properties differ (names, CLR types, column names) in
    /// a way that can give a column another CLR type. A table none of whose entities changed has the same columns with the
    /// same CLR types in both, and so has one whose only entity merely gained, lost or renamed columns: a rule comparing CLR
    /// types reads only the tables named here. Null when that cannot be said table by table (a changed entity shares its
    /// table with another root entity): read the whole models then.
    /// </summary>
    public List<ColumnRefTable>? TablesChangedSince(DesignerModel previous)
    {
        // Scanned after the previous Designer, this one takes its reading of every entity whose blocks are the same.
        var theirs = previous.ScanInOrder(wholeCompilation: _shelf?.CountComparison() > 0);
        var mine = ScanAfter(theirs);

        // An entity this scan took from that one has its very reading (SameShape by reference): not looked at. Made from
        // another scan, every entity is.
        var madeFromTheirs = mine.FromId == theirs.Id;
        var inBoth = 0;
        var changed = new List<ColumnRefTable>();
        foreach (var entity in mine.Order)
        {
            if (madeFromTheirs && entity.Taken)
            {
                inBoth++;
                continue;
            }

            var old = theirs.Entities.TryGetValue(entity.Name, out var found) ? found : null;
            inBoth += old is null ? 0 : 1;
            if (old is not null && TargetModelReader.SameShape(entity, old))
            {
                continue;
            }

            if (old is not null && TargetModelReader.SameColumnTypes(entity, old, mine, theirs)
                && TableOf(this, entity.Name) is { Shared: false } table
                && TableOf(previous, entity.Name) is { Shared: false } before
                && string.Equals(table.Table.Name, before.Table.Name, StringComparison.Ordinal)
                && string.Equals(table.Table.Schema, before.Table.Schema, StringComparison.Ordinal))
            {
                // Its columns were added, dropped or renamed, and every column it has in both kept its CLR type.
                continue;
            }

            if (!AddTableOf(this, entity.Name, changed) || (old is not null && !AddTableOf(previous, entity.Name, changed)))
            {
                return null;
            }
        }

        // The entities only that Designer has (none when every one of its entities is one of these).
        for (var i = 0; i < theirs.Order.Count && inBoth < theirs.Order.Count; i++)
        {
            var entity = theirs.Order[i];
            if (!mine.Entities.ContainsKey(entity.Name) && !AddTableOf(previous, entity.Name, changed))
            {
                return null;
            }
        }

        return changed;
    }

    /// <summary>The scan, made on first use. Its entities, order and signatures do not change afterwards.</summary>
    private TargetModelReader.TableScan Scan()
    {
        lock (_gate)
        {
            return ScanLocked();
        }
    }

    /// <summary>
    /// The scan, made on first use after the previous migration's scan when that one is made already, else after the
    /// scan last made of another Designer of the same DbContext (the entities whose blocks are the same text there are
    /// taken, not read: a context's Designers repeat most of each other's model). The caller holds <see cref="_gate"/>;
    /// the other scan is read without its gate.
    /// </summary>
    private TargetModelReader.TableScan ScanLocked()
        => _scan ?? Publish(TargetModelReader.ScanTables(_body, _builderName, _cancellationToken, _previous?.Invoke()?.MadeScan() ?? _shelf?.Latest));

    /// <summary>This Designer's scan, made after <paramref name="previous"/> unless made already.</summary>
    private TargetModelReader.TableScan ScanAfter(TargetModelReader.TableScan previous)
    {
        lock (_gate)
        {
            return _scan ?? Publish(TargetModelReader.ScanTables(_body, _builderName, _cancellationToken, previous));
        }
    }

    /// <summary>
    /// The scan, made in migration order from the nearest earlier Designer whose scan is made (or from the first
    /// migration's), so that each scan in between takes its predecessor's reading of the unchanged entities. The analyzer
    /// judges migrations in no particular order and on two threads, and every SQLite migration compares its Designer with
    /// the previous one: without this, a third of ErsatzTV's scans found no scan before them. At most
    /// <see cref="InOrderReach"/> Designers back are looked at for the first migration compared (one migration analyzed
    /// alone, in an editor: past the reach only this Designer is scanned, from the scan made last). From the second
    /// (<paramref name="wholeCompilation"/>), or once the DbContext has as many scans as the reach, the compilation is
    /// taken to be analyzed as a whole, which scans every Designer anyway, so the walk goes back as far as it must: to the
    /// first migration, or to the last one no rule judges (before lossless.since_migration), which has no previous. The
    /// analyzer driver judges some of a history's last migrations among its first: scanned past the reach, from an early
    /// scan, such a Designer read its whole model (bitwarden SQLite: 1–3 times in three runs of five, up to 3 MB a run).
    /// An editor with two migrations of a context open scans the Designers between them in order. With the reach alone,
    /// a build of bitwarden's SQLite migrations fell back 9–90 times per run and its scans read 534–1,788 entities
    /// instead of the 369 that changed from one Designer to the next.
    /// </summary>
    private TargetModelReader.TableScan ScanInOrder(bool wholeCompilation)
    {
        if (MadeScan() is { } made)
        {
            return made;
        }

        var reach = wholeCompilation || _shelf is { Offered: >= InOrderReach } ? int.MaxValue : InOrderReach;
        var unscanned = new List<DesignerModel>();
        TargetModelReader.TableScan? start = null;
        var reachedFirst = false;
        for (var current = this; unscanned.Count < reach;)
        {
            unscanned.Add(current);
            if (current._previous?.Invoke() is not { } before)
            {
                reachedFirst = true;
                break;
            }

            if (before.MadeScan() is { } scan)
            {
                start = scan;
                break;
            }

            current = before;
        }

        if (start is null && !reachedFirst)
        {
            return Scan();
        }

        if (unscanned.Count == 1 || _shelf is null)
        {
            return ScanChain(unscanned, start);
        }

        // One thread at a time walks a chain of the context's Designers: two threads walking the same chain would each
        // wait on every Designer the other is scanning, and the runtime's lock spins before it sleeps (a long history
        // of small Designers cost a quarter more so). A thread that waits here waits once; the scans made meanwhile are
        // taken as they are.
        lock (_shelf.Chain)
        {
            return ScanChain(unscanned, start);
        }
    }

    private static TargetModelReader.TableScan ScanChain(List<DesignerModel> unscanned, TargetModelReader.TableScan? start)
    {
        for (var i = unscanned.Count - 1; i >= 0; i--)
        {
            start = start is null ? unscanned[i].Scan() : unscanned[i].ScanAfter(start);
        }

        return start!;
    }

    private const int InOrderReach = 16;

    /// <summary>The scan when it is made already, else null: asking never reads, nor waits for a scan under way.</summary>
    internal TargetModelReader.TableScan? MadeScan() => Volatile.Read(ref _scan);

    /// <summary>Sets the scan, made whole before it is seen (MadeScan reads it without the gate). The caller holds the gate.</summary>
    private TargetModelReader.TableScan Publish(TargetModelReader.TableScan scan)
    {
        Volatile.Write(ref _scan, scan);
        _shelf?.Offer(scan);
        return scan;
    }

    private static (ColumnRefTable Table, bool Shared)? TableOf(DesignerModel designer, string entity)
    {
        lock (designer._gate)
        {
            return TargetModelReader.TableOfEntity(designer.Scan(), entity);
        }
    }

    private static bool AddTableOf(DesignerModel designer, string entity, List<ColumnRefTable> tables)
    {
        if (TableOf(designer, entity) is not { } found)
        {
            // An entity mapped to no table (owned types, views, keyless types) has no columns here.
            return true;
        }

        if (found.Shared)
        {
            return false;
        }

        foreach (var table in tables)
        {
            if (string.Equals(table.Name, found.Table.Name, System.StringComparison.Ordinal) && string.Equals(table.Schema, found.Table.Schema, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        tables.Add(found.Table);
        return true;
    }

    /// <summary>
    /// The foreign keys whose dependent table is <paramref name="table"/>: from all keys when read already, else from the
    /// scan, resolving only that table's relationships.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<TargetForeignKey> ForeignKeysFrom(string? schema, string table)
        => ForeignKeysOf(schema, table, dependent: true);

    /// <summary>
    /// The foreign keys whose principal table is <paramref name="table"/> (the rows a rebuild of it deletes or changes):
    /// from all keys when read already, else from the scan, resolving only the relationships to that table.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<TargetForeignKey> ForeignKeysTo(string? schema, string table)
        => ForeignKeysOf(schema, table, dependent: false);

    private System.Collections.Immutable.ImmutableArray<TargetForeignKey> ForeignKeysOf(string? schema, string table, bool dependent)
    {
        lock (_gate)
        {
            if (_keys is null && _full is null)
            {
                var scan = ScanLocked();
                return dependent ? TargetModelReader.ForeignKeysFrom(scan, schema, table) : TargetModelReader.ForeignKeysTo(scan, schema, table);
            }
        }

        var all = FullKeys.ForeignKeys;
        var result = System.Collections.Immutable.ImmutableArray.CreateBuilder<TargetForeignKey>();
        foreach (var foreignKey in all)
        {
            var end = dependent ? foreignKey.Dependent : foreignKey.Principal;
            if (string.Equals(end.Name, table, System.StringComparison.Ordinal) && ColumnRef.SchemasMatch(end.Schema, schema))
            {
                result.Add(foreignKey);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>A table's primary key as <see cref="TargetKeys.FindPrimaryKey"/> reads it, from whatever is read already.</summary>
    public System.Collections.Immutable.ImmutableArray<string> FindPrimaryKey(string? schema, string table)
    {
        lock (_gate)
        {
            if (_keys is not null)
            {
                return _keys.FindPrimaryKey(schema, table);
            }

            if (_full is not null)
            {
                return _full.FindTable(schema, table)?.PrimaryKey ?? System.Collections.Immutable.ImmutableArray<string>.Empty;
            }

            if (_tables is not null && _tables.TryGetValue((schema, table), out var read))
            {
                return read?.PrimaryKey ?? System.Collections.Immutable.ImmutableArray<string>.Empty;
            }

            // The scan holds the key statements: the key's column names are looked up without reading the table.
            return TargetModelReader.PrimaryKeyOf(ScanLocked(), schema, table);
        }
    }
}
