using System;

namespace Lossless.Analyzers.Model.Operations;

/// <summary>A CLR type as a migration names it (generic argument or typeof), by metadata name.</summary>
public sealed class ClrTypeName : IEquatable<ClrTypeName>
{
    public ClrTypeName(string metadataName, bool isNullableValueType)
    {
        MetadataName = metadataName;
        IsNullableValueType = isNullableValueType;
    }

    /// <summary>The non-nullable type's metadata name: "System.String", "System.Guid", "System.Byte[]".</summary>
    public string MetadataName { get; }

    /// <summary>True for Nullable&lt;T&gt; (int?), whose <see cref="MetadataName"/> is T's.</summary>
    public bool IsNullableValueType { get; }

    public bool Equals(ClrTypeName? other) => other is not null && string.Equals(MetadataName, other.MetadataName, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ClrTypeName);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(MetadataName);

    public override string ToString() => MetadataName;
}
