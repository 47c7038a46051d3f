using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.Sql;
using Lossless.Analyzers.Model.StoreTypes;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.Availability;

/// <summary>
/// What the Availability rules (LL3xxx) share: the severity lossless.deploy_model gives them, the tables that count as
/// existing, "Data first", and the tables this migration already rewrites under an exclusive lock.
/// </summary>
internal static class AvailabilityFacts
{
    /// <summary>False when lossless.deploy_model = offline: nobody is running while the migration is applied.</summary>
    public static bool IsOn(MigrationModel migration) => migration.DeployModel != DeployModel.Offline;

    /// <summary>
    /// The diagnostic at the severity the deploy model gives it: warning with lossless.deploy_model = online, the
    /// descriptor's default (info) otherwise. A dotnet_diagnostic.LL3xxx.severity setting still wins, as for any rule.
    /// </summary>
    public static Diagnostic Create(MigrationModel migration, DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?> properties, params object?[] arguments)
    {
        var severity = migration.DeployModel == DeployModel.Online ? DiagnosticSeverity.Warning : descriptor.DefaultSeverity;
        return Diagnostic.Create(descriptor, location, severity, null, properties, arguments);
    }

    /// <summary>
    /// True when the operation at <paramref name="index"/> of Up may get an Availability diagnostic: its table and
    /// schema are known constants, Up did not create the table before it (it holds no rows), and no data-loss rule
    /// reported the operation (Data first).
    /// </summary>
    public static bool IsCandidate(MigrationModel migration, RuleContext context, int index, MigrationOperation operation)
        => operation.Table is { } table
        && operation["schema"].State != ArgumentState.Unknown
        && !migration.IsCreatedInUpBefore(index, operation.Schema, table)
        && !context.HasDataLossDiagnostic(operation.Location);

    /// <summary>
    /// True when Up rewrites the table's rows under an exclusive lock at or before <paramref name="index"/> (an
    /// AlterColumn type change that rewrites, or a step marked "-- lossless: verified" for one of its columns): that
    /// lock is held to the end of the migration's transaction anyway, so a later lock on the table costs nothing more.
    /// </summary>
    public static bool IsRewrittenBy(MigrationModel migration, int index, string? schema, string table)
    {
        var up = migration.Up;
        for (var i = 0; i <= index && i < up.Length; i++)
        {
            var step = up[i];
            if (step.Kind == MigrationOperationKind.AlterColumn)
            {
                if (step.Table is { } altered && string.Equals(altered, table, StringComparison.Ordinal) && ColumnRefSchemas(step.Schema, schema)
                    && Rewrite(migration, step) is not null)
                {
                    return true;
                }
            }
            else if (step.Kind == MigrationOperationKind.Sql)
            {
                foreach (var parts in VerifiedMarker.ColumnsOf(step))
                {
                    var markedTable = parts[parts.Length - 2];
                    if (string.Equals(markedTable, table, StringComparison.OrdinalIgnoreCase)
                        && (parts.Length == 2 || schema is null || string.Equals(parts[0], schema, StringComparison.OrdinalIgnoreCase)))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool ColumnRefSchemas(string? left, string? right) => left is null || right is null || string.Equals(left, right, StringComparison.Ordinal);

    /// <summary>
    /// The old and new store types of an AlterColumn whose type change rewrites every row (LL3002's judgement), or
    /// null: types unknown or unrecognised, identical, a change the database makes in the catalog alone, or a provider
    /// whose rewrites this rule does not judge.
    /// </summary>
    public static (StoreType Old, StoreType New)? Rewrite(MigrationModel migration, MigrationOperation alterColumn)
    {
        if (migration.Provider is not (DatabaseProvider.PostgreSql or DatabaseProvider.SqlServer)
            || !AlterColumnTypes.TryResolve(alterColumn, migration.Provider, out var oldType, out var newType)
            || !oldType.IsKnown || !newType.IsKnown
            || StoreTypeClassifier.Classify(oldType, newType, migration.Provider).Class == ConversionClass.Identical)
        {
            return null;
        }

        return migration.Provider == DatabaseProvider.PostgreSql
            ? (PostgreSqlRewrites(oldType, newType) ? (oldType, newType) : null)
            : (SqlServerRewrites(oldType, newType) ? (oldType, newType) : null);
    }

    /// <summary>
    /// PostgreSQL rewrites the table on every type change except those its type-modifier support functions prove
    /// changes nothing stored: varchar(n) to a longer varchar or to text (or varchar), numeric(p,s) to a larger
    /// precision at the same scale or to unconstrained numeric, and a timestamp or time precision increase.
    /// </summary>
    private static bool PostgreSqlRewrites(StoreType oldType, StoreType newType)
    {
        if (oldType.IsArray != newType.IsArray)
        {
            return true;
        }

        if (oldType.Family == StoreTypeFamily.Text && newType.Family == StoreTypeFamily.Text
            && oldType.Name is "character varying" or "text" && newType.Name is "character varying" or "text")
        {
            // varchar(n) → varchar(m ≥ n) / varchar / text, text → varchar: binary coercible, no length to check.
            return newType.Length is int newLength && (oldType.Length is not int oldLength || newLength < oldLength);
        }

        if (oldType.Family == StoreTypeFamily.Decimal && newType.Family == StoreTypeFamily.Decimal && oldType.Name == newType.Name)
        {
            if (newType.Precision is null && newType.Scale is null)
            {
                return false;
            }

            return !(oldType.Precision is int oldPrecision && newType.Precision is int newPrecision && newPrecision >= oldPrecision && oldType.Scale == newType.Scale);
        }

        if (oldType.Family is StoreTypeFamily.DateTime or StoreTypeFamily.DateTimeOffset or StoreTypeFamily.Time
            && oldType.Name == newType.Name)
        {
            return newType.Precision is int newPrecision && (oldType.Precision is not int oldPrecision || newPrecision < oldPrecision);
        }

        return true;
    }

    /// <summary>SQL Server: a size-of-data change of a fixed-size type (int → bigint, datetime → datetime2) or of decimal precision.</summary>
    private static bool SqlServerRewrites(StoreType oldType, StoreType newType)
        => oldType.Family is StoreTypeFamily.Integer or StoreTypeFamily.FloatingPoint or StoreTypeFamily.Decimal or StoreTypeFamily.Boolean
            or StoreTypeFamily.Date or StoreTypeFamily.Time or StoreTypeFamily.DateTime or StoreTypeFamily.DateTimeOffset or StoreTypeFamily.Uuid
        || oldType.IsFixedLength;

    /// <summary>A table as messages show it: schema.table or table.</summary>
    public static string Display(string? schema, string table) => schema is null ? table : schema + "." + table;

    public static ImmutableDictionary<string, string?>.Builder Properties(MigrationModel migration, string? schema, string table)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.Schema, schema);
        properties.Add(DiagnosticProperties.Table, table);
        properties.Add(DiagnosticProperties.Provider, ProviderDetector.ToOptionValue(migration.Provider));
        properties.Add(DiagnosticProperties.MigrationId, migration.Id);
        return properties;
    }

    /// <summary>The tokens of a Sql step's constant text (comments skipped), or null when the step is not constant SQL.</summary>
    public static List<SqlToken>? Tokens(MigrationOperation operation)
        => operation.Kind == MigrationOperationKind.Sql && operation.GetString("sql") is { } sql ? SqlLexer.Tokenize(sql) : null;

    /// <summary>True when a Sql step sets lock_timeout: SET [LOCAL | SESSION] lock_timeout ….</summary>
    public static bool SetsLockTimeout(MigrationOperation operation)
    {
        if (Tokens(operation) is not { } tokens)
        {
            return false;
        }

        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!tokens[i].Is("SET"))
            {
                continue;
            }

            var next = i + 1;
            if (tokens[next].Is("LOCAL") || tokens[next].Is("SESSION"))
            {
                next++;
            }

            if (next < tokens.Count && tokens[next].Is("lock_timeout"))
            {
                return true;
            }
        }

        return false;
    }
}
