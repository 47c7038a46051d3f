using System;
using System.Collections.Generic;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;
using Lossless.Analyzers.Model.Targets;
using Lossless.CodeFixes.Sql.Conversions;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lossless.CodeFixes.Rules.DataLoss.TypeChanges;

/// <summary>LL1003: the key conversion over the whole foreign-key graph of the column.</summary>
internal sealed partial class TypeChangePlan
{
    /// <summary>
    /// Drops the foreign keys that involve the column's graph, verifies and converts the key and every column joined to
    /// it by a foreign key (the target model's), re-creates the foreign keys with their names and actions; the same
    /// in reverse in Down. PostgreSQL and SQLite (where the table rebuild keeps the foreign keys, so none is dropped).
    /// </summary>
    private bool ConvertKey(MigrationOperation alterColumn)
    {
        var model = _source.Model;
        if (Provider is not (DatabaseProvider.PostgreSql or DatabaseProvider.Sqlite)
            || model.TargetModel is not { } target
            || MigrationSource.StatementOf(alterColumn) is null
            || MigrationSource.ReceiverOf(alterColumn) is not { } receiver)
        {
            return false;
        }

        var columns = Graph(target, ColumnOf(alterColumn));
        var foreignKeys = new List<ForeignKeyStep>();
        if (Provider == DatabaseProvider.PostgreSql)
        {
            foreach (var foreignKey in target.ForeignKeys)
            {
                if (!Touches(foreignKey, columns))
                {
                    continue;
                }

                var name = foreignKey.Name ?? DefaultForeignKeyName(foreignKey);
                if (name is null || ManagedByMigration(name))
                {
                    return false;
                }

                foreignKeys.Add(new ForeignKeyStep(name, foreignKey));
            }
        }

        // Each column's conversion: from this migration's AlterColumn when it has one, else from the previous and the
        // target model (a referencing column the migration left behind).
        var up = new List<ColumnChange>();
        foreach (var column in columns)
        {
            var change = ColumnChange.From(this, column, target, model.PreviousTargetModel);
            if (change is null || !ValueCheck.TryCreate(change.Conversion, out var check))
            {
                return false;
            }

            change.Check = check;
            up.Add(change);
        }

        if (!WriteKeyConversion(receiver, up, foreignKeys, rollback: false))
        {
            return false;
        }

        // Down: only when it already undoes some of it (an empty or opaque Down is LL2002's business).
        if (model.DownMethod is null || model.IsDownOpaque)
        {
            return true;
        }

        var down = new List<ColumnChange>();
        var anyInDown = false;
        foreach (var change in up)
        {
            var inverse = change.Inverse(this);
            if (inverse is null || !ValueCheck.TryCreate(inverse.Conversion, out var check))
            {
                // Down cannot be written in full from what is known: leave it to the user (and LL2003) rather than half of it.
                return true;
            }

            inverse.Check = check;
            anyInDown |= inverse.Existing is not null;
            down.Add(inverse);
        }

        return !anyInDown || WriteKeyConversion(receiver, down, foreignKeys, rollback: true);
    }

    private bool WriteKeyConversion(string receiver, List<ColumnChange> changes, List<ForeignKeyStep> foreignKeys, bool rollback)
    {
        StatementSyntax? first = null, last = null;
        foreach (var change in changes)
        {
            if (change.Existing is { } existing)
            {
                if (MigrationSource.StatementOf(existing) is not { } statement)
                {
                    return false;
                }

                if (first is null || statement.SpanStart < first.SpanStart)
                {
                    first = statement;
                }

                if (last is null || statement.SpanStart > last.SpanStart)
                {
                    last = statement;
                }
            }
        }

        if (first is null || last is null || first.SyntaxTree != last.SyntaxTree)
        {
            return false;
        }

        var key = changes[0].Conversion.Column.ToString();
        var before = Code(receiver, first);
        if (foreignKeys.Count > 0)
        {
            before.Comment("A foreign key cannot join columns of different types: drop the foreign keys of " + key + " until every column is converted" + (rollback ? " back." : "."));
            foreach (var foreignKey in foreignKeys)
            {
                foreignKey.WriteDrop(before);
            }
        }

        var conversions = new List<ColumnConversion>();
        var checks = new List<ValueCheck?>();
        var statements = new List<string>();
        var verifies = false;
        foreach (var change in changes)
        {
            conversions.Add(change.Conversion);
            checks.Add(change.Check);
            verifies |= change.Check is not null;
            if (change.Conversion.NeedsExplicitCast)
            {
                statements.Add(ConversionStep.AlterTypeUsing(change.Conversion));
            }
        }

        var what = rollback ? "the rollback" : "the migration";
        if (verifies || statements.Count > 0)
        {
            before.Comment(statements.Count > 0
                    ? "Stop " + what + " before it changes anything if a value of " + key + " or of a column that references it would not convert, else convert them all with an explicit cast."
                    : "Stop " + what + " before it changes anything if a value of " + key + " or of a column that references it would not survive the change.")
                .Sql(ConversionStep.Build(Provider, conversions, checks, statements));
        }
        else if (!rollback)
        {
            // Nothing to check, but the rules need to see that the whole graph was converted on purpose.
            before.Comment("Every value of " + key + " and of the columns that reference it converts unchanged: mark the conversion as verified.")
                .Sql(ConversionStep.Build(Provider, conversions, checks, new[] { "-- every value converts unchanged: there is nothing to check" }));
        }

        if (!before.IsEmpty)
        {
            InsertBefore(first, before);
        }

        var after = Code(receiver, last);
        var added = false;
        foreach (var change in changes)
        {
            if (change.Existing is null)
            {
                if (!added)
                {
                    after.Comment(rollback
                        ? "The columns that reference " + key + " change back with it."
                        : "The columns that reference " + key + " change type with it.");
                    added = true;
                }

                change.WriteAlterColumn(after);
            }
        }

        if (foreignKeys.Count > 0)
        {
            after.Comment("Re-create the foreign keys as they were.");
            foreach (var foreignKey in foreignKeys)
            {
                foreignKey.WriteAdd(after);
            }
        }

        if (!after.IsEmpty)
        {
            InsertAfter(last, after);
        }

        return true;
    }

    /// <summary>The column and every column joined to it by foreign keys, principal before dependent, in the target model's order.</summary>
    private static List<ColumnRef> Graph(TargetModel target, ColumnRef start)
    {
        var members = new List<ColumnRef> { start };
        var grown = true;
        while (grown)
        {
            grown = false;
            foreach (var foreignKey in target.ForeignKeys)
            {
                for (var i = 0; i < foreignKey.Columns.Length; i++)
                {
                    var dependent = new ColumnRef(foreignKey.Dependent.Schema, foreignKey.Dependent.Name, foreignKey.Columns[i]);
                    var principal = new ColumnRef(foreignKey.Principal.Schema, foreignKey.Principal.Name, foreignKey.PrincipalColumns[i]);
                    var hasDependent = ColumnRefs.Contains(members, dependent);
                    var hasPrincipal = ColumnRefs.Contains(members, principal);
                    if (hasDependent != hasPrincipal)
                    {
                        members.Add(hasDependent ? principal : dependent);
                        grown = true;
                    }
                }
            }
        }

        // A stable order whichever column the fix started from: each foreign key's principal, then its dependent.
        var ordered = new List<ColumnRef>();
        foreach (var foreignKey in target.ForeignKeys)
        {
            for (var i = 0; i < foreignKey.Columns.Length; i++)
            {
                var principal = new ColumnRef(foreignKey.Principal.Schema, foreignKey.Principal.Name, foreignKey.PrincipalColumns[i]);
                var dependent = new ColumnRef(foreignKey.Dependent.Schema, foreignKey.Dependent.Name, foreignKey.Columns[i]);
                if (ColumnRefs.Contains(members, principal) && !ColumnRefs.Contains(ordered, principal))
                {
                    ordered.Add(principal);
                }

                if (ColumnRefs.Contains(members, dependent) && !ColumnRefs.Contains(ordered, dependent))
                {
                    ordered.Add(dependent);
                }
            }
        }

        if (!ColumnRefs.Contains(ordered, start))
        {
            ordered.Insert(0, start);
        }

        return ordered;
    }

    private static bool Touches(TargetForeignKey foreignKey, List<ColumnRef> columns)
    {
        for (var i = 0; i < foreignKey.Columns.Length; i++)
        {
            if (ColumnRefs.Contains(columns, new ColumnRef(foreignKey.Dependent.Schema, foreignKey.Dependent.Name, foreignKey.Columns[i]))
                || ColumnRefs.Contains(columns, new ColumnRef(foreignKey.Principal.Schema, foreignKey.Principal.Name, foreignKey.PrincipalColumns[i])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A foreign key this migration drops or adds itself: the user already handles it, and the fix does not guess how.</summary>
    private bool ManagedByMigration(string name)
    {
        foreach (var operation in _source.Model.Up)
        {
            if (operation.Kind is MigrationOperationKind.DropForeignKey or MigrationOperationKind.AddForeignKey && string.Equals(operation.GetString("name"), name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// EF Core's name for a foreign key the model does not name (HasConstraintName): FK_{table}_{principal table}_{columns}.
    /// Null when it is longer than PostgreSQL's 63-character limit, where EF Core shortens it in a way not rebuilt here.
    /// </summary>
    private static string? DefaultForeignKeyName(TargetForeignKey foreignKey)
    {
        var name = "FK_" + foreignKey.Dependent.Name + "_" + foreignKey.Principal.Name + "_" + string.Join("_", foreignKey.Columns);
        return name.Length <= 63 ? name : null;
    }

    /// <summary>One column of the key's graph changing type: its conversion, and the AlterColumn that does it, if the migration has one.</summary>
    private sealed class ColumnChange
    {
        private ColumnChange(ColumnConversion conversion, MigrationOperation? existing, TargetColumn? fromColumn, TargetColumn? toColumn)
        {
            Conversion = conversion;
            Existing = existing;
            FromColumn = fromColumn;
            ToColumn = toColumn;
        }

        public ColumnConversion Conversion { get; }

        public MigrationOperation? Existing { get; }

        public ValueCheck? Check { get; set; }

        private TargetColumn? FromColumn { get; }

        private TargetColumn? ToColumn { get; }

        public static ColumnChange? From(TypeChangePlan plan, ColumnRef column, TargetModel target, TargetModel? previous)
        {
            var existing = MigrationSource.AlterColumns(plan._source.Model.Up, column);
            if (existing.Count > 0)
            {
                return plan.TryConversion(existing[0], out var conversion) ? new ColumnChange(conversion, existing[0], null, null) : null;
            }

            var to = Find(target, column);
            var from = previous is null ? null : Find(previous, column);
            if (to?.ColumnType is not { } newType || from?.ColumnType is not { } oldType || to.ClrType is null || from.ClrType is null)
            {
                return null;
            }

            var provider = plan.Provider;
            return new ColumnChange(new ColumnConversion(column, StoreTypeParser.Parse(oldType, provider), StoreTypeParser.Parse(newType, provider), provider), null, from, to);
        }

        /// <summary>The same change the other way, for Down: Down's own AlterColumn on the column when it has one.</summary>
        public ColumnChange? Inverse(TypeChangePlan plan)
        {
            var existing = MigrationSource.AlterColumns(plan._source.Model.Down, Conversion.Column);
            if (existing.Count > 0)
            {
                return plan.TryConversion(existing[0], out var conversion) ? new ColumnChange(conversion, existing[0], null, null) : null;
            }

            if (FromColumn is null || ToColumn is null)
            {
                return null;
            }

            return new ColumnChange(new ColumnConversion(Conversion.Column, Conversion.To, Conversion.From, Conversion.Provider), null, ToColumn, FromColumn);
        }

        /// <summary>migrationBuilder.AlterColumn&lt;T&gt;(…) from one model column to the other, as EF Core scaffolds it.</summary>
        public void WriteAlterColumn(MigrationCode code)
        {
            var from = FromColumn!;
            var to = ToColumn!;
            var arguments = new List<Argument> { Argument.String("name", Conversion.Column.Column) };
            if (Conversion.Column.Schema is { } schema)
            {
                arguments.Add(Argument.String("schema", schema));
            }

            arguments.Add(Argument.String("table", Conversion.Column.Table));
            arguments.Add(Argument.String("type", to.ColumnType!));
            if (to.MaxLength is int maxLength)
            {
                arguments.Add(new Argument("maxLength", maxLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            arguments.Add(new Argument("nullable", to.IsRequired ? "false" : "true"));
            arguments.Add(new Argument("oldClrType", "typeof(" + NonNullable(from.ClrType!) + ")"));
            arguments.Add(Argument.String("oldType", from.ColumnType!));
            if (from.MaxLength is int oldMaxLength)
            {
                arguments.Add(new Argument("oldMaxLength", oldMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (!from.IsRequired)
            {
                arguments.Add(new Argument("oldNullable", "true"));
            }

            code.Call("AlterColumn", NonNullable(to.ClrType!), arguments.ToArray());
        }

        private static string NonNullable(string clrType) => clrType.EndsWith("?", StringComparison.Ordinal) ? clrType.Substring(0, clrType.Length - 1) : clrType;

        private static TargetColumn? Find(TargetModel model, ColumnRef column)
        {
            if (model.FindTable(column.Schema, column.Table) is not { } table)
            {
                return null;
            }

            foreach (var candidate in table.Columns)
            {
                if (string.Equals(candidate.Name, column.Column, StringComparison.Ordinal))
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    /// <summary>A foreign key of the target model, dropped and re-created with its name, columns and action.</summary>
    private sealed class ForeignKeyStep
    {
        private readonly string _name;
        private readonly TargetForeignKey _foreignKey;

        public ForeignKeyStep(string name, TargetForeignKey foreignKey)
        {
            _name = name;
            _foreignKey = foreignKey;
        }

        public void WriteDrop(MigrationCode code)
        {
            var arguments = new List<Argument> { Argument.String("name", _name) };
            if (_foreignKey.Dependent.Schema is { } schema)
            {
                arguments.Add(Argument.String("schema", schema));
            }

            arguments.Add(Argument.String("table", _foreignKey.Dependent.Name));
            code.Call("DropForeignKey", null, arguments.ToArray());
        }

        public void WriteAdd(MigrationCode code)
        {
            var arguments = new List<Argument> { Argument.String("name", _name) };
            if (_foreignKey.Dependent.Schema is { } schema)
            {
                arguments.Add(Argument.String("schema", schema));
            }

            arguments.Add(Argument.String("table", _foreignKey.Dependent.Name));
            arguments.Add(Names("column", "columns", _foreignKey.Columns));
            if (_foreignKey.Principal.Schema is { } principalSchema)
            {
                arguments.Add(Argument.String("principalSchema", principalSchema));
            }

            arguments.Add(Argument.String("principalTable", _foreignKey.Principal.Name));
            arguments.Add(Names("principalColumn", "principalColumns", _foreignKey.PrincipalColumns));
            if (ReferentialAction(_foreignKey.OnDelete) is { } action)
            {
                arguments.Add(new Argument("onDelete", "ReferentialAction." + action));
            }

            code.Call("AddForeignKey", null, arguments.ToArray());
        }

        private static Argument Names(string single, string many, System.Collections.Immutable.ImmutableArray<string> names)
        {
            if (names.Length == 1)
            {
                return Argument.String(single, names[0]);
            }

            var items = new List<string>();
            foreach (var name in names)
            {
                items.Add(Argument.Literal(name));
            }

            return new Argument(many, "new[] { " + string.Join(", ", items) + " }");
        }

        /// <summary>
        /// The database action EF Core gives a DeleteBehavior (its relational model's mapping); null for NoAction, which
        /// EF Core leaves out. A Designer without OnDelete means ClientSetNull.
        /// </summary>
        private static string? ReferentialAction(string? deleteBehavior) => deleteBehavior switch
        {
            "Cascade" => "Cascade",
            "SetNull" => "SetNull",
            "NoAction" or "ClientNoAction" => null,
            _ => "Restrict",
        };
    }
}

internal static class ColumnRefs
{
    public static bool Contains(List<ColumnRef> columns, ColumnRef column)
    {
        foreach (var candidate in columns)
        {
            if (candidate.Matches(column))
            {
                return true;
            }
        }

        return false;
    }
}
