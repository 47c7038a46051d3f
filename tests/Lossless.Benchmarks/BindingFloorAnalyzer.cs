using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

#pragma warning disable RS1036, RS1041, RS2008 // A yardstick loaded by the measuring tools only, never shipped: no release tracking, no netstandard build.

namespace Lossless.Benchmarks;

/// <summary>
/// What the operation trees of migrations' Up and Down cost: the trees of the same code blocks Lossless reads (every
/// ordinary method of a class deriving from <c>Migration</c>, except the Designer's <c>BuildTargetModel</c>), built in
/// this analyzer's own callback so that the meter charges them, and nothing else. Lossless has the analyzer driver build
/// them and hand them over (an operation block action), as <see cref="FloorAnalyzer"/> does, so its metered time no
/// longer includes them: this says what they cost a build in which no other analyzer asks for them (in a project with
/// EF Core's own analyzers the driver builds them for EF1001 anyway). Like Lossless it does not ask to analyse generated
/// code, which would make the driver build every generated body's operation tree for every analyzer; unlike Lossless it
/// leaves out the few migration methods that stand in generated files (EF Core 1–3's auto-generated migrations), which
/// Lossless binds itself. Its one hidden diagnostic, once per compilation, says how many blocks and operations it
/// bound, so a run proves the work was done.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BindingFloorAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = "FLOOR02";

    private static readonly DiagnosticDescriptor Counted = new(
        DiagnosticId,
        "Migration bodies bound",
        "Bound {0} migration method bodies of {1} operations",
        "Measurement",
        DiagnosticSeverity.Hidden,
        isEnabledByDefault: true,
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Counted);

    /// <summary>Reads the counts from the analyzer's diagnostic: (bodies, operations), or null for another diagnostic.</summary>
    public static (long Bodies, long Operations)? ReadCounts(Diagnostic diagnostic)
    {
        if (diagnostic.Id != DiagnosticId || diagnostic.Properties.Count < 2)
        {
            return null;
        }

        return (long.Parse(diagnostic.Properties["bodies"]!, System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(diagnostic.Properties["operations"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var migration = start.Compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Migrations.Migration");
            if (migration is null)
            {
                return;
            }

            var counts = new long[2];
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    if (!DerivesFrom((INamedTypeSymbol)symbolStart.Symbol, migration))
                    {
                        return;
                    }

                    symbolStart.RegisterCodeBlockAction(block =>
                    {
                        if (block.OwningSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary, Name: not "BuildTargetModel" }
                            && block.CodeBlock is MethodDeclarationSyntax
                            && block.SemanticModel.GetOperation(block.CodeBlock, block.CancellationToken) is { } operation)
                        {
                            Interlocked.Increment(ref counts[0]);
                            Interlocked.Add(ref counts[1], operation.Descendants().LongCount());
                        }
                    });
                },
                SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end =>
            {
                var bodies = Interlocked.Read(ref counts[0]).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var operations = Interlocked.Read(ref counts[1]).ToString(System.Globalization.CultureInfo.InvariantCulture);
                end.ReportDiagnostic(Diagnostic.Create(
                    Counted,
                    Location.None,
                    ImmutableDictionary<string, string?>.Empty.Add("bodies", bodies).Add("operations", operations),
                    bodies,
                    operations));
            });
        });
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract)
        {
            return false;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
