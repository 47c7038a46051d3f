using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.Targets;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.DataLoss;

/// <summary>
/// LL1011 on SQLite: the first operation of Up that makes EF rebuild a table that other tables reference with
/// ON DELETE CASCADE or SET NULL. EF turns foreign keys off around the rebuild with PRAGMA foreign_keys = 0, which
/// SQLite ignores inside a transaction: applied inside an outer transaction, dropping the old table deletes (or nulls)
/// the referencing rows.
/// </summary>
internal sealed class SqliteRebuildCascadeRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL1011_SqliteRebuildCascade);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        if (migration.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var up = migration.Up;
        var seen = new List<ColumnRefTable>();
        for (var i = 0; i < up.Length; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operation = up[i];
            if (!SqliteRebuilds.RebuildsExistingTable(migration, i, operation) || Contains(seen, operation.Schema, operation.Table!))
            {
                continue;
            }

            var table = new ColumnRefTable(operation.Schema, operation.Table!);
            seen.Add(table);
            var effects = Effects(migration, table);
            if (effects.Count == 0)
            {
                continue;
            }

            var text = new StringBuilder();
            for (var e = 0; e < effects.Count; e++)
            {
                text.Append(e == 0 ? string.Empty : e == effects.Count - 1 ? " and " : ", ").Append(effects[e]);
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(DiagnosticProperties.Schema, table.Schema);
            properties.Add(DiagnosticProperties.Table, table.Name);
            properties.Add(DiagnosticProperties.Provider, ProviderDetector.ToOptionValue(migration.Provider));
            context.Report(Diagnostic.Create(Descriptors.LL1011_SqliteRebuildCascade, operation.Location, properties.ToImmutable(), operation.MethodName, table.ToString(), text.ToString()));
        }
    }

    /// <summary>"deletes every row of Children that references it (ON DELETE CASCADE)", one per referencing table and action, in model order.</summary>
    private static List<string> Effects(MigrationModel migration, ColumnRefTable principal)
    {
        var effects = new List<string>();
        foreach (var link in migration.LinksTo(principal))
        {
            if (!string.Equals(link.Principal.Table, principal.Name, StringComparison.Ordinal)
                || !ColumnRef.SchemasMatch(link.Principal.Schema, principal.Schema)
                || (string.Equals(link.Dependent.Table, principal.Name, StringComparison.Ordinal) && ColumnRef.SchemasMatch(link.Dependent.Schema, principal.Schema)))
            {
                continue;
            }

            var dependent = (link.Dependent.Schema is null ? string.Empty : link.Dependent.Schema + ".") + link.Dependent.Table;
            var effect = link.OnDelete switch
            {
                "Cascade" => "deletes every row of " + dependent + " that references it (ON DELETE CASCADE)",
                "SetNull" => "sets " + link.Dependent + " to NULL in every row (ON DELETE SET NULL)",
                _ => null,
            };
            if (effect is not null && !effects.Contains(effect))
            {
                effects.Add(effect);
            }
        }

        return effects;
    }

    private static bool Contains(List<ColumnRefTable> tables, string? schema, string name)
    {
        foreach (var table in tables)
        {
            if (string.Equals(table.Name, name, StringComparison.Ordinal) && ColumnRef.SchemasMatch(table.Schema, schema))
            {
                return true;
            }
        }

        return false;
    }
}
