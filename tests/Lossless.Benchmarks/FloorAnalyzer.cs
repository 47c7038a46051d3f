using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

#pragma warning disable RS1036, RS1041, RS2008 // A yardstick loaded by the measuring tools only, never shipped: no release tracking, no netstandard build.

namespace Lossless.Benchmarks;

/// <summary>
/// The least an operation-level migration analyzer does, as a yardstick for Lossless's own CPU time (issue 16: "at
/// most 3× the floor analyzer's + 20 ms"). Compilation start resolves <c>MigrationBuilder</c> by symbol (a compilation
/// without EF Core registers nothing more); one operation action on every invocation recognises MigrationBuilder calls
/// by symbol and reads their constant arguments. It skips generated code as Lossless does (Designer files and
/// snapshots carry the auto-generated header). Its one diagnostic, hidden, is reported once per compilation with what
/// it counted, so a run proves the floor saw the migrations (and the reads are not optimised away).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FloorAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = "FLOOR01";

    private static readonly DiagnosticDescriptor Counted = new(
        DiagnosticId,
        "MigrationBuilder calls read",
        "Read {0} MigrationBuilder calls and {1} constant arguments",
        "Measurement",
        DiagnosticSeverity.Hidden,
        isEnabledByDefault: true,
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Counted);

    /// <summary>Reads the counts from the floor's diagnostic: (calls, constant arguments), or null for another diagnostic.</summary>
    public static (long Calls, long Constants)? ReadCounts(Diagnostic diagnostic)
    {
        if (diagnostic.Id != DiagnosticId || diagnostic.Properties.Count < 2)
        {
            return null;
        }

        return (long.Parse(diagnostic.Properties["calls"]!, System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(diagnostic.Properties["constants"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var migrationBuilder = start.Compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder");
            if (migrationBuilder is null)
            {
                return;
            }

            // Per compilation, captured by the callbacks (no analyzer field holds compilation state).
            var counts = new long[2];
            start.RegisterOperationAction(
                operation =>
                {
                    var invocation = (IInvocationOperation)operation.Operation;
                    if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, migrationBuilder))
                    {
                        return;
                    }

                    Interlocked.Increment(ref counts[0]);
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Value.ConstantValue.HasValue)
                        {
                            Interlocked.Increment(ref counts[1]);
                        }
                    }
                },
                OperationKind.Invocation);
            start.RegisterCompilationEndAction(end =>
            {
                var calls = Interlocked.Read(ref counts[0]).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var constants = Interlocked.Read(ref counts[1]).ToString(System.Globalization.CultureInfo.InvariantCulture);
                end.ReportDiagnostic(Diagnostic.Create(
                    Counted,
                    Location.None,
                    ImmutableDictionary<string, string?>.Empty.Add("calls", calls).Add("constants", constants),
                    calls,
                    constants));
            });
        });
    }
}
