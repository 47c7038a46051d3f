using System.Collections.Generic;
using System.Threading;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;
using Lossless.Analyzers.Model.Targets;
using Lossless.CodeFixes.Sql.Conversions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Lossless.CodeFixes.Rules.DataLoss.TypeChanges;

/// <summary>The fix kinds of LL1001–LL1003, each with its own equivalence key.</summary>
internal enum TypeChangeFixKind
{
    VerifyThenConvert,
    UsingCast,
    ExpandContract,
    ConvertKey,
}

/// <summary>
/// Turns one dangerous AlterColumn into the steps of a fix kind, as text changes to the migration's files. Every fact
/// comes from the migration model (operations, target model, previous target model); when one is missing the plan is
/// null and no fix is offered.
/// </summary>
internal sealed partial class TypeChangePlan
{
    private readonly MigrationSource _source;
    private readonly Dictionary<SyntaxTree, List<TextChange>> _changes = new();

    private TypeChangePlan(MigrationSource source) => _source = source;

    private DatabaseProvider Provider => _source.Provider;

    public static Solution? Apply(MigrationSource source, MigrationOperation alterColumn, TypeChangeFixKind kind, CancellationToken cancellationToken)
    {
        var plan = new TypeChangePlan(source);
        var planned = kind switch
        {
            TypeChangeFixKind.VerifyThenConvert => plan.VerifyThenConvert(alterColumn, explicitCast: false),
            TypeChangeFixKind.UsingCast => plan.VerifyThenConvert(alterColumn, explicitCast: true),
            TypeChangeFixKind.ExpandContract => plan.ExpandContract(alterColumn),
            TypeChangeFixKind.ConvertKey => plan.ConvertKey(alterColumn),
            _ => false,
        };

        return planned ? plan.ApplyChanges(cancellationToken) : null;
    }

    // ---------------------------------------------------------------- Verify-then-convert, and USING on PostgreSQL

    /// <summary>
    /// A guard step before the AlterColumn. On PostgreSQL, a conversion without an assignment cast fails whatever the
    /// data, so there the step also converts with USING (explicitCast) and plain verification is not offered.
    /// </summary>
    private bool VerifyThenConvert(MigrationOperation alterColumn, bool explicitCast)
    {
        if (!TryConversion(alterColumn, out var conversion)
            || conversion.NeedsExplicitCast != explicitCast
            || !ValueCheck.TryCreate(conversion, out var check)
            || check is null
            || MigrationSource.StatementOf(alterColumn) is not { } statement
            || MigrationSource.ReceiverOf(alterColumn) is not { } receiver)
        {
            return false;
        }

        var code = Code(receiver, statement);
        if (explicitCast)
        {
            code.Comment("PostgreSQL has no automatic cast from " + conversion.From.Text + " to " + conversion.To.Text + ": stop the migration if a value of " + conversion + " would not convert, else convert with an explicit cast.")
                .Sql(ConversionStep.Build(Provider, new[] { conversion }, new[] { check }, new[] { ConversionStep.AlterTypeUsing(conversion) }));
        }
        else
        {
            code.Comment("Stop the migration before it changes anything if a value of " + conversion + " would not survive the change to " + conversion.To.Text + ".")
                .Sql(ConversionStep.Build(Provider, new[] { conversion }, new[] { check }, new string[0]));
        }

        InsertBefore(statement, code);
        return InverseInDown(new[] { conversion.Column });
    }

    /// <summary>
    /// Down's AlterColumn on each column is the inverse conversion; where it, too, cannot run as EF writes it
    /// (PostgreSQL without a cast) or can lose values, it gets the same verification and explicit cast.
    /// </summary>
    private bool InverseInDown(IReadOnlyList<ColumnRef> columns)
    {
        foreach (var column in columns)
        {
            foreach (var inverse in MigrationSource.AlterColumns(_source.Model.Down, column))
            {
                if (!TryConversion(inverse, out var conversion) || conversion.KeepsEveryValue)
                {
                    continue;
                }

                if (!ValueCheck.TryCreate(conversion, out var check)
                    || MigrationSource.StatementOf(inverse) is not { } statement
                    || MigrationSource.ReceiverOf(inverse) is not { } receiver)
                {
                    return false;
                }

                var code = Code(receiver, statement)
                    .Comment("Stop the rollback before it changes anything if a value of " + conversion + " would not survive the change back to " + conversion.To.Text + ".")
                    .Sql(ConversionStep.Build(Provider, new[] { conversion }, new[] { check }, conversion.NeedsExplicitCast ? new[] { ConversionStep.AlterTypeUsing(conversion) } : new string[0]));
                InsertBefore(statement, code);
            }
        }

        return true;
    }

    // ---------------------------------------------------------------- Shared

    private bool TryConversion(MigrationOperation alterColumn, out ColumnConversion conversion)
    {
        conversion = null!;
        if (alterColumn.Table is not { } table
            || alterColumn.GetString("name") is not { } name
            || alterColumn["schema"].State == ArgumentState.Unknown
            || !AlterColumnTypes.TryResolve(alterColumn, Provider, out var oldType, out var newType))
        {
            return false;
        }

        conversion = new ColumnConversion(new ColumnRef(alterColumn.Schema, table, name), oldType, newType, Provider);
        return true;
    }

    private static ColumnRef ColumnOf(MigrationOperation alterColumn)
        => new(alterColumn.Schema, alterColumn.Table!, alterColumn.GetString("name")!);

    private static MigrationCode Code(string receiver, StatementSyntax near)
        => new(receiver, MigrationCode.SupportsRawStrings(near.SyntaxTree));

    private void InsertBefore(StatementSyntax statement, MigrationCode code)
        => Changes(statement).Add(code.InsertBefore(statement, NewLine(statement)));

    private void InsertAfter(StatementSyntax statement, MigrationCode code)
        => Changes(statement).Add(code.InsertAfter(statement, NewLine(statement)));

    private List<TextChange> Changes(StatementSyntax statement)
    {
        if (!_changes.TryGetValue(statement.SyntaxTree, out var list))
        {
            list = new List<TextChange>();
            _changes.Add(statement.SyntaxTree, list);
        }

        return list;
    }

    private static string NewLine(StatementSyntax statement) => MigrationCode.NewLineOf(statement.SyntaxTree.GetText());

    private Solution? ApplyChanges(CancellationToken cancellationToken)
    {
        var solution = _source.Solution;
        foreach (var pair in _changes)
        {
            if (solution.GetDocument(pair.Key) is not { } document)
            {
                return null;
            }

            pair.Value.Sort(static (a, b) => a.Span.Start.CompareTo(b.Span.Start));
            var text = pair.Key.GetText(cancellationToken).WithChanges(pair.Value);
            solution = solution.WithDocumentText(document.Id, text);
        }

        return solution;
    }
}
