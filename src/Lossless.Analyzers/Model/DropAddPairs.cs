using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;
using Lossless.Analyzers.Model.Targets;

namespace Lossless.Analyzers.Model;

/// <summary>A DropColumn + AddColumn (or DropTable + CreateTable) pair of one Up that looks like a rename.</summary>
public sealed class DropAddPair
{
    internal DropAddPair(MigrationOperation drop, MigrationOperation add, bool isTable, string reason, string? oldType, string? newType)
    {
        Drop = drop;
        Add = add;
        IsTable = isTable;
        Reason = reason;
        OldType = oldType;
        NewType = newType;
    }

    /// <summary>The DropColumn or DropTable.</summary>
    public MigrationOperation Drop { get; }

    /// <summary>The AddColumn or CreateTable.</summary>
    public MigrationOperation Add { get; }

    public bool IsTable { get; }

    /// <summary>Why the pair reads as a rename: "same table, same type 'text', the only column dropped and the only one added".</summary>
    public string Reason { get; }

    /// <summary>The dropped column's store type, when known.</summary>
    public string? OldType { get; }

    /// <summary>The added column's store type, when known.</summary>
    public string? NewType { get; }
}

/// <summary>
/// Finds drop + add pairs that are renames EF scaffolded as a drop and an add (a property renamed and changed in
/// the same step). A DropColumn and an AddColumn can pair only when the add comes after the drop (EF scaffolds drops
/// first), no Sql step between them reads the dropped or writes the added column, the added column can hold the dropped
/// one's values (same family, or a number into text), and no Sql step copied the dropped values elsewhere first. Among
/// those, on one table: the only drop and the only add pair whatever their names; with several, only names clearly
/// related (one contains the other ignoring case and underscores, or their edit distance is at most a third of the
/// longer name) pair, one to one. A DropTable and a CreateTable pair when the created table's column names equal the
/// dropped table's (previous target model, or else Down's CreateTable) and no Sql step copied its rows first.
/// </summary>
internal static class DropAddPairing
{
    public static List<DropAddPair> Find(MigrationModel migration)
    {
        var pairs = new List<DropAddPair>();
        var up = migration.Up;
        var drops = new List<MigrationOperation>();
        var adds = new List<MigrationOperation>();
        List<MigrationOperation>? deliberate = null;
        for (var i = 0; i < up.Length; i++)
        {
            var operation = up[i];
            if (!IsKnownTableOperation(operation))
            {
                continue;
            }

            if (operation.Kind == MigrationOperationKind.DropColumn && operation.GetString("name") is { } dropped)
            {
                // A drop that a marked step verified, or whose values a Sql step copied elsewhere first, is deliberate
                // (expand/contract copied its values): no rename to suggest.
                // A verified drop still counts when deciding whether the other drops on its table are ambiguous: fixing
                // one of two drops (the LL1004 fix marks its backup verified) must not make the other "the only column
                // dropped".
                var column = new ColumnRef(operation.Schema, operation.Table!, dropped);
                var before = migration.Provider == DatabaseProvider.Sqlite ? up.Length : i;
                if (VerifiedMarker.Covers(up, before, column))
                {
                    drops.Add(operation);
                    (deliberate ??= new List<MigrationOperation>()).Add(operation);
                }
                else if (!migration.DataSteps.MovesColumn(column, 0, before) && !migration.DataSteps.EmptiesTable(operation.Schema, operation.Table!, before))
                {
                    drops.Add(operation);
                }
            }
            else if (operation.Kind == MigrationOperationKind.AddColumn && operation.GetString("name") is not null)
            {
                adds.Add(operation);
            }
        }

        var tablesDone = new List<MigrationOperation>();
        foreach (var drop in drops)
        {
            if (Contains(tablesDone, drop))
            {
                continue;
            }

            tablesDone.Add(drop);
            PairColumns(migration, OnSameTable(drops, drop), OnSameTable(adds, drop), deliberate, pairs);
        }

        PairTables(migration, pairs);
        return pairs;
    }

    private static bool IsKnownTableOperation(MigrationOperation operation)
        => operation.Table is not null && operation["schema"].State != ArgumentState.Unknown;

    private static bool SameTable(MigrationOperation left, MigrationOperation right)
        => string.Equals(left.Table, right.Table, StringComparison.Ordinal) && ColumnRef.SchemasMatch(left.Schema, right.Schema);

    private static bool Contains(List<MigrationOperation> seen, MigrationOperation operation)
    {
        foreach (var candidate in seen)
        {
            if (SameTable(candidate, operation))
            {
                return true;
            }
        }

        return false;
    }

    private static List<MigrationOperation> OnSameTable(List<MigrationOperation> operations, MigrationOperation table)
    {
        var result = new List<MigrationOperation>();
        foreach (var operation in operations)
        {
            if (SameTable(operation, table))
            {
                result.Add(operation);
            }
        }

        return result;
    }

    private static void PairColumns(MigrationModel migration, List<MigrationOperation> drops, List<MigrationOperation> adds, List<MigrationOperation>? deliberate, List<DropAddPair> pairs)
    {
        // A column dropped and added again under the same name is a re-creation, not a rename.
        var dropped = new List<MigrationOperation>();
        foreach (var drop in drops)
        {
            if (Named(adds, drop.GetString("name")!) is null)
            {
                dropped.Add(drop);
            }
        }

        var added = new List<MigrationOperation>();
        foreach (var add in adds)
        {
            if (Named(drops, add.GetString("name")!) is null)
            {
                added.Add(add);
            }
        }

        // Within the drops and adds that can be a rename at all (the add after the drop, no Sql step between them that
        // reads the dropped or writes the added column, and a type that can hold the dropped values), pair the only one
        // of each, or else names that are clearly related.
        var candidates = new List<KeyValuePair<MigrationOperation, MigrationOperation>>();
        foreach (var drop in dropped)
        {
            foreach (var add in added)
            {
                if (CanBeRename(migration, drop, add))
                {
                    candidates.Add(new KeyValuePair<MigrationOperation, MigrationOperation>(drop, add));
                }
            }
        }

        var pairableDrops = Distinct(candidates, drops: true);
        var pairableAdds = Distinct(candidates, drops: false);
        if (pairableDrops.Count == 0)
        {
            return;
        }

        // A verified drop takes part in the counting but is never paired; so does a RenameColumn on the table (a rename
        // the LL1006 fix wrote was one of the drops and adds counted before it).
        if (pairableDrops.Count == 1 && pairableAdds.Count == 1 && !RenamesColumnOf(migration, pairableDrops[0]))
        {
            if (!IsDeliberate(deliberate, pairableDrops[0]))
            {
                pairs.Add(ColumnPair(migration, pairableDrops[0], pairableAdds[0], "the only column dropped and the only one added on this table"));
            }
        }
        else
        {
            PairRelated(migration, candidates, pairableDrops, deliberate, pairs);
        }
    }

    private static void PairRelated(MigrationModel migration, List<KeyValuePair<MigrationOperation, MigrationOperation>> candidates, List<MigrationOperation> pairableDrops, List<MigrationOperation>? deliberate, List<DropAddPair> pairs)
    {
        foreach (var drop in pairableDrops)
        {
            var add = OnlyRelated(drop, CandidatesOf(candidates, drop, drops: true));
            if (add is not null && !IsDeliberate(deliberate, drop) && OnlyRelated(add, CandidatesOf(candidates, add, drops: false)) == drop)
            {
                pairs.Add(ColumnPair(migration, drop, add, "their names are close"));
            }
        }
    }

    private static bool RenamesColumnOf(MigrationModel migration, MigrationOperation table)
    {
        foreach (var operation in migration.Up)
        {
            if (operation.Kind == MigrationOperationKind.RenameColumn && IsKnownTableOperation(operation) && SameTable(operation, table))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDeliberate(List<MigrationOperation>? deliberate, MigrationOperation drop)
        => deliberate is not null && deliberate.Contains(drop);

    private static List<MigrationOperation> Distinct(List<KeyValuePair<MigrationOperation, MigrationOperation>> candidates, bool drops)
    {
        var result = new List<MigrationOperation>();
        foreach (var candidate in candidates)
        {
            var operation = drops ? candidate.Key : candidate.Value;
            if (!result.Contains(operation))
            {
                result.Add(operation);
            }
        }

        return result;
    }

    private static List<MigrationOperation> CandidatesOf(List<KeyValuePair<MigrationOperation, MigrationOperation>> candidates, MigrationOperation operation, bool drops)
    {
        var result = new List<MigrationOperation>();
        foreach (var candidate in candidates)
        {
            if (ReferenceEquals(drops ? candidate.Key : candidate.Value, operation))
            {
                result.Add(drops ? candidate.Value : candidate.Key);
            }
        }

        return result;
    }

    /// <summary>
    /// RULES.md, LL1006 pairing: EF scaffolds the drop first; no Sql step between them reads the dropped or writes the
    /// added column (a hand-written copy); and the added column can hold the dropped column's values (same family —
    /// text, number, date/time, boolean, binary, uuid — or a number into text).
    /// </summary>
    private static bool CanBeRename(MigrationModel migration, MigrationOperation drop, MigrationOperation add)
    {
        var up = migration.Up;
        var dropIndex = up.IndexOf(drop);
        var addIndex = up.IndexOf(add);
        if (addIndex < dropIndex)
        {
            return false;
        }

        var dropped = new ColumnRef(drop.Schema, drop.Table!, drop.GetString("name")!);
        var added = new ColumnRef(add.Schema, add.Table!, add.GetString("name")!);
        if (migration.DataSteps.MovesColumn(dropped, dropIndex, addIndex) || migration.DataSteps.WritesColumn(added, dropIndex, addIndex))
        {
            return false;
        }

        return Holds(ValueKind(OldColumnClr(migration, drop), OldColumnType(migration, drop), migration.Provider), ValueKind(add.ClrType?.MetadataName, StoreTypeOf(add, migration.Provider), migration.Provider));
    }

    private enum Kind
    {
        Unknown,
        Text,
        Number,
        DateTime,
        Boolean,
        Binary,
        Uuid,
        Json,
    }

    /// <summary>True when a column of kind <paramref name="to"/> can hold the values of one of kind <paramref name="from"/>.</summary>
    private static bool Holds(Kind from, Kind to)
        => from == Kind.Unknown || to == Kind.Unknown || from == to || (from == Kind.Number && to == Kind.Text);

    /// <summary>What values a column holds: by its CLR type when known (SQLite's affinities say little), else by its store type.</summary>
    private static Kind ValueKind(string? clrType, string? storeType, DatabaseProvider provider)
    {
        var clr = clrType?.TrimEnd('?') switch
        {
            "System.String" or "string" or "System.Char" or "char" => Kind.Text,
            "System.Int16" or "short" or "System.Int32" or "int" or "System.Int64" or "long" or "System.Byte" or "byte" or "System.SByte" or "sbyte"
                or "System.UInt16" or "ushort" or "System.UInt32" or "uint" or "System.UInt64" or "ulong"
                or "System.Decimal" or "decimal" or "System.Double" or "double" or "System.Single" or "float" => Kind.Number,
            "System.Boolean" or "bool" => Kind.Boolean,
            "System.DateTime" or "DateTime" or "System.DateTimeOffset" or "DateTimeOffset" or "System.DateOnly" or "DateOnly"
                or "System.TimeOnly" or "TimeOnly" or "System.TimeSpan" or "TimeSpan" => Kind.DateTime,
            "System.Guid" or "Guid" => Kind.Uuid,
            "System.Byte[]" or "byte[]" => Kind.Binary,
            _ => Kind.Unknown,
        };
        if (clr != Kind.Unknown || storeType is null)
        {
            return clr;
        }

        return StoreTypeParser.Parse(storeType, provider).Family switch
        {
            StoreTypeFamily.Text or StoreTypeFamily.Xml => Kind.Text,
            StoreTypeFamily.Integer or StoreTypeFamily.Decimal or StoreTypeFamily.FloatingPoint => Kind.Number,
            StoreTypeFamily.Boolean => Kind.Boolean,
            StoreTypeFamily.Date or StoreTypeFamily.Time or StoreTypeFamily.DateTime or StoreTypeFamily.DateTimeOffset or StoreTypeFamily.Interval => Kind.DateTime,
            StoreTypeFamily.Binary => Kind.Binary,
            StoreTypeFamily.Uuid => Kind.Uuid,
            StoreTypeFamily.Json => Kind.Json,
            _ => Kind.Unknown,
        };
    }

    /// <summary>The dropped column's CLR type: from Down's AddColumn that re-adds it, or from the previous target model.</summary>
    private static string? OldColumnClr(MigrationModel migration, MigrationOperation drop)
    {
        var name = drop.GetString("name")!;
        foreach (var operation in migration.Down)
        {
            if (operation.Kind == MigrationOperationKind.AddColumn && SameTable(operation, drop) && operation.GetString("name") == name)
            {
                return operation.ClrType?.MetadataName;
            }
        }

        return migration.PreviousTargetModel?.FindColumn(drop.Schema, drop.Table!, name)?.ClrType;
    }

    private static MigrationOperation? Named(List<MigrationOperation> operations, string name)
    {
        foreach (var operation in operations)
        {
            if (string.Equals(operation.GetString("name"), name, StringComparison.Ordinal))
            {
                return operation;
            }
        }

        return null;
    }

    private static MigrationOperation? OnlyRelated(MigrationOperation operation, List<MigrationOperation> candidates)
    {
        MigrationOperation? found = null;
        foreach (var candidate in candidates)
        {
            if (NamesAreRelated(operation.GetString("name")!, candidate.GetString("name")!))
            {
                if (found is not null)
                {
                    return null;
                }

                found = candidate;
            }
        }

        return found;
    }

    /// <summary>One name contains the other ignoring case and underscores, or their edit distance is at most a third of the longer.</summary>
    public static bool NamesAreRelated(string left, string right)
    {
        var a = Normalize(left);
        var b = Normalize(right);
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        if (a.Contains(b) || b.Contains(a))
        {
            return true;
        }

        var longer = Math.Max(left.Length, right.Length);
        return EditDistance(left.ToLowerInvariant(), right.ToLowerInvariant()) * 3 <= longer;
    }

    private static string Normalize(string name) => name.Replace("_", string.Empty).ToLowerInvariant();

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static DropAddPair ColumnPair(MigrationModel migration, MigrationOperation drop, MigrationOperation add, string why)
    {
        var oldType = OldColumnType(migration, drop);
        var newType = StoreTypeOf(add, migration.Provider);
        var reason = new StringBuilder("same table");
        if (oldType is not null && newType is not null)
        {
            var oldParsed = StoreTypeParser.Parse(oldType, migration.Provider);
            var newParsed = StoreTypeParser.Parse(newType, migration.Provider);
            if (oldParsed.Equals(newParsed))
            {
                reason.Append(", same type '").Append(newType).Append('\'');
            }
            else if (oldParsed.Family == newParsed.Family && oldParsed.Family != StoreTypeFamily.Unknown)
            {
                reason.Append(", same type family ('").Append(oldType).Append("' to '").Append(newType).Append("')");
            }
            else
            {
                reason.Append(", type '").Append(oldType).Append("' to '").Append(newType).Append('\'');
            }
        }

        reason.Append(", ").Append(why);
        return new DropAddPair(drop, add, isTable: false, reason.ToString(), oldType, newType);
    }

    /// <summary>The dropped column's store type: from Down's AddColumn that re-adds it, or from the previous target model.</summary>
    private static string? OldColumnType(MigrationModel migration, MigrationOperation drop)
    {
        var name = drop.GetString("name")!;
        foreach (var operation in migration.Down)
        {
            if (operation.Kind == MigrationOperationKind.AddColumn && SameTable(operation, drop) && operation.GetString("name") == name)
            {
                return StoreTypeOf(operation, migration.Provider);
            }
        }

        if (migration.PreviousTargetModel?.FindColumn(drop.Schema, drop.Table!, name) is { } column)
        {
            if (column.ColumnType is { } columnType)
            {
                return columnType;
            }

            var clr = column.ClrType?.TrimEnd('?');
            return clr is null ? null : ClrTypeMapping.FromClrType(clr, migration.Provider, column.MaxLength, null, null, null, null)?.Text;
        }

        return null;
    }

    /// <summary>An AddColumn's store type: type:, or the provider's mapping of its CLR type and facets.</summary>
    public static string? StoreTypeOf(MigrationOperation add, DatabaseProvider provider)
    {
        if (add.GetString("type") is { Length: > 0 } type)
        {
            return type;
        }

        if (add.ClrType is null || add["type"].State == ArgumentState.Unknown)
        {
            return null;
        }

        return ClrTypeMapping.FromClrType(add.ClrType.MetadataName, provider, add["maxLength"].Value as int?, add["precision"].Value as int?, add["scale"].Value as int?, add["unicode"].Value as bool?, add["fixedLength"].Value as bool?)?.Text;
    }

    private static void PairTables(MigrationModel migration, List<DropAddPair> pairs)
    {
        var creates = new List<MigrationOperation>();
        foreach (var operation in migration.Up)
        {
            if (operation.Kind == MigrationOperationKind.CreateTable && IsKnownTableOperation(operation) && !operation.Columns.IsEmpty)
            {
                creates.Add(operation);
            }
        }

        if (creates.Count == 0)
        {
            return;
        }

        var tablePairs = new List<DropAddPair>();
        foreach (var drop in migration.Up)
        {
            if (drop.Kind != MigrationOperationKind.DropTable || !IsKnownTableOperation(drop)
                || migration.DataSteps.MovesTable(drop.Schema, drop.Table!, migration.Up.IndexOf(drop))
                || migration.DataSteps.EmptiesTable(drop.Schema, drop.Table!, migration.Up.IndexOf(drop))
                || DroppedColumns(migration, drop) is not { } columns)
            {
                // A table whose rows a Sql step copied elsewhere first (INSERT … SELECT) was moved by hand: no rename.
                continue;
            }

            MigrationOperation? match = null;
            var ambiguous = false;
            foreach (var create in creates)
            {
                if (!SameTable(create, drop) && SameNames(columns, create.Columns))
                {
                    ambiguous |= match is not null;
                    match = create;
                }
            }

            if (match is null || ambiguous)
            {
                continue;
            }

            // A created table that two drops match is no rename of either.
            var taken = false;
            for (var i = tablePairs.Count - 1; i >= 0; i--)
            {
                if (ReferenceEquals(tablePairs[i].Add, match))
                {
                    tablePairs.RemoveAt(i);
                    taken = true;
                }
            }

            if (!taken)
            {
                tablePairs.Add(new DropAddPair(drop, match, isTable: true, "same columns: " + string.Join(", ", columns), null, null));
            }
        }

        pairs.AddRange(tablePairs);
    }

    /// <summary>The dropped table's column names: previous target model, or else the CreateTable that re-creates it in Down.</summary>
    private static List<string>? DroppedColumns(MigrationModel migration, MigrationOperation drop)
    {
        var names = new List<string>();
        if (migration.PreviousTargetModel?.FindTable(drop.Schema, drop.Table!) is { } table)
        {
            foreach (var column in table.Columns)
            {
                names.Add(column.Name);
            }

            return names.Count > 0 ? names : null;
        }

        foreach (var operation in migration.Down)
        {
            if (operation.Kind == MigrationOperationKind.CreateTable && SameTable(operation, drop) && !operation.Columns.IsEmpty)
            {
                foreach (var column in operation.Columns)
                {
                    if (column.Name is not { } name)
                    {
                        return null;
                    }

                    names.Add(name);
                }

                return names;
            }
        }

        return null;
    }

    private static bool SameNames(List<string> names, ImmutableArray<ColumnDefinition> columns)
    {
        if (names.Count != columns.Length)
        {
            return false;
        }

        foreach (var column in columns)
        {
            if (column.Name is not { } name || !names.Contains(name))
            {
                return false;
            }
        }

        return true;
    }
}
