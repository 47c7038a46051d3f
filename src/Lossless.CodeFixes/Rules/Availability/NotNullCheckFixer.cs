using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Lossless.Analyzers;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Providers;
using Lossless.CodeFixes.Migrations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Lossless.CodeFixes.Rules.Availability;

/// <summary>
/// LL3006: before the AlterColumn, CHECK (column IS NOT NULL) added NOT VALID and validated outside the migration's
/// transaction (reads and writes go on); the AlterColumn's SET NOT NULL then skips its scan (PostgreSQL 12+); after it,
/// the check is dropped. The column ends exactly as the AlterColumn alone leaves it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NotNullCheckFixer)), Shared]
public sealed class NotNullCheckFixer : MigrationFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(RuleIds.NotNullUnderExclusiveLock);

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root)
    {
        yield return new FixOffer("Prove NOT NULL with a check validated outside the transaction first", FixerKeys.LL3006_CheckBeforeSetNotNull);
    }

    internal override IEnumerable<string> KeysFor(string diagnosticId) => [FixerKeys.LL3006_CheckBeforeSetNotNull];

    internal override bool Write(FixRequest request)
    {
        if (request.Statement is not { } statement
            || LoadedMigration.ReceiverOf(request.Operation!) is not { } builder
            || request.Property(DiagnosticProperties.Table) is not { } table
            || request.Property(DiagnosticProperties.Column) is not { } column)
        {
            return false;
        }

        var schema = request.Property(DiagnosticProperties.Schema);
        var name = Identifiers.Truncate("CK_" + table + "_" + column + "_not_null", 63);
        var edits = request.Edits;
        edits.InsertBefore(statement, edits.Code(builder)
            .Comment("Proves NOT NULL without a scan under ACCESS EXCLUSIVE: the check is validated outside the migration's transaction, and SET NOT NULL then trusts it (LL3006).")
            .Sql(NotValidSql.AddNotValid(schema, table, name, "CHECK (" + SqlDialect.QuoteIdentifier(DatabaseProvider.PostgreSql, column) + " IS NOT NULL)"))
            .SqlOutsideTransaction(NotValidSql.Validate(schema, table, name)));
        edits.InsertAfter(statement, edits.Code(builder)
            .Sql(NotValidSql.Drop(schema, table, name)));
        return true;
    }
}
