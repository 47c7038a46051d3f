using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Lossless.Analyzers;
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
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DropColumn);

    internal override IEnumerable<(string Title, string Key)> Actions(Diagnostic diagnostic)
    {
        if (diagnostic.Properties.TryGetValue(DiagnosticProperties.KeyColumns, out var keys) && keys is { Length: > 0 }
            && diagnostic.Properties.TryGetValue(DiagnosticProperties.MigrationId, out var id) && id is not null)
        {
            yield return ("Back up the column's values before dropping it, and restore them in Down", FixerKeys.LL1004_BackUpColumn);
        }
    }

    internal override SyntaxNode Apply(SyntaxNode root, FixTarget target, string key)
    {
        var schema = target.Property(DiagnosticProperties.Schema);
        var table = target.Property(DiagnosticProperties.Table)!;
        var column = target.Property(DiagnosticProperties.Column)!;
        var keys = target.Lines(DiagnosticProperties.KeyColumns);
        var backup = BackupTableNames.For(target.BackupFormat, table, column, target.Property(DiagnosticProperties.MigrationId)!);
        var qualified = (schema is null ? string.Empty : schema + ".") + table + "." + column;
        var columns = new List<string>(keys) { column };

        // Down first: it stands after Up in the file, so Up's statement is still where the diagnostic said.
        var statement = target.Statement(root)!;
        var builder = MigrationEdits.Builder(statement);
        var indent = MigrationEdits.Indentation(statement);
        var restore = SqlWriter.RestoreColumn(target.Provider, schema, table, column, backup, keys) + "\n" + SqlWriter.DropTable(target.Provider, schema, backup);
        if (target.Find(root, "DownAdd") is { } downAdd)
        {
            var downIndent = MigrationEdits.Indentation(downAdd);
            root = MigrationEdits.InsertAfter(root, downAdd, new[]
            {
                new Step($"Put back the values Up backed up from {qualified}, by key, then drop the backup.", builder + ".Sql(" + MigrationEdits.SqlLiteral(restore, target.RawStrings, downIndent) + ");"),
            });
        }
        else if (target.Down(root) is { } down)
        {
            var downIndent = MigrationEdits.Indentation(down) + "    ";
            root = MigrationEdits.Append(root, down, new[]
            {
                new Step($"TODO: re-add {qualified} above this step (Down has no AddColumn for it); this puts its values back from the backup Up made.", builder + ".Sql(" + MigrationEdits.SqlLiteral(restore, target.RawStrings, downIndent) + ");"),
            });
        }

        statement = target.Statement(root)!;
        var backupSql = Analyzers.Model.Operations.VerifiedMarker.Prefix + " " + qualified + "\n" + SqlWriter.CreateBackup(target.Provider, schema, table, backup, columns);
        return MigrationEdits.InsertBefore(root, statement, new[]
        {
            new Step($"Keep every value of {qualified} with its key, so that Down can restore them (the backup table stays until Down drops it).", builder + ".Sql(" + MigrationEdits.SqlLiteral(backupSql, target.RawStrings, indent) + ");"),
        });
    }
}
