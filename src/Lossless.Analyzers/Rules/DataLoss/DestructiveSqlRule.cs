using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Sql;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.DataLoss;

/// <summary>
/// LL1009 on migrationBuilder.Sql(…) in Up whose constant text holds a destructive statement outside comments and
/// string literals. A step marked <c>-- lossless: verified</c> is not reported. One diagnostic per Sql step, naming
/// its first destructive statement.
/// </summary>
internal sealed class DestructiveSqlRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL1009_DestructiveSql);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        foreach (var operation in migration.Up)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (operation.Kind != MigrationOperationKind.Sql || operation.GetString("sql") is not { } sql || VerifiedMarker.IsMarked(operation))
            {
                continue;
            }

            var statements = SqlScanner.FindDestructive(sql);
            if (statements.Count == 0)
            {
                continue;
            }

            var effect = Effect(statements[0].Kind);
            if (statements.Count > 1)
            {
                effect += statements.Count == 2 ? ", and 1 more destructive statement follows" : ", and " + (statements.Count - 1) + " more destructive statements follow";
            }

            context.Report(Diagnostic.Create(Descriptors.LL1009_DestructiveSql, operation.Location, statements[0].Text, effect));
        }
    }

    private static string Effect(DestructiveSqlKind kind) => kind switch
    {
        DestructiveSqlKind.DropTable => "drops a table and every row it holds",
        DestructiveSqlKind.DropColumn => "drops a column and every value it holds",
        DestructiveSqlKind.DropSchema => "drops a schema and every table in it",
        DestructiveSqlKind.DropDatabase => "drops a whole database",
        DestructiveSqlKind.Truncate => "deletes every row of the table",
        DestructiveSqlKind.DeleteWithoutWhere => "has no WHERE and deletes every row of the table",
        DestructiveSqlKind.UpdateWithoutWhere => "has no WHERE and overwrites every row of the table",
        _ => "changes a column's type: every stored value is converted, and values that do not convert fail or change",
    };
}
