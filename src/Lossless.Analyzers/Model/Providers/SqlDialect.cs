using System.Text;

namespace Lossless.Analyzers.Model.Providers;

/// <summary>
/// Identifier and literal quoting per provider, for the SQL that fixes write. Every name goes through here:
/// no fix builds SQL from an unquoted name.
/// </summary>
public static class SqlDialect
{
    /// <summary>Quotes an identifier: "name" (PostgreSQL, SQLite, unknown), [name] (SQL Server), `name` (MySQL).</summary>
    public static string QuoteIdentifier(DatabaseProvider provider, string name) => provider switch
    {
        DatabaseProvider.SqlServer => "[" + name.Replace("]", "]]") + "]",
        DatabaseProvider.MySql => "`" + name.Replace("`", "``") + "`",
        _ => "\"" + name.Replace("\"", "\"\"") + "\"",
    };

    /// <summary>A table name with its schema when it has one: "schema"."table".</summary>
    public static string QuoteTable(DatabaseProvider provider, string? schema, string table)
        => string.IsNullOrEmpty(schema) ? QuoteIdentifier(provider, table) : QuoteIdentifier(provider, schema!) + "." + QuoteIdentifier(provider, table);

    /// <summary>A string literal: 'it''s' (N'…' on SQL Server, so Unicode text survives).</summary>
    public static string QuoteLiteral(DatabaseProvider provider, string value)
    {
        var text = new StringBuilder(value.Length + 3);
        if (provider == DatabaseProvider.SqlServer)
        {
            text.Append('N');
        }

        text.Append('\'').Append(value.Replace("'", "''"));
        if (provider == DatabaseProvider.MySql)
        {
            text.Replace("\\", "\\\\", 1, text.Length - 1);
        }

        return text.Append('\'').ToString();
    }
}
