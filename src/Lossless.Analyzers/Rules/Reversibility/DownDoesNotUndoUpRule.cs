using System.Collections.Generic;
using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Sql;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.Reversibility;

/// <summary>
/// LL2003: an operation of Up whose inverse (by the catalog's table of inverses) is missing from Down, or restores
/// something else. Only a Down that can be read whole is judged: one that is missing, empty, only throws (LL2001,
/// LL2002), loops or calls helpers is not. Reported on the Up operation; a wrong inverse is the additional location.
/// </summary>
internal sealed class DownDoesNotUndoUpRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL2003_DownDoesNotUndoUp);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        if (migration.DownMethod is null || migration.IsDownOpaque || migration.DownOnlyThrows || migration.Down.IsEmpty)
        {
            return;
        }

        var matcher = new InverseMatcher(migration);
        var undoneBySql = TablesOfSqlSteps(migration);
        for (var i = 0; i < migration.Up.Length; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operation = migration.Up[i];
            if (!InverseMatcher.IsJudged(operation.Kind) || Reversal.IsBackupTableDrop(migration, operation) || IsNamed(undoneBySql, operation))
            {
                continue;
            }

            var match = matcher.Match(i);
            if (match.Status is InverseStatus.Missing or InverseStatus.Wrong && match.Problem is { } problem)
            {
                var additional = match.Status == InverseStatus.Wrong && match.Inverse is { } wrong ? ImmutableArray.Create(wrong.Location) : ImmutableArray<Location>.Empty;
                context.Report(Diagnostic.Create(Descriptors.LL2003_DownDoesNotUndoUp, operation.Location, additional, properties: null, problem));
            }
        }
    }

    /// <summary>
    /// The tables Down's Sql steps write, read or name in a verified marker: "a Down with Sql steps for a table is not
    /// judged for that table" (the catalog), since what SQL undoes cannot be matched operation by operation (a fix's
    /// expand/contract copies the values back in one).
    /// </summary>
    private static List<SqlName> TablesOfSqlSteps(MigrationModel migration)
    {
        var tables = new List<SqlName>();
        foreach (var operation in migration.Down)
        {
            if (operation.Kind != MigrationOperationKind.Sql || operation.GetString("sql") is not { } sql)
            {
                continue;
            }

            foreach (var parts in VerifiedMarker.ColumnsOf(operation))
            {
                tables.Add(new SqlName(parts.Length == 3 ? parts[0] : null, parts[parts.Length - 2]));
            }

            foreach (var statement in SqlScanner.Read(sql, migration.Provider))
            {
                if (statement.Target is { } target)
                {
                    tables.Add(target);
                }

                tables.AddRange(statement.Sources);
            }
        }

        // A table Up renames is the same table under either name (Down may rename it back before its SQL).
        foreach (var operation in migration.Up)
        {
            if (operation.Kind == MigrationOperationKind.RenameTable && operation.GetString("name") is { } from && operation.GetString("newName") is { } to)
            {
                var schema = operation.Schema;
                var newSchema = operation["newSchema"].IsSpecified ? operation.GetString("newSchema") : schema;
                var count = tables.Count;
                for (var i = 0; i < count; i++)
                {
                    if (tables[i].Matches(schema, from))
                    {
                        tables.Add(new SqlName(newSchema, to));
                    }
                    else if (tables[i].Matches(newSchema, to))
                    {
                        tables.Add(new SqlName(schema, from));
                    }
                }
            }
        }

        return tables;
    }

    private static bool IsNamed(List<SqlName> tables, MigrationOperation operation)
    {
        if (operation.Table is not { } table)
        {
            return false;
        }

        foreach (var name in tables)
        {
            if (name.Matches(operation.Schema, table))
            {
                return true;
            }
        }

        return false;
    }
}
