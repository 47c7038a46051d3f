using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.Correctness;

/// <summary>
/// LL4003: an AlterColumn (in Up or Down) with no oldClrType, or with type but no oldType. EF Core fills the old
/// column with defaults (oldClrType = the new CLR type, oldNullable = false) and compares against them, so the SQL it
/// writes may change nothing or the wrong thing; what Npgsql, SQL Server and SQLite write is proven in
/// tests/Lossless.DataTests/Correctness.
/// </summary>
internal sealed class AlterColumnWithoutOldRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL4003_AlterColumnWithoutOld);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        Check(migration, migration.Up, context);
        Check(migration, migration.Down, context);
    }

    private static void Check(MigrationModel migration, ImmutableArray<MigrationOperation> operations, RuleContext context)
    {
        foreach (var operation in operations)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (operation.Kind != MigrationOperationKind.AlterColumn)
            {
                continue;
            }

            var noOldClrType = !operation["oldClrType"].IsSpecified;
            var noOldType = operation["type"].IsSpecified && !operation["oldType"].IsSpecified;
            if (!noOldClrType && !noOldType)
            {
                continue;
            }

            var missing = noOldClrType && noOldType ? "oldClrType nor oldType" : noOldClrType ? "oldClrType" : "oldType";

            // Measured with EF Core 10 + Npgsql: nullable: false against the default oldNullable: false writes no SET NOT NULL.
            var consequence = migration.Provider == DatabaseProvider.PostgreSql
                && operation["nullable"].IsKnown && operation["nullable"].Value is false
                && !operation["oldNullable"].IsSpecified
                    ? "; on PostgreSQL nullable: false without oldNullable never sets NOT NULL"
                    : string.Empty;
            var column = (operation.Table ?? "?") + "." + (operation.GetString("name") ?? "?");
            context.Report(Diagnostic.Create(Descriptors.LL4003_AlterColumnWithoutOld, operation.Location, column, missing, consequence));
        }
    }
}
