using Lossless.Analyzers.Model.Providers;

namespace Lossless.Tests.Model;

public class SqlDialectTests
{
    [Theory]
    [InlineData(DatabaseProvider.PostgreSql, "bazaar-vid_user", "\"bazaar-vid_user\"")]
    [InlineData(DatabaseProvider.PostgreSql, "we\"ird", "\"we\"\"ird\"")]
    [InlineData(DatabaseProvider.Sqlite, "userId", "\"userId\"")]
    [InlineData(DatabaseProvider.Unknown, "userId", "\"userId\"")]
    [InlineData(DatabaseProvider.SqlServer, "odd]name", "[odd]]name]")]
    [InlineData(DatabaseProvider.MySql, "back`tick", "`back``tick`")]
    public void QuoteIdentifier(DatabaseProvider provider, string name, string expected)
        => Assert.Equal(expected, SqlDialect.QuoteIdentifier(provider, name));

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql, null, "users", "\"users\"")]
    [InlineData(DatabaseProvider.PostgreSql, "auth", "users", "\"auth\".\"users\"")]
    [InlineData(DatabaseProvider.SqlServer, "dbo", "users", "[dbo].[users]")]
    public void QuoteTable(DatabaseProvider provider, string? schema, string table, string expected)
        => Assert.Equal(expected, SqlDialect.QuoteTable(provider, schema, table));

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql, "it's", "'it''s'")]
    [InlineData(DatabaseProvider.SqlServer, "naïve", "N'naïve'")]
    [InlineData(DatabaseProvider.MySql, @"a\b'c", @"'a\\b''c'")]
    public void QuoteLiteral(DatabaseProvider provider, string value, string expected)
        => Assert.Equal(expected, SqlDialect.QuoteLiteral(provider, value));
}
