using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;
using Lossless.Analyzers.Model.Targets;

namespace Lossless.CodeFixes.Sql.Conversions;

/// <summary>One column changing from one store type to another on a provider: what a conversion step verifies and converts.</summary>
internal sealed class ColumnConversion
{
    public ColumnConversion(ColumnRef column, StoreType from, StoreType to, DatabaseProvider provider, System.Collections.Immutable.ImmutableArray<string> key = default)
    {
        Column = column;
        Key = key.IsDefault ? System.Collections.Immutable.ImmutableArray<string>.Empty : key;
        Provider = provider;
        From = from;
        To = to;
        Conversion = StoreTypeClassifier.Classify(from, to, provider);
    }

    public ColumnRef Column { get; }

    /// <summary>The table's primary-key columns, to name offending rows by; empty when unknown.</summary>
    public System.Collections.Immutable.ImmutableArray<string> Key { get; }

    /// <summary>The same conversion, naming offending rows by <paramref name="key"/>.</summary>
    public ColumnConversion WithKey(System.Collections.Immutable.ImmutableArray<string> key) => new(Column, From, To, Provider, key);

    public StoreType From { get; }

    public StoreType To { get; }

    public Conversion Conversion { get; }

    public DatabaseProvider Provider { get; }

    /// <summary>"schema"."table", quoted the provider's way.</summary>
    public string Table => SqlDialect.QuoteTable(Provider, Column.Schema, Column.Table);

    /// <summary>"column", quoted the provider's way.</summary>
    public string Name => SqlDialect.QuoteIdentifier(Provider, Column.Column);

    /// <summary>True when the database has no cast it applies by itself (PostgreSQL without an assignment cast): the conversion needs USING.</summary>
    public bool NeedsExplicitCast => Provider == DatabaseProvider.PostgreSql && Conversion.FailsEvenOnValidData;

    /// <summary>True when every value survives: there is nothing to verify.</summary>
    public bool KeepsEveryValue => Conversion.Class is ConversionClass.Identical or ConversionClass.Widening;

    /// <summary>How the column reads in messages and markers: table.column or schema.table.column.</summary>
    public override string ToString() => Column.ToString();
}
