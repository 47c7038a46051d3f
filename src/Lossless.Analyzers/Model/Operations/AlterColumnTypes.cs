using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;

namespace Lossless.Analyzers.Model.Operations;

/// <summary>The old and new store types of an AlterColumn, from type:/oldType: or else from the CLR types and facets.</summary>
public static class AlterColumnTypes
{
    /// <summary>
    /// Resolves both store types. False when either is not statically known (a non-constant argument, or no old
    /// definition at all): then no rule may judge the change.
    /// </summary>
    public static bool TryResolve(MigrationOperation alterColumn, DatabaseProvider provider, out StoreType oldType, out StoreType newType)
    {
        oldType = null!;
        newType = null!;
        if (!TryResolveSide(alterColumn, provider, alterColumn.ClrType, "type", "maxLength", "precision", "scale", "unicode", "fixedLength", out var resolvedNew, out var newClr)
            || !alterColumn["oldClrType"].IsKnown
            || !TryResolveSide(alterColumn, provider, alterColumn["oldClrType"].Value as ClrTypeName, "oldType", "oldMaxLength", "oldPrecision", "oldScale", "oldUnicode", "oldFixedLength", out var resolvedOld, out var oldClr))
        {
            return false;
        }

        if (resolvedNew is null || resolvedOld is null)
        {
            // No default mapping for a CLR type (an enum, a value object): the same CLR type and facets mean no change.
            if (newClr is null || oldClr is null)
            {
                return false;
            }

            if (newClr.Equals(oldClr) && SameFacets(alterColumn))
            {
                oldType = newType = new StoreType(newClr.MetadataName, StoreTypeFamily.Unknown);
                return false;
            }

            resolvedNew ??= new StoreType(newClr.MetadataName, StoreTypeFamily.Unknown);
            resolvedOld ??= new StoreType(oldClr.MetadataName, StoreTypeFamily.Unknown);
        }

        oldType = resolvedOld;
        newType = resolvedNew;
        return true;
    }

    private static bool TryResolveSide(
        MigrationOperation operation,
        DatabaseProvider provider,
        ClrTypeName? clrType,
        string typeParameter,
        string maxLengthParameter,
        string precisionParameter,
        string scaleParameter,
        string unicodeParameter,
        string fixedLengthParameter,
        out StoreType? storeType,
        out ClrTypeName? clr)
    {
        storeType = null;
        clr = clrType;
        var type = operation[typeParameter];
        if (type.State == ArgumentState.Unknown)
        {
            return false;
        }

        if (type.Value is string text && text.Trim().Length > 0)
        {
            storeType = StoreTypeParser.Parse(text, provider);
            return true;
        }

        if (clrType is null)
        {
            return false;
        }

        var maxLength = operation[maxLengthParameter];
        var precision = operation[precisionParameter];
        var scale = operation[scaleParameter];
        var unicode = operation[unicodeParameter];
        var fixedLength = operation[fixedLengthParameter];
        if (maxLength.State == ArgumentState.Unknown || precision.State == ArgumentState.Unknown || scale.State == ArgumentState.Unknown
            || unicode.State == ArgumentState.Unknown || fixedLength.State == ArgumentState.Unknown)
        {
            return false;
        }

        storeType = ClrTypeMapping.FromClrType(clrType.MetadataName, provider, maxLength.Value as int?, precision.Value as int?, scale.Value as int?, unicode.Value as bool?, fixedLength.Value as bool?);
        return true;
    }

    private static bool SameFacets(MigrationOperation operation)
        => Equals(operation["maxLength"].Value, operation["oldMaxLength"].Value)
        && Equals(operation["precision"].Value, operation["oldPrecision"].Value)
        && Equals(operation["scale"].Value, operation["oldScale"].Value)
        && Equals(operation["unicode"].Value, operation["oldUnicode"].Value)
        && Equals(operation["fixedLength"].Value, operation["oldFixedLength"].Value);
}
