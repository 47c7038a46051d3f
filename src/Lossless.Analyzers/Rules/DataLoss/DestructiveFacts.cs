using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.Targets;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.DataLoss;

/// <summary>What LL1004–LL1008 share: finding an operation's counterpart in Down, keys, backfills, and the properties a fix needs.</summary>
internal static class DestructiveFacts
{
    /// <summary>True for an operation on one table whose table, name and schema are all known constants.</summary>
    public static bool IsKnown(MigrationOperation operation, bool needsName)
        => operation.Table is not null
        && operation["schema"].State != ArgumentState.Unknown
        && (!needsName || operation.GetString("name") is not null);

    /// <summary>
    /// LL1007 and LL1008's shared judgement of a column that an Up operation (at <paramref name="index"/>) makes or adds
    /// NOT NULL: on a known table and name, with no SQL default, not generated, on a table Up did not create before it,
    /// and with either no default or EF's placeholder default that the target model does not give the property
    /// (a deliberate default is the user's decision). Null when it is none of those.
    /// </summary>
    public static RequiredColumn? RequiredWithoutDeliberateDefault(MigrationModel migration, MigrationOperation operation, int index)
    {
        if (!IsKnown(operation, needsName: true)
            || !operation["nullable"].IsKnown || operation["nullable"].Value is not false
            || HasSqlDefault(operation)
            || IsGenerated(operation))
        {
            return null;
        }

        var table = operation.Table!;
        var name = operation.GetString("name")!;
        var defaultValue = operation["defaultValue"];

        // A default still marked "lossless: choose" is nobody's decision yet, whatever its value.
        var unchosen = UnchosenMarker.OnArgument(defaultValue);
        var placeholder = PlaceholderDefaults.Describe(defaultValue);
        var noDefault = defaultValue.IsKnown && defaultValue.Value is null && placeholder is null;
        if (unchosen && !noDefault && placeholder is null)
        {
            placeholder = defaultValue.Operation?.Syntax.ToString();
        }

        if ((!noDefault && placeholder is null)
            || migration.HoldsNoRowsBefore(index, operation.Schema, table)
            || (!unchosen && placeholder is not null && migration.TargetModel?.FindColumn(operation.Schema, table, name)?.DefaultValue is not null))
        {
            return null;
        }

        return new RequiredColumn(new ColumnRef(operation.Schema, table, name), noDefault ? null : placeholder, unchosen);
    }

    /// <summary>What completes a message when a value is still marked "lossless: choose".</summary>
    public static string Unchosen(string what) => ": the " + what + " value marked '" + UnchosenMarker.Text + "' has not been chosen yet";

    public static bool SameTable(MigrationOperation operation, string? schema, string table)
        => string.Equals(operation.Table, table, StringComparison.Ordinal) && ColumnRef.SchemasMatch(operation.Schema, schema);

    /// <summary>The first operation of Down of <paramref name="kind"/> on the table (and, for column operations, named <paramref name="name"/>).</summary>
    public static MigrationOperation? InDown(MigrationModel migration, MigrationOperationKind kind, string? schema, string table, string? name)
    {
        foreach (var operation in migration.Down)
        {
            if (operation.Kind == kind && SameTable(operation, schema, table) && (name is null || operation.GetString("name") == name))
            {
                return operation;
            }
        }

        return null;
    }

    /// <summary>The table's primary key: the target model's, or the previous target model's; empty when unknown.</summary>
    public static ImmutableArray<string> PrimaryKey(MigrationModel migration, string? schema, string table)
    {
        if (migration.TargetKeys?.FindPrimaryKey(schema, table) is { IsEmpty: false } primaryKey)
        {
            return primaryKey;
        }

        return migration.PreviousTargetModel?.FindTable(schema, table)?.PrimaryKey ?? ImmutableArray<string>.Empty;
    }

    /// <summary>True when the column's values come from the database: a computed column, a row version, an identity.</summary>
    public static bool IsGenerated(MigrationOperation operation)
    {
        if (operation["computedColumnSql"].IsSpecified || operation["rowVersion"].Value is true)
        {
            return true;
        }

        foreach (var annotation in operation.Annotations)
        {
            if (annotation.Key.IndexOf("Identity", StringComparison.Ordinal) >= 0
                || annotation.Key.IndexOf("ValueGenerationStrategy", StringComparison.Ordinal) >= 0
                || annotation.Key.IndexOf("Autoincrement", StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a default is given in SQL (defaultValueSql): written on purpose, never scaffolded as a placeholder.</summary>
    public static bool HasSqlDefault(MigrationOperation operation)
        => operation["defaultValueSql"].State == ArgumentState.Unknown || operation.GetString("defaultValueSql") is not null;

    /// <summary>The default the target model gives the column (HasDefaultValue's argument as written), or null: read only for a diagnostic being reported.</summary>
    public static string? ModelDefault(MigrationModel migration, ColumnRef column)
        => migration.TargetModel?.FindColumn(column.Schema, column.Table, column.Column)?.DefaultValue;

    public static string Display(string? schema, string table) => schema is null ? table : schema + "." + table;

    public static string Lines(IEnumerable<string> values) => string.Join("\n", values);

    public static ImmutableDictionary<string, string?>.Builder Properties(MigrationModel migration, string? schema, string table, string? column)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.Schema, schema);
        properties.Add(DiagnosticProperties.Table, table);
        if (column is not null)
        {
            properties.Add(DiagnosticProperties.Column, column);
        }

        properties.Add(DiagnosticProperties.Provider, ProviderDetector.ToOptionValue(migration.Provider));
        properties.Add(DiagnosticProperties.MigrationId, migration.Id);
        return properties;
    }

    /// <summary>Adds an additional location with its role ("DownAdd", "UpAdd", …) for the fix.</summary>
    public static void AddLocation(List<Location> locations, List<string> roles, string role, MigrationOperation? operation)
    {
        if (operation is not null)
        {
            locations.Add(operation.Location);
            roles.Add(role);
        }
    }
}

/// <summary>A column made or added NOT NULL: with no default (<see cref="Placeholder"/> null) or EF's placeholder default.</summary>
internal readonly struct RequiredColumn
{
    public RequiredColumn(ColumnRef column, string? placeholder, bool unchosenDefault)
    {
        Column = column;
        Placeholder = placeholder;
        UnchosenDefault = unchosenDefault;
    }

    public ColumnRef Column { get; }

    /// <summary>The placeholder default as the message shows it; null when the column gets no default.</summary>
    public string? Placeholder { get; }

    /// <summary>True when the defaultValue argument still carries "lossless: choose".</summary>
    public bool UnchosenDefault { get; }
}
