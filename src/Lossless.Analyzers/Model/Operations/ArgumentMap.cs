using System;
using System.Collections;
using System.Collections.Generic;

namespace Lossless.Analyzers.Model.Operations;

/// <summary>
/// A call's arguments by parameter name, in the order they were added: two arrays searched in order. A MigrationBuilder
/// call has a dozen parameters at most and every scaffolded column one such map, so a hash table's buckets and entries
/// cost more than they save (they were a quarter of what Lossless allocated beyond Roslyn's operation trees).
/// </summary>
internal sealed class ArgumentMap : IReadOnlyDictionary<string, ArgumentValue>
{
    private readonly string[] _names;
    private readonly ArgumentValue[] _values;
    private int _count;

    public ArgumentMap(int capacity)
    {
        _names = capacity == 0 ? Array.Empty<string>() : new string[capacity];
        _values = capacity == 0 ? Array.Empty<ArgumentValue>() : new ArgumentValue[capacity];
    }

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

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out ArgumentValue value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : default;
        return index >= 0;
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
