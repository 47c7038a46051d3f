using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Lossless.Analyzers;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.CodeFixes.Migrations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Lossless.CodeFixes.Rules.Availability;

/// <summary>
/// LL3004: the AddForeignKey or AddCheckConstraint becomes the constraint added NOT VALID in the migration's transaction
/// (no scan; new rows are checked at once) and VALIDATE CONSTRAINT in a step with suppressTransaction: true (SHARE UPDATE
/// EXCLUSIVE: reads and writes go on). Down is unchanged. Written only when every part of the constraint is a known
/// constant (columns, principal columns, referential actions).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NotValidConstraintFixer)), Shared]
public sealed class NotValidConstraintFixer : MigrationFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(RuleIds.ConstraintValidatedUnderLock);

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root)
    {
        yield return new FixOffer("Add the constraint NOT VALID, then validate it outside the migration's transaction", FixerKeys.LL3004_NotValidThenValidate);
    }

    internal override IEnumerable<string> KeysFor(string diagnosticId) => [FixerKeys.LL3004_NotValidThenValidate];

    internal override bool Write(FixRequest request)
    {
        if (request.Statement is not { } statement
            || request.Operation is not { } operation
            || LoadedMigration.ReceiverOf(operation) is not { } builder
            || request.Property(DiagnosticProperties.Table) is not { } table
            || request.Property(DiagnosticProperties.Name) is not { } name
            || Definition(operation) is not { } definition)
        {
            return false;
        }

        var schema = request.Property(DiagnosticProperties.Schema);
        request.Edits.Replace(statement, request.Edits.Code(builder)
            .Comment("Added NOT VALID (no scan; new rows are checked at once), then validated outside the migration's transaction: reads and writes go on (LL3004).")
            .Sql(NotValidSql.AddNotValid(schema, table, name, definition))
            .SqlOutsideTransaction(NotValidSql.Validate(schema, table, name)));
        return true;
    }

    /// <summary>FOREIGN KEY (…) REFERENCES …(…) [ON DELETE …] [ON UPDATE …], or CHECK (…); null when a part is not known.</summary>
    private static string? Definition(MigrationOperation operation)
    {
        if (operation.Kind is MigrationOperationKind.AddCheckConstraint or MigrationOperationKind.CreateCheckConstraint)
        {
            return operation.GetString("sql") is { } sql ? "CHECK (" + sql + ")" : null;
        }

        if (Names(operation, "column", "columns") is not { } columns
            || Names(operation, "principalColumn", "principalColumns") is not { } principalColumns
            || operation.GetString("principalTable") is not { } principalTable
            || !operation["principalSchema"].IsKnown
            || Action(operation["onDelete"]) is not { } onDelete
            || Action(operation["onUpdate"]) is not { } onUpdate)
        {
            return null;
        }

        return "FOREIGN KEY " + NotValidSql.Columns(columns)
            + " REFERENCES " + SqlDialect.QuoteTable(DatabaseProvider.PostgreSql, operation.GetString("principalSchema"), principalTable) + " " + NotValidSql.Columns(principalColumns)
            + (onUpdate.Length > 0 ? " ON UPDATE " + onUpdate : string.Empty)
            + (onDelete.Length > 0 ? " ON DELETE " + onDelete : string.Empty);
    }

    /// <summary>The names of a single-name parameter or its array twin; null when neither is a known constant.</summary>
    private static string[]? Names(MigrationOperation operation, string single, string array)
    {
        if (operation.GetString(single) is { } one)
        {
            return [one];
        }

        return operation[array].State == ArgumentState.Constant && operation[array].Value is string[] many && many.Length > 0 ? many : null;
    }

    /// <summary>ReferentialAction as SQL ("" for NoAction, EF's default, which PostgreSQL's default matches); null when not constant.</summary>
    private static string? Action(ArgumentValue value)
    {
        if (value.State == ArgumentState.Default || value.State == ArgumentState.Absent)
        {
            return string.Empty;
        }

        // An enum member is read as its name (ReferentialAction.Cascade → "Cascade"), a cast constant as its value.
        return value.State != ArgumentState.Constant ? null : value.Value switch
        {
            "NoAction" or 0 => string.Empty,
            "Restrict" or 1 => "RESTRICT",
            "Cascade" or 2 => "CASCADE",
            "SetNull" or 3 => "SET NULL",
            "SetDefault" or 4 => "SET DEFAULT",
            _ => null,
        };
    }
}
