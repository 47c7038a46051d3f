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
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DropTable);

    internal override IEnumerable<(string Title, string Key)> Actions(Diagnostic diagnostic)
    {
        if (diagnostic.Properties.TryGetValue(DiagnosticProperties.Target, out var target) && target == "Table"
            && diagnostic.Properties.TryGetValue(DiagnosticProperties.Columns, out var columns) && columns is { Length: > 0 }
            && diagnostic.Properties.TryGetValue(DiagnosticProperties.MigrationId, out var id) && id is not null)
        {
            yield return ("Back up the table before dropping it, and restore its rows in Down", FixerKeys.LL1005_BackUpTable);
        }
    }

    internal override SyntaxNode Apply(SyntaxNode root, FixTarget target, string key)
    {
        var schema = target.Property(DiagnosticProperties.Schema);
        var table = target.Property(DiagnosticProperties.Table)!;
        var backup = BackupTableNames.For(target.BackupFormat, table, null, target.Property(DiagnosticProperties.MigrationId)!);
        var qualified = (schema is null ? string.Empty : schema + ".") + table;
        var statement = target.Statement(root)!;
        var builder = MigrationEdits.Builder(statement);
        var restore = SqlWriter.RestoreRows(target.Provider, schema, table, backup, target.Lines(DiagnosticProperties.Columns), target.Lines(DiagnosticProperties.IdentityColumns))
            + "\n" + SqlWriter.DropTable(target.Provider, schema, backup);
        if (target.Find(root, "DownCreate") is { } downCreate)
        {
            root = MigrationEdits.InsertAfter(root, downCreate, new[]
            {
                new Step($"Put back every row Up backed up from {qualified}, then drop the backup.", builder + ".Sql(" + MigrationEdits.SqlLiteral(restore, target.RawStrings, MigrationEdits.Indentation(downCreate)) + ");"),
            });
        }
        else if (target.Down(root) is { } down)
        {
            root = MigrationEdits.Append(root, down, new[]
            {
                new Step($"TODO: re-create {qualified} above this step (Down has no CreateTable for it); this puts its rows back from the backup Up made.", builder + ".Sql(" + MigrationEdits.SqlLiteral(restore, target.RawStrings, MigrationEdits.Indentation(down) + "    ") + ");"),
            });
        }

        statement = target.Statement(root)!;
        var backupSql = VerifiedMarker.Prefix + " " + qualified + ".*\n" + SqlWriter.CreateBackup(target.Provider, schema, table, backup, null);
        return MigrationEdits.InsertBefore(root, statement, new[]
        {
            new Step($"Keep every row of {qualified}, so that Down can restore them (the backup table stays until Down drops it).", builder + ".Sql(" + MigrationEdits.SqlLiteral(backupSql, target.RawStrings, MigrationEdits.Indentation(statement)) + ");"),
        });
    }
}
