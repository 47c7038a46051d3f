using System;
using System.Collections.Generic;
using System.Globalization;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;
using Lossless.Analyzers.Model.Targets;
using Lossless.CodeFixes.Migrations;
using Lossless.CodeFixes.Sql.Conversions;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lossless.CodeFixes.Rules.DataLoss.TypeChanges;

/// <summary>LL1003: the key conversion over the whole foreign-key graph of the column.</summary>
internal sealed partial class TypeChangePlan
{
    /// <summary>
    /// Drops the foreign keys that join the column's graph, verifies and converts the key and every column joined to it
    /// by a foreign key, re-creates the foreign keys with their names and actions; the same in reverse in Down. The
    /// graph is the rule's own (<see cref="Analyzers.Model.MigrationModel.Keys"/>: the target model's keys and this
    /// migration's), so the fix converts exactly the columns the rule named. PostgreSQL and SQLite (where the table
    /// rebuild keeps the foreign keys, so none is dropped).
    /// </summary>
    public bool ConvertKey(MigrationOperation alterColumn)
    {
        var model = Migration.Model;
        if (Provider is not (DatabaseProvider.PostgreSql or DatabaseProvider.Sqlite)
            || Migration.StatementOf(alterColumn) is null
            || LoadedMigration.ReceiverOf(alterColumn) is not { } receiver)
        {
            return false;
        }

        var graph = KeyConversionGraph.Of(model.Keys, ColumnOf(alterColumn));
        var foreignKeys = new List<ForeignKeyStep>();
        if (Provider == DatabaseProvider.PostgreSql)
        {
            foreach (var foreignKey in graph.ForeignKeys)
            {
                // A foreign key this migration drops or adds itself is the user's to order: the fix does not guess how.
                if (foreignKey.Name is not { } name || ManagedByMigration(name))
                {
                    return false;
                }

                foreignKeys.Add(foreignKey);
            }
        }

        // Each column's conversion: from this migration's AlterColumn when it has one, else from the previous and the
        // target model (a referencing column the migration left behind).
        var up = new List<ColumnChange>();
        foreach (var column in graph.Columns)
        {
            var change = ColumnChange.From(this, column);
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
                if (Migration.StatementOf(existing) is not { } statement)
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

        if (first is null || last is null)
        {
            return false;
        }

        var key = changes[0].Conversion.Column.ToString();
        var before = Edits.Code(receiver);
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

        Edits.InsertBefore(first, before);

        var after = Edits.Code(receiver);
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

        Edits.InsertAfter(last, after);
        return true;
    }

    /// <summary>A foreign key this migration drops or adds itself.</summary>
    private bool ManagedByMigration(string name)
    {
        foreach (var operation in Migration.Model.Up)
        {
            if (operation.Kind is MigrationOperationKind.DropForeignKey or MigrationOperationKind.AddForeignKey && string.Equals(operation.GetString("name"), name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
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

        public static ColumnChange? From(TypeChangePlan plan, ColumnRef column)
        {
            var model = plan.Migration.Model;
            var existing = LoadedMigration.OnColumn(model.Up, MigrationOperationKind.AlterColumn, column);
            if (existing.Count > 0)
            {
                return TryConversion(plan.Migration, existing[0], out var conversion) ? new ColumnChange(conversion, existing[0], null, null) : null;
            }

            var to = model.TargetModel?.FindColumn(column.Schema, column.Table, column.Column);
            var from = model.PreviousTargetModel?.FindColumn(column.Schema, column.Table, column.Column);
            if (to?.ColumnType is not { } newType || from?.ColumnType is not { } oldType || to.ClrType is null || from.ClrType is null)
            {
                return null;
            }

            var provider = plan.Provider;
            return new ColumnChange(new ColumnConversion(column, StoreTypeParser.Parse(oldType, provider), StoreTypeParser.Parse(newType, provider), provider, KeyOf(plan.Migration, column.Schema, column.Table)), null, from, to);
        }

        /// <summary>The same change the other way, for Down: Down's own AlterColumn on the column when it has one.</summary>
        public ColumnChange? Inverse(TypeChangePlan plan)
        {
            var existing = LoadedMigration.OnColumn(plan.Migration.Model.Down, MigrationOperationKind.AlterColumn, Conversion.Column);
            if (existing.Count > 0)
            {
                return TryConversion(plan.Migration, existing[0], out var conversion) ? new ColumnChange(conversion, existing[0], null, null) : null;
            }

            if (FromColumn is null || ToColumn is null)
            {
                return null;
            }

            return new ColumnChange(new ColumnConversion(Conversion.Column, Conversion.To, Conversion.From, Conversion.Provider, Conversion.Key), null, ToColumn, FromColumn);
        }

        /// <summary>migrationBuilder.AlterColumn&lt;T&gt;(…) from one model column to the other, as EF Core scaffolds it.</summary>
        public void WriteAlterColumn(CodeBlock code)
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
                arguments.Add(new Argument("maxLength", maxLength.ToString(CultureInfo.InvariantCulture)));
            }

            arguments.Add(new Argument("nullable", to.IsRequired ? "false" : "true"));
            arguments.Add(new Argument("oldClrType", "typeof(" + NonNullable(from.ClrType!) + ")"));
            arguments.Add(Argument.String("oldType", from.ColumnType!));
            if (from.MaxLength is int oldMaxLength)
            {
                arguments.Add(new Argument("oldMaxLength", oldMaxLength.ToString(CultureInfo.InvariantCulture)));
            }

            if (!from.IsRequired)
            {
                arguments.Add(new Argument("oldNullable", "true"));
            }

            code.Call("AlterColumn", NonNullable(to.ClrType!), arguments.ToArray());
        }

        private static string NonNullable(string clrType) => clrType.EndsWith("?", StringComparison.Ordinal) ? clrType.Substring(0, clrType.Length - 1) : clrType;
    }
}

/// <summary>A foreign key of the key graph, dropped and re-created with its name, columns and action.</summary>
internal sealed class ForeignKeyStep
{
    public ForeignKeyStep(string? name, ColumnRef[] dependents, ColumnRef[] principals, string? onDelete)
    {
        Name = name;
        Dependents = dependents;
        Principals = principals;
        OnDelete = onDelete;
    }

    /// <summary>The constraint's name (the Designer's HasConstraintName, or EF Core's default); null when it cannot be known.</summary>
    public string? Name { get; }

    public ColumnRef[] Dependents { get; }

    public ColumnRef[] Principals { get; }

    /// <summary>The DeleteBehavior (target model) or ReferentialAction (this migration's operations) member name.</summary>
    public string? OnDelete { get; }

    public void WriteDrop(CodeBlock code)
    {
        var dependent = Dependents[0];
        var arguments = new List<Argument> { Argument.String("name", Name!) };
        if (dependent.Schema is { } schema)
        {
            arguments.Add(Argument.String("schema", schema));
        }

        arguments.Add(Argument.String("table", dependent.Table));
        code.Call("DropForeignKey", null, arguments.ToArray());
    }

    public void WriteAdd(CodeBlock code)
    {
        var dependent = Dependents[0];
        var principal = Principals[0];
        var arguments = new List<Argument> { Argument.String("name", Name!) };
        if (dependent.Schema is { } schema)
        {
            arguments.Add(Argument.String("schema", schema));
        }

        arguments.Add(Argument.String("table", dependent.Table));
        arguments.Add(Names("column", "columns", Dependents));
        if (principal.Schema is { } principalSchema)
        {
            arguments.Add(Argument.String("principalSchema", principalSchema));
        }

        arguments.Add(Argument.String("principalTable", principal.Table));
        arguments.Add(Names("principalColumn", "principalColumns", Principals));
        if (ReferentialAction(OnDelete) is { } action)
        {
            arguments.Add(new Argument("onDelete", "ReferentialAction." + action));
        }

        code.Call("AddForeignKey", null, arguments.ToArray());
    }

    /// <summary>
    /// The database action as a migration writes it: EF Core's mapping of a DeleteBehavior (Cascade, SetNull,
    /// Restrict; the Client* behaviors, ClientSetNull when the Designer says nothing, and NoAction are NO ACTION, which
    /// EF Core leaves out), and a ReferentialAction as it is.
    /// </summary>
    public static string? ReferentialAction(string? onDelete) => onDelete switch
    {
        "Cascade" or "SetNull" or "Restrict" or "SetDefault" => onDelete,
        _ => null,
    };

    private static Argument Names(string single, string many, ColumnRef[] columns)
    {
        if (columns.Length == 1)
        {
            return Argument.String(single, columns[0].Column);
        }

        var items = new List<string>();
        foreach (var column in columns)
        {
            items.Add(MigrationWriter.Literal(column.Column));
        }

        return new Argument(many, "new[] { " + string.Join(", ", items) + " }");
    }
}

/// <summary>
/// The columns a key conversion converts and the foreign keys it drops and re-creates: the column and every column
/// joined to it by foreign keys in the rule's key graph, principal before dependent, in the graph's order.
/// </summary>
internal sealed class KeyConversionGraph
{
    private KeyConversionGraph(List<ColumnRef> columns, List<ForeignKeyStep> foreignKeys)
    {
        Columns = columns;
        ForeignKeys = foreignKeys;
    }

    public List<ColumnRef> Columns { get; }

    public List<ForeignKeyStep> ForeignKeys { get; }

    public static KeyConversionGraph Of(KeyGraph keys, ColumnRef start)
    {
        var links = keys.Links;
        var members = new List<ColumnRef> { start };
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var link in links)
            {
                var hasDependent = Contains(members, link.Dependent);
                var hasPrincipal = Contains(members, link.Principal);
                if (hasDependent != hasPrincipal)
                {
                    members.Add(hasDependent ? link.Principal : link.Dependent);
                    grown = true;
                }
            }
        }

        // A stable order whichever column the fix started from: each link's principal, then its dependent.
        var ordered = new List<ColumnRef>();
        foreach (var link in links)
        {
            if (Contains(members, link.Principal) && !Contains(ordered, link.Principal))
            {
                ordered.Add(link.Principal);
            }

            if (Contains(members, link.Dependent) && !Contains(ordered, link.Dependent))
            {
                ordered.Add(link.Dependent);
            }
        }

        if (!Contains(ordered, start))
        {
            ordered.Insert(0, start);
        }

        // The foreign keys: the links of one constraint (same name, or same tables when unnamed) are its columns.
        var foreignKeys = new List<ForeignKeyStep>();
        var used = new bool[links.Count];
        for (var i = 0; i < links.Count; i++)
        {
            if (used[i] || !Contains(members, links[i].Dependent))
            {
                continue;
            }

            var dependents = new List<ColumnRef>();
            var principals = new List<ColumnRef>();
            for (var j = i; j < links.Count; j++)
            {
                if (!used[j] && SameConstraint(links[i], links[j]) && !Contains(dependents, links[j].Dependent))
                {
                    used[j] = true;
                    dependents.Add(links[j].Dependent);
                    principals.Add(links[j].Principal);
                }
            }

            var name = links[i].Name ?? DefaultName(dependents, principals[0]);
            if (!ContainsForeignKey(foreignKeys, name, dependents[0]))
            {
                foreignKeys.Add(new ForeignKeyStep(name, dependents.ToArray(), principals.ToArray(), links[i].OnDelete));
            }
        }

        return new KeyConversionGraph(ordered, foreignKeys);
    }

    private static bool SameConstraint(ForeignKeyLink left, ForeignKeyLink right)
        => left.Name is not null
            ? string.Equals(left.Name, right.Name, StringComparison.Ordinal) && SameTable(left.Dependent, right.Dependent)
            : right.Name is null && SameTable(left.Dependent, right.Dependent) && SameTable(left.Principal, right.Principal);

    private static bool SameTable(ColumnRef left, ColumnRef right)
        => string.Equals(left.Table, right.Table, StringComparison.Ordinal) && ColumnRef.SchemasMatch(left.Schema, right.Schema);

    /// <summary>
    /// EF Core's name for a foreign key the model does not name: FK_{table}_{principal table}_{columns}. Null when it is
    /// longer than PostgreSQL's 63-character limit, where EF Core shortens it in a way not rebuilt here.
    /// </summary>
    private static string? DefaultName(List<ColumnRef> dependents, ColumnRef principal)
    {
        var columns = new List<string>();
        foreach (var dependent in dependents)
        {
            columns.Add(dependent.Column);
        }

        var name = "FK_" + dependents[0].Table + "_" + principal.Table + "_" + string.Join("_", columns);
        return name.Length <= 63 ? name : null;
    }

    private static bool ContainsForeignKey(List<ForeignKeyStep> foreignKeys, string? name, ColumnRef dependent)
    {
        foreach (var foreignKey in foreignKeys)
        {
            if (string.Equals(foreignKey.Name, name, StringComparison.Ordinal) && SameTable(foreignKey.Dependents[0], dependent))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(List<ColumnRef> columns, ColumnRef column)
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
