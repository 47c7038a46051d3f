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

    /// <summary>All keys: from the whole model when that was read already, else from the key statements alone.</summary>
    public TargetKeys FullKeys
    {
        get
        {
            lock (_gate)
            {
                return _keys ??= _full is not null ? TargetKeys.From(_full) : TargetModelReader.ReadKeys(_body, _builderName, _cancellationToken);
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

    /// <summary>A table's primary key as <see cref="TargetKeys.FindPrimaryKey"/> reads it, from whatever is read already.</summary>
    public System.Collections.Immutable.ImmutableArray<string> FindPrimaryKey(string? schema, string table)
    {
        lock (_gate)
        {
            if (_keys is not null)
            {
                return _keys.FindPrimaryKey(schema, table);
            }
        }

        return FindTable(schema, table)?.PrimaryKey ?? System.Collections.Immutable.ImmutableArray<string>.Empty;
    }
}
