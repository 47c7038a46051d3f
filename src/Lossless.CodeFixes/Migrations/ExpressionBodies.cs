using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Lossless.CodeFixes.Migrations;

/// <summary>
/// Up and Down written as expression bodies (<c>Up(MigrationBuilder b) =&gt; b.DropColumn(…);</c>, as some projects
/// write migrations of one operation) have no statement a fix can write next to, and no body to append to. Before a
/// fix is written, such a method is given a block body holding its call as the one statement; after it, a method that
/// still holds that one statement and nothing else gets its expression body back, so that only a method the fix wrote
/// statements into keeps the block. The call's own text is never part of a change: diagnostics inside it keep their
/// place through both steps.
/// </summary>
internal static class ExpressionBodies
{
    /// <summary>An expression-bodied method given a block: where its declaration starts and what stood around the call.</summary>
    internal readonly struct Converted
    {
        public Converted(int declarationStart, TextSpan callStart, string beforeCall, string afterCall)
        {
            DeclarationStart = declarationStart;
            CallStart = callStart;
            BeforeCall = beforeCall;
            AfterCall = afterCall;
        }

        /// <summary>The declaration's first position in the text as loaded, before the blocks.</summary>
        public int DeclarationStart { get; }

        /// <summary>The call's first token in the text as loaded: a fix that rewrote the call rewrote it.</summary>
        public TextSpan CallStart { get; }

        /// <summary>The original text from the end of the parameter list to the call (" =&gt;" and the line break).</summary>
        public string BeforeCall { get; }

        /// <summary>The original text from the end of the call to the end of the declaration (";").</summary>
        public string AfterCall { get; }
    }

    /// <summary>
    /// The changes that give the expression-bodied Up and Down overrides of the class that holds <paramref name="span"/>
    /// block bodies, and what each conversion needs to be undone; read from syntax alone, before the migration is read.
    /// A method with a comment around its arrow or its semicolon is left as it is (a block would have no place for the
    /// comment that keeps its meaning); a fix finds no statement there.
    /// </summary>
    public static List<TextChange> ToBlocks(SyntaxNode root, SourceText text, TextSpan span, List<Converted> converted)
    {
        var changes = new List<TextChange>();
        if (root.FindToken(span.Start).Parent?.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } type)
        {
            return changes;
        }

        foreach (var member in type.Members)
        {
            if (member is not MethodDeclarationSyntax { Body: null, ExpressionBody: { } arrow, Identifier.ValueText: "Up" or "Down" } declaration
                || !declaration.Modifiers.Any(SyntaxKind.OverrideKeyword)
                || declaration.SemicolonToken.IsMissing
                || !OnlyLayout(declaration.ParameterList.GetTrailingTrivia())
                || !OnlyLayout(arrow.ArrowToken.LeadingTrivia)
                || !OnlyLayout(arrow.ArrowToken.TrailingTrivia)
                || !OnlyLayout(arrow.Expression.GetLeadingTrivia())
                || !OnlyLayout(arrow.Expression.GetTrailingTrivia())
                || !OnlyLayout(declaration.SemicolonToken.LeadingTrivia))
            {
                continue;
            }

            var call = arrow.Expression.Span;
            var before = TextSpan.FromBounds(declaration.ParameterList.Span.End, call.Start);
            var after = TextSpan.FromBounds(call.End, declaration.SemicolonToken.Span.End);
            var indent = MigrationWriter.IndentOf(declaration);
            var callIndent = StartsItsLine(text, call.Start) ? MigrationWriter.IndentOf(arrow.Expression) : indent + MigrationWriter.Unit;
            var newLine = LoadedMigration.NewLineOf(text);
            changes.Add(new TextChange(before, newLine + indent + "{" + newLine + callIndent));
            changes.Add(new TextChange(after, ";" + newLine + indent + "}"));
            converted.Add(new Converted(declaration.SpanStart, arrow.Expression.GetFirstToken().Span, text.ToString(before), text.ToString(after)));
        }

        return changes;
    }

    /// <summary>
    /// The changes that give each converted method that still holds its call as the one statement, with nothing around
    /// it (its arguments may have changed; a fix that wrote the method anew leaves a block), its expression body back,
    /// in <paramref name="root"/> (the fixed document); <paramref name="steps"/> are the blocks' changes and the fix's,
    /// through which each declaration's start is followed.
    /// </summary>
    public static List<TextChange> Restore(SyntaxNode root, IReadOnlyList<Converted> converted, IReadOnlyList<IReadOnlyList<TextChange>> steps)
    {
        var changes = new List<TextChange>();
        foreach (var method in converted)
        {
            if (MigrationFixAll.Follow(new TextSpan(method.DeclarationStart, 0), steps) is not { } start
                || root.FindToken(start.Start).Parent?.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } declaration
                || declaration.SpanStart != start.Start
                || declaration.Body is not { Statements.Count: 1 } body
                || body.Statements[0] is not ExpressionStatementSyntax statement
                || MigrationFixAll.Follow(method.CallStart, steps) is not { } call
                || statement.Expression.SpanStart != call.Start
                || !OnlyLayout(body.OpenBraceToken.TrailingTrivia)
                || !OnlyLayout(statement.GetLeadingTrivia())
                || !OnlyLayout(statement.Expression.GetTrailingTrivia())
                || !OnlyLayout(statement.SemicolonToken.LeadingTrivia)
                || !OnlyLayout(statement.SemicolonToken.TrailingTrivia)
                || !OnlyLayout(body.CloseBraceToken.LeadingTrivia))
            {
                continue;
            }

            var expression = statement.Expression.Span;
            changes.Add(new TextChange(TextSpan.FromBounds(declaration.ParameterList.Span.End, expression.Start), method.BeforeCall));
            changes.Add(new TextChange(TextSpan.FromBounds(expression.End, body.CloseBraceToken.Span.End), method.AfterCall));
        }

        return changes;
    }

    private static bool StartsItsLine(SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position);
        for (var i = line.Start; i < position; i++)
        {
            if (text[i] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool OnlyLayout(SyntaxTriviaList trivia)
    {
        foreach (var item in trivia)
        {
            if (!item.IsKind(SyntaxKind.WhitespaceTrivia) && !item.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return false;
            }
        }

        return true;
    }
}
