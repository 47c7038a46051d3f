using System.Data.Common;
using Lossless.Analyzers.Model.Providers;
using Lossless.DataTests.Migrations;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lossless.DataTests.TypeChanges;

/// <summary>
/// A dangerous migration, fixed by a code fix, run with EF Core's migrator over seeded rows: on values that cannot
/// convert it must fail with the fix's message and leave every row and the schema as they were; on values that can,
/// it must convert them all, and Down must restore the original schema and values.
/// </summary>
internal sealed class FixScenario
{
    public const string Usings = """
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        """;

    public required DatabaseProvider Provider { get; init; }

    /// <summary>The migrations before the dangerous one (creating the tables).</summary>
    public required string[] Before { get; init; }

    /// <summary>The dangerous migration (with its target model, where the fix or SQLite's rebuild needs it).</summary>
    public required string Dangerous { get; init; }

    /// <summary>The id of the last migration in <see cref="Before"/>: where Down returns to.</summary>
    public required string BeforeId { get; init; }

    public required string EquivalenceKey { get; init; }

    /// <summary>A migration source: [DbContext]/[Migration] attributes, Up, Down and optionally BuildTargetModel.</summary>
    public static string Migration(string id, string up, string down, string? targetModel = null)
    {
        var name = "M" + id.Replace("_", string.Empty);
        var model = targetModel is null ? string.Empty : $$"""

                    protected override void BuildTargetModel(ModelBuilder modelBuilder)
                    {
            {{Indent(targetModel, 12)}}
                    }
            """;
        return $$"""
            {{Usings}}

            namespace Sample.Migrations
            {
                [DbContext(typeof(Sample.AppDbContext))]
                [Migration("{{id}}")]
                public partial class {{name}} : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
            {{Indent(up, 12)}}
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
            {{Indent(down, 12)}}
                    }{{model}}
                }
            }
            """;
    }

    public static string Indent(string text, int spaces)
    {
        var pad = new string(' ', spaces);
        return string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(line => line.Length == 0 ? line : pad + line));
    }

    /// <summary>Applies the fix and checks that the analyzer finds nothing left to report in the result.</summary>
    public async Task<string> FixAsync()
    {
        var sources = Before.Append(Dangerous).Append(CompiledMigrationsTests.Context).ToArray();
        var fixedSource = await FixApplier.ApplyAsync(Provider, sources, Before.Length, EquivalenceKey);
        Assert.NotEqual(Dangerous, fixedSource);
        var left = await FixApplier.DiagnoseAsync(Provider, Before.Append(fixedSource).Append(CompiledMigrationsTests.Context).ToArray());
        Assert.DoesNotContain(left, d => d.StartsWith("LL100", StringComparison.Ordinal));
        return fixedSource;
    }

    /// <summary>Seeds values that cannot convert: the fixed migration must fail with <paramref name="message"/> and change nothing.</summary>
    public void AssertAbortsAndKeepsEverything(string fixedSource, string connectionString, string seed, string message)
    {
        using var compiled = CompiledMigrations.Compile(Before.Append(fixedSource).Append(CompiledMigrationsTests.Context).ToArray());
        compiled.Migrate(Provider, connectionString, BeforeId);
        Execute(connectionString, seed);
        var before = DatabaseSnapshot.Take(Provider, connectionString);
        var history = Applied(connectionString);

        var failure = Assert.ThrowsAny<Exception>(() => compiled.Migrate(Provider, connectionString));
        Assert.Contains(message, AllMessages(failure), StringComparison.Ordinal);

        var after = DatabaseSnapshot.Take(Provider, connectionString);
        Assert.Equal(before.Schema, after.Schema);
        Assert.Equal(before.Data, after.Data);
        Assert.Equal(history, Applied(connectionString));
    }

    /// <summary>Seeds values that convert: the fixed migration converts them (<paramref name="expectedRows"/>), and Down restores everything.</summary>
    public DatabaseSnapshot AssertConvertsAndRollsBack(string fixedSource, string connectionString, string seed, Action<DatabaseSnapshot> expectedRows)
    {
        using var compiled = CompiledMigrations.Compile(Before.Append(fixedSource).Append(CompiledMigrationsTests.Context).ToArray());
        compiled.Migrate(Provider, connectionString, BeforeId);
        Execute(connectionString, seed);
        var before = DatabaseSnapshot.Take(Provider, connectionString);

        compiled.Migrate(Provider, connectionString);
        var converted = DatabaseSnapshot.Take(Provider, connectionString);
        expectedRows(converted);

        compiled.Migrate(Provider, connectionString, BeforeId);
        var reverted = DatabaseSnapshot.Take(Provider, connectionString);
        Assert.Equal(before.Schema, reverted.Schema);
        Assert.Equal(before.Data, reverted.Data);
        return converted;
    }

    public void Execute(string connectionString, string sql)
    {
        using var connection = Open(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<string> Applied(string connectionString)
    {
        using var connection = Open(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private DbConnection Open(string connectionString)
    {
        DbConnection connection = Provider == DatabaseProvider.PostgreSql ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static string AllMessages(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        return string.Join(" | ", messages);
    }
}
