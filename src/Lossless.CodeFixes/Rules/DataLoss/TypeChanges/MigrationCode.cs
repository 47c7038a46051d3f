using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Lossless.CodeFixes.Rules.DataLoss.TypeChanges;

/// <summary>One argument of a generated call: name: value, the value already C# code.</summary>
internal readonly struct Argument
{
    public Argument(string name, string code)
    {
        Name = name;
        Code = code;
    }

    public string Name { get; }

    public string Code { get; }

    public static Argument String(string name, string value) => new(name, Literal(value));

    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}

/// <summary>
/// Writes migration statements the way EF Core scaffolds them (one named argument a line), each group of statements
/// under a one-line comment saying why it is there, indented like the statement they go next to.
/// </summary>
internal sealed class MigrationCode
{
    private readonly List<List<string>> _blocks = new();
    private readonly string _receiver;
    private readonly bool _rawStrings;

    public MigrationCode(string receiver, bool rawStrings)
    {
        _receiver = receiver;
        _rawStrings = rawStrings;
    }

    public bool IsEmpty => _blocks.Count == 0;

    /// <summary>Starts a group of statements under a comment.</summary>
    public MigrationCode Comment(string why)
    {
        _blocks.Add(new List<string> { "// " + why });
        return this;
    }

    public MigrationCode Call(string method, string? typeArgument, params Argument[] arguments)
    {
        var lines = new List<string>();
        var head = _receiver + "." + method + (typeArgument is null ? string.Empty : "<" + typeArgument + ">") + "(";
        if (arguments.Length == 0)
        {
            lines.Add(head + ");");
        }
        else
        {
            lines.Add(head);
            for (var i = 0; i < arguments.Length; i++)
            {
                lines.Add("    " + arguments[i].Name + ": " + arguments[i].Code + (i == arguments.Length - 1 ? ");" : ","));
            }
        }

        Add(lines);
        return this;
    }

    /// <summary>migrationBuilder.Sql("""…"""); with the SQL's lines ('\n'-separated) as they are.</summary>
    public MigrationCode Sql(string sql)
    {
        var sqlLines = sql.Split('\n');
        var lines = new List<string>();
        if (_rawStrings)
        {
            var quotes = new string('"', Math.Max(3, LongestQuoteRun(sql) + 1));
            lines.Add(_receiver + ".Sql(" + quotes);
            foreach (var line in sqlLines)
            {
                lines.Add(line.Length == 0 ? string.Empty : "    " + line);
            }

            lines.Add("    " + quotes + ");");
        }
        else
        {
            lines.Add(_receiver + ".Sql(@\"");
            foreach (var line in sqlLines)
            {
                lines.Add(line.Length == 0 ? string.Empty : "    " + line.Replace("\"", "\"\""));
            }

            lines.Add("    \");");
        }

        Add(lines);
        return this;
    }

    /// <summary>The statements as text: each line indented, groups separated by a blank line.</summary>
    public string Render(string indent, string newline)
    {
        var text = new StringBuilder();
        for (var b = 0; b < _blocks.Count; b++)
        {
            if (b > 0)
            {
                text.Append(newline);
            }

            foreach (var line in _blocks[b])
            {
                if (line.Length > 0)
                {
                    text.Append(indent).Append(line);
                }

                text.Append(newline);
            }
        }

        return text.ToString();
    }

    /// <summary>Inserted before a statement: above its leading comments, so they stay with it.</summary>
    public TextChange InsertBefore(StatementSyntax statement, string newline)
        => new(new TextSpan(LineStartAbove(statement), 0), Render(IndentOf(statement), newline) + newline);

    /// <summary>Inserted after a statement (and whatever follows it on its line).</summary>
    public TextChange InsertAfter(StatementSyntax statement, string newline)
        => new(new TextSpan(statement.FullSpan.End, 0), newline + Render(IndentOf(statement), newline));

    public static string IndentOf(StatementSyntax statement)
    {
        var leading = statement.GetFirstToken().LeadingTrivia;
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

        return "            ";
    }

    public static string NewLineOf(SourceText text)
    {
        var content = text.ToString();
        return content.IndexOf("\r\n", StringComparison.Ordinal) >= 0 ? "\r\n" : "\n";
    }

    /// <summary>Raw string literals need C# 11.</summary>
    public static bool SupportsRawStrings(SyntaxTree tree)
        => tree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp11 };

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

    private static int LongestQuoteRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '"' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private void Add(List<string> lines)
    {
        if (_blocks.Count == 0)
        {
            _blocks.Add(new List<string>());
        }

        var block = _blocks[_blocks.Count - 1];
        if (block.Count > 0 && !block[block.Count - 1].StartsWith("//", StringComparison.Ordinal))
        {
            // A second statement of the same group: a blank line, as EF Core scaffolds statements.
            _blocks.Add(lines);
            return;
        }

        block.AddRange(lines);
    }
}
