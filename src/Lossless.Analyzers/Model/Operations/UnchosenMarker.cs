using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lossless.Analyzers.Model.Operations;

/// <summary>
/// The "lossless: choose" marker: where a person must choose a value (a backfill, a default), the fixes write it in a
/// SQL comment (<c>UPDATE … SET c = NULL /* lossless: choose */</c>) or as a C# comment beside the argument
/// (<c>defaultValue: null /* lossless: choose */</c>). A step or argument that still carries it is not a backfill nor a
/// deliberate default: the rule keeps reporting until a person replaces it.
/// </summary>
public static class UnchosenMarker
{
    public const string Text = "lossless: choose";

    /// <summary>True when SQL text carries the marker (in a comment, where the fixes write it, or anywhere else).</summary>
    public static bool InSql(string sql) => sql.IndexOf(Text, StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>
    /// True when the argument carries the marker in a comment: inside it, just before it, or after it up to and
    /// including its comma. Reads only that argument's trivia.
    /// </summary>
    public static bool OnArgument(ArgumentValue value)
    {
        if (value.State is not (ArgumentState.Constant or ArgumentState.Unknown) || value.Operation?.Syntax is not { } syntax)
        {
            return false;
        }

        var node = syntax;
        while (node is not null && node is not ArgumentSyntax)
        {
            node = node.Parent;
        }

        if (node is null)
        {
            return false;
        }

        foreach (var trivia in node.DescendantTrivia(descendIntoTrivia: false))
        {
            if (IsMarkerComment(trivia))
            {
                return true;
            }
        }

        var next = node.GetLastToken().GetNextToken();
        if (next.IsKind(SyntaxKind.CommaToken) || next.IsKind(SyntaxKind.CloseParenToken))
        {
            foreach (var trivia in next.LeadingTrivia)
            {
                if (IsMarkerComment(trivia))
                {
                    return true;
                }
            }

            if (next.IsKind(SyntaxKind.CommaToken))
            {
                foreach (var trivia in next.TrailingTrivia)
                {
                    if (IsMarkerComment(trivia))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsMarkerComment(SyntaxTrivia trivia)
        => (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
        && trivia.ToString().IndexOf(Text, StringComparison.OrdinalIgnoreCase) >= 0;
}
