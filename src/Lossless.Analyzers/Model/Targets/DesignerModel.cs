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
    private TargetModel? _full;
    private TargetKeys? _keys;
    private TargetModelReader.TableScan? _scan;
    private Dictionary<(string? Schema, string Table), TargetTable?>? _tables;
    private Dictionary<string, List<SimpleLambdaExpressionSyntax>>? _entityBlocks;
    private int? _maxIdentifierLength;
    private bool _maxIdentifierLengthRead;

    private DesignerModel(BlockSyntax body, string builderName, CancellationToken cancellationToken)
    {
        _body = body;
        _builderName = builderName;
        _cancellationToken = cancellationToken;
        Model = new TargetModel(this);
        Keys = new TargetKeys(this);
    }

    /// <summary>The target model, read as far as it is asked (a table, or everything).</summary>
    public TargetModel Model { get; }

    /// <summary>The target model's keys, read as far as they are asked (a table's primary key, or all keys).</summary>
    public TargetKeys Keys { get; }

    /// <summary>The Designer of <paramref name="migration"/>, found from syntax and not read yet; null when it has none.</summary>
    public static DesignerModel? Of(INamedTypeSymbol migration, CancellationToken cancellationToken)
        => TargetModelReader.FindBuildTargetModel(migration, cancellationToken) is var (body, builderName)
            ? new DesignerModel(body, builderName, cancellationToken)
            : null;

    /// <summary>A Designer read from a BuildTargetModel body directly (tests; the analyzer finds it by symbol).</summary>
    internal static DesignerModel FromBody(BlockSyntax body, string builderName, CancellationToken cancellationToken)
        => new(body, builderName, cancellationToken);

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
                    : TargetModelReader.KeysOf(_scan ??= TargetModelReader.ScanTables(_body, _builderName, _cancellationToken));
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
                _scan ??= TargetModelReader.ScanTables(_body, _builderName, _cancellationToken);
                found = TargetModelReader.ReadTable(_scan, schema, table);
                _tables.Add((schema, table), found);
            }

            return found;
        }
    }

    /// <summary>
    /// The tables whose columns may differ from <paramref name="previous"/>'s, in this model's order: those an entity
    /// maps to whose Entity(…) blocks are not the same text in both Designers (or that only one of them has). A table
    /// none of whose entities changed has the same columns, CLR types and store types in both: a rule comparing the
    /// two models reads only the tables named here. Null when that cannot be said table by table (an entity that
    /// shares its table with another root entity): read the whole models then.
    /// </summary>
    public List<ColumnRefTable>? TablesChangedSince(DesignerModel previous)
    {
        var mine = EntityBlocks();
        var theirs = previous.EntityBlocks();
        var changed = new List<ColumnRefTable>();
        foreach (var entity in mine)
        {
            if (theirs.TryGetValue(entity.Key, out var old) && SameText(entity.Value, old))
            {
                continue;
            }

            if (!AddTableOf(this, entity.Key, changed) || (old is not null && !AddTableOf(previous, entity.Key, changed)))
            {
                return null;
            }
        }

        foreach (var entity in theirs)
        {
            if (!mine.ContainsKey(entity.Key) && !AddTableOf(previous, entity.Key, changed))
            {
                return null;
            }
        }

        return changed;
    }

    private static bool AddTableOf(DesignerModel designer, string entity, List<ColumnRefTable> tables)
    {
        (ColumnRefTable Table, bool Shared)? mapped;
        lock (designer._gate)
        {
            designer._scan ??= TargetModelReader.ScanTables(designer._body, designer._builderName, designer._cancellationToken);
            mapped = TargetModelReader.TableOfEntity(designer._scan, entity);
        }

        if (mapped is not { } found)
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

    /// <summary>The Entity(…) blocks of each entity, in order, found without reading them (top-level statements only).</summary>
    private Dictionary<string, List<SimpleLambdaExpressionSyntax>> EntityBlocks()
    {
        lock (_gate)
        {
            if (_entityBlocks is null)
            {
                var blocks = new Dictionary<string, List<SimpleLambdaExpressionSyntax>>(System.StringComparer.Ordinal);
                foreach (var statement in _body.Statements)
                {
                    if (TargetModelReader.EntityStatement(statement, _builderName) is var (entity, block))
                    {
                        if (!blocks.TryGetValue(entity, out var list))
                        {
                            list = new List<SimpleLambdaExpressionSyntax>(2);
                            blocks.Add(entity, list);
                        }

                        list.Add(block);
                    }
                }

                _entityBlocks = blocks;
            }

            return _entityBlocks;
        }
    }

    /// <summary>True when both lists hold blocks of the same text, in the same order (the Designers' files are generated: same model, same text).</summary>
    private static bool SameText(List<SimpleLambdaExpressionSyntax> blocks, List<SimpleLambdaExpressionSyntax> others)
    {
        if (blocks.Count != others.Count)
        {
            return false;
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Span.Length != others[i].Span.Length
                || !SameText(blocks[i].SyntaxTree.GetText(), blocks[i].Span, others[i].SyntaxTree.GetText(), others[i].Span))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameText(Microsoft.CodeAnalysis.Text.SourceText text, Microsoft.CodeAnalysis.Text.TextSpan span, Microsoft.CodeAnalysis.Text.SourceText otherText, Microsoft.CodeAnalysis.Text.TextSpan otherSpan)
    {
        const int Chunk = 2048;
        var mine = new char[Chunk];
        var theirs = new char[Chunk];
        for (var offset = 0; offset < span.Length; offset += Chunk)
        {
            var count = System.Math.Min(Chunk, span.Length - offset);
            text.CopyTo(span.Start + offset, mine, 0, count);
            otherText.CopyTo(otherSpan.Start + offset, theirs, 0, count);
            for (var i = 0; i < count; i++)
            {
                if (mine[i] != theirs[i])
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The foreign keys whose dependent table is <paramref name="table"/>: from all keys when read already, else from the
    /// scan, resolving only that table's relationships.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<TargetForeignKey> ForeignKeysFrom(string? schema, string table)
    {
        lock (_gate)
        {
            if (_keys is null && _full is null)
            {
                _scan ??= TargetModelReader.ScanTables(_body, _builderName, _cancellationToken);
                return TargetModelReader.ForeignKeysFrom(_scan, schema, table);
            }
        }

        var all = FullKeys.ForeignKeys;
        var result = System.Collections.Immutable.ImmutableArray.CreateBuilder<TargetForeignKey>();
        foreach (var foreignKey in all)
        {
            if (string.Equals(foreignKey.Dependent.Name, table, System.StringComparison.Ordinal) && ColumnRef.SchemasMatch(foreignKey.Dependent.Schema, schema))
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
            _scan ??= TargetModelReader.ScanTables(_body, _builderName, _cancellationToken);
            return TargetModelReader.PrimaryKeyOf(_scan, schema, table);
        }
    }
}
