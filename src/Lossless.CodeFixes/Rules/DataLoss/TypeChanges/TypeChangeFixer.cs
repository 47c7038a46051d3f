using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Lossless.Analyzers;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;
using Lossless.Analyzers.Model.Targets;
using Lossless.CodeFixes.Migrations;
using Lossless.CodeFixes.Sql.Conversions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lossless.CodeFixes.Rules.DataLoss.TypeChanges;

/// <summary>
/// Fixes for column type changes: verify-then-convert (LL1001, LL1002), an explicit USING cast on PostgreSQL and
/// expand/contract (LL1002), and the conversion of a key with every column that references it (LL1003). Which are
/// offered is read from the rule's properties (provider, old and new store type, conversion class) and the reported
/// call's syntax; the steps are planned when an action is invoked (<see cref="TypeChangePlan"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TypeChangeFixer)), Shared]
public sealed class TypeChangeFixer : MigrationFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        Ids(RuleIds.LossyTypeChange, RuleIds.FailingTypeChange, RuleIds.KeyTypeChange);

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root)
    {
        if (Conversion(diagnostic) is not { } conversion)
        {
            yield break;
        }

        if (diagnostic.Id == RuleIds.KeyTypeChange)
        {
            if (conversion.Provider is DatabaseProvider.PostgreSql or DatabaseProvider.Sqlite)
            {
                yield return new FixOffer("Convert the key and every column that references it", FixerKeys.LL1003_ConvertKey);
            }

            yield break;
        }

        if (!ValueCheck.TryCreate(conversion, out var check) || check is null)
        {
            yield break;
        }

        if (conversion.NeedsExplicitCast)
        {
            yield return new FixOffer("Verify every value, then convert with an explicit USING cast", FixerKeys.LL1002_UsingCast);
        }
        else
        {
            yield return new FixOffer("Verify every value, then convert", diagnostic.Id == RuleIds.LossyTypeChange ? FixerKeys.LL1001_VerifyThenConvert : FixerKeys.LL1002_VerifyThenConvert);
        }

        if (diagnostic.Id == RuleIds.FailingTypeChange
            && conversion.Provider is DatabaseProvider.PostgreSql or DatabaseProvider.SqlServer
            && root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation
            && TypeChangePlan.CanRewrite(invocation)
            && DownFitsExpandContract(invocation, conversion.Column.Column))
        {
            yield return new FixOffer("Convert through a new column (expand/contract)", FixerKeys.LL1002_ExpandContract);
        }
    }

    /// <summary>
    /// Expand/contract rewrites Down's one inverse AlterColumn the other way, or writes no Down at all when there is none;
    /// a Down that touches the column otherwise (or twice) would no longer match Up's new steps, and the plan declines.
    /// Read from syntax, so that offering stays cheap: an empty or absent Down, or exactly one AlterColumn in it that names
    /// the column as a literal.
    /// </summary>
    private static bool DownFitsExpandContract(InvocationExpressionSyntax invocation, string column)
    {
        if (invocation.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type)
        {
            return false;
        }

        foreach (var member in type.Members)
        {
            if (member is not MethodDeclarationSyntax { Identifier.ValueText: "Down" } down)
            {
                continue;
            }

            if (down.Body is { Statements.Count: 0 })
            {
                return true;
            }

            var alters = 0;
            foreach (var call in down.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AlterColumn" }
                    && call.ArgumentList.Arguments.Any(argument => argument.Expression is LiteralExpressionSyntax literal && literal.Token.ValueText == column))
                {
                    alters++;
                }
            }

            return alters == 1;
        }

        return true;
    }

    internal override IEnumerable<string> KeysFor(string diagnosticId) => diagnosticId switch
    {
        RuleIds.LossyTypeChange => [FixerKeys.LL1001_VerifyThenConvert],
        RuleIds.FailingTypeChange => [FixerKeys.LL1002_VerifyThenConvert, FixerKeys.LL1002_UsingCast, FixerKeys.LL1002_ExpandContract],
        _ => [FixerKeys.LL1003_ConvertKey],
    };

    internal override bool Write(FixRequest request)
    {
        if (request.Operation is not { } alterColumn || !TypeChangePlan.TryConversion(request.Migration, alterColumn, out var conversion))
        {
            return false;
        }

        var plan = new TypeChangePlan(request);
        return request.Key switch
        {
            FixerKeys.LL1001_VerifyThenConvert or FixerKeys.LL1002_VerifyThenConvert => plan.VerifyThenConvert(alterColumn, conversion, explicitCast: false),
            FixerKeys.LL1002_UsingCast => plan.VerifyThenConvert(alterColumn, conversion, explicitCast: true),
            FixerKeys.LL1002_ExpandContract => plan.ExpandContract(alterColumn),
            FixerKeys.LL1003_ConvertKey => plan.ConvertKey(alterColumn),
            _ => false,
        };
    }

    /// <summary>The conversion the rule judged, from its properties: the column, the old and new store type, the provider.</summary>
    private static ColumnConversion? Conversion(Diagnostic diagnostic)
    {
        var properties = diagnostic.Properties;
        if (!properties.TryGetValue(DiagnosticProperties.Table, out var table) || table is null
            || !properties.TryGetValue(DiagnosticProperties.Column, out var column) || column is null
            || !properties.TryGetValue(DiagnosticProperties.OldType, out var oldType) || oldType is null
            || !properties.TryGetValue(DiagnosticProperties.NewType, out var newType) || newType is null
            || ProviderOf(diagnostic) is not (DatabaseProvider.PostgreSql or DatabaseProvider.SqlServer or DatabaseProvider.Sqlite))
        {
            return null;
        }

        var provider = ProviderOf(diagnostic);
        properties.TryGetValue(DiagnosticProperties.Schema, out var schema);
        var conversion = new ColumnConversion(new ColumnRef(schema, table, column), StoreTypeParser.Parse(oldType, provider), StoreTypeParser.Parse(newType, provider), provider);

        // The class the rule reported is the class the fix verifies: a parse that reads the types otherwise offers nothing.
        return properties.TryGetValue(DiagnosticProperties.Conversion, out var reported) && reported == conversion.Conversion.Class.ToString() ? conversion : null;
    }
}
