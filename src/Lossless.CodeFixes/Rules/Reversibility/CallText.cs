using System.Collections.Generic;
using Lossless.CodeFixes.Migrations;

namespace Lossless.CodeFixes.Rules.Reversibility;

/// <summary>
/// <see cref="MigrationWriter"/> bound to one place in Down: its statement indentation, the builder's name and the
/// file's line break, for the inverses <see cref="InverseWriter"/> writes.
/// </summary>
internal sealed class CallText
{
    public const string Unit = MigrationWriter.Unit;

    private readonly string _builder;

    public CallText(string indent, string builder, string newLine)
    {
        Indent = indent;
        _builder = builder;
        NewLine = newLine;
    }

    /// <summary>The statement indentation.</summary>
    public string Indent { get; }

    public string NewLine { get; }

    /// <summary>builder.Method&lt;T&gt;(name: value, …)[.Annotation(…)…];</summary>
    public string Call(string method, string? typeArgument, IReadOnlyList<KeyValuePair<string, string>> arguments, IReadOnlyList<string>? chain = null)
    {
        var list = new List<Argument>(arguments.Count);
        foreach (var argument in arguments)
        {
            list.Add(new Argument(argument.Key, argument.Value));
        }

        return MigrationWriter.Call(Indent, _builder, method, typeArgument, list, chain, NewLine);
    }

    /// <summary>One or more comment lines at statement indentation.</summary>
    public string Comment(params string[] lines) => MigrationWriter.Comment(Indent, lines, NewLine);

    /// <summary>A comment line directly above a statement.</summary>
    public string Commented(string comment, string statement) => Comment(comment) + NewLine + statement;
}
