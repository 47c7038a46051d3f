using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Lossless.Analyzers.Infrastructure;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Lossless.Analyzers.Model;

/// <summary>
/// Collects one migration class's method bodies as the compiler hands them over (in any order, on any thread),
/// then builds its <see cref="MigrationModel"/> once, at the end of the class.
/// </summary>
internal sealed class MigrationReader
{
    private readonly INamedTypeSymbol _type;
    private readonly MigrationSymbols _symbols;
    private readonly object _gate = new();
    private readonly Dictionary<IMethodSymbol, List<object>> _bodies = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, BodyShape> _shapes = new(SymbolEqualityComparer.Default);

    private readonly MigrationIndex? _index;

    public MigrationReader(INamedTypeSymbol type, MigrationSymbols symbols, MigrationIndex? index = null)
    {
        _type = type;
        _symbols = symbols;
        _index = index;
    }

    /// <summary>Reads one method's body: its MigrationBuilder calls and its calls of the class's own methods, in source order.</summary>
    public void AddBody(ISymbol owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        if (owner is not IMethodSymbol method)
        {
            return;
        }

        var items = new List<object>();
        var shape = BodyShape.Empty;
        var stack = new Stack<IOperation>();
        var children = new List<IOperation>();
        foreach (var block in blocks)
        {
            shape |= StatementShape(block);

            // The operations of the body, depth first in source order, without the default values the compiler fills
            // in for omitted optional parameters: constants, most of a scaffolded body's operations (every
            // table.Column call has a dozen), that can hold no call.
            stack.Push(block);
            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                cancellationToken.ThrowIfCancellationRequested();
                shape |= Read(operation, items);
                children.Clear();
                foreach (var child in operation.ChildOperations)
                {
                    if (child is not IArgumentOperation { ArgumentKind: ArgumentKind.DefaultValue })
                    {
                        children.Add(child);
                    }
                }

                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push(children[i]);
                }
            }
        }

        lock (_gate)
        {
            _bodies[method.OriginalDefinition] = items;
            _shapes[method.OriginalDefinition] = shape;
        }
    }

    /// <summary>One operation of a body: a MigrationBuilder call read into <paramref name="items"/>, a call of the class's own method kept to be followed, and what either says of the body's shape.</summary>
    private BodyShape Read(IOperation operation, List<object> items)
    {
        if (operation is ILoopOperation)
        {
            return BodyShape.Opaque;
        }

        if (operation is not IInvocationOperation invocation)
        {
            return BodyShape.Empty;
        }

        var target = invocation.TargetMethod;
        if (IsBuilderMethod(target))
        {
            items.Add(OperationReader.Read(invocation));
            return BodyShape.Empty;
        }

        if (target.MethodKind == MethodKind.Ordinary
            && SymbolEqualityComparer.Default.Equals(target.ContainingType?.OriginalDefinition, _type.OriginalDefinition))
        {
            items.Add(target.OriginalDefinition);
            return BodyShape.Opaque;
        }

        // Code outside the class that receives the builder does work nobody here can read.
        return PassesBuilder(invocation) ? BodyShape.Opaque : BodyShape.Empty;
    }

    /// <summary>
    /// Reads the class's method bodies the compiler did not hand over: those declared in generated files. EF Core 1–3
    /// scaffolded "// &lt;auto-generated /&gt;" on the migration itself, and the analyzer driver hands generated code
    /// only to analyzers that ask for all of it, and then builds the operation trees of every generated body (each
    /// Designer's BuildTargetModel) for every analyzer in the build. Lossless reads these few methods itself instead.
    /// Methods already read and BuildTargetModel are skipped, so in a migration written by EF Core 5 or later this
    /// reads nothing.
    /// </summary>
    public void AddUnread(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var member in _type.GetMembers())
        {
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } declared || _symbols.IsBuildTargetModel(declared))
            {
                continue;
            }

            // A partial method's body belongs to its implementation part, the symbol the compiler hands over with it.
            var method = declared.PartialImplementationPart ?? declared;
            lock (_gate)
            {
                if (_bodies.ContainsKey(method.OriginalDefinition))
                {
                    continue;
                }
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not MethodDeclarationSyntax syntax || (syntax.Body is null && syntax.ExpressionBody is null))
                {
                    continue;
                }

                // No analysis context hands over a generated file's semantic model (the driver's compilation caches the
                // one asked for here), nor the compiler's own binding of these bodies: they are bound a second time.
#pragma warning disable RS0030
                var model = compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS0030
                if (model.GetOperation(syntax, cancellationToken) is { } operation)
                {
                    AddBody(method, MigrationAnalyzer.BodyOf(operation), cancellationToken);
                }
            }
        }
    }

    private bool PassesBuilder(IInvocationOperation invocation)
    {
        if (invocation.Instance?.Type is { } instanceType && SymbolEqualityComparer.Default.Equals(instanceType, _symbols.MigrationBuilder))
        {
            return true;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue
                && argument.Value.Type is { } type
                && SymbolEqualityComparer.Default.Equals(type, _symbols.MigrationBuilder))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a method body has statements, and whether every one of them throws.</summary>
    private static BodyShape StatementShape(IOperation block)
    {
        if (block is not IBlockOperation body)
        {
            return BodyShape.HasStatements;
        }

        var shape = BodyShape.Empty;
        var allThrow = true;
        foreach (var statement in body.Operations)
        {
            if (statement is IEmptyOperation || statement.IsImplicit && statement is IReturnOperation { ReturnedValue: null })
            {
                continue;
            }

            shape |= BodyShape.HasStatements;
            var throws = statement switch
            {
                IThrowOperation => true,
                IExpressionStatementOperation { Operation: IThrowOperation } => true,
                IReturnOperation { ReturnedValue: IThrowOperation } => true,
                _ => false,
            };
            allThrow &= throws;
        }

        return (shape & BodyShape.HasStatements) != 0 && allThrow ? shape | BodyShape.OnlyThrows : shape;
    }

    public MigrationModel Build(DatabaseProvider provider, CancellationToken cancellationToken, System.Func<string?>? backupTableFormat = null, System.Func<string, string?>? option = null)
    {
        var up = FindOverride("Up");
        var down = FindOverride("Down");
        lock (_gate)
        {
            return Attributed(new MigrationModel(
                _type,
                _symbols.MigrationIdOf(_type),
                provider,
                up,
                down,
                Flatten(up),
                Flatten(down),
                ShapeOf(down),
                _index,
                cancellationToken,
                backupTableFormat,
                option));
        }
    }

    private MigrationModel Attributed(MigrationModel model)
    {
        model.HasMigrationAttribute = _symbols.HasAttribute(_type, _symbols.MigrationAttribute);
        model.HasDbContextAttribute = _symbols.HasAttribute(_type, _symbols.DbContextAttribute);
        return model;
    }

    private BodyShape ShapeOf(IMethodSymbol? method)
        => method is not null && _shapes.TryGetValue(method.OriginalDefinition, out var shape) ? shape : BodyShape.Empty;

    private bool IsBuilderMethod(IMethodSymbol method)
    {
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.MigrationBuilder))
        {
            return method.MethodKind == MethodKind.Ordinary;
        }

        // Provider extensions such as migrationBuilder.EnsurePostgresExtension(…) are operations too. IOperation hands
        // an extension call over as the static method (ReducedFrom is null there), the builder as its first argument.
        var definition = method.ReducedFrom ?? method;
        return method.IsExtensionMethod
            && definition.Parameters.Length > 0
            && SymbolEqualityComparer.Default.Equals(definition.Parameters[0].Type, _symbols.MigrationBuilder);
    }

    private IMethodSymbol? FindOverride(string name)
    {
        foreach (var member in _type.GetMembers(name))
        {
            if (member is IMethodSymbol method && _symbols.IsMigrationMethod(method, name))
            {
                return method;
            }
        }

        return null;
    }

    private ImmutableArray<MigrationOperation> Flatten(IMethodSymbol? root)
    {
        if (root is null)
        {
            return ImmutableArray<MigrationOperation>.Empty;
        }

        var result = ImmutableArray.CreateBuilder<MigrationOperation>();
        var visiting = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        Append(root.OriginalDefinition, result, visiting);
        return result.ToImmutable();
    }

    private void Append(IMethodSymbol method, ImmutableArray<MigrationOperation>.Builder result, HashSet<IMethodSymbol> visiting)
    {
        if (!visiting.Add(method) || !_bodies.TryGetValue(method, out var items))
        {
            return;
        }

        foreach (var item in items)
        {
            if (item is MigrationOperation operation)
            {
                result.Add(operation);
            }
            else if (item is IMethodSymbol callee)
            {
                Append(callee, result, visiting);
            }
        }

        visiting.Remove(method);
    }
}
