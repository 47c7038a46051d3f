using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Lossless.Analyzers.Model.Operations;

/// <summary>Turns a MigrationBuilder invocation into a <see cref="MigrationOperation"/>. Reports nothing, never throws on odd shapes.</summary>
internal static class OperationReader
{
    public static MigrationOperation Read(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var arguments = ReadArguments(invocation.Arguments);
        var columns = ImmutableArray<ColumnDefinition>.Empty;
        var constraints = ImmutableArray<ConstraintDefinition>.Empty;
        if (method.Name == "CreateTable")
        {
            columns = ReadColumns(FindArgument(invocation.Arguments, "columns"));
            constraints = ReadConstraints(FindArgument(invocation.Arguments, "constraints"), columns);
        }

        return new MigrationOperation(method.Name, invocation, NameLocation(invocation), ClrTypeArgument(method), arguments, columns, constraints, ChainedAnnotations(invocation));
    }

    /// <summary>Annotations chained after the call: migrationBuilder.AddColumn&lt;int&gt;(…).Annotation("SqlServer:Identity", "1, 1").</summary>
    private static IReadOnlyDictionary<string, ArgumentValue>? ChainedAnnotations(IInvocationOperation invocation)
    {
        Dictionary<string, ArgumentValue>? annotations = null;
        IOperation current = invocation;
        while (current.Parent is IInvocationOperation { TargetMethod.Name: "Annotation" } annotation && ReferenceEquals(annotation.Instance, current))
        {
            AddAnnotation(ref annotations, annotation);
            current = annotation;
        }

        return annotations;
    }

    private static void AddAnnotation(ref Dictionary<string, ArgumentValue>? annotations, IInvocationOperation annotation)
    {
        var arguments = ReadArguments(annotation.Arguments);
        if (arguments.TryGetValue("name", out var name) && name.Value is string key)
        {
            annotations ??= new Dictionary<string, ArgumentValue>(System.StringComparer.Ordinal);
            annotations[key] = arguments.TryGetValue("value", out var value) ? value : ArgumentValue.Absent;
        }
    }

    /// <summary>The location of the invoked method's name token, where diagnostics on an operation go.</summary>
    public static Location NameLocation(IInvocationOperation invocation)
    {
        if (invocation.Syntax is InvocationExpressionSyntax call)
        {
            var name = call.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name,
                MemberBindingExpressionSyntax binding => binding.Name,
                SimpleNameSyntax simple => simple,
                _ => null,
            };
            if (name is not null)
            {
                return name.Identifier.GetLocation();
            }
        }

        return invocation.Syntax.GetLocation();
    }

    private static ClrTypeName? ClrTypeArgument(IMethodSymbol method)
        => method.TypeArguments.Length == 1 ? ClrTypeNameOf(method.TypeArguments[0]) : null;

    public static ClrTypeName? ClrTypeNameOf(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return new ClrTypeName(MetadataName(nullable.TypeArguments[0]), isNullableValueType: true);
        }

        if (type.TypeKind is TypeKind.TypeParameter or TypeKind.Error or TypeKind.Dynamic)
        {
            return null;
        }

        return new ClrTypeName(MetadataName(type), isNullableValueType: false);
    }

    private static string MetadataName(ITypeSymbol type)
    {
        if (SpecialTypeName(type.SpecialType) is { } special)
        {
            return special;
        }

        if (type is IArrayTypeSymbol array)
        {
            return MetadataName(array.ElementType) + "[]";
        }

        var prefix = NamespacePrefix(type.ContainingNamespace);
        var containing = type.ContainingType is null ? string.Empty : MetadataName(type.ContainingType).Substring(prefix.Length) + "+";
        return prefix + containing + type.MetadataName;
    }

    /// <summary>The metadata names of the types most columns have, without building them from the symbol each time.</summary>
    private static string? SpecialTypeName(SpecialType type) => type switch
    {
        SpecialType.System_String => "System.String",
        SpecialType.System_Int32 => "System.Int32",
        SpecialType.System_Int64 => "System.Int64",
        SpecialType.System_Int16 => "System.Int16",
        SpecialType.System_Byte => "System.Byte",
        SpecialType.System_Boolean => "System.Boolean",
        SpecialType.System_DateTime => "System.DateTime",
        SpecialType.System_Decimal => "System.Decimal",
        SpecialType.System_Double => "System.Double",
        SpecialType.System_Single => "System.Single",
        SpecialType.System_Char => "System.Char",
        _ => null,
    };

    /// <summary>"System.Collections." for System.Collections; empty for the global namespace. Cheaper than ToDisplayString, called for every typed column.</summary>
    private static string NamespacePrefix(INamespaceSymbol? ns)
    {
        if (ns is null || ns.IsGlobalNamespace)
        {
            return string.Empty;
        }

        if (ns.ContainingNamespace is null || ns.ContainingNamespace.IsGlobalNamespace)
        {
            return ns.Name + ".";
        }

        return NamespacePrefix(ns.ContainingNamespace) + ns.Name + ".";
    }

    private static IReadOnlyDictionary<string, ArgumentValue> ReadArguments(ImmutableArray<IArgumentOperation> arguments)
    {
        var written = 0;
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is not null)
            {
                written++;
            }
        }

        // The parameters left at their defaults are read from the operations when a rule asks (ArgumentMap).
        var result = new ArgumentMap(arguments, written);
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { } parameter)
            {
                result.Set(parameter.Name, ReadArgument(argument));
            }
        }

        return result;
    }

    /// <summary>A parameter the caller left out: its default, as the compiler filled it in.</summary>
    internal static ArgumentValue DefaultArgument(IArgumentOperation argument)
    {
        var value = argument.Value.ConstantValue;
        return new ArgumentValue(ArgumentState.Default, value.HasValue ? value.Value : null, argument.Value);
    }

    private static IOperation? FindArgument(ImmutableArray<IArgumentOperation> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == name && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>An argument the caller wrote (a params array included); a default is read by <see cref="DefaultArgument"/>.</summary>
    private static ArgumentValue ReadArgument(IArgumentOperation argument) => ReadValue(argument.Value);

    /// <summary>Reads a value: a constant, typeof(T), an enum member, or an array of constants; anything else is unknown.</summary>
    public static ArgumentValue ReadValue(IOperation value)
    {
        if (value.ConstantValue.HasValue && value.Type?.TypeKind != TypeKind.Enum)
        {
            return new ArgumentValue(ArgumentState.Constant, value.ConstantValue.Value, value);
        }

        var inner = StripImplicitConversions(value);
        if (FoldReplace(inner) is { } folded)
        {
            return new ArgumentValue(ArgumentState.Constant, folded, value);
        }

        if (inner.ConstantValue.HasValue)
        {
            if (inner is IFieldReferenceOperation { Field: { ContainingType.TypeKind: TypeKind.Enum } field })
            {
                return new ArgumentValue(ArgumentState.Constant, field.Name, value);
            }

            return new ArgumentValue(ArgumentState.Constant, inner.ConstantValue.Value, value);
        }

        switch (inner)
        {
            case ITypeOfOperation typeOf:
                var name = ClrTypeNameOf(typeOf.TypeOperand);
                return name is null ? new ArgumentValue(ArgumentState.Unknown, null, value) : new ArgumentValue(ArgumentState.Constant, name, value);
            case IArrayCreationOperation { Initializer: { } initializer }:
                var items = new string[initializer.ElementValues.Length];
                for (var i = 0; i < items.Length; i++)
                {
                    var element = StripImplicitConversions(initializer.ElementValues[i]);
                    if (!element.ConstantValue.HasValue || element.ConstantValue.Value is not string text)
                    {
                        return new ArgumentValue(ArgumentState.Unknown, null, value);
                    }

                    items[i] = text;
                }

                return new ArgumentValue(ArgumentState.Constant, items, value);
            default:
                return new ArgumentValue(ArgumentState.Unknown, null, value);
        }
    }

    /// <summary>
    /// "…".Replace('`', '"') (or with strings) on a constant: people write SQL with backticks and swap the quotes so.
    /// The result is as constant as the literal; folded here so that the SQL is read.
    /// </summary>
    private static string? FoldReplace(IOperation operation)
    {
        if (operation is not IInvocationOperation { TargetMethod: { Name: "Replace", IsStatic: false, ContainingType.SpecialType: SpecialType.System_String }, Instance: { } instance } call
            || call.Arguments.Length != 2)
        {
            return null;
        }

        var text = StripImplicitConversions(instance).ConstantValue.Value as string ?? FoldReplace(StripImplicitConversions(instance));
        if (text is null)
        {
            return null;
        }

        var oldValue = StripImplicitConversions(call.Arguments[0].Value).ConstantValue;
        var newValue = StripImplicitConversions(call.Arguments[1].Value).ConstantValue;
        if (!oldValue.HasValue || !newValue.HasValue)
        {
            return null;
        }

        return (oldValue.Value, newValue.Value) switch
        {
            (char from, char to) => text.Replace(from, to),
            (string { Length: > 0 } from, string to) => text.Replace(from, to),
            (string { Length: > 0 } from, null) => text.Replace(from, string.Empty),
            _ => null,
        };
    }

    private static IOperation StripImplicitConversions(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static IAnonymousFunctionOperation? Lambda(IOperation? operation)
    {
        while (operation is not null)
        {
            switch (operation)
            {
                case IAnonymousFunctionOperation lambda:
                    return lambda;
                case IDelegateCreationOperation creation:
                    operation = creation.Target;
                    break;
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The value an expression-bodied lambda returns (table =&gt; new { … }, x =&gt; x.Id).</summary>
    private static IOperation? ReturnedValue(IAnonymousFunctionOperation lambda)
    {
        foreach (var statement in lambda.Body.Operations)
        {
            if (statement is IReturnOperation { ReturnedValue: { } returned })
            {
                return returned;
            }
        }

        return null;
    }

    private static ImmutableArray<ColumnDefinition> ReadColumns(IOperation? columnsArgument)
    {
        if (Lambda(columnsArgument) is not { } lambda || ReturnedValue(lambda) is not { } returned
            || StripImplicitConversions(returned) is not IAnonymousObjectCreationOperation creation)
        {
            return ImmutableArray<ColumnDefinition>.Empty;
        }

        var columns = ImmutableArray.CreateBuilder<ColumnDefinition>(creation.Initializers.Length);
        foreach (var initializer in creation.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property, Value: var value }
                && StripImplicitConversions(value) is IInvocationOperation column)
            {
                // table.Column<int>(…).Annotation("Npgsql:ValueGenerationStrategy", …): the column is the innermost call.
                Dictionary<string, ArgumentValue>? annotations = null;
                while (column.TargetMethod.Name == "Annotation" && column.Instance is IInvocationOperation inner)
                {
                    AddAnnotation(ref annotations, column);
                    column = inner;
                }

                columns.Add(new ColumnDefinition(
                    property.Property.Name,
                    ClrTypeArgument(column.TargetMethod),
                    ReadArguments(column.Arguments),
                    annotations));
            }
        }

        return columns.ToImmutable();
    }

    private static ImmutableArray<ConstraintDefinition> ReadConstraints(IOperation? constraintsArgument, ImmutableArray<ColumnDefinition> columns)
    {
        if (Lambda(constraintsArgument) is not { } lambda)
        {
            return ImmutableArray<ConstraintDefinition>.Empty;
        }

        var result = ImmutableArray.CreateBuilder<ConstraintDefinition>();
        foreach (var operation in lambda.Body.Descendants())
        {
            if (operation is not IInvocationOperation call)
            {
                continue;
            }

            var kind = call.TargetMethod.Name switch
            {
                "PrimaryKey" => ConstraintKind.PrimaryKey,
                "ForeignKey" => ConstraintKind.ForeignKey,
                "UniqueConstraint" => ConstraintKind.UniqueConstraint,
                _ => (ConstraintKind?)null,
            };
            if (kind is null)
            {
                continue;
            }

            var arguments = ReadArguments(call.Arguments);
            var keyColumns = ColumnNames(FindArgument(call.Arguments, kind == ConstraintKind.ForeignKey ? "column" : "columns"), columns);
            if (keyColumns.IsEmpty && kind == ConstraintKind.ForeignKey)
            {
                keyColumns = ColumnNames(FindArgument(call.Arguments, "columns"), columns);
            }

            var principalColumns = ImmutableArray<string>.Empty;
            if (Get(arguments, "principalColumn") is string principalColumn)
            {
                principalColumns = ImmutableArray.Create(principalColumn);
            }
            else if (Get(arguments, "principalColumns") is string[] many)
            {
                principalColumns = ImmutableArray.Create(many);
            }

            result.Add(new ConstraintDefinition(
                kind.Value,
                Get(arguments, "name") as string,
                keyColumns,
                Get(arguments, "principalTable") as string,
                Get(arguments, "principalSchema") as string,
                principalColumns,
                Get(arguments, "onDelete") as string));
        }

        return result.ToImmutable();
    }

    private static object? Get(IReadOnlyDictionary<string, ArgumentValue> arguments, string name)
        => arguments.TryGetValue(name, out var value) && value.IsKnown ? value.Value : null;

    /// <summary>Column names from x =&gt; x.Id or x =&gt; new { x.A, x.B }, mapped through the CreateTable's columns.</summary>
    private static ImmutableArray<string> ColumnNames(IOperation? selector, ImmutableArray<ColumnDefinition> columns)
    {
        if (Lambda(selector) is not { } lambda || ReturnedValue(lambda) is not { } returned)
        {
            return ImmutableArray<string>.Empty;
        }

        var body = StripImplicitConversions(returned);
        var names = ImmutableArray.CreateBuilder<string>();
        if (body is IAnonymousObjectCreationOperation creation)
        {
            foreach (var initializer in creation.Initializers)
            {
                var value = initializer is ISimpleAssignmentOperation assignment ? assignment.Value : initializer;
                if (StripImplicitConversions(value) is not IPropertyReferenceOperation property || ColumnName(property.Property.Name, columns) is not { } name)
                {
                    return ImmutableArray<string>.Empty;
                }

                names.Add(name);
            }
        }
        else if (body is IPropertyReferenceOperation property && ColumnName(property.Property.Name, columns) is { } name)
        {
            names.Add(name);
        }

        return names.ToImmutable();
    }

    private static string? ColumnName(string propertyName, ImmutableArray<ColumnDefinition> columns)
    {
        foreach (var column in columns)
        {
            if (column.PropertyName == propertyName)
            {
                return column.Name;
            }
        }

        return null;
    }
}
