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
/// LL1005 on DropTable: copy the table into a backup table before the drop (CREATE TABLE … AS SELECT, SELECT … INTO
/// on SQL Server); in Down, after the table is re-created, insert its rows back and drop the backup. Offered when
/// the table's columns are known (Down's CreateTable or the previous target model). DropSchema gets no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DropTableFixer)), Shared]
public sealed class DropTableFixer : MigrationFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(RuleIds.DropTable);

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root)
    {
        if (diagnostic.Properties.TryGetValue(DiagnosticProperties.Target, out var target) && target == "Table"
            && diagnostic.Properties.TryGetValue(DiagnosticProperties.Columns, out var columns) && columns is { Length: > 0 }
            && diagnostic.Properties.TryGetValue(DiagnosticProperties.MigrationId, out var id) && id is not null)
        {
            yield return new FixOffer("Back up the table before dropping it, and restore its rows in Down", FixerKeys.LL1005_BackUpTable);
        }
    }

    internal override IEnumerable<string> KeysFor(string diagnosticId) => [FixerKeys.LL1005_BackUpTable];

    internal override bool Write(FixRequest request)
    {
        if (request.Statement is not { } statement
            || LoadedMigration.ReceiverOf(request.Operation!) is not { } builder
            || request.Property(DiagnosticProperties.Table) is not { } table
            || request.Property(DiagnosticProperties.MigrationId) is not { } migrationId)
        {
            return false;
        }

        var migration = request.Migration;
        var provider = migration.Provider;
        var schema = request.Property(DiagnosticProperties.Schema);
        var backup = BackupTableNames.For(migration.BackupFormat, table, null, migrationId);
        var qualified = (schema is null ? string.Empty : schema + ".") + table;
        var edits = request.Edits;
        var restore = SqlWriter.RestoreRows(provider, schema, table, backup, request.Lines(DiagnosticProperties.Columns), request.Lines(DiagnosticProperties.IdentityColumns))
            + "\n" + SqlWriter.DropTable(provider, schema, backup);
        if (request.Find("DownCreate") is { } downCreate)
        {
            edits.InsertAfter(downCreate, edits.Code(builder).Comment($"Put back every row Up backed up from {qualified}, then drop the backup.").Sql(restore));
        }
        else if (migration.Declaration(migration.Model.DownMethod) is { } down)
        {
            edits.Append(down, edits.Code(builder).Comment($"TODO: re-create {qualified} above this step (Down has no CreateTable for it); this puts its rows back from the backup Up made.").Sql(restore));
        }

        var backupSql = VerifiedMarker.Prefix + " " + qualified + ".*\n" + SqlWriter.CreateBackup(provider, schema, table, backup, null);
        edits.InsertBefore(statement, edits.Code(builder).Comment($"Keep every row of {qualified}, so that Down can restore them (the backup table stays until Down drops it).").Sql(backupSql));
        return true;
    }
}
