using Lossless.Analyzers.Model.Providers;

namespace Lossless.CodeFixes.Rules.Availability;

/// <summary>
/// The SQL of the NOT VALID + VALIDATE pattern (PostgreSQL). The ADD is idempotent (a DO $lossless$ block that skips a constraint
/// already there): EF commits what came before a suppressTransaction step, so when the VALIDATE or a later step fails,
/// the migration is not recorded and its next run repeats the ADD.
/// </summary>
internal static class NotValidSql
{
    private const DatabaseProvider Provider = DatabaseProvider.PostgreSql;

    public static string AddNotValid(string? schema, string table, string name, string definition)
    {
        var quotedTable = SqlDialect.QuoteTable(Provider, schema, table);
        return "DO $lossless$\n"
            + "BEGIN\n"
            + "    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = " + SqlDialect.QuoteLiteral(Provider, name) + " AND conrelid = " + SqlDialect.QuoteLiteral(Provider, quotedTable) + "::regclass) THEN\n"
            + "        ALTER TABLE " + quotedTable + " ADD CONSTRAINT " + SqlDialect.QuoteIdentifier(Provider, name) + " " + definition + " NOT VALID;\n"
            + "    END IF;\n"
            + "END $lossless$;";
    }

    public static string Validate(string? schema, string table, string name)
        => "ALTER TABLE " + SqlDialect.QuoteTable(Provider, schema, table) + " VALIDATE CONSTRAINT " + SqlDialect.QuoteIdentifier(Provider, name) + ";";

    public static string Drop(string? schema, string table, string name)
        => "ALTER TABLE " + SqlDialect.QuoteTable(Provider, schema, table) + " DROP CONSTRAINT IF EXISTS " + SqlDialect.QuoteIdentifier(Provider, name) + ";";

    public static string Columns(System.Collections.Generic.IEnumerable<string> columns)
    {
        var quoted = new System.Collections.Generic.List<string>();
        foreach (var column in columns)
        {
            quoted.Add(SqlDialect.QuoteIdentifier(Provider, column));
        }

        return "(" + string.Join(", ", quoted) + ")";
    }
}
