using System;
using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;
using Lossless.Analyzers.Model.Targets;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.DataLoss;

/// <summary>
/// LL1010 on SQLite: a property whose CLR type changed between the previous migration's target model and this one's
/// while its store type did not (string → Guid keeps TEXT), so EF Core scaffolds no operation and no value is
/// converted, when the new type may not read every old value. Reported on Up's name, once per column.
/// </summary>
/// <remarks>
/// Only SQLite: its four storage classes hold many CLR types each. Elsewhere a Designer names a different store type
/// for a different CLR type (uuid, uniqueidentifier) and the change is an AlterColumn that LL1001–LL1003 judge; a value
/// converter is invisible in a Designer (it writes the provider type), so no rule can see one change.
/// </remarks>
internal sealed class ClrTypeChangedRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL1010_ClrTypeChanged);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        if (migration.Provider != DatabaseProvider.Sqlite || migration.UpMethod is not { } up || LocationOf(up) is not { } location)
        {
            return;
        }

        if (migration.TargetModel is not { } target || migration.PreviousTargetModel is not { } previous)
        {
            return;
        }

        // Only the tables whose entity blocks changed between the two Designers can hold a changed property: a large
        // model's other tables are not read (every SQLite migration is compared with its predecessor).
        var tables = migration.TablesChangedSincePrevious() is { } changed ? Tables(migration, target, previous, changed) : target.Tables;
        foreach (var table in tables)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (previous.FindTable(table.Schema, table.Name) is not { } before || TouchesTable(migration, table.Schema, table.Name))
            {
                continue;
            }

            foreach (var column in table.Columns)
            {
                if (before.FindColumn(column.Name) is not { } old
                    || Clr(old) is not { } oldClr
                    || Clr(column) is not { } newClr
                    || oldClr == newClr
                    || StoreTypeOf(old, oldClr) is not { } oldStore
                    || StoreTypeOf(column, newClr) is not { } newStore
                    || !string.Equals(oldStore, newStore, StringComparison.OrdinalIgnoreCase)
                    || Effect(oldClr, newClr) is not { } effect)
                {
                    continue;
                }

                var reference = new ColumnRef(table.Schema, table.Name, column.Name);
                // A step of Up that writes the column (UPDATE … SET col = upper(col)) converts the values by hand.
                if (TouchesColumn(migration, reference)
                    || VerifiedMarker.Covers(migration.Up, migration.Up.Length, reference)
                    || migration.DataSteps.WritesColumn(reference, 0, migration.Up.Length))
                {
                    continue;
                }

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(DiagnosticProperties.Schema, table.Schema);
                properties.Add(DiagnosticProperties.Table, table.Name);
                properties.Add(DiagnosticProperties.Column, column.Name);
                properties.Add(DiagnosticProperties.OldType, oldStore);
                properties.Add(DiagnosticProperties.NewType, newStore);
                properties.Add(DiagnosticProperties.ClrType, newClr);
                properties.Add(DiagnosticProperties.OldClrType, oldClr);
                properties.Add(DiagnosticProperties.KeyColumns, string.Join("\n", table.PrimaryKey));
                properties.Add(DiagnosticProperties.Provider, ProviderDetector.ToOptionValue(migration.Provider));
                context.Report(Diagnostic.Create(
                    Descriptors.LL1010_ClrTypeChanged,
                    location,
                    properties.ToImmutable(),
                    reference.ToString(),
                    Display(oldClr),
                    Display(newClr),
                    oldStore,
                    effect));
            }
        }
    }

    /// <summary>
    /// The target tables of <paramref name="names"/> that the loop above compares: those the previous model has too and
    /// that Up neither creates, drops nor renames. Which table a name finds is known before its columns are read, so the
    /// table of an entity this migration adds (its CreateTable in Up) is not read at all.
    /// </summary>
    private static ImmutableArray<TargetTable> Tables(MigrationModel migration, TargetModel target, TargetModel previous, System.Collections.Generic.List<ColumnRefTable> names)
    {
        var tables = ImmutableArray.CreateBuilder<TargetTable>(names.Count);
        foreach (var name in names)
        {
            if (target.FindsTable(name.Schema, name.Name, out var schema)
                && !TouchesTable(migration, schema, name.Name)
                && previous.FindsTable(schema, name.Name, out _)
                && target.FindTable(name.Schema, name.Name) is { } table)
            {
                tables.Add(table);
            }
        }

        return tables.ToImmutable();
    }

    /// <summary>
    /// What the new CLR type cannot read of the old one's values, or null when it reads every one (a wider integer,
    /// string, DateOnly into DateTime, TimeOnly into TimeSpan) or when we do not know.
    /// </summary>
    internal static string? Effect(string oldClr, string newClr)
    {
        switch (newClr)
        {
            case "System.Guid":
                return oldClr == "System.String"
                    ? "a value that is not a uuid throws FormatException when EF Core reads it, and a lower-case uuid never matches a Guid lookup (EF Core sends upper-case text)"
                    : IsText(oldClr) ? "a value that is not a uuid throws FormatException when EF Core reads it" : null;
            case "System.DateTime" or "System.DateTimeOffset" or "System.DateOnly" or "System.TimeOnly" or "System.TimeSpan" or "System.Decimal":
                if (!IsText(oldClr) || (oldClr, newClr) is ("System.DateOnly", "System.DateTime") or ("System.TimeOnly", "System.TimeSpan") or ("System.DateTime", "System.DateTimeOffset") or ("System.DateTimeOffset", "System.DateTime"))
                {
                    return null;
                }

                return "a value that does not parse as " + Display(newClr) + " throws FormatException when EF Core reads it";
        }

        if (IntegerRange(oldClr) is { } from && IntegerRange(newClr) is { } to && (from.Min < to.Min || from.Max > to.Max))
        {
            return "a value outside the range of " + Display(newClr) + " throws OverflowException when EF Core reads it";
        }

        return null;
    }

    private static bool IsText(string clr)
        => clr is "System.String" or "System.Guid" or "System.DateTime" or "System.DateTimeOffset" or "System.DateOnly" or "System.TimeOnly" or "System.TimeSpan" or "System.Decimal";

    private static (decimal Min, decimal Max)? IntegerRange(string clr) => clr switch
    {
        "System.Byte" => (byte.MinValue, byte.MaxValue),
        "System.SByte" => (sbyte.MinValue, sbyte.MaxValue),
        "System.Int16" => (short.MinValue, short.MaxValue),
        "System.UInt16" => (ushort.MinValue, ushort.MaxValue),
        "System.Int32" => (int.MinValue, int.MaxValue),
        "System.UInt32" => (uint.MinValue, uint.MaxValue),
        "System.Int64" => (long.MinValue, long.MaxValue),
        "System.UInt64" => (ulong.MinValue, ulong.MaxValue),
        _ => null,
    };

    /// <summary>The C# keyword or short name: "string", "Guid", "long".</summary>
    internal static string Display(string clr) => clr switch
    {
        "System.String" => "string",
        "System.Boolean" => "bool",
        "System.Byte" => "byte",
        "System.SByte" => "sbyte",
        "System.Int16" => "short",
        "System.UInt16" => "ushort",
        "System.Int32" => "int",
        "System.UInt32" => "uint",
        "System.Int64" => "long",
        "System.UInt64" => "ulong",
        "System.Decimal" => "decimal",
        _ => clr.StartsWith("System.", StringComparison.Ordinal) ? clr.Substring("System.".Length) : clr,
    };

    private static string? Clr(TargetColumn column)
        => column.ClrType is { Length: > 0 } clr ? TargetModelReader.ComparedClrType(clr) : null;

    /// <summary>The column's store type: HasColumnType, else the provider's mapping of the CLR type.</summary>
    private static string? StoreTypeOf(TargetColumn column, string clr)
        => column.ColumnType is { Length: > 0 } type ? type.Trim() : ClrTypeMapping.FromClrType(clr, DatabaseProvider.Sqlite, null, null, null, null, null)?.Text;

    private static Location? LocationOf(IMethodSymbol method)
    {
        foreach (var location in method.Locations)
        {
            if (location.IsInSource)
            {
                return location;
            }
        }

        return null;
    }

    /// <summary>True when Up creates, drops or renames the table: its columns are not the previous model's rows.</summary>
    private static bool TouchesTable(MigrationModel migration, string? schema, string table)
    {
        foreach (var operation in migration.Up)
        {
            if (MigrationOperationKinds.IsTableOperation(operation.Kind)
                && (Names(operation.GetString("name"), table) || Names(operation.GetString("newName"), table))
                && ColumnRef.SchemasMatch(operation.Schema, schema))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when an operation of Up names the column: another rule judges what it does to the values.</summary>
    private static bool TouchesColumn(MigrationModel migration, ColumnRef column)
    {
        foreach (var operation in migration.Up)
        {
            if (operation.Kind is MigrationOperationKind.AlterColumn or MigrationOperationKind.AddColumn or MigrationOperationKind.DropColumn or MigrationOperationKind.RenameColumn
                && Names(operation.Table, column.Table)
                && ColumnRef.SchemasMatch(operation.Schema, column.Schema)
                && (Names(operation.GetString("name"), column.Column) || Names(operation.GetString("newName"), column.Column)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Names(string? name, string expected) => string.Equals(name, expected, StringComparison.Ordinal);
}
