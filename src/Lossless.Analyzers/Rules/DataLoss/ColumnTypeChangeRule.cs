using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;
using Lossless.Analyzers.Model.Targets;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.DataLoss;

/// <summary>
/// LL1001, LL1002 and LL1003 on AlterColumn in Up. One operation gets one of them: on a key or foreign-key
/// column LL1003 instead of LL1001/LL1002, since converting that column alone cannot work.
/// </summary>
internal sealed class ColumnTypeChangeRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.LL1001_LossyTypeChange,
        Descriptors.LL1002_FailingTypeChange,
        Descriptors.LL1003_KeyTypeChange);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        var up = migration.Up;
        for (var i = 0; i < up.Length; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operation = up[i];
            if (operation.Kind != MigrationOperationKind.AlterColumn
                || !AlterColumnTypes.TryResolve(operation, migration.Provider, out var oldType, out var newType))
            {
                continue;
            }

            // A table or column name from a parameter or a loop variable hides no danger the constant types prove: the
            // change is reported with the name as its source expression, and what needs the name (keys, markers, the
            // previous model) is unknown.
            if (operation.Table is not { } table || operation.GetString("name") is not { } name || operation["schema"].State == ArgumentState.Unknown)
            {
                ReportWithUnknownName(context, migration, operation, oldType, newType);
                continue;
            }

            var oldClr = (operation["oldClrType"].Value as ClrTypeName)?.MetadataName;
            var conversion = StoreTypeClassifier.Classify(oldType, newType, migration.Provider, oldClr);
            if (migration.Provider == DatabaseProvider.Sqlite
                && conversion.Class is ConversionClass.Lossy or ConversionClass.MayFail or ConversionClass.Unknown
                && PreviousType(migration, operation, table, name, oldType) is { } previous)
            {
                // On SQLite, an old affinity the previous target model contradicts (oldType BLOB for a column the model
                // says is TEXT, already changed by an earlier migration) is judged by the model. Elsewhere a model that
                // drifted from the database (varchar(50) in the model, text in the table) is no proof: the old type stands.
                oldType = previous.Type;
                conversion = StoreTypeClassifier.Classify(oldType, newType, migration.Provider, previous.ClrType);
            }

            if (conversion.Class == ConversionClass.Identical)
            {
                continue;
            }

            var column = new ColumnRef(operation.Schema, table, name);

            // EF Core runs SQLite table rebuilds after every other operation, so a guard anywhere in Up runs first.
            var markerEnd = migration.Provider == DatabaseProvider.Sqlite ? up.Length : i;
            var verified = VerifiedMarker.Covers(up, markerEnd, column);

            // A change that fails on every database fails whatever a marker says, unless the marked step converts the
            // column itself (ALTER … TYPE … USING, or a copy into another column): EF's ALTER then changes nothing.
            if (verified && conversion.FailsEvenOnValidData)
            {
                verified = migration.DataSteps.ConvertsColumn(column, markerEnd);
            }
            var keys = migration.Keys;
            var isPrimaryKey = keys.IsPrimaryKey(column);
            var referencedBy = keys.ReferencesTo(column);
            var references = keys.ReferencesFrom(column);
            if (isPrimaryKey || referencedBy.Count > 0 || references.Count > 0)
            {
                var leftBehind = new List<ColumnRef>();
                foreach (var link in referencedBy)
                {
                    if (!IsAltered(up, link.Dependent))
                    {
                        leftBehind.Add(link.Dependent);
                    }
                }

                foreach (var link in references)
                {
                    if (!IsAltered(up, link.Principal))
                    {
                        leftBehind.Add(link.Principal);
                    }
                }

                // Every value survives and no referencing column keeps the old type: the keys still match.
                if ((verified || conversion.Class == ConversionClass.Widening) && leftBehind.Count == 0)
                {
                    continue;
                }

                var role = isPrimaryKey ? "primary-key" : references.Count > 0 ? "foreign-key" : "key";
                var effect = conversion.Class == ConversionClass.Widening ? "keeps every value" : conversion.Effect;
                Report(context, Descriptors.LL1003_KeyTypeChange, operation, column, oldType, newType, conversion, migration.Provider, role, column.ToString(), oldType.Text, newType.Text, effect, Relationships(referencedBy, references, leftBehind, oldType));
                continue;
            }

            if (verified)
            {
                continue;
            }

            switch (conversion.Class)
            {
                case ConversionClass.Lossy:
                    Report(context, Descriptors.LL1001_LossyTypeChange, operation, column, oldType, newType, conversion, migration.Provider, column.ToString(), oldType.Text, newType.Text, conversion.Effect);
                    break;
                case ConversionClass.MayFail:
                case ConversionClass.Unknown:
                    Report(context, Descriptors.LL1002_FailingTypeChange, operation, column, oldType, newType, conversion, migration.Provider, column.ToString(), oldType.Text, newType.Text, conversion.Effect);
                    break;
            }
        }
    }

    /// <summary>
    /// The column's type in the previous migration's target model when it differs from the AlterColumn's old type;
    /// null when there is no previous model, no such column, or they agree. Read only for a change about to be reported.
    /// </summary>
    private static (StoreType Type, string? ClrType)? PreviousType(MigrationModel migration, MigrationOperation operation, string table, string name, StoreType oldType)
    {
        if (migration.PreviousTargetModel?.FindColumn(operation.Schema, table, name) is not { } column)
        {
            return null;
        }

        var clr = column.ClrType?.TrimEnd('?');
        var type = column.ColumnType is { } columnType
            ? StoreTypeParser.Parse(columnType, migration.Provider)
            : clr is null ? null : ClrTypeMapping.FromClrType(clr, migration.Provider, column.MaxLength, column.Precision, column.Scale, column.IsUnicode, column.IsFixedLength);
        if (type is null || !type.IsKnown || type.Equals(oldType) || StoreTypeClassifier.Classify(type, oldType, migration.Provider).Class == ConversionClass.Identical)
        {
            return null;
        }

        return (type, clr is null ? null : ClrMetadataName(clr));
    }

    private static string ClrMetadataName(string clr) => clr switch
    {
        "int" => "System.Int32",
        "short" => "System.Int16",
        "byte" => "System.Byte",
        "long" => "System.Int64",
        "bool" => "System.Boolean",
        _ => clr,
    };

    private static void ReportWithUnknownName(RuleContext context, MigrationModel migration, MigrationOperation operation, StoreType oldType, StoreType newType)
    {
        if (!IsUnknownOrKnown(operation, "table") || !IsUnknownOrKnown(operation, "name") || !IsUnknownOrKnown(operation, "schema"))
        {
            return;
        }

        var conversion = StoreTypeClassifier.Classify(oldType, newType, migration.Provider, (operation["oldClrType"].Value as ClrTypeName)?.MetadataName);
        var descriptor = conversion.Class switch
        {
            ConversionClass.Lossy => Descriptors.LL1001_LossyTypeChange,
            ConversionClass.MayFail or ConversionClass.Unknown => Descriptors.LL1002_FailingTypeChange,
            _ => null,
        };
        if (descriptor is null)
        {
            return;
        }

        var schema = operation["schema"].IsKnown ? operation.Schema : Source(operation["schema"]);
        var column = (schema is null ? string.Empty : schema + ".") + (operation.Table ?? Source(operation["table"])) + "." + (operation.GetString("name") ?? Source(operation["name"]));

        // No table or column property: no fix can write SQL for a name it does not know.
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.OldType, oldType.Text);
        properties.Add(DiagnosticProperties.NewType, newType.Text);
        properties.Add(DiagnosticProperties.Conversion, conversion.Class.ToString());
        properties.Add(DiagnosticProperties.Provider, ProviderDetector.ToOptionValue(migration.Provider));
        context.Report(Diagnostic.Create(descriptor, operation.Location, properties.ToImmutable(), column, oldType.Text, newType.Text, conversion.Effect));
    }

    /// <summary>True when the argument is a known string (or null) or an expression that is not constant: not an odd constant.</summary>
    private static bool IsUnknownOrKnown(MigrationOperation operation, string parameter)
        => operation[parameter].State == ArgumentState.Unknown || operation[parameter].Value is null or string;

    /// <summary>The argument as written in the source: the parameter or loop variable the name comes from.</summary>
    private static string Source(ArgumentValue value) => value.Operation?.Syntax.ToString() ?? "?";

    private static bool IsAltered(ImmutableArray<MigrationOperation> up, ColumnRef column)
    {
        foreach (var operation in up)
        {
            if (operation.Kind == MigrationOperationKind.AlterColumn
                && operation.Table is { } table
                && operation.GetString("name") is { } name
                && new ColumnRef(operation.Schema, table, name).Matches(column))
            {
                return true;
            }
        }

        return false;
    }

    private static string Relationships(List<ForeignKeyLink> referencedBy, List<ForeignKeyLink> references, List<ColumnRef> leftBehind, StoreType oldType)
    {
        var text = new StringBuilder();
        if (referencedBy.Count > 0)
        {
            text.Append("it is referenced by ");
            AppendList(text, referencedBy, dependents: true);
        }

        if (references.Count > 0)
        {
            text.Append(text.Length > 0 ? " and references " : "it references ");
            AppendList(text, references, dependents: false);
        }

        if (text.Length == 0)
        {
            return "no foreign key references it";
        }

        if (leftBehind.Count == 0)
        {
            text.Append(referencedBy.Count + references.Count == 1 ? ", which this migration also changes" : ", all of which this migration also changes");
            return text.ToString();
        }

        text.Append(", and this migration leaves ");
        for (var i = 0; i < leftBehind.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : i == leftBehind.Count - 1 ? " and " : ", ").Append(leftBehind[i].ToString());
        }

        text.Append(" as '").Append(oldType.Text).Append('\'');
        return text.ToString();
    }

    private static void AppendList(StringBuilder text, List<ForeignKeyLink> links, bool dependents)
    {
        for (var i = 0; i < links.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : i == links.Count - 1 ? " and " : ", ");
            text.Append((dependents ? links[i].Dependent : links[i].Principal).ToString());
        }
    }

    private static void Report(RuleContext context, DiagnosticDescriptor descriptor, MigrationOperation operation, ColumnRef column, StoreType oldType, StoreType newType, Conversion conversion, DatabaseProvider provider, params object[] arguments)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.Schema, column.Schema);
        properties.Add(DiagnosticProperties.Table, column.Table);
        properties.Add(DiagnosticProperties.Column, column.Column);
        properties.Add(DiagnosticProperties.OldType, oldType.Text);
        properties.Add(DiagnosticProperties.NewType, newType.Text);
        properties.Add(DiagnosticProperties.Conversion, conversion.Class.ToString());
        properties.Add(DiagnosticProperties.Provider, ProviderDetector.ToOptionValue(provider));
        context.Report(Diagnostic.Create(descriptor, operation.Location, properties.ToImmutable(), arguments));
    }
}
