using Lossless.Analyzers.Model.Providers;

namespace Lossless.Analyzers.Model.StoreTypes;

/// <summary>STUB: the store-type work replaces this file.</summary>
public static class ClrTypeMapping
{
    /// <summary>
    /// The store type the provider maps a CLR type to by default, given the facets scaffolded beside it,
    /// or null when there is no default mapping we know.
    /// </summary>
    /// <param name="clrTypeName">The metadata name of the non-nullable CLR type: "System.String", "System.Guid", "System.Int32", "System.Byte[]".</param>
    public static StoreType? FromClrType(string clrTypeName, DatabaseProvider provider, int? maxLength, int? precision, int? scale, bool? unicode, bool? fixedLength) => null;
}
