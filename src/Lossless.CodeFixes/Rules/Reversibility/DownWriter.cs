using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Lossless.Analyzers;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Rules.Reversibility;
using Lossless.CodeFixes.Migrations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Lossless.CodeFixes.Rules.Reversibility;

/// <summary>
/// Writes the LL2001–LL2003 fix of one diagnostic as edits of its document: a new Down after Up, Down's body
/// replaced, or an inverse inserted where it belongs in Down (before the inverses of earlier Up operations), so the
/// code around it keeps its formatting and comments.
/// </summary>
internal static class DownWriter
{
    public static bool Write(FixRequest request)
    {
        var migration = request.Migration;
        var model = migration.Model;
        var upDeclaration = migration.Declaration(model.UpMethod);
        var downDeclaration = migration.Declaration(model.DownMethod);
        if (upDeclaration is null || (model.DownMethod is not null && downDeclaration is null) || migration.Root is not CompilationUnitSyntax root)
        {
            return false;
        }

        var newLine = migration.NewLine;
        var changes = new List<TextChange>();
        var builder = (downDeclaration ?? upDeclaration).ParameterList.Parameters.FirstOrDefault()?.Identifier.ValueText ?? "migrationBuilder";
        var methodIndent = MigrationWriter.IndentOf(downDeclaration ?? upDeclaration);
        var statementIndent = MigrationWriter.StatementIndentOf(downDeclaration ?? upDeclaration);
        var writer = new InverseWriter(model, new CallText(statementIndent, builder, newLine));

        if (downDeclaration is null)
        {
            if (request.Diagnostic.Id != RuleIds.MissingDown)
            {
                return false;
            }

            var method = new StringBuilder();
            method.Append(newLine).Append(newLine);
            if (upDeclaration.GetLeadingTrivia().ToFullString().Contains("<inheritdoc"))
            {
                method.Append(methodIndent).Append("/// <inheritdoc />").Append(newLine);
            }

            method.Append(methodIndent).Append("protected override void Down").Append(upDeclaration.ParameterList.ToString()).Append(newLine)
                .Append(methodIndent).Append('{').Append(newLine)
                .Append(string.Join(newLine + newLine, writer.WriteAll())).Append(newLine)
                .Append(methodIndent).Append('}');
            changes.Add(new TextChange(new TextSpan(upDeclaration.Span.End, 0), method.ToString()));
        }
        else if (request.Diagnostic.Id == RuleIds.EmptyDown)
        {
            // A TODO that Down already holds (written by an earlier fix) is not written twice.
            var existing = downDeclaration.ToFullString();
            var blocks = writer.WriteAll().Where(block => !IsWrittenIn(block, existing)).ToList();
            if (blocks.Count > 0)
            {
                ReplaceBody(downDeclaration, string.Join(newLine + newLine, blocks), methodIndent, newLine, changes);
            }
        }
        else if (request.Diagnostic.Id == RuleIds.DownDoesNotUndoUp)
        {
            InsertMissing(model, request.Diagnostic, downDeclaration, writer, newLine, changes);
        }

        if (changes.Count == 0)
        {
            return false;
        }

        AddUsings(root, writer.Usings, newLine, changes);
        foreach (var change in changes)
        {
            request.Edits.ReplaceSpan(change.Span, change.NewText!);
        }

        return true;
    }

    /// <summary>
    /// True when Down is left with nothing but the TODOs a generated Down writes (comments about Up, no statement): the
    /// fix has nothing more to write there, and is not offered again. Read from syntax alone.
    /// </summary>
    public static bool HoldsOnlyGeneratedTodos(MethodDeclarationSyntax down)
    {
        if (down.Body is not { Statements.Count: 0 } body)
        {
            return false;
        }

        foreach (var trivia in body.CloseBraceToken.LeadingTrivia)
        {
            var text = trivia.ToString();
            if (text.StartsWith("// TODO: ", StringComparison.Ordinal) && text.IndexOf("Up", StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>LL2002: Down's body becomes the generated inverses; comments in an empty body stay, throwing statements go.</summary>
    private static void ReplaceBody(MethodDeclarationSyntax down, string blocks, string methodIndent, string newLine, List<TextChange> changes)
    {
        if (down.Body is not { } body)
        {
            // => throw …; becomes a block body.
            var start = down.ParameterList.Span.End;
            var end = down.SemicolonToken.Span.End;
            changes.Add(new TextChange(TextSpan.FromBounds(start, end), newLine + methodIndent + "{" + newLine + blocks + newLine + methodIndent + "}"));
            return;
        }

        if (body.Statements.Count > 0)
        {
            var first = body.Statements[0];
            var last = body.Statements[body.Statements.Count - 1];
            changes.Add(new TextChange(TextSpan.FromBounds(first.SpanStart, last.Span.End), blocks.TrimStart()));
            return;
        }

        var inner = TextSpan.FromBounds(body.OpenBraceToken.Span.End, body.CloseBraceToken.SpanStart);
        var existing = body.SyntaxTree.GetText().ToString(inner);
        var kept = existing.Trim().Length == 0 ? string.Empty : existing.TrimEnd();
        changes.Add(new TextChange(inner, (kept.Length == 0 ? newLine : kept + newLine) + blocks + newLine + methodIndent));
    }

    /// <summary>LL2003: the missing inverse goes before the first inverse of an earlier Up operation; a wrong one is replaced.</summary>
    private static void InsertMissing(MigrationModel migration, Diagnostic diagnostic, MethodDeclarationSyntax down, InverseWriter writer, string newLine, List<TextChange> changes)
    {
        var index = UpIndex(migration, diagnostic.Location);
        if (down.Body is not { Statements.Count: > 0 } body || index < 0)
        {
            return;
        }

        var matcher = new InverseMatcher(migration);
        var match = matcher.Match(index);
        if (match.Status == InverseStatus.Wrong && match.Inverse is { } wrong && TopLevelStatement(wrong.Invocation.Syntax, body) is { } statement)
        {
            if (writer.Write(index, migration.Down) is { } replacement)
            {
                changes.Add(new TextChange(statement.Span, replacement.TrimStart()));
            }

            return;
        }

        if (match.Status != InverseStatus.Missing || writer.Write(index, migration.Down) is not { } block || IsWrittenIn(block, down.ToFullString()))
        {
            return;
        }

        // Down undoes Up last first: the inverse goes before those of the operations Up runs earlier.
        var position = -1;
        for (var earlier = 0; earlier < index; earlier++)
        {
            if (matcher.Match(earlier) is { Status: InverseStatus.Found, Inverse: { } inverse } && TopLevelStatement(inverse.Invocation.Syntax, body) is { } before)
            {
                var start = LineStart(before);
                position = position < 0 ? start : Math.Min(position, start);
            }
        }

        changes.Add(position < 0
            ? new TextChange(new TextSpan(body.Statements[body.Statements.Count - 1].Span.End, 0), newLine + newLine + block)
            : new TextChange(new TextSpan(position, 0), block + newLine + newLine));
    }

    /// <summary>True for a block of comments only (a TODO) whose lines Down already holds.</summary>
    private static bool IsWrittenIn(string block, string down)
    {
        foreach (var line in block.Split('\n'))
        {
            var trimmed = line.Trim();
            if (!trimmed.StartsWith("//", StringComparison.Ordinal) || down.IndexOf(trimmed, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int UpIndex(MigrationModel migration, Location location)
    {
        for (var i = 0; i < migration.Up.Length; i++)
        {
            var candidate = migration.Up[i].Location;
            if (candidate.SourceTree == location.SourceTree && candidate.SourceSpan == location.SourceSpan)
            {
                return i;
            }
        }

        return -1;
    }

    private static StatementSyntax? TopLevelStatement(SyntaxNode node, BlockSyntax body)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current is StatementSyntax statement && statement.Parent == body)
            {
                return statement;
            }
        }

        return null;
    }

    private static int LineStart(SyntaxNode node) => node.SyntaxTree.GetText().Lines.GetLineFromPosition(node.SpanStart).Start;

    /// <summary>Adds the using directives the written code needs, in order among the file's own.</summary>
    private static void AddUsings(CompilationUnitSyntax root, SortedSet<string> namespaces, string newLine, List<TextChange> changes)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directive in root.Usings)
        {
            present.Add(directive.Name?.ToString() ?? string.Empty);
        }

        foreach (var ns in namespaces)
        {
            if (present.Contains(ns))
            {
                continue;
            }

            var position = root.Usings.Count == 0 ? root.SpanStart : -1;
            foreach (var directive in root.Usings)
            {
                if (directive.StaticKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None) && directive.Alias is null && Compare(ns, directive.Name?.ToString() ?? string.Empty) < 0)
                {
                    position = LineStart(directive);
                    break;
                }
            }

            if (position < 0)
            {
                position = root.Usings[root.Usings.Count - 1].FullSpan.End;
            }

            changes.Add(new TextChange(new TextSpan(position, 0), "using " + ns + ";" + newLine));
        }
    }

    /// <summary>System first, then ordinal order, as EF Core and dotnet format sort usings.</summary>
    private static int Compare(string left, string right)
    {
        var leftSystem = left == "System" || left.StartsWith("System.", StringComparison.Ordinal);
        var rightSystem = right == "System" || right.StartsWith("System.", StringComparison.Ordinal);
        return leftSystem != rightSystem ? (leftSystem ? -1 : 1) : string.CompareOrdinal(left, right);
    }
}
