namespace Lossless.Analyzers.Model.Providers;

/// <summary>The database a migration is written for, as detected from the referenced EF Core provider or set in .editorconfig.</summary>
public enum DatabaseProvider
{
    /// <summary>No provider, several, or one we do not know: rules use the conservative provider-neutral classification.</summary>
    Unknown = 0,
    PostgreSql,
    SqlServer,
    Sqlite,
    MySql,
}
