using System.Collections.Generic;
using System.Text;

namespace Lossless.CodeFixes.Rules.Reversibility;

/// <summary>
/// Writes MigrationBuilder calls as EF Core scaffolds them: named arguments, one per line, continuation lines one
/// indentation deeper, annotations chained on their own lines.
/// </summary>
internal sealed class CallText
{
    public const string Unit = "    ";

    private readonly string _indent;
    private readonly string _builder;
    private readonly string _newLine;

    public CallText(string indent, string builder, string newLine)
    {
        _indent = indent;
        _builder = builder;
        _newLine = newLine;
    }

    /// <summary>The statement indentation.</summary>
    public string Indent => _indent;

    public string NewLine => _newLine;

    /// <summary>builder.Method&lt;T&gt;(name: value, …)[.Annotation(…)…];</summary>
    public string Call(string method, string? typeArgument, IReadOnlyList<KeyValuePair<string, string>> arguments, IReadOnlyList<string>? chain = null)
    {
        var text = new StringBuilder();
        text.Append(_indent).Append(_builder).Append('.').Append(method);
        if (typeArgument is not null)
        {
            text.Append('<').Append(typeArgument).Append('>');
        }

        text.Append('(');
        for (var i = 0; i < arguments.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append(_newLine).Append(_indent).Append(Unit).Append(arguments[i].Key).Append(": ").Append(arguments[i].Value);
        }

        text.Append(')');
        if (chain is not null)
        {
            foreach (var link in chain)
            {
                text.Append(_newLine).Append(_indent).Append(Unit).Append(link);
            }
        }

        return text.Append(';').ToString();
    }

    /// <summary>One or more comment lines at statement indentation.</summary>
    public string Comment(params string[] lines)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : _newLine).Append(_indent).Append("// ").Append(lines[i]);
        }

        return text.ToString();
    }

    /// <summary>A comment line directly above a statement.</summary>
    public string Commented(string comment, string statement) => Comment(comment) + _newLine + statement;
}
