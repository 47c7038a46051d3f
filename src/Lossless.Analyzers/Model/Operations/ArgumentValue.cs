using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Model.Operations;

/// <summary>How much is statically known about one argument of a MigrationBuilder call.</summary>
public enum ArgumentState
{
    /// <summary>The method has no such parameter.</summary>
    Absent = 0,

    /// <summary>The caller left the optional parameter out: the value is the parameter's default.</summary>
    Default,

    /// <summary>A compile-time constant (constant concatenation and interpolation included), a typeof, or an array of constants.</summary>
    Constant,

    /// <summary>Anything else: a variable, a call, a loop value. Rules never guess from it.</summary>
    Unknown,
}

/// <summary>One argument, matched by parameter name whether it was passed by name or by position.</summary>
public readonly struct ArgumentValue
{
    public ArgumentValue(ArgumentState state, object? value, IOperation? operation)
    {
        State = state;
        Value = value;
        Operation = operation;
    }

    public static ArgumentValue Absent => default;

    public ArgumentState State { get; }

    /// <summary>
    /// The value when known: string, bool, int, other constants, a <see cref="ClrTypeName"/> for typeof(T),
    /// or a string[] for an array of constant strings. Null when the constant is null or the state is not known.
    /// </summary>
    public object? Value { get; }

    /// <summary>The argument's value operation (for locations and for rules that read shapes, such as Guid.Empty).</summary>
    public IOperation? Operation { get; }

    /// <summary>True when the value is known: passed as a constant, or left at the parameter's default.</summary>
    public bool IsKnown => State is ArgumentState.Constant or ArgumentState.Default;

    /// <summary>True when the caller wrote the argument (constant or not).</summary>
    public bool IsSpecified => State is ArgumentState.Constant or ArgumentState.Unknown;

    public override string ToString() => State switch
    {
        ArgumentState.Absent => "<absent>",
        ArgumentState.Unknown => "<unknown>",
        _ => Value?.ToString() ?? "null",
    };
}
