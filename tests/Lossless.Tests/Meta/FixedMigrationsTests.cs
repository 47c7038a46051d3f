using System.Globalization;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Lossless.Analyzers;
using Lossless.CodeFixes.Migrations;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace Lossless.Tests.Meta;

/// <summary>
/// A fixed migration is clean. Every migration the analyzer and fix tests verify (collected by running those tests
/// with the verifiers only recording, <see cref="TestCapture"/>) is analysed with every analyzer; every action every
/// Lossless fixer offers is applied, one at a time and with Fix All over the document; and the result is analysed
/// again. It must compile, the fixed diagnostic must be gone from its operation (or the operation gone), and no warning
/// or error may appear that was not there — except, by design, the diagnostic a fix leaves where it wrote
/// 'lossless: choose' (its Unchosen property), and the info-level diagnostics listed in <see cref="InfoAllowedToAppear"/>.
/// </summary>
public sealed class FixedMigrationsTests(ITestOutputHelper output)
{
    /// <summary>
    /// Info-level diagnostics a fix may bring to light ("Data first": once the data problem is fixed, the availability
    /// one shows). A new entry names the rule and says why.
    /// </summary>
    private static readonly string[] InfoAllowedToAppear =
    [
        // LL3002: a type change the LL1001/LL1002 fix verified has no data-loss diagnostic any more, and still rewrites the table.
        "LL3002",

        // LL3003: the LL1006 fix and expand/contract write RenameColumn/RenameTable, which the running application's old version does not know.
        "LL3003",

        // LL3006: the LL1007/LL1008/LL1012 fixes end with the AlterColumn that makes the column required: SET NOT NULL scans under ACCESS EXCLUSIVE.
        "LL3006",
        // LL3005: on SQLite, a DropColumn backed up or an AlterColumn verified by a fix has no data-loss diagnostic any
        // more, and still makes EF rebuild the table, which EF commits in pieces.
        "LL3005",
    ];

    private static readonly ImmutableArray<MigrationFixer> Fixers = AnalyzerCatalog.CodeFixProviderTypes
        .Select(static type => (MigrationFixer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    [Fact]
    public async Task EveryFixOfEveryTestMigration_CompilesRemovesItsDiagnosticAndAddsNoWarning()
    {
        var cases = await CollectAsync();
        Assert.True(cases.Count > 200, $"Only {cases.Count} migrations were collected from the analyzer and fix tests.");

        var problems = new ConcurrentBag<string>();
        var appearedInfo = new ConcurrentDictionary<string, string>();
        var fixesApplied = 0;
        var fixAllsApplied = 0;
        var leftToChoose = 0;
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (testCase, cancellationToken) =>
        {
            var outcome = await CheckAsync(testCase, problems, appearedInfo);
            Interlocked.Add(ref fixesApplied, outcome.Fixes);
            Interlocked.Add(ref fixAllsApplied, outcome.FixAlls);
            Interlocked.Add(ref leftToChoose, outcome.LeftToChoose);
        });

        output.WriteLine($"{cases.Count} migrations, {fixesApplied} single fixes and {fixAllsApplied} Fix All runs applied; {leftToChoose} left a value to choose, reported as designed.");
        foreach (var info in appearedInfo.OrderBy(static i => i.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"info that appeared after a fix: {info.Key} (e.g. {info.Value})");
        }

        Assert.True(fixesApplied > 100, $"Only {fixesApplied} fixes were applied: the collection found too few fixable migrations.");
        Assert.True(problems.IsEmpty, string.Join("\n\n", problems.OrderBy(static p => p, StringComparer.Ordinal).Take(40)));
        Assert.True(
            appearedInfo.Keys.All(id => InfoAllowedToAppear.Contains(id)),
            "Info diagnostics appeared that are not listed: " + string.Join(", ", appearedInfo.Keys.Except(InfoAllowedToAppear)));
    }

    /// <summary>Runs every analyzer and fix test in recording mode: their states, deduplicated.</summary>
    internal static async Task<List<CapturedTest>> CollectAsync()
    {
        var all = new List<CapturedTest>();
        foreach (var type in typeof(FixedMigrationsTests).Assembly.GetTypes())
        {
            if (type.Namespace is not { } ns || !(ns.StartsWith("Lossless.Tests.Rules", StringComparison.Ordinal) || ns.StartsWith("Lossless.Tests.Configuration", StringComparison.Ordinal))
                || !type.IsClass || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
            {
                continue;
            }

            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                if (method.GetCustomAttribute<FactAttribute>() is null || method.ReturnType != typeof(Task))
                {
                    continue;
                }

                var rows = method.GetCustomAttributes<Xunit.Sdk.DataAttribute>().SelectMany(data => data.GetData(method)).ToList();
                if (method.GetCustomAttribute<TheoryAttribute>() is null)
                {
                    rows = [[]];
                }

                foreach (var row in rows)
                {
                    var instance = Activator.CreateInstance(type)!;
                    all.AddRange(await TestCapture.RunAsync(type.Name + "." + method.Name, () => (Task)method.Invoke(instance, row)!));
                }
            }
        }

        return all
            .GroupBy(static c => c.Provider + "\u0001" + string.Join("\u0001", c.Sources.Select(static s => s.Text)) + "\u0001" + string.Join("\u0001", c.AnalyzerConfigFiles.Select(static s => s.Text)))
            .Select(static g => g.First())
            .ToList();
    }

    private sealed record Outcome(int Fixes, int FixAlls, int LeftToChoose);

    private static async Task<Outcome> CheckAsync(CapturedTest testCase, ConcurrentBag<string> problems, ConcurrentDictionary<string, string> appearedInfo)
    {
        using var workspace = new AdhocWorkspace();
        var project = Project(workspace, testCase);
        if ((await project.GetCompilationAsync())!.GetDiagnostics().Any(static d => d.Severity == DiagnosticSeverity.Error))
        {
            // A test about half-typed code: nothing to fix into something that compiles.
            return new Outcome(0, 0, 0);
        }

        var before = await AnalyzeAsync(project);
        int fixes = 0, fixAlls = 0, unchosen = 0;
        foreach (var diagnostic in before)
        {
            if (Fixers.FirstOrDefault(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)) is not { } fixer
                || project.GetDocument(diagnostic.Location.SourceTree) is not { } document)
            {
                continue;
            }

            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            foreach (var action in actions)
            {
                var what = $"{testCase.Test}: {action.EquivalenceKey} on {diagnostic.Id} at {diagnostic.Location.GetLineSpan().StartLinePosition} ({testCase.Provider})";
                var changed = await ApplyAsync(project, action);
                if (changed is null)
                {
                    continue;
                }

                fixes++;
                var after = await CheckChangedAsync(what, project, changed, before, [diagnostic], problems, appearedInfo);
                unchosen += after;
            }

            // Fix All over the document, for each action this diagnostic offers (the first diagnostic the run starts from).
            foreach (var key in actions.Select(static a => a.EquivalenceKey!).Distinct())
            {
                var context = new FixAllContext(document, fixer, FixAllScope.Document, key, fixer.FixableDiagnosticIds, new Provider(before), CancellationToken.None);
                if (await fixer.GetFixAllProvider().GetFixAsync(context) is not { } fixAll || await ApplyAsync(project, fixAll) is not { } changed)
                {
                    continue;
                }

                fixAlls++;
                var root = (await document.GetSyntaxRootAsync())!;
                var expectedGone = before.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id) && d.Location.SourceTree == root.SyntaxTree && fixer.ChooseKey(d, root, key) is not null).ToList();
                await CheckChangedAsync($"{testCase.Test}: Fix All {key} ({testCase.Provider})", project, changed, before, expectedGone, problems, appearedInfo);
            }
        }

        return new Outcome(fixes, fixAlls, unchosen);
    }

    /// <summary>The checks on a changed project; returns how many diagnostics stay by design because a value is left to choose.</summary>
    private static async Task<int> CheckChangedAsync(string what, Project original, Project changed, ImmutableArray<Diagnostic> before, IReadOnlyList<Diagnostic> fixedOnes, ConcurrentBag<string> problems, ConcurrentDictionary<string, string> appearedInfo)
    {
        var errors = (await changed.GetCompilationAsync())!.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            problems.Add($"{what}: the fixed migration does not compile: {string.Join("; ", errors.Take(3))}\n{await TextOf(changed, errors[0].Location.SourceTree)}");
            return 0;
        }

        var after = await AnalyzeAsync(changed);

        // The fixed diagnostic is gone from its operation, followed through the edits (an operation rewritten is gone).
        foreach (var fixedOne in fixedOnes)
        {
            var oldDocument = original.GetDocument(fixedOne.Location.SourceTree)!;
            var newDocument = changed.GetDocument(oldDocument.Id)!;
            var edits = (await newDocument.GetTextChangesAsync(oldDocument)).ToList();
            if (MigrationFixAll.Follow(fixedOne.Location.SourceSpan, [edits]) is not { } span)
            {
                continue;
            }

            var newTree = await newDocument.GetSyntaxTreeAsync();
            // Several diagnostics of one id may stand on one name (LL1010: one per column on Up's name): the message
            // tells them apart, and the fixed one's is the one that must be gone.
            var shared = before.Count(d => d.Id == fixedOne.Id && d.Location == fixedOne.Location) > 1;
            if (after.FirstOrDefault(d => d.Id == fixedOne.Id && d.Location.SourceTree == newTree && d.Location.SourceSpan == span
                    && (!shared || d.GetMessage(CultureInfo.InvariantCulture) == fixedOne.GetMessage(CultureInfo.InvariantCulture))) is { } left
                && !left.Properties.ContainsKey(DiagnosticProperties.Unchosen)
                && !edits.Any(static e => e.NewText!.Contains("// TODO: ", StringComparison.Ordinal)))
            {
                // (A fix that could only write what it cannot know as a TODO leaves its diagnostic, by design: Down
                // generated from an Up that drops what no model describes is still empty.)
                problems.Add($"{what}: {fixedOne.Id} is still reported on the operation it fixed: {left.GetMessage()}\n{await TextOf(changed, newTree)}");
            }
        }

        // Nothing new at warning or error but, by design: what a value left to choose keeps reporting; what a TODO the fix
        // wrote leaves to a person (a Down it could not know); LL2002 on an empty Down itemized as LL2003 once the fix
        // wrote into it; and an operation's one data-loss diagnostic reclassified (a pair that reads as a rename once
        // the other pairs are renames). Info only as listed.
        var previous = before.Select(Identity).GroupBy(static i => i).ToDictionary(static g => g.Key, static g => g.Count());
        var allEdits = new List<TextChange>();
        foreach (var document in changed.GetChanges(original).GetChangedDocuments())
        {
            allEdits.AddRange(await changed.GetDocument(document)!.GetTextChangesAsync(original.GetDocument(document)!));
        }

        var wroteTodo = allEdits.Any(static e => e.NewText!.Contains("// TODO: ", StringComparison.Ordinal));
        var emptyDownItemized = before.Any(static d => d.Id == RuleIds.EmptyDown) && !after.Any(static d => d.Id == RuleIds.EmptyDown);
        var unchosen = 0;
        foreach (var diagnostic in after)
        {
            var identity = Identity(diagnostic);
            if (previous.TryGetValue(identity, out var count) && count > 0)
            {
                previous[identity] = count - 1;
                continue;
            }

            if (diagnostic.Properties.ContainsKey(DiagnosticProperties.Unchosen))
            {
                var text = await TextOf(changed, diagnostic.Location.SourceTree);
                if (!text.Contains(UnchosenValue.Marker, StringComparison.Ordinal))
                {
                    problems.Add($"{what}: {diagnostic.Id} says a value is left to choose, but no fix wrote '{UnchosenValue.Marker}': {diagnostic.GetMessage()}");
                }

                unchosen++;
            }
            else if (diagnostic.Id is RuleIds.DownDoesNotUndoUp or RuleIds.EmptyDown && wroteTodo
                || diagnostic.Id == RuleIds.DownDoesNotUndoUp && emptyDownItemized
                || diagnostic.Id.StartsWith("LL1", StringComparison.Ordinal) && await WasReportedByAnotherDataLossRuleAsync(diagnostic, original, changed, before))
            {
                continue;
            }
            else if (diagnostic.Severity >= DiagnosticSeverity.Warning)
            {
                problems.Add($"{what}: a new {diagnostic.Severity} appeared: {diagnostic.Id} {diagnostic.GetMessage()} at {diagnostic.Location.GetLineSpan().StartLinePosition}\n{await TextOf(changed, diagnostic.Location.SourceTree)}");
            }
            else if (diagnostic.Severity == DiagnosticSeverity.Info)
            {
                appearedInfo.TryAdd(diagnostic.Id, what + ": " + diagnostic.GetMessage());
            }
        }

        return unchosen;
    }

    /// <summary>
    /// A diagnostic by what it is about, not by its words: its id and the table and column it names (a fix's new steps
    /// change, say, LL2002's count of Up's operations, not which diagnostic it is).
    /// </summary>
    private static string Identity(Diagnostic diagnostic)
        => diagnostic.Id + " " + Property(diagnostic, DiagnosticProperties.Schema) + "." + Property(diagnostic, DiagnosticProperties.Table) + "." + Property(diagnostic, DiagnosticProperties.Column);

    /// <summary>True when the operation the diagnostic is on carried another LL1xxx diagnostic before the fix.</summary>
    private static async Task<bool> WasReportedByAnotherDataLossRuleAsync(Diagnostic diagnostic, Project original, Project changed, ImmutableArray<Diagnostic> before)
    {
        if (changed.GetDocument(diagnostic.Location.SourceTree) is not { } newDocument || original.GetDocument(newDocument.Id) is not { } oldDocument)
        {
            return false;
        }

        var edits = (await newDocument.GetTextChangesAsync(oldDocument)).ToList();
        var oldTree = await oldDocument.GetSyntaxTreeAsync();
        return before.Any(d => d.Id != diagnostic.Id && d.Id.StartsWith("LL1", StringComparison.Ordinal) && d.Location.SourceTree == oldTree
            && MigrationFixAll.Follow(d.Location.SourceSpan, [edits]) == diagnostic.Location.SourceSpan);
    }

    private static string? Property(Diagnostic diagnostic, string key) => diagnostic.Properties.TryGetValue(key, out var value) ? value : null;

    private static async Task<string> TextOf(Project project, SyntaxTree? tree)
        => tree is not null && project.GetDocument(tree) is { } document ? (await document.GetTextAsync()).ToString() : string.Empty;

    private static async Task<Project?> ApplyAsync(Project project, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        if (operations.OfType<ApplyChangesOperation>().SingleOrDefault() is not { } apply)
        {
            return null;
        }

        var changed = apply.ChangedSolution.GetProject(project.Id)!;
        return changed.GetChanges(project).GetChangedDocuments().Any() ? changed : null;
    }

    private static Project Project(AdhocWorkspace workspace, CapturedTest testCase)
    {
        var project = workspace.AddProject("Test", LanguageNames.CSharp)
            .WithMetadataReferences(EFCoreReferences.For(testCase.Provider))
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest));
        var index = 0;
        foreach (var (name, text) in testCase.Sources)
        {
            TestFileMarkupParser.GetSpans(text, out var plain, out ImmutableDictionary<string, ImmutableArray<TextSpan>> _);
            var path = name.StartsWith('/') ? name : $"/0/Test{index}.cs";
            project = project.AddDocument(Path.GetFileName(path), SourceText.From(plain), filePath: path).Project;
            index++;
        }

        foreach (var (name, text) in testCase.AnalyzerConfigFiles)
        {
            project = project.AddAnalyzerConfigDocument(Path.GetFileName(name), SourceText.From(text), filePath: name.StartsWith('/') ? name : "/" + name).Project;
        }

        return project;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation
            .WithAnalyzers(AnalyzerCatalog.Analyzers, project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(static d => d.Severity != DiagnosticSeverity.Hidden).OrderBy(static d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    private sealed class Provider(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics.Where(static d => !d.Location.IsInSource));
    }
}
