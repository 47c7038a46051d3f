using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Lossless.Analyzers.Model.Operations;

/// <summary>
/// EF Core's scaffolded placeholder defaults: the CLR default of the column's type, written as EF writes it
/// (<c>""</c>, <c>0</c>, <c>false</c>, <c>new Guid("00000000-…")</c>, <c>new DateTime(1, 1, 1, 0, 0, 0, 0, …)</c>,
/// <c>new TimeSpan(0, 0, 0, 0, 0)</c>, <c>new byte[0]</c>, …) or by the type's named zero (<c>Guid.Empty</c>,
/// <c>DateTime.MinValue</c>). EF puts one on every column that becomes required, so that existing rows get a value.
/// </summary>
public static class PlaceholderDefaults
{
    /// <summary>
    /// The placeholder as the message shows it ("''", "0", "false", "Guid.Empty", …), or null when the value is not a
    /// placeholder (a deliberate value, null, or not statically known).
    /// </summary>
    public static string? Describe(ArgumentValue value)
    {
        // new Guid("00000000-…") and Guid.Empty are not compile-time constants: their shape is what counts.
        if (value.State is not (ArgumentState.Constant or ArgumentState.Unknown) || value.Operation is not { } operation)
        {
            return null;
        }

        return Describe(operation);
    }

    private static string? Describe(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        if (operation.ConstantValue.HasValue)
        {
            return DescribeConstant(operation.ConstantValue.Value);
        }

        switch (operation)
        {
            case IFieldReferenceOperation { Field: { IsStatic: true, Name: "Empty" } field } when IsSystemType(field.ContainingType, "String"):
                // string.Empty is a static field, not a constant: the same '' placeholder people write by hand.
                return "''";
            case IFieldReferenceOperation { Field: { IsStatic: true } field }:
                return IsZeroMember(field.ContainingType, field.Name) ? field.ContainingType.Name + "." + field.Name : null;
            case IPropertyReferenceOperation { Property: { IsStatic: true } property }:
                return IsZeroMember(property.ContainingType, property.Name) ? property.ContainingType.Name + "." + property.Name : null;
            case IObjectCreationOperation { Constructor: { } constructor } creation:
                return IsZeroConstruction(constructor.ContainingType, creation) ? ZeroName(constructor.ContainingType) : null;
            case IArrayCreationOperation array:
                return IsEmptyArray(array) ? "new " + array.Type?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat).Replace("[]", "[0]") : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// True for a placeholder that means "no value" on any column (LL1008): <c>Guid.Empty</c> and the minimum date,
    /// date-time and date-time-offset. The others (<c>''</c>, <c>0</c>, <c>false</c>, a zero duration, midnight, an
    /// empty array) are what a new object gets too (LL1012 on a plain column).
    /// </summary>
    public static bool IsMeaningless(string placeholder)
        => placeholder is "Guid.Empty" or "DateTime.MinValue" or "DateTimeOffset.MinValue" or "DateOnly.MinValue";

    private static string? DescribeConstant(object? value) => value switch
    {
        string text => text.Length == 0 ? "''" : null,
        bool flag => flag ? null : "false",
        char character => character == '\0' ? "'\\0'" : null,
        int number => number == 0 ? "0" : null,
        long number => number == 0 ? "0" : null,
        short number => number == 0 ? "0" : null,
        byte number => number == 0 ? "0" : null,
        sbyte number => number == 0 ? "0" : null,
        ushort number => number == 0 ? "0" : null,
        uint number => number == 0 ? "0" : null,
        ulong number => number == 0 ? "0" : null,
        decimal number => number == 0 ? "0" : null,
        double number => number == 0 ? "0" : null,
        float number => number == 0 ? "0" : null,
        _ => null,
    };

    private static bool IsSystemType(ITypeSymbol? type, string name)
        => type is { Name: var typeName, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } && typeName == name;

    private static bool IsZeroMember(ITypeSymbol type, string member)
        => (member == "Empty" && IsSystemType(type, "Guid"))
        || (member == "MinValue" && (IsSystemType(type, "DateTime") || IsSystemType(type, "DateTimeOffset") || IsSystemType(type, "DateOnly") || IsSystemType(type, "TimeOnly")))
        || (member == "Zero" && IsSystemType(type, "TimeSpan"));

    private static string ZeroName(ITypeSymbol type) => type.Name switch
    {
        "Guid" => "Guid.Empty",
        "TimeSpan" => "TimeSpan.Zero",
        _ => type.Name + ".MinValue",
    };

    /// <summary>new Guid("00000000-…"), new DateTime(1, 1, 1, 0, 0, 0, 0, kind), new TimeSpan(0, 0, 0, 0, 0), new DateOnly(1, 1, 1), new TimeOnly(0, 0, 0), new DateTimeOffset(&lt;zero DateTime&gt;, &lt;zero TimeSpan&gt;).</summary>
    private static bool IsZeroConstruction(ITypeSymbol type, IObjectCreationOperation creation)
    {
        var arguments = creation.Arguments;
        if (arguments.Length == 0)
        {
            // new Guid(), new DateTime(): the default value.
            return IsSystemType(type, "Guid") || IsSystemType(type, "DateTime") || IsSystemType(type, "DateTimeOffset") || IsSystemType(type, "TimeSpan") || IsSystemType(type, "DateOnly") || IsSystemType(type, "TimeOnly");
        }

        if (IsSystemType(type, "Guid"))
        {
            return arguments.Length == 1 && arguments[0].Value.ConstantValue.Value is string text && IsZeroGuidText(text);
        }

        if (IsSystemType(type, "DateTimeOffset"))
        {
            return arguments.Length == 2
                && Describe(arguments[0].Value) is not null
                && Describe(arguments[1].Value) is not null;
        }

        var ones = IsSystemType(type, "DateTime") || IsSystemType(type, "DateOnly") ? 3 : 0;
        if (ones == 0 && !IsSystemType(type, "TimeSpan") && !IsSystemType(type, "TimeOnly"))
        {
            return false;
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i].Value;
            if (argument.Type?.TypeKind == TypeKind.Enum)
            {
                // DateTimeKind: any kind of the zero instant is still the placeholder.
                continue;
            }

            if (!argument.ConstantValue.HasValue || !IsIntegral(argument.ConstantValue.Value, i < ones ? 1 : 0))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIntegral(object? value, long expected) => value switch
    {
        int number => number == expected,
        long number => number == expected,
        _ => false,
    };

    private static bool IsZeroGuidText(string text)
    {
        var digits = 0;
        foreach (var character in text)
        {
            if (character == '0')
            {
                digits++;
            }
            else if (character is not ('-' or '{' or '}' or '(' or ')'))
            {
                return false;
            }
        }

        return digits == 32;
    }

    private static bool IsEmptyArray(IArrayCreationOperation array)
    {
        if (array.Initializer is { } initializer)
        {
            return initializer.ElementValues.Length == 0;
        }

        return array.DimensionSizes.Length == 1 && array.DimensionSizes[0].ConstantValue.Value is 0;
    }
}
