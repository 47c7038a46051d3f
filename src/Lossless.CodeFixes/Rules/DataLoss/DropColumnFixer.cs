using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Lossless.Analyzers;
using Lossless.Analyzers.Model.Operations;
using Lossless.CodeFixes.Migrations;
using Lossless.CodeFixes.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Lossless.CodeFixes.Rules.DataLoss;

/// <summary>
/// LL1004: before the drop, copy the key columns and the column's values into a backup table; in Down, after the
/// column is re-added, put the values back by key and drop the backup. Offered when the table's key is known.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DropColumnFixer)), Shared]
public sealed class DropColumnFixer : MigrationFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(RuleIds.DropColumn);

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root)
    {
        if (diagnostic.Properties.TryGetValue(DiagnosticProperties.KeyColumns, out var keys) && keys is { Length: > 0 }
            && diagnostic.Properties.TryGetValue(DiagnosticProperties.MigrationId, out var id) && id is not null)
        {
            yield return new FixOffer("Back up the column's values before dropping it, and restore them in Down", FixerKeys.LL1004_BackUpColumn);
        }
    }

    internal override IEnumerable<string> KeysFor(string diagnosticId) => [FixerKeys.LL1004_BackUpColumn];

    internal override bool Write(FixRequest request)
    {
        if (request.Statement is not { } statement
            || LoadedMigration.ReceiverOf(request.Operation!) is not { } builder
            || request.Property(DiagnosticProperties.Table) is not { } table
            || request.Property(DiagnosticProperties.Column) is not { } column
            || request.Property(DiagnosticProperties.MigrationId) is not { } migrationId)
        {
            return false;
        }

        var migration = request.Migration;
        var provider = migration.Provider;
        var schema = request.Property(DiagnosticProperties.Schema);
        var keys = request.Lines(DiagnosticProperties.KeyColumns);
        var backup = BackupTableNames.For(migration.BackupFormat, table, column, migrationId);
        var qualified = (schema is null ? string.Empty : schema + ".") + table + "." + column;
        var columns = new List<string>(keys) { column };
        var edits = request.Edits;

        var restore = SqlWriter.RestoreColumn(provider, schema, table, column, backup, keys) + "\n" + SqlWriter.DropTable(provider, schema, backup);
        if (request.Find("DownAdd") is { } downAdd)
        {
            edits.InsertAfter(downAdd, edits.Code(builder).Comment($"Put back the values Up backed up from {qualified}, by key, then drop the backup.").Sql(restore));
        }
        else if (migration.Declaration(migration.Model.DownMethod) is { } down)
        {
            edits.Append(down, edits.Code(builder).Comment($"TODO: re-add {qualified} above this step (Down has no AddColumn for it); this puts its values back from the backup Up made.").Sql(restore));
        }

        var backupSql = VerifiedMarker.Prefix + " " + qualified + "\n" + SqlWriter.CreateBackup(provider, schema, table, backup, columns);
        edits.InsertBefore(statement, edits.Code(builder).Comment($"Keep every value of {qualified} with its key, so that Down can restore them (the backup table stays until Down drops it).").Sql(backupSql));
        return true;
    }
}
