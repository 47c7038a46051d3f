using System.Collections.Immutable;
using System.Reflection;
using Lossless.Analyzers;
using Lossless.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.Tests.Meta;

/// <summary>What the shipped assemblies declare, found by reflection so a new rule or fixer is checked without registering it here.</summary>
internal static class AnalyzerCatalog
{
    public static Assembly AnalyzerAssembly => typeof(Descriptors).Assembly;

    public static Assembly CodeFixAssembly => typeof(FixerKeys).Assembly;

    /// <summary>Every static <see cref="DiagnosticDescriptor"/> field of <see cref="Descriptors"/>, by field name.</summary>
    public static ImmutableArray<(string FieldName, DiagnosticDescriptor Descriptor)> DescriptorFields { get; } = ReadDescriptorFields();

    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        DescriptorFields.Select(static field => field.Descriptor).OrderBy(static d => d.Id, StringComparer.Ordinal).ToImmutableArray();

    /// <summary>One instance of every concrete <see cref="DiagnosticAnalyzer"/> in the analyzer assembly.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        ConcreteSubtypes(AnalyzerAssembly, typeof(DiagnosticAnalyzer))
            .Select(static type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    /// <summary>Every concrete <see cref="CodeFixProvider"/> type in the code-fix assembly.</summary>
    public static ImmutableArray<Type> CodeFixProviderTypes { get; } =
        ConcreteSubtypes(CodeFixAssembly, typeof(CodeFixProvider)).ToImmutableArray();

    public static DiagnosticDescriptor Descriptor(string id) =>
        Descriptors.Single(descriptor => descriptor.Id == id);

    /// <summary>The ids as theory data: strings serialize, so each id is its own test case.</summary>
    public static TheoryData<string> DescriptorIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Descriptors)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    /// <summary>The severity as AnalyzerReleases files and the docs index write it.</summary>
    public static string ReleaseSeverity(DiagnosticDescriptor descriptor) =>
        descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";

    private static ImmutableArray<(string, DiagnosticDescriptor)> ReadDescriptorFields()
    {
        var fields = typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
        var result = ImmutableArray.CreateBuilder<(string, DiagnosticDescriptor)>();
        foreach (var field in fields)
        {
            if (field.FieldType == typeof(DiagnosticDescriptor))
            {
                result.Add((field.Name, (DiagnosticDescriptor)field.GetValue(null)!));
            }
        }

        return result.ToImmutable();
    }

    private static IEnumerable<Type> ConcreteSubtypes(Assembly assembly, Type baseType) =>
        assembly.GetTypes()
            .Where(type => type.IsClass && !type.IsAbstract && baseType.IsAssignableFrom(type))
            .OrderBy(static type => type.FullName, StringComparer.Ordinal);
}
