using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Operations;

namespace Lossless.Analyzers.Model.Operations;

/// <summary>
/// A call's arguments by parameter name: those the caller wrote in two arrays searched in order, in the order they were
/// added; those left at the parameter's default read from the call's argument operations when asked. A MigrationBuilder
/// call has a dozen parameters at most and every scaffolded column one such map, so a hash table's buckets and entries
/// cost more than they save (they were a quarter of what Lossless allocated beyond Roslyn's operation trees); and most
/// of a column's parameters are left at their defaults (table.Column&lt;int&gt;(type: "integer", nullable: false) leaves
/// ten), which rules ask about rarely: they are not copied. Enumerating the map gives the written arguments only.
/// </summary>
internal sealed class ArgumentMap : IReadOnlyDictionary<string, ArgumentValue>
{
    private readonly string[] _names;
    private readonly ArgumentValue[] _values;
    private readonly ImmutableArray<IArgumentOperation> _arguments;
    private int _count;

    /// <param name="arguments">The call's argument operations, defaults included: a parameter left out is read from them.</param>
    /// <param name="capacity">How many written arguments will be <see cref="Set"/>.</param>
    public ArgumentMap(ImmutableArray<IArgumentOperation> arguments, int capacity)
    {
        _arguments = arguments;
        _names = capacity == 0 ? Array.Empty<string>() : new string[capacity];
        _values = capacity == 0 ? Array.Empty<ArgumentValue>() : new ArgumentValue[capacity];
    }

    /// <summary>The written arguments' count (the parameters left at their defaults are not counted).</summary>
    public int Count => _count;

    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _names[i];
            }
        }
    }

    public IEnumerable<ArgumentValue> Values
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _values[i];
            }
        }
    }

    public ArgumentValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <summary>Sets the parameter's value: replaces it in place when already set, else adds it after the others.</summary>
    public void Set(string name, ArgumentValue value)
    {
        var index = IndexOf(name);
        if (index < 0)
        {
            index = _count++;
            _names[index] = name;
        }

        _values[index] = value;
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, out ArgumentValue value)
    {
        var index = IndexOf(key);
        if (index >= 0)
        {
            value = _values[index];
            return true;
        }

        foreach (var argument in _arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue && argument.Parameter is { } parameter && string.Equals(parameter.Name, key, StringComparison.Ordinal))
            {
                value = OperationReader.DefaultArgument(argument);
                return true;
            }
        }

        value = default;
        return false;
    }

    public IEnumerator<KeyValuePair<string, ArgumentValue>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return new KeyValuePair<string, ArgumentValue>(_names[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string name)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
