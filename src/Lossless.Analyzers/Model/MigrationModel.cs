using System.Collections.Immutable;
using System.Threading;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.Targets;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Model;

/// <summary>
/// One migration class, read once: its operations in Up and Down (helpers spliced in where they are called),
/// its provider, and, on demand, the target model of its .Designer.cs.
/// </summary>
public sealed class MigrationModel
{
    private readonly CancellationToken _cancellationToken;
    private TargetModel? _targetModel;
    private bool _targetModelRead;
    private KeyGraph? _keys;
    private TargetKeys? _targetKeys;
    private bool _targetKeysRead;
    private System.Collections.Generic.List<DropAddPair>? _dropAddPairs;
    private readonly MigrationIndex? _index;
    private TargetModel? _previousTargetModel;
    private bool _previousRead;
    private DataSteps? _dataSteps;
    private readonly System.Func<string?>? _backupTableFormat;
    private string? _backupFormat;
    private readonly System.Func<string, string?>? _option;
    private DeployModel? _deployModel;

    internal MigrationModel(
        INamedTypeSymbol type,
        string? id,
        DatabaseProvider provider,
        IMethodSymbol? upMethod,
        IMethodSymbol? downMethod,
        ImmutableArray<MigrationOperation> up,
        ImmutableArray<MigrationOperation> down,
        BodyShape downShape,
        MigrationIndex? index,
        CancellationToken cancellationToken,
        System.Func<string?>? backupTableFormat = null,
        System.Func<string, string?>? option = null)
    {
        _option = option;
        _backupTableFormat = backupTableFormat;
        DownShape = downShape;
        _index = index;
        Type = type;
        Id = id;
        Provider = provider;
        UpMethod = upMethod;
        DownMethod = downMethod;
        Up = up;
        Down = down;
        _cancellationToken = cancellationToken;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>True when the class carries [Migration(…)] (constant or not), in any of its partial files.</summary>
    public bool HasMigrationAttribute { get; internal set; } = true;

    /// <summary>True when the class carries [DbContext(…)], in any of its partial files.</summary>
    public bool HasDbContextAttribute { get; internal set; } = true;

    /// <summary>The [Migration("20250117120000_Name")] id, when constant.</summary>
    public string? Id { get; }

    public DatabaseProvider Provider { get; }

    /// <summary>The Up override declared in this class, or null.</summary>
    public IMethodSymbol? UpMethod { get; }

    /// <summary>The Down override declared in this class, or null.</summary>
    public IMethodSymbol? DownMethod { get; }

    /// <summary>The operations of Up in source order, including those of helper methods Up calls.</summary>
    public ImmutableArray<MigrationOperation> Up { get; }

    /// <summary>The operations of Down in source order, including those of helper methods Down calls.</summary>
    public ImmutableArray<MigrationOperation> Down { get; }

    /// <summary>What Down's own body looks like: empty, only throwing, or opaque (loops, helpers, code elsewhere).</summary>
    public BodyShape DownShape { get; }

    /// <summary>True when Down's body does work that cannot be read statically: no rule may judge what it undoes.</summary>
    public bool IsDownOpaque => (DownShape & BodyShape.Opaque) != 0;

    /// <summary>True when Down is declared and every statement of it throws.</summary>
    public bool DownOnlyThrows => (DownShape & BodyShape.OnlyThrows) != 0;

    /// <summary>
    /// The target model of the migration that sorts just before this one (same DbContext, by [Migration] id), parsed
    /// on first use; null when there is none in the compilation or this migration has no id.
    /// </summary>
    public TargetModel? PreviousTargetModel
    {
        get
        {
            if (!_previousRead)
            {
                _previousRead = true;
                if (Id is not null && _index?.Previous(Type, Id, _cancellationToken) is { } previous)
                {
                    TargetModelReads++;
                    _previousTargetModel = DesignerOf(previous)?.Model;
                }
            }

            return _previousTargetModel;
        }
    }

    /// <summary>
    /// The tables whose columns may differ between the previous migration's target model and this one's (see
    /// <see cref="DesignerModel.TablesChangedSince"/>): a rule comparing the two models reads only these. Null when
    /// either Designer is missing, or when only the whole models can say.
    /// </summary>
    internal System.Collections.Generic.List<ColumnRefTable>? TablesChangedSincePrevious()
    {
        if (Id is null || _index?.Previous(Type, Id, _cancellationToken) is not { } previous
            || DesignerOf(Type) is not { } mine
            || DesignerOf(previous) is not { } theirs)
        {
            return null;
        }

        return mine.TablesChangedSince(theirs);
    }

    /// <summary>The compilation's migrations (by context and id), when the analyzer runs; null for a model read on its own.</summary>
    internal MigrationIndex? Index => _index;

    /// <summary>Number of times a Designer was read for this migration (its keys, its whole target model, the previous one); benchmarks count it.</summary>
    public int TargetModelReads { get; private set; }

    /// <summary>
    /// The BuildTargetModel of the .Designer.cs partial, read on use as far as it is asked (FindTable reads one table,
    /// Tables all); null when there is none.
    /// </summary>
    public TargetModel? TargetModel
    {
        get
        {
            if (!_targetModelRead)
            {
                _targetModelRead = true;
                TargetModelReads++;
                _targetModel = DesignerOf(Type)?.Model;
            }

            return _targetModel;
        }
    }

    /// <summary>
    /// Keys and foreign keys: the union of the target model's and this migration's own (Up) operations. Reads only the
    /// Designer's keys unless the whole target model has been read already.
    /// </summary>
    public KeyGraph Keys => _keys ??= KeyGraph.Build(TargetKeys, Up);

    /// <summary>
    /// The columns <paramref name="dependent"/> references through foreign keys, as <see cref="Keys"/> answers it, but
    /// reading only the dependent table's relationships in the Designer unless all keys were read already.
    /// </summary>
    public System.Collections.Generic.List<ForeignKeyLink> ReferencesFrom(ColumnRef dependent)
    {
        if (_keys is not null || DesignerOf(Type) is not { } designer)
        {
            return Keys.ReferencesFrom(dependent);
        }

        var foreignKeys = designer.ForeignKeysFrom(dependent.Schema, dependent.Table);
        return KeyGraph.Build(new TargetKeys(ImmutableArray<TargetPrimaryKey>.Empty, foreignKeys), Up).ReferencesFrom(dependent);
    }

    /// <summary>
    /// The foreign-key links of <see cref="Keys"/> that can reference <paramref name="principal"/>: all of them once all
    /// keys were read, else the Designer's foreign keys to that table (its other relationships are not resolved) and Up's,
    /// in the order <see cref="Keys"/> gives them. The caller still matches each link's principal.
    /// </summary>
    public System.Collections.Generic.IReadOnlyList<ForeignKeyLink> LinksTo(ColumnRefTable principal)
    {
        if (_keys is not null || DesignerOf(Type) is not { } designer)
        {
            return Keys.Links;
        }

        var foreignKeys = designer.ForeignKeysTo(principal.Schema, principal.Name);
        return KeyGraph.Build(new TargetKeys(ImmutableArray<TargetPrimaryKey>.Empty, foreignKeys), Up).Links;
    }

    /// <summary>
    /// The keys of the target model (primary and foreign keys), read on first use: from the whole model when that was
    /// read already, else from the Designer's key statements alone. Null when there is no Designer.
    /// </summary>
    public TargetKeys? TargetKeys
    {
        get
        {
            if (!_targetKeysRead)
            {
                _targetKeysRead = true;
                if (!_targetModelRead)
                {
                    TargetModelReads++;
                }

                // The Designer's keys: one table's primary key is read from that table's blocks alone, all keys from
                // the whole model when that was read already, else from the key statements alone.
                _targetKeys = DesignerOf(Type)?.Keys;
            }

            return _targetKeys;
        }
    }

    /// <summary>A migration's Designer: the compilation's one reading of it, or (without an index) a reading of its own.</summary>
    private DesignerModel? DesignerOf(INamedTypeSymbol migration)
        => _index is not null ? _index.Designer(migration, _cancellationToken) : DesignerModel.Of(migration, _cancellationToken);

    /// <summary>lossless.backup_table_format for this migration (or the default), read on first use.</summary>
    public string BackupTableFormat => _backupFormat ??= BackupTables.Normalize(_backupTableFormat?.Invoke());

    /// <summary>lossless.deploy_model for this migration, read on first use: how the Availability rules report.</summary>
    public DeployModel DeployModel => _deployModel ??= DeployModels.Parse(_option?.Invoke(DeployModels.OptionKey));

    /// <summary>lossless.lock_timeout for this migration (default 5s), as the LL3009 fix writes it.</summary>
    public string LockTimeout => DeployModels.NormalizeLockTimeout(_option?.Invoke(DeployModels.LockTimeoutKey));

    /// <summary>True when the table is one of Lossless's own backup tables (named by <see cref="BackupTableFormat"/>).</summary>
    public bool IsBackupTable(string table) => BackupTables.IsBackupTable(BackupTableFormat, table);

    /// <summary>The Sql steps of Up, each lexed once on first use, and the data steps they are (backfills, copies, deletes).</summary>
    public DataSteps DataSteps => _dataSteps ??= new DataSteps(this);

    /// <summary>The drop + add pairs of Up that read as renames (LL1006), computed on first use.</summary>
    public System.Collections.Generic.IReadOnlyList<DropAddPair> DropAddPairs => _dropAddPairs ??= DropAddPairing.Find(this);

    /// <summary>The rename pair that <paramref name="operation"/> (its drop or its add) belongs to, or null.</summary>
    public DropAddPair? PairOf(MigrationOperation operation)
    {
        foreach (var pair in DropAddPairs)
        {
            if (ReferenceEquals(pair.Drop, operation) || ReferenceEquals(pair.Add, operation))
            {
                return pair;
            }
        }

        return null;
    }

    /// <summary>
    /// True when the table holds no rows at step <paramref name="index"/>: Up created it before, or a <c>Sql</c> step
    /// before deleted every row (<c>DELETE</c> without <c>WHERE</c>, <c>TRUNCATE</c>: LL1009 reports that step).
    /// </summary>
    public bool HoldsNoRowsBefore(int index, string? schema, string table)
        => IsCreatedInUpBefore(index, schema, table) || DataSteps.EmptiesTable(schema, table, index);

    /// <summary>True when Up creates the table before step <paramref name="index"/>: it holds no rows yet.</summary>
    public bool IsCreatedInUpBefore(int index, string? schema, string table)
    {
        for (var i = 0; i < index && i < Up.Length; i++)
        {
            if (Up[i].Kind == MigrationOperationKind.CreateTable && string.Equals(Up[i].Table, table, System.StringComparison.Ordinal) && ColumnRef.SchemasMatch(Up[i].Schema, schema))
            {
                return true;
            }
        }

        return false;
    }
}
