using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lossless.CodeFixes.Migrations;

/// <summary>Argument-level edits of a MigrationBuilder call, keeping its one-argument-per-line layout.</summary>
internal static class ArgumentEdits
{
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

    /// <summary>Sets name: value, replacing the argument's value or adding the argument after <paramref name="after"/> (or last).</summary>
    public static InvocationExpressionSyntax Set(InvocationExpressionSyntax invocation, string name, ExpressionSyntax value, string after)
    {
        if (Named(invocation, name) is { } existing)
        {
            return invocation.ReplaceNode(existing.Expression, value.WithTriviaFrom(existing.Expression));
        }

        var arguments = invocation.ArgumentList.Arguments;
        var nodes = new List<ArgumentSyntax>(arguments);
        var separators = new List<SyntaxToken>(arguments.GetSeparators());
        var index = nodes.Count - 1;
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].NameColon?.Name.Identifier.ValueText == after)
            {
                index = i;
            }
        }

        var multiline = false;
        foreach (var separator in separators)
        {
            multiline |= separator.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia);
        }

        var argument = SyntaxFactory.Argument(SyntaxFactory.NameColon(name), default, value)
            .WithLeadingTrivia(index >= 0 && multiline ? nodes[index].GetLeadingTrivia() : default);
        var comma = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(multiline ? SyntaxFactory.EndOfLine("\n") : SyntaxFactory.Space);
        nodes.Insert(index + 1, argument);
        separators.Insert(index < 0 ? 0 : index, comma);
        if (separators.Count >= nodes.Count)
        {
            separators.RemoveAt(separators.Count - 1);
        }

        return invocation.WithArgumentList(invocation.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(nodes, separators)));
    }

    public static InvocationExpressionSyntax Remove(InvocationExpressionSyntax invocation, string name)
        => Named(invocation, name) is { } argument
            ? invocation.WithArgumentList(invocation.ArgumentList.WithArguments(invocation.ArgumentList.Arguments.Remove(argument)))
            : invocation;

    /// <summary>A C# value that is clearly chosen, not EF's CLR-default placeholder, for a column of <paramref name="clrType"/>; null when we have none.</summary>
    public static string? DeliberateValue(string? clrType) => clrType switch
    {
        "System.String" => "\"unknown\"",
        "System.Int32" => "-1",
        "System.Int64" => "-1L",
        "System.Int16" => "(short)-1",
        "System.Decimal" => "-1m",
        "System.Double" => "-1.0",
        "System.Single" => "-1f",
        "System.Boolean" => "true",
        "System.Byte" => "(byte)1",
        _ => null,
    };
}
