using System;
using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.Sql;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.Availability;

/// <summary>
/// LL3007 on a PostgreSQL AddColumn to an existing table whose defaultValueSql calls a volatile function: every row is
/// rewritten under ACCESS EXCLUSIVE. Constants and stable functions (now(), CURRENT_TIMESTAMP) are stored once in the
/// catalog (PostgreSQL 11+) and are not reported.
/// </summary>
internal sealed class VolatileDefaultRule : MigrationRule
{
    /// <summary>Volatile functions (pg_proc.provolatile = 'v') that people use as column defaults.</summary>
    internal static readonly ImmutableArray<string> VolatileFunctions = ImmutableArray.Create(
        "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7",
        "random", "random_normal", "clock_timestamp", "timeofday", "nextval");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL3007_VolatileDefault);

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
            if (operation.Kind != MigrationOperationKind.AddColumn
                || operation.GetString("defaultValueSql") is not { } defaultSql
                || !AvailabilityFacts.IsCandidate(migration, context, i, operation)
                || operation.GetString("name") is not { } name
                || !CallsVolatileFunction(defaultSql)
                || AvailabilityFacts.IsRewrittenBy(migration, i - 1, operation.Schema, operation.Table!))
            {
                continue;
            }

            var table = AvailabilityFacts.Display(operation.Schema, operation.Table!);
            var properties = AvailabilityFacts.Properties(migration, operation.Schema, operation.Table!);
            properties.Add(DiagnosticProperties.Column, name);
            properties.Add(DiagnosticProperties.DefaultSql, defaultSql);
            context.Report(AvailabilityFacts.Create(migration, Descriptors.LL3007_VolatileDefault, operation.Location, properties.ToImmutable(), table + "." + name, defaultSql, table));
        }
    }

    /// <summary>True when the SQL calls one of <see cref="VolatileFunctions"/> (a name followed by "(", outside literals and comments).</summary>
    internal static bool CallsVolatileFunction(string sql)
    {
        var tokens = SqlLexer.Tokenize(sql);
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Kind == SqlTokenKind.Word && tokens[i + 1].IsPunctuation('('))
            {
                foreach (var function in VolatileFunctions)
                {
                    if (string.Equals(tokens[i].Text, function, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
