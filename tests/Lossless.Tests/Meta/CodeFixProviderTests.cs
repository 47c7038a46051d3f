using System.Composition;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Lossless.Tests.Meta;

/// <summary>Every code fix is exported by its type name, fixes only known ids and supports Fix All.</summary>
public sealed class CodeFixProviderTests
{
    [Fact]
    public void CodeFixProviders_AreSealedExportedAndFixKnownIds()
    {
        // A [Fact] that iterates, not a theory: the release has no fixers yet, and a theory needs data.
        var knownIds = AnalyzerCatalog.Descriptors.Select(static d => d.Id).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();

        foreach (var type in AnalyzerCatalog.CodeFixProviderTypes)
        {
            if (!type.IsSealed)
            {
                problems.Add($"{type.Name} is not sealed.");
            }

            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            if (export is null)
            {
                problems.Add($"{type.Name} has no [ExportCodeFixProvider]: no IDE would load it.");
            }
            else
            {
                if (export.Name != type.Name)
                {
                    problems.Add($"{type.Name} is exported as '{export.Name}'; use Name = nameof({type.Name}).");
                }

                if (!export.Languages.Contains(LanguageNames.CSharp))
                {
                    problems.Add($"{type.Name} is not exported for C#.");
                }
            }

            if (type.GetCustomAttribute<SharedAttribute>() is null)
            {
                problems.Add($"{type.Name} has no [Shared].");
            }

            var provider = (CodeFixProvider)Activator.CreateInstance(type)!;
            if (provider.FixableDiagnosticIds.IsDefaultOrEmpty)
            {
                problems.Add($"{type.Name} fixes no diagnostic ids.");
            }
            else
            {
                foreach (var id in provider.FixableDiagnosticIds)
                {
                    if (!knownIds.Contains(id))
                    {
                        problems.Add($"{type.Name} fixes '{id}', which no descriptor declares.");
                    }
                }
            }

            if (provider.GetFixAllProvider() is null)
            {
                problems.Add($"{type.Name}.GetFixAllProvider() returns null: Fix All would not be offered.");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void CodeFixAssembly_IsTheShippedOne()
    {
        // Guards the reflection above: it must look at Lossless.CodeFixes, not at an empty stand-in.
        Assert.Equal("Lossless.CodeFixes", AnalyzerCatalog.CodeFixAssembly.GetName().Name);
    }
}
