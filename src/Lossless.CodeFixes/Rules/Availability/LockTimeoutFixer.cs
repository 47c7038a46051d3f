using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Lossless.Analyzers;
using Lossless.CodeFixes.Migrations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Lossless.CodeFixes.Rules.Availability;

/// <summary>
/// LL3009: Sql("SET LOCAL lock_timeout = '5s';") as the first step of Up (the value of lossless.lock_timeout). It lasts
/// until the migration's transaction ends; a lock not granted in time fails the migration with 55P03, and it rolls back.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LockTimeoutFixer)), Shared]
public sealed class LockTimeoutFixer : MigrationFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(RuleIds.NoLockTimeout);

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root)
    {
        yield return new FixOffer("Set a lock timeout first", FixerKeys.LL3009_SetLockTimeout);
    }

    internal override IEnumerable<string> KeysFor(string diagnosticId) => [FixerKeys.LL3009_SetLockTimeout];

    internal override bool Write(FixRequest request)
    {
        if (request.Migration.Declaration(request.Migration.Model.UpMethod) is not { } up
            || up.ParameterList.Parameters.Count != 1
            || request.Property(DiagnosticProperties.LockTimeout) is not { } timeout)
        {
            return false;
        }

        var builder = up.ParameterList.Parameters[0].Identifier.Text;
        request.Edits.Prepend(up, request.Edits.Code(builder)
            .Comment("Fail fast (55P03) instead of queueing every query on the table behind a lock that is not granted (LL3009).")
            .Sql("SET LOCAL lock_timeout = '" + timeout + "';"));
        return true;
    }
}
