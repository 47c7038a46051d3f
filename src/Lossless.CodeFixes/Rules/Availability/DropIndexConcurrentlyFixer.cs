using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Lossless.Analyzers;
using Lossless.Analyzers.Model.Providers;
using Lossless.CodeFixes.Migrations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Lossless.CodeFixes.Rules.Availability;

/// <summary>
/// LL3008: the DropIndex becomes Sql("DROP INDEX CONCURRENTLY IF EXISTS …", suppressTransaction: true): it waits for the
/// queries on the table without blocking new ones, and, idempotent, it can run again if a later step fails (EF commits
/// what came before a suppressed step). Down is unchanged.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DropIndexConcurrentlyFixer)), Shared]
public sealed class DropIndexConcurrentlyFixer : MigrationFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(RuleIds.IndexDroppedUnderLock);

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root)
    {
        yield return new FixOffer("Drop the index concurrently, outside the migration's transaction", FixerKeys.LL3008_DropConcurrently);
    }

    internal override IEnumerable<string> KeysFor(string diagnosticId) => [FixerKeys.LL3008_DropConcurrently];

    internal override bool Write(FixRequest request)
    {
        if (request.Statement is not { } statement
            || LoadedMigration.ReceiverOf(request.Operation!) is not { } builder
            || request.Property(DiagnosticProperties.Name) is not { } name)
        {
            return false;
        }

        var index = SqlDialect.QuoteTable(DatabaseProvider.PostgreSql, request.Property(DiagnosticProperties.Schema), name);
        request.Edits.Replace(statement, request.Edits.Code(builder)
            .Comment("Dropped concurrently, outside the migration's transaction: reads and writes go on (LL3008).")
            .SqlOutsideTransaction("DROP INDEX CONCURRENTLY IF EXISTS " + index + ";"));
        return true;
    }
}
