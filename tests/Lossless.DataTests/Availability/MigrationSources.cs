namespace Lossless.DataTests.Availability;

/// <summary>Migrations for the Availability proofs, compiled and applied with EF Core's own migrator.</summary>
internal static class MigrationSources
{
    /// <summary>A migration of Sample.AppDbContext whose Up holds <paramref name="up"/> (and an empty Down).</summary>
    public static string Migration(string id, string up) => $$"""
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Sample.Migrations
        {
            [DbContext(typeof(Sample.AppDbContext))]
            [Migration("{{id}}")]
            public class M{{id.Replace("_", "", StringComparison.Ordinal)}} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
        {{up}}
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }
            }
        }
        """;
}
