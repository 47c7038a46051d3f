using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lossless.CodeFixes.Migrations;

/// <summary>A step a fix writes: a one-line comment saying why, and the code.</summary>
internal sealed class Step
{
    public Step(string comment, string code, bool navigateToString = false)
    {
        Comment = comment;
        Code = code;
        NavigateToString = navigateToString;
    }

    /// <summary>True when the IDE should put the caret on the step's string literal: it holds a placeholder to edit.</summary>
    public bool NavigateToString { get; }

    public string Comment { get; }

    /// <summary>The statement's code; continuation lines already carry the statement's indentation.</summary>
    public string Code { get; }
}

/// <summary>
/// Statement-level edits of a migration method, in the layout EF Core scaffolds (one blank line between operations,
/// named arguments one per line), keeping the user's comments and formatting around them.
/// </summary>
internal static class MigrationEdits
{
    /// <summary>The kind of annotation IDEs use to put the caret on a node after a code action (Roslyn's NavigationAnnotation).</summary>
    public const string NavigationKind = "CodeAction_Navigation";

    public static SyntaxAnnotation Navigation() => new(NavigationKind);

    /// <summary>The MigrationBuilder call of a statement, looking through chained .Annotation(…) calls.</summary>
    public static InvocationExpressionSyntax? Invocation(ExpressionStatementSyntax statement)
    {
        var expression = statement.Expression as InvocationExpressionSyntax;
        while (expression is { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Annotation", Expression: InvocationExpressionSyntax inner } })
        {
            expression = inner;
        }

        return expression;
    }

    /// <summary>The receiver the statement calls on ("migrationBuilder"), as written.</summary>
    public static string Builder(ExpressionStatementSyntax statement)
        => Invocation(statement)?.Expression is MemberAccessExpressionSyntax member ? member.Expression.ToString() : "migrationBuilder";

    /// <summary>The generic argument as written (AddColumn&lt;string&gt; gives "string"), or null.</summary>
    public static string? TypeArgument(InvocationExpressionSyntax invocation)
        => invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic }
            ? generic.TypeArgumentList.Arguments[0].ToString()
            : null;

    /// <summary>Arguments by parameter name: named ones by their name, positional ones by <paramref name="parameterOrder"/>.</summary>
    public static List<(string Name, ArgumentSyntax Argument)> Arguments(InvocationExpressionSyntax invocation, string[] parameterOrder)
    {
        var result = new List<(string, ArgumentSyntax)>();
        var position = 0;
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.NameColon is { } nameColon)
            {
                result.Add((nameColon.Name.Identifier.ValueText, argument));
            }
            else if (position < parameterOrder.Length)
            {
                result.Add((parameterOrder[position], argument));
            }

            position++;
        }

        return result;
    }

    public static ArgumentSyntax? Argument(List<(string Name, ArgumentSyntax Argument)> arguments, string name)
    {
        foreach (var (argumentName, argument) in arguments)
        {
            if (argumentName == name)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The whitespace that indents the statement's first line.</summary>
    public static string Indentation(SyntaxNode statement)
    {
        var leading = statement.GetLeadingTrivia();
        for (var i = leading.Count - 1; i >= 0; i--)
        {
            if (leading[i].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                return leading[i].ToString();
            }

            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                break;
            }
        }

        return string.Empty;
    }

    /// <summary>A string literal for SQL: a raw string literal (C# 11+) laid out on its own lines, or a regular one.</summary>
    public static string SqlLiteral(string sql, bool raw, string indent)
    {
        if (!raw)
        {
            return SyntaxFactory.Literal(sql).ToString();
        }

        var quotes = 3;
        var run = 0;
        foreach (var character in sql)
        {
            run = character == '"' ? run + 1 : 0;
            quotes = Math.Max(quotes, run + 1);
        }

        var delimiter = new string('"', quotes);
        var text = new StringBuilder(delimiter).Append('\n');
        foreach (var line in sql.Split('\n'))
        {
            text.Append(indent).Append("    ").Append(line).Append('\n');
        }

        return text.Append(indent).Append("    ").Append(delimiter).ToString();
    }

    /// <summary>builder.Method&lt;T&gt;(name: value, …) with one named argument per line, as EF Core scaffolds.</summary>
    public static string Call(string builder, string method, string? typeArgument, List<(string Name, string Value)> arguments, string indent)
    {
        var text = new StringBuilder(builder).Append('.').Append(method);
        if (typeArgument is not null)
        {
            text.Append('<').Append(typeArgument).Append('>');
        }

        text.Append('(');
        for (var i = 0; i < arguments.Count; i++)
        {
            text.Append('\n').Append(indent).Append("    ").Append(arguments[i].Name).Append(": ").Append(arguments[i].Value).Append(i == arguments.Count - 1 ? ");" : ",");
        }

        return arguments.Count == 0 ? text.Append(");").ToString() : text.ToString();
    }

    public static string Quote(string value) => SyntaxFactory.Literal(value).ToString();

    /// <summary>Inserts the steps before <paramref name="anchor"/>, each after a blank line and its comment.</summary>
    public static SyntaxNode InsertBefore(SyntaxNode root, StatementSyntax anchor, IReadOnlyList<Step> steps)
    {
        var indent = Indentation(anchor);
        var first = anchor.Parent is BlockSyntax block && block.Statements.IndexOf(anchor) == 0;
        var statements = Build(steps, indent, blankBeforeFirst: !first, blankAfterLast: first);
        return root.InsertNodesBefore(anchor, statements);
    }

    /// <summary>Inserts the steps after <paramref name="anchor"/>, each after a blank line and its comment.</summary>
    public static SyntaxNode InsertAfter(SyntaxNode root, StatementSyntax anchor, IReadOnlyList<Step> steps)
        => root.InsertNodesAfter(anchor, Build(steps, Indentation(anchor), blankBeforeFirst: true, blankAfterLast: false));

    /// <summary>Replaces <paramref name="anchor"/> with the steps; the anchor's leading comments stay above the first.</summary>
    public static SyntaxNode Replace(SyntaxNode root, StatementSyntax anchor, IReadOnlyList<Step> steps)
    {
        var indent = Indentation(anchor);
        var statements = Build(steps, indent, blankBeforeFirst: false, blankAfterLast: false);
        var leading = anchor.GetLeadingTrivia();
        var kept = new List<SyntaxTrivia>();
        var end = leading.Count;
        if (end > 0 && leading[end - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            end--;
        }

        for (var i = 0; i < end; i++)
        {
            kept.Add(leading[i]);
        }

        kept.AddRange(statements[0].GetLeadingTrivia());
        statements[0] = statements[0].WithLeadingTrivia(kept);
        statements[statements.Count - 1] = statements[statements.Count - 1].WithTrailingTrivia(anchor.GetTrailingTrivia());
        return root.ReplaceNode(anchor, statements);
    }

    /// <summary>Removes a statement with its own trivia (the blank line before it goes with it).</summary>
    public static SyntaxNode Remove(SyntaxNode root, StatementSyntax statement)
        => root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia) ?? root;

    /// <summary>Adds the steps at the end of a method body.</summary>
    public static SyntaxNode Append(SyntaxNode root, MethodDeclarationSyntax method, IReadOnlyList<Step> steps)
    {
        var body = method.Body!;
        if (body.Statements.Count > 0)
        {
            return InsertAfter(root, body.Statements[body.Statements.Count - 1], steps);
        }

        var indent = Indentation(method) + "    ";
        var statements = Build(steps, indent, blankBeforeFirst: false, blankAfterLast: false);
        var newBody = body
            .WithOpenBraceToken(body.OpenBraceToken.WithTrailingTrivia(SyntaxFactory.EndOfLine("\n")))
            .WithStatements(SyntaxFactory.List(statements))
            .WithCloseBraceToken(body.CloseBraceToken.WithLeadingTrivia(SyntaxFactory.Whitespace(Indentation(method))));
        return root.ReplaceNode(body, newBody);
    }

    /// <summary>Inserts the steps at the start of a method body.</summary>
    public static SyntaxNode Prepend(SyntaxNode root, MethodDeclarationSyntax method, IReadOnlyList<Step> steps)
    {
        var body = method.Body!;
        return body.Statements.Count > 0 ? InsertBefore(root, body.Statements[0], steps) : Append(root, method, steps);
    }

    private static List<StatementSyntax> Build(IReadOnlyList<Step> steps, string indent, bool blankBeforeFirst, bool blankAfterLast)
    {
        var result = new List<StatementSyntax>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            var leading = new List<SyntaxTrivia>();
            if (i > 0 || blankBeforeFirst)
            {
                leading.Add(SyntaxFactory.EndOfLine("\n"));
            }

            leading.Add(SyntaxFactory.Whitespace(indent));
            if (steps[i].Comment.Length > 0)
            {
                leading.Add(SyntaxFactory.Comment("// " + steps[i].Comment));
                leading.Add(SyntaxFactory.EndOfLine("\n"));
                leading.Add(SyntaxFactory.Whitespace(indent));
            }

            var trailing = new List<SyntaxTrivia> { SyntaxFactory.EndOfLine("\n") };
            if (i == steps.Count - 1 && blankAfterLast)
            {
                trailing.Add(SyntaxFactory.EndOfLine("\n"));
            }

            var statement = SyntaxFactory.ParseStatement(steps[i].Code)
                .WithLeadingTrivia(leading)
                .WithTrailingTrivia(trailing);
            if (steps[i].NavigateToString)
            {
                foreach (var token in statement.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                    {
                        statement = statement.ReplaceToken(token, token.WithAdditionalAnnotations(Navigation()));
                        break;
                    }
                }
            }

            result.Add(statement);
        }

        return result;
    }
}
