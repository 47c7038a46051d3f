using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Lossless.Analyzers;
using Lossless.CodeFixes.Migrations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lossless.CodeFixes.Rules.Reversibility;

/// <summary>
/// LL2001, LL2002: writes Down as the inverse of every Up operation, in reverse order. LL2003: adds the missing inverse
/// (or replaces the wrong one) in the existing Down. Arguments are copied from Up verbatim; what Up does not hold (a
/// dropped table's columns, a dropped column's type, a dropped index's definition) comes from the previous migration's
/// target model, or is left as a TODO that still compiles. Which inverse undoes which operation is the catalog's one
/// table (<see cref="Analyzers.Model.Operations.OperationInverses"/>), the same LL2003 judges by.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GenerateDownFixer)), Shared]
public sealed class GenerateDownFixer : MigrationFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(RuleIds.MissingDown, RuleIds.EmptyDown, RuleIds.DownDoesNotUndoUp);

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root)
    {
        // Half-typed code: inverses copied from a broken Up (an unfinished typeof, a cut-off argument list) would not compile.
        var type = root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (type is null || HasSyntaxErrors(type))
        {
            yield break;
        }

        if (diagnostic.Id == RuleIds.DownDoesNotUndoUp)
        {
            yield return new FixOffer("Add the missing inverse to Down", FixerKeys.LL2003_AddMissingInverse);
        }
        else if (diagnostic.Id == RuleIds.MissingDown
            || root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } down
            || !DownWriter.HoldsOnlyGeneratedTodos(down))
        {
            yield return new FixOffer("Generate Down from Up", FixerKeys.LL2001_GenerateDown);
        }
    }

    internal override IEnumerable<string> KeysFor(string diagnosticId)
        => diagnosticId == RuleIds.DownDoesNotUndoUp ? [FixerKeys.LL2003_AddMissingInverse] : [FixerKeys.LL2001_GenerateDown];

    internal override bool Write(FixRequest request) => DownWriter.Write(request);

    private static bool HasSyntaxErrors(SyntaxNode node)
    {
        foreach (var diagnostic in node.GetDiagnostics())
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }
}
