using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.Sql;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.Availability;

/// <summary>
/// LL3006 on a PostgreSQL AlterColumn from oldNullable: true to nullable: false on an existing table: SET NOT NULL scans
/// every row under ACCESS EXCLUSIVE, unless an earlier step of Up leaves a validated CHECK (column IS NOT NULL) on the
/// table (PostgreSQL 12+ then skips the scan): an AddCheckConstraint, or Sql adding the check (NOT VALID, then a
/// VALIDATE CONSTRAINT of it).
/// </summary>
internal sealed class NotNullUnderExclusiveLockRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL3006_NotNullUnderExclusiveLock);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        if (migration.Provider != DatabaseProvider.PostgreSql || !AvailabilityFacts.IsOn(migration))
        {
            return;
        }

        var up = migration.Up;
        for (var i = 0; i < up.Length; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operation = up[i];
            if (operation.Kind != MigrationOperationKind.AlterColumn
                || operation["oldNullable"].Value is not true
                || !operation["nullable"].IsKnown || operation["nullable"].Value is not false
                || !AvailabilityFacts.IsCandidate(migration, context, i, operation)
                || operation.GetString("name") is not { } name
                || AvailabilityFacts.IsRewrittenBy(migration, i, operation.Schema, operation.Table!)
                || HasValidatedNotNullCheck(up, i, operation.Table!, name))
            {
                continue;
            }

            var table = AvailabilityFacts.Display(operation.Schema, operation.Table!);
            var properties = AvailabilityFacts.Properties(migration, operation.Schema, operation.Table!);
            properties.Add(DiagnosticProperties.Column, name);
            context.Report(AvailabilityFacts.Create(migration, Descriptors.LL3006_NotNullUnderExclusiveLock, operation.Location, properties.ToImmutable(), table + "." + name, table));
        }
    }

    /// <summary>
    /// True when a step before <paramref name="index"/> adds CHECK (column IS NOT NULL) on the table and leaves it
    /// validated: an AddCheckConstraint (validated as it is added), or a Sql ADD CONSTRAINT … CHECK, validated unless it
    /// says NOT VALID, in which case a later Sql step must VALIDATE CONSTRAINT it.
    /// </summary>
    internal static bool HasValidatedNotNullCheck(ImmutableArray<MigrationOperation> up, int index, string table, string column)
    {
        var pending = new List<string>();
        for (var i = 0; i < index; i++)
        {
            var step = up[i];
            if (step.Kind is MigrationOperationKind.AddCheckConstraint or MigrationOperationKind.CreateCheckConstraint)
            {
                if (string.Equals(step.Table, table, StringComparison.Ordinal) && step.GetString("sql") is { } sql && IsNotNullCheck(SqlLexer.Tokenize(sql), 0, column) >= 0)
                {
                    return true;
                }

                continue;
            }

            if (AvailabilityFacts.Tokens(step) is not { } tokens)
            {
                continue;
            }

            for (var t = 0; t < tokens.Count; t++)
            {
                // ALTER TABLE [ONLY] [schema.]table ADD CONSTRAINT name CHECK (column IS NOT NULL) [NOT VALID]
                if (tokens[t].Is("ADD") && t + 3 < tokens.Count && tokens[t + 1].Is("CONSTRAINT") && tokens[t + 2].IsName && tokens[t + 3].Is("CHECK")
                    && NamesTable(tokens, t, table))
                {
                    var end = IsNotNullCheck(tokens, t + 4, column);
                    if (end < 0)
                    {
                        continue;
                    }

                    if (end + 1 < tokens.Count && tokens[end].Is("NOT") && tokens[end + 1].Is("VALID"))
                    {
                        pending.Add(tokens[t + 2].Text);
                    }
                    else
                    {
                        return true;
                    }
                }
                else if (tokens[t].Is("VALIDATE") && t + 2 < tokens.Count && tokens[t + 1].Is("CONSTRAINT") && tokens[t + 2].IsName
                    && pending.Exists(name => string.Equals(name, tokens[t + 2].Text, StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The index after "( column IS NOT NULL )" starting at <paramref name="start"/> (parentheses optional when alone), or -1.</summary>
    private static int IsNotNullCheck(List<SqlToken> tokens, int start, string column)
    {
        var i = start;
        var open = 0;
        while (i < tokens.Count && tokens[i].IsPunctuation('('))
        {
            open++;
            i++;
        }

        if (i + 3 >= tokens.Count || !tokens[i].IsName || !string.Equals(tokens[i].Text, column, StringComparison.OrdinalIgnoreCase)
            || !tokens[i + 1].Is("IS") || !tokens[i + 2].Is("NOT") || !tokens[i + 3].Is("NULL"))
        {
            return -1;
        }

        i += 4;
        for (; open > 0; open--)
        {
            if (i >= tokens.Count || !tokens[i].IsPunctuation(')'))
            {
                return -1;
            }

            i++;
        }

        return i;
    }

    /// <summary>True when the ALTER TABLE whose ADD is at <paramref name="add"/> names the table (its last name before ADD).</summary>
    private static bool NamesTable(List<SqlToken> tokens, int add, string table)
        => add > 0 && tokens[add - 1].IsName && string.Equals(tokens[add - 1].Text, table, StringComparison.OrdinalIgnoreCase);
}
