using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Lossless.CodeFixes.Migrations;

/// <summary>One argument of a written call: name: code, the value already C# code.</summary>
internal readonly struct Argument
{
    public Argument(string name, string code)
    {
        Name = name;
        Code = code;
    }

    public string Name { get; }

    public string Code { get; }

    public static Argument String(string name, string value) => new(name, MigrationWriter.Literal(value));
}

/// <summary>
/// The one writer of migration code: MigrationBuilder calls as EF Core scaffolds them (named arguments one per line,
/// continuation lines one level deeper, chained annotations on their own lines), comments, SQL literals, and the
/// indentation and line breaks of the file they go into.
/// </summary>
internal static class MigrationWriter
{
    /// <summary>One level of indentation, as EF Core scaffolds.</summary>
    public const string Unit = "    ";

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>
    /// builder.Method&lt;T&gt;(name: value, …)[.Annotation(…)…]; with every line indented by <paramref name="indent"/>;
    /// multi-line values must carry their own continuation indentation.
    /// </summary>
    public static string Call(string indent, string receiver, string method, string? typeArgument, IReadOnlyList<Argument> arguments, IReadOnlyList<string>? chain, string newLine)
    {
        var text = new StringBuilder();
        text.Append(indent).Append(receiver).Append('.').Append(method);
        if (typeArgument is not null)
        {
            text.Append('<').Append(typeArgument).Append('>');
        }

        text.Append('(');
        for (var i = 0; i < arguments.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append(newLine).Append(indent).Append(Unit).Append(arguments[i].Name).Append(": ").Append(arguments[i].Code);
        }

        text.Append(')');
        if (chain is not null)
        {
            foreach (var link in chain)
            {
                text.Append(newLine).Append(indent).Append(Unit).Append(link);
            }
        }

        return text.Append(';').ToString();
    }

    /// <summary>One or more comment lines at <paramref name="indent"/>.</summary>
    public static string Comment(string indent, IReadOnlyList<string> lines, string newLine)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : newLine).Append(indent).Append("// ").Append(lines[i]);
        }

        return text.ToString();
    }

    /// <summary>
    /// builder.Sql(…); for SQL whose lines are separated by '\n': a regular literal for one line, else a raw string
    /// literal (C# 11) with its lines one level deeper than the statement, or before C# 11 a regular literal.
    /// </summary>
    public static string SqlCall(string indent, string receiver, string sql, bool rawStrings, string newLine)
    {
        var lines = sql.Split('\n');
        if (lines.Length == 1 || !rawStrings)
        {
            // Before C# 11 a regular literal, so that the SQL is exactly the text meant, line breaks included.
            return indent + receiver + ".Sql(" + Literal(sql) + ");";
        }

        var quotes = new string('"', Math.Max(3, LongestRun(sql, '"') + 1));
        var text = new StringBuilder(indent).Append(receiver).Append(".Sql(").Append(quotes);
        foreach (var line in lines)
        {
            text.Append(newLine);
            if (line.Length > 0)
            {
                text.Append(indent).Append(Unit).Append(line);
            }
        }

        return text.Append(newLine).Append(indent).Append(Unit).Append(quotes).Append(");").ToString();
    }

    /// <summary>The whitespace that starts the line <paramref name="node"/> starts on.</summary>
    public static string IndentOf(SyntaxNode node)
    {
        var line = node.SyntaxTree.GetText().Lines.GetLineFromPosition(node.SpanStart).ToString();
        var length = 0;
        while (length < line.Length && (line[length] == ' ' || line[length] == '\t'))
        {
            length++;
        }

        return line.Substring(0, length);
    }

    /// <summary>The indentation of a method's statements, or one level deeper than the method when it has none.</summary>
    public static string StatementIndentOf(MethodDeclarationSyntax method)
        => method.Body is { Statements.Count: > 0 } body ? IndentOf(body.Statements[0]) : IndentOf(method) + Unit;

    private static int LongestRun(string text, char character)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == character ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}

/// <summary>
/// Statements a fix writes at one place: groups, each under a one-line comment saying why, statements within a group
/// and groups separated by a blank line, as EF Core scaffolds operations. Rendered at the indentation of the
/// statement they go next to.
/// </summary>
internal sealed class CodeBlock
{
    private readonly List<Group> _groups = new();
    private readonly string _receiver;
    private readonly bool _rawStrings;

    public CodeBlock(string receiver, bool rawStrings)
    {
        _receiver = receiver;
        _rawStrings = rawStrings;
    }

    public bool IsEmpty => _groups.Count == 0;

    /// <summary>Starts a group of statements under a comment (one line, or several).</summary>
    public CodeBlock Comment(params string[] lines)
    {
        _groups.Add(new Group(lines));
        return this;
    }

    public CodeBlock Call(string method, string? typeArgument, params Argument[] arguments)
        => Statement(indent => MigrationWriter.Call(indent, _receiver, method, typeArgument, arguments, null, "\n"));

    public CodeBlock Sql(string sql)
        => Statement(indent => MigrationWriter.SqlCall(indent, _receiver, sql, _rawStrings, "\n"));

    /// <summary>builder.Sql("…", suppressTransaction: true); for one line of SQL that must run outside the migration's transaction.</summary>
    public CodeBlock SqlOutsideTransaction(string sql)
        => Statement(indent => indent + _receiver + ".Sql(" + MigrationWriter.Literal(sql) + ", suppressTransaction: true);");

    /// <summary>The statements as text: every line at <paramref name="indent"/>, each ending with <paramref name="newLine"/>.</summary>
    public string Render(string indent, string newLine)
    {
        var text = new StringBuilder();
        for (var g = 0; g < _groups.Count; g++)
        {
            var group = _groups[g];
            if (g > 0)
            {
                text.Append(newLine);
            }

            if (group.Comment.Length > 0)
            {
                text.Append(MigrationWriter.Comment(indent, group.Comment, newLine)).Append(newLine);
            }

            for (var s = 0; s < group.Statements.Count; s++)
            {
                if (s > 0)
                {
                    text.Append(newLine);
                }

                text.Append(group.Statements[s](indent).Replace("\n", newLine)).Append(newLine);
            }
        }

        return text.ToString();
    }

    private CodeBlock Statement(Func<string, string> write)
    {
        if (_groups.Count == 0)
        {
            _groups.Add(new Group(Array.Empty<string>()));
        }

        _groups[_groups.Count - 1].Statements.Add(write);
        return this;
    }

    private sealed class Group
    {
        public Group(string[] comment) => Comment = comment;

        public string[] Comment { get; }

        public List<Func<string, string>> Statements { get; } = new();
    }
}

/// <summary>
/// The text changes one fix makes to one document, all against its text as loaded: statements inserted above or below
/// a statement (its own comments stay with it), replaced or removed, arguments set or removed, keeping the layout
/// around them.
/// </summary>
internal sealed class DocumentEdits
{
    private readonly List<TextChange> _changes = new();
    private readonly LoadedMigration _migration;

    public DocumentEdits(LoadedMigration migration) => _migration = migration;

    public bool IsEmpty => _changes.Count == 0;

    public IReadOnlyList<TextChange> Changes => _changes;

    public string NewLine => _migration.NewLine;

    /// <summary>A new block of statements for the builder <paramref name="receiver"/>.</summary>
    public CodeBlock Code(string receiver) => new(receiver, _migration.RawStrings);

    /// <summary>Above the statement and the comments that lead it.</summary>
    public void InsertBefore(StatementSyntax statement, CodeBlock code)
    {
        if (!code.IsEmpty)
        {
            Add(new TextChange(new TextSpan(LineStartAbove(statement), 0), code.Render(MigrationWriter.IndentOf(statement), NewLine) + NewLine));
        }
    }

    /// <summary>Below the statement (and whatever follows it on its line), after a blank line.</summary>
    public void InsertAfter(StatementSyntax statement, CodeBlock code)
    {
        if (!code.IsEmpty)
        {
            Add(new TextChange(new TextSpan(statement.FullSpan.End, 0), NewLine + code.Render(MigrationWriter.IndentOf(statement), NewLine)));
        }
    }

    /// <summary>In place of the statement; the comments above it stay above the first new statement.</summary>
    public void Replace(StatementSyntax statement, CodeBlock code)
    {
        var indent = MigrationWriter.IndentOf(statement);
        var rendered = code.Render(indent, NewLine);
        Add(new TextChange(statement.Span, rendered.Substring(indent.Length).TrimEnd('\r', '\n')));
    }

    /// <summary>Removes the statement with its own lines: the comments and blank line above it, its line break.</summary>
    public void Remove(StatementSyntax statement) => Add(new TextChange(statement.FullSpan, string.Empty));

    /// <summary>At the end of a method's body.</summary>
    public void Append(MethodDeclarationSyntax method, CodeBlock code)
    {
        if (method.Body is not { } body || code.IsEmpty)
        {
            return;
        }

        if (body.Statements.Count > 0)
        {
            InsertAfter(body.Statements[body.Statements.Count - 1], code);
            return;
        }

        ReplaceEmptyBody(body, code.Render(MigrationWriter.StatementIndentOf(method), NewLine), MigrationWriter.IndentOf(method));
    }

    /// <summary>At the start of a method's body.</summary>
    public void Prepend(MethodDeclarationSyntax method, CodeBlock code)
    {
        if (method.Body is { Statements.Count: > 0 } body)
        {
            InsertBefore(body.Statements[0], code);
        }
        else
        {
            Append(method, code);
        }
    }

    /// <summary>Sets <paramref name="name"/>: <paramref name="value"/>: replaces the argument's value, or adds the argument after <paramref name="after"/> (or last).</summary>
    public void SetArgument(InvocationExpressionSyntax invocation, string name, string value, string after)
    {
        var arguments = invocation.ArgumentList.Arguments;
        if (Named(invocation, name) is { } existing)
        {
            Add(new TextChange(existing.Expression.Span, value));
            return;
        }

        if (arguments.Count == 0)
        {
            Add(new TextChange(new TextSpan(invocation.ArgumentList.OpenParenToken.Span.End, 0), name + ": " + value));
            return;
        }

        var anchor = Named(invocation, after) ?? arguments[arguments.Count - 1];
        var separator = IsOnePerLine(invocation) ? "," + NewLine + MigrationWriter.IndentOf(anchor) : ", ";
        Add(new TextChange(new TextSpan(anchor.Span.End, 0), separator + name + ": " + value));
    }

    /// <summary>Removes the argument <paramref name="name"/> with the separator before it.</summary>
    public void RemoveArgument(InvocationExpressionSyntax invocation, string name)
    {
        if (Named(invocation, name) is not { } argument)
        {
            return;
        }

        var arguments = invocation.ArgumentList.Arguments;
        var index = arguments.IndexOf(argument);
        var span = index > 0
            ? TextSpan.FromBounds(arguments[index - 1].Span.End, argument.Span.End)
            : arguments.Count > 1 ? TextSpan.FromBounds(argument.SpanStart, arguments[1].SpanStart) : argument.Span;
        Add(new TextChange(span, string.Empty));
    }

    /// <summary>Inserts text at a position.</summary>
    public void Insert(int position, string text) => Add(new TextChange(new TextSpan(position, 0), text));

    /// <summary>Replaces a span.</summary>
    public void ReplaceSpan(TextSpan span, string text) => Add(new TextChange(span, text));

    /// <summary>The document with every change applied; changes at one position keep the order they were made in.</summary>
    public SourceText Apply(SourceText text)
        => text.WithChanges(_changes.Select(static (change, index) => (change, index)).OrderBy(static c => c.change.Span.Start).ThenBy(static c => c.index).Select(static c => c.change));

    /// <summary>Where the written text stands in the document once <see cref="Apply"/> has run, in order.</summary>
    public IEnumerable<TextSpan> WrittenSpans()
    {
        var delta = 0;
        foreach (var change in _changes.Select(static (change, index) => (change, index)).OrderBy(static c => c.change.Span.Start).ThenBy(static c => c.index).Select(static c => c.change))
        {
            var length = change.NewText?.Length ?? 0;
            yield return new TextSpan(change.Span.Start + delta, length);
            delta += length - change.Span.Length;
        }
    }

    public static ArgumentSyntax? Named(InvocationExpressionSyntax invocation, string name)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == name)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The MigrationBuilder call of a statement, looking through chained .Annotation(…) calls.</summary>
    public static InvocationExpressionSyntax? Invocation(StatementSyntax statement)
    {
        var expression = (statement as ExpressionStatementSyntax)?.Expression as InvocationExpressionSyntax;
        while (expression is { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Annotation" or "OldAnnotation", Expression: InvocationExpressionSyntax inner } })
        {
            expression = inner;
        }

        return expression;
    }

    /// <summary>The generic argument as written (AddColumn&lt;string&gt; gives "string"), or null.</summary>
    public static string? TypeArgument(InvocationExpressionSyntax invocation)
        => invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic }
            ? generic.TypeArgumentList.Arguments[0].ToString()
            : null;

    private static bool IsOnePerLine(InvocationExpressionSyntax invocation)
    {
        var list = invocation.ArgumentList;
        var text = invocation.SyntaxTree.GetText();
        return list.Arguments.Count > 0
            && text.Lines.GetLineFromPosition(list.Arguments[0].SpanStart).LineNumber != text.Lines.GetLineFromPosition(list.OpenParenToken.SpanStart).LineNumber;
    }

    private void ReplaceEmptyBody(BlockSyntax body, string statements, string methodIndent)
    {
        var inner = TextSpan.FromBounds(body.OpenBraceToken.Span.End, body.CloseBraceToken.SpanStart);
        var existing = _migration.Text.ToString(inner);
        var kept = existing.Trim().Length == 0 ? string.Empty : existing.TrimEnd();
        Add(new TextChange(inner, (kept.Length == 0 ? NewLine : kept + NewLine) + statements + methodIndent));
    }

    private void Add(TextChange change) => _changes.Add(change);

    /// <summary>The start of the first line that belongs to the statement: its leading comments' line, or its own.</summary>
    private static int LineStartAbove(StatementSyntax statement)
    {
        var lineStart = statement.FullSpan.Start;
        foreach (var trivia in statement.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                lineStart = trivia.Span.End;
            }
            else if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                break;
            }
        }

        return lineStart;
    }
}
