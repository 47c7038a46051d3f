using System;
using System.Collections.Generic;
using System.Threading;
using Lossless.Analyzers.Model.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Lossless.Analyzers.Model;

/// <summary>
/// Which migration of one DbContext first introduces each table and column (CreateTable, AddColumn, the new name of a
/// RenameTable or RenameColumn), read once per context from the syntax of each Up method: no binding, no Designer.
/// A name this reading cannot see (a non-literal name, a helper that receives the builder, an unknown builder method,
/// raw SQL) makes every later id unknown for tables or columns, and the rule quiet there.
/// </summary>
internal sealed class MigrationHistory
{
    private readonly Dictionary<string, Introduction> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Table, string Column), Introduction> _columns = new();
    private readonly Dictionary<string, string> _renamedTables = new(StringComparer.Ordinal);
    private readonly List<(string Id, string Text)> _sql = new();
    private string? _firstUnknownTables;
    private string? _firstUnknownColumns;
    private char[] _text = new char[1024];

    private MigrationHistory()
    {
    }

    /// <summary>
    /// The migration that first introduces <paramref name="table"/> when it sorts after <paramref name="id"/> and no
    /// migration at or before <paramref name="id"/> may have created it; else null.
    /// </summary>
    public Introduction? LaterTable(string table, string id)
    {
        if (!_tables.TryGetValue(table, out var first)
            || string.CompareOrdinal(first.Id, id) <= 0
            || IsBefore(_firstUnknownTables, id)
            || SqlBeforeMentions(id, table))
        {
            return null;
        }

        return first;
    }

    /// <summary>As <see cref="LaterTable"/>, for a column of a table introduced at or before <paramref name="id"/>.</summary>
    public Introduction? LaterColumn(string table, string column, string id)
    {
        if (!_columns.TryGetValue((table, column), out var first)
            || string.CompareOrdinal(first.Id, id) <= 0
            || !_tables.TryGetValue(table, out var tableFirst)
            || string.CompareOrdinal(tableFirst.Id, id) > 0
            || IsBefore(_firstUnknownColumns, id)
            || (_renamedTables.TryGetValue(table, out var renamedAt) && string.CompareOrdinal(renamedAt, id) < 0)
            || SqlBeforeMentions(id, column))
        {
            return null;
        }

        return first;
    }

    internal static MigrationHistory Read(IReadOnlyList<(INamedTypeSymbol Type, string Id)> migrations, CancellationToken cancellationToken)
    {
        var history = new MigrationHistory();
        foreach (var (type, id) in migrations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (UpOf(type, cancellationToken) is { } up && up.ParameterList.Parameters.Count == 1)
            {
                history.ReadUp(type, id, up, up.ParameterList.Parameters[0].Identifier.ValueText, cancellationToken);
            }
            else
            {
                history.Unknown(id, tables: true, columns: true);
            }
        }

        return history;
    }

    private static MethodDeclarationSyntax? UpOf(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var member in type.GetMembers("Up"))
        {
            if (member is IMethodSymbol { IsOverride: true, Parameters.Length: 1 } method)
            {
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration)
                    {
                        return declaration;
                    }
                }
            }
        }

        return null;
    }

    private void ReadUp(INamedTypeSymbol type, string id, MethodDeclarationSyntax up, string builder, CancellationToken cancellationToken)
    {
        var body = (SyntaxNode?)up.Body ?? up.ExpressionBody;
        if (body is null)
        {
            return;
        }

        // Most of an Up is the arguments of builder calls (CreateTable's column and constraint lambdas, InsertData's
        // values, SQL text), where neither a builder call nor a helper given the builder can be unless the builder's
        // name is written there: the walk does not make syntax nodes for arguments whose text does not name it.
        var text = up.SyntaxTree.GetText(cancellationToken);
        foreach (var node in body.DescendantNodes(child => !IsBuilderCallArgumentsWithoutBuilder(child, builder, text)))
        {
            if (node is not InvocationExpressionSyntax invocation)
            {
                continue;
            }

            if (invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } access
                && receiver.Identifier.ValueText == builder)
            {
                ReadOperation(type, id, access.Name.Identifier.ValueText, invocation.ArgumentList);
            }
            else if (PassesBuilder(invocation, builder))
            {
                // A helper that receives the builder may create anything.
                Unknown(id, tables: true, columns: true);
            }
        }
    }

    private void ReadOperation(INamedTypeSymbol type, string id, string method, ArgumentListSyntax arguments)
    {
        switch (method)
        {
            case "CreateTable":
                if (Literal(Argument(arguments, "name", 0)) is { } table)
                {
                    var schema = Literal(Argument(arguments, "schema", 2));
                    Introduce(_tables, table, new Introduction(type, id, Introduction.Creates, schema));
                    ReadColumns(id, type, table, schema, Argument(arguments, "columns", 1));
                }
                else
                {
                    Unknown(id, tables: true, columns: true);
                }

                break;
            case "AddColumn":
                if (Literal(Argument(arguments, "name", 0)) is { } added && Literal(Argument(arguments, "table", 1)) is { } addedTo)
                {
                    Introduce(_columns, (addedTo, added), new Introduction(type, id, Introduction.Adds, Literal(Argument(arguments, "schema", -1))));
                }
                else
                {
                    Unknown(id, tables: false, columns: true);
                }

                break;
            case "RenameTable":
                if (Argument(arguments, "newName", 2) is { } newTable)
                {
                    if (Literal(newTable) is { } renamed)
                    {
                        var newSchema = Argument(arguments, "newSchema", 3) ?? Argument(arguments, "schema", 1);
                        Introduce(_tables, renamed, new Introduction(type, id, Introduction.Renames, Literal(newSchema)));

                        // The renamed table keeps its columns under a name this reading does not follow.
                        if (!_renamedTables.TryGetValue(renamed, out var at) || string.CompareOrdinal(id, at) < 0)
                        {
                            _renamedTables[renamed] = id;
                        }
                    }
                    else
                    {
                        Unknown(id, tables: true, columns: true);
                    }
                }

                break;
            case "RenameColumn":
                if (Literal(Argument(arguments, "newName", 2)) is { } newColumn && Literal(Argument(arguments, "table", 1)) is { } renamedIn)
                {
                    Introduce(_columns, (renamedIn, newColumn), new Introduction(type, id, Introduction.Renames, Literal(Argument(arguments, "schema", 3))));
                }
                else
                {
                    Unknown(id, tables: false, columns: true);
                }

                break;
            case "Sql":
                if (Text(Argument(arguments, "sql", 0)) is { } sql)
                {
                    _sql.Add((id, sql));
                }
                else
                {
                    Unknown(id, tables: true, columns: true);
                }

                break;
            default:
                if (MigrationOperationKinds.FromMethodName(method) == MigrationOperationKind.Other)
                {
                    // A provider's or the project's own extension of the builder: what it creates is not known here.
                    Unknown(id, tables: true, columns: true);
                }

                break;
        }
    }

    /// <summary>The columns of CreateTable's anonymous object: the property name, or the literal name: argument of table.Column.</summary>
    private void ReadColumns(string id, INamedTypeSymbol type, string table, string? schema, ExpressionSyntax? columns)
    {
        AnonymousObjectCreationExpressionSyntax? shape = null;
        if (columns is not null)
        {
            foreach (var node in columns.DescendantNodesAndSelf())
            {
                if (node is AnonymousObjectCreationExpressionSyntax found)
                {
                    shape = found;
                    break;
                }
            }
        }

        if (shape is null)
        {
            Unknown(id, tables: false, columns: true);
            return;
        }

        foreach (var initializer in shape.Initializers)
        {
            var column = ColumnCall(initializer.Expression);
            var name = initializer.NameEquals?.Name.Identifier.ValueText;
            if (column is not null)
            {
                foreach (var argument in column.ArgumentList.Arguments)
                {
                    if (argument.NameColon?.Name.Identifier.ValueText == "name")
                    {
                        name = Literal(argument.Expression);
                    }
                    else if (argument.NameColon is null && column.ArgumentList.Arguments.Count >= 5)
                    {
                        name = null;
                    }
                }
            }

            if (name is null)
            {
                Unknown(id, tables: false, columns: true);
            }
            else
            {
                Introduce(_columns, (table, name), new Introduction(type, id, Introduction.Creates, schema));
            }
        }
    }

    /// <summary>The table.Column&lt;T&gt;(…) call under any chained .Annotation(…) calls.</summary>
    private static InvocationExpressionSyntax? ColumnCall(ExpressionSyntax expression)
    {
        while (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            if (access.Name.Identifier.ValueText == "Column")
            {
                return invocation;
            }

            expression = access.Expression;
        }

        return null;
    }

    /// <summary>
    /// The argument list of a builder call whose text does not hold the builder's name (nor a Unicode escape, which could
    /// spell it): nothing under it is a builder call or passes the builder on.
    /// </summary>
    private bool IsBuilderCallArgumentsWithoutBuilder(SyntaxNode node, string builder, SourceText text)
    {
        if (node is not ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } } } list
            || receiver.Identifier.ValueText != builder)
        {
            return false;
        }

        var span = list.Span;
        if (_text.Length < span.Length)
        {
            _text = new char[Math.Max(span.Length, _text.Length * 2)];
        }

        text.CopyTo(span.Start, _text, 0, span.Length);
        var chars = new ReadOnlySpan<char>(_text, 0, span.Length);
        return chars.IndexOf(builder.AsSpan()) < 0 && !HasUnicodeEscape(chars);
    }

    private static bool HasUnicodeEscape(ReadOnlySpan<char> chars)
    {
        var at = chars.IndexOf('\\');
        while (at >= 0 && at + 1 < chars.Length)
        {
            if (chars[at + 1] is 'u' or 'U')
            {
                return true;
            }

            var next = chars.Slice(at + 1).IndexOf('\\');
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    private static bool PassesBuilder(InvocationExpressionSyntax invocation, string builder)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.Expression is IdentifierNameSyntax name && name.Identifier.ValueText == builder)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The argument for a parameter, passed by name or at its position; null when absent.</summary>
    private static ExpressionSyntax? Argument(ArgumentListSyntax list, string name, int position)
    {
        var arguments = list.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument.NameColon is { } colon)
            {
                if (colon.Name.Identifier.ValueText == name)
                {
                    return argument.Expression;
                }
            }
            else if (i == position)
            {
                return argument.Expression;
            }
        }

        return null;
    }

    private static string? Literal(ExpressionSyntax? expression)
        => expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;

    /// <summary>The text of an argument made of string literals only (concatenated, or an interpolation without holes).</summary>
    private static string? Text(ExpressionSyntax? expression)
    {
        if (expression is null)
        {
            return null;
        }

        var text = new System.Text.StringBuilder();
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    text.Append(literal.Token.ValueText).Append('\n');
                    break;
                case InterpolatedStringTextSyntax part:
                    text.Append(part.TextToken.ValueText).Append('\n');
                    break;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                case InterpolatedStringExpressionSyntax:
                case ParenthesizedExpressionSyntax:
                    break;
                default:
                    return null;
            }
        }

        return text.ToString();
    }

    private static void Introduce<TKey>(Dictionary<TKey, Introduction> map, TKey key, Introduction introduction)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var first) || string.CompareOrdinal(introduction.Id, first.Id) < 0)
        {
            map[key] = introduction;
        }
    }

    private void Unknown(string id, bool tables, bool columns)
    {
        if (tables && (_firstUnknownTables is null || string.CompareOrdinal(id, _firstUnknownTables) < 0))
        {
            _firstUnknownTables = id;
        }

        if (columns && (_firstUnknownColumns is null || string.CompareOrdinal(id, _firstUnknownColumns) < 0))
        {
            _firstUnknownColumns = id;
        }
    }

    /// <summary>True when the unknown id may run before <paramref name="id"/> (it does not surely run after it).</summary>
    private static bool IsBefore(string? unknown, string id) => unknown is not null && !MigrationIds.SurelyBefore(id, unknown);

    /// <summary>True when raw SQL of a migration before <paramref name="id"/> names <paramref name="name"/>: it may have created it.</summary>
    private bool SqlBeforeMentions(string id, string name)
    {
        foreach (var (sqlId, text) in _sql)
        {
            if (!MigrationIds.SurelyBefore(id, sqlId) && text.IndexOf(name, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The migration that first introduces a table or column, and how (<see cref="Creates"/>, <see cref="Adds"/>, <see cref="Renames"/>).</summary>
internal sealed class Introduction
{
    public const string Creates = "creates";
    public const string Adds = "adds";
    public const string Renames = "renames";

    public Introduction(INamedTypeSymbol type, string id, string verb, string? schema)
    {
        Schema = schema;
        Type = type;
        Id = id;
        Verb = verb;
    }

    public INamedTypeSymbol Type { get; }

    public string Id { get; }

    public string Verb { get; }

    /// <summary>The schema named by a literal argument; null when none is (any schema matches it).</summary>
    public string? Schema { get; }
}
