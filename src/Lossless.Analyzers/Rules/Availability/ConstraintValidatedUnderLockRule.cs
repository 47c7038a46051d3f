using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Microsoft.CodeAnalysis;

namespace Lossless.Analyzers.Rules.Availability;

/// <summary>
/// LL3004 on a PostgreSQL AddForeignKey or AddCheckConstraint (CreateCheckConstraint in EF Core 2) on an existing table:
/// the constraint is validated against every row while writes wait (SHARE ROW EXCLUSIVE on both tables of a foreign
/// key; ACCESS EXCLUSIVE, reads too, for a check). Not on a table this migration already rewrites (the foreign keys the
/// LL1003 fix re-creates): its lock is held to the end anyway.
/// </summary>
internal sealed class ConstraintValidatedUnderLockRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL3004_ConstraintValidatedUnderLock);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        if (migration.Provider != DatabaseProvider.PostgreSql || !AvailabilityFacts.IsOn(migration))
        {
            return;
        }

        var up = migration.Up;
        for (var i = 0; i < up.Length; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operation = up[i];
            if (operation.Kind is not (MigrationOperationKind.AddForeignKey or MigrationOperationKind.AddCheckConstraint or MigrationOperationKind.CreateCheckConstraint)
                || !AvailabilityFacts.IsCandidate(migration, context, i, operation)
                || operation.GetString("name") is not { } name
                || AvailabilityFacts.IsRewrittenBy(migration, i - 1, operation.Schema, operation.Table!))
            {
                continue;
            }

            var table = AvailabilityFacts.Display(operation.Schema, operation.Table!);
            var properties = AvailabilityFacts.Properties(migration, operation.Schema, operation.Table!);
            properties.Add(DiagnosticProperties.Name, name);
            string what;
            string lockText;
            if (operation.Kind == MigrationOperationKind.AddForeignKey)
            {
                what = "foreign key";
                var principal = operation.GetString("principalTable");
                lockText = principal is null || (principal == operation.Table && operation.GetString("principalSchema") == operation.Schema)
                    ? "a SHARE ROW EXCLUSIVE lock: writes wait until the migration commits"
                    : "SHARE ROW EXCLUSIVE locks on it and on '" + AvailabilityFacts.Display(operation.GetString("principalSchema"), principal) + "': writes to both wait until the migration commits";
            }
            else
            {
                what = "check constraint";
                lockText = "an ACCESS EXCLUSIVE lock: reads and writes wait until the migration commits";
            }

            context.Report(AvailabilityFacts.Create(migration, Descriptors.LL3004_ConstraintValidatedUnderLock, operation.Location, properties.ToImmutable(), what, name, table, lockText));
        }
    }
}
