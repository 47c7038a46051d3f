using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Lossless.Corpus;

/// <summary>
/// Runs every Lossless code fix for every diagnostic of a set, in an AdhocWorkspace built from the same sources and
/// references: each action a fixer registers is applied and the changed documents re-compiled and re-analysed; then
/// each fixer's Fix All over a document, per equivalence key. A row per action says whether it threw, added compiler
/// errors, left a Lossless diagnostic on the operation it fixed, added one elsewhere in the changed documents, or
/// applied cleanly.
/// </summary>
public sealed class FixRunner
{
    /// <summary>How long one action may take (register, compute, re-compile, re-analyse) before it counts as threw.</summary>
    public static readonly TimeSpan ActionTimeout = TimeSpan.FromMinutes(2);

    private readonly SetSources _sources;
    private readonly SetResult _result;
    private readonly Project _project;
    private readonly Compilation _compilation;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<SyntaxTree, ImmutableArray<string>> _errorsBefore = [];
    private readonly Dictionary<SyntaxTree, ImmutableArray<Diagnostic>> _diagnosticsBefore = [];
    private readonly Dictionary<SyntaxTree, ImmutableArray<Diagnostic>> _fullAnalysis;

    private FixRunner(SetSources sources, SetResult result, Project project, Compilation compilation, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        _sources = sources;
        _result = result;
        _project = project;
        _compilation = compilation;
        _cancellationToken = cancellationToken;
        _fullAnalysis = diagnostics.GroupBy(static d => d.Location.SourceTree!).ToDictionary(static g => g.Key, static g => g.ToImmutableArray());
    }

    public static async Task RunAsync(SetSources sources, SetResult result, CancellationToken cancellationToken)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documents = sources.Files.Select(file => DocumentInfo.Create(
            DocumentId.CreateNewId(projectId, file.RelativePath),
            Path.GetFileName(file.FullPath),
            loader: TextLoader.From(TextAndVersion.Create(file.Text, VersionStamp.Create(), file.FullPath)),
            filePath: file.FullPath));
        var name = "Corpus_" + sources.Set.Name.Replace('.', '_').Replace('-', '_');
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Create(),
            name,
            name,
            Microsoft.CodeAnalysis.LanguageNames.CSharp,
            compilationOptions: SetSources.CompilationOptions,
            parseOptions: SetSources.ParseOptions,
            documents: documents,
            metadataReferences: sources.References));
        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync(cancellationToken))!;
        var diagnostics = (await Analysis.RunAsync(compilation, Catalog.Analyzers, result: null, exceptionDetails: null, cancellationToken))
            .Where(static d => Catalog.IsLossless(d) && d.Location.IsInSource)
            .ToImmutableArray();
        var runner = new FixRunner(sources, result, project, compilation, diagnostics, cancellationToken);
        await runner.RunAsync(diagnostics);
    }

    private async Task RunAsync(ImmutableArray<Diagnostic> diagnostics)
    {
        // The diagnostics each (document, fixer, equivalence key) offered an action for: Fix All's targets.
        var offered = new Dictionary<(DocumentId Document, CodeFixProvider Fixer, string Key), List<Diagnostic>>();
        foreach (var diagnostic in diagnostics.OrderBy(d => _sources.RelativePath(d.Location.SourceTree), StringComparer.Ordinal).ThenBy(static d => d.Location.SourceSpan.Start))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var document = _project.GetDocument(diagnostic.Location.SourceTree)!;
            foreach (var fixer in Catalog.Fixers)
            {
                if (!fixer.FixableDiagnosticIds.Contains(diagnostic.Id))
                {
                    continue;
                }

                var actions = new List<CodeAction>();
                try
                {
                    var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), _cancellationToken);
                    await fixer.RegisterCodeFixesAsync(context).WaitAsync(ActionTimeout, _cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !_cancellationToken.IsCancellationRequested)
                {
                    Add([diagnostic], "single", string.Empty, $"{fixer.GetType().Name} (registering)", FixOutcome.Threw, string.Empty, string.Empty, Failure(exception));
                    continue;
                }

                if (actions.Count == 0)
                {
                    Add([diagnostic], "single", string.Empty, fixer.GetType().Name, FixOutcome.NotOffered, string.Empty, string.Empty, string.Empty);
                    continue;
                }

                foreach (var action in Flatten(actions))
                {
                    var key = action.EquivalenceKey ?? string.Empty;
                    if (!offered.TryGetValue((document.Id, fixer, key), out var targets))
                    {
                        offered[(document.Id, fixer, key)] = targets = [];
                    }

                    targets.Add(diagnostic);
                    await EvaluateAsync(document, [diagnostic], action, key, "single");
                }
            }
        }

        // Fix All in document scope, per fixer and equivalence key, over the diagnostics that offered that key.
        foreach (var ((documentId, fixer, key), targets) in offered.OrderBy(e => _project.GetDocument(e.Key.Document)!.FilePath, StringComparer.Ordinal).ThenBy(static e => e.Key.Fixer.GetType().Name, StringComparer.Ordinal).ThenBy(static e => e.Key.Key, StringComparer.Ordinal))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var document = _project.GetDocument(documentId)!;
            var provider = fixer.GetFixAllProvider();
            if (provider is null || !provider.GetSupportedFixAllScopes().Contains(FixAllScope.Document))
            {
                Add(targets, "fixall-document", key, fixer.GetType().Name, FixOutcome.NotOffered, string.Empty, string.Empty, "no Fix All in document scope");
                continue;
            }

            CodeAction? action;
            try
            {
                var ids = targets.Select(static d => d.Id).Distinct(StringComparer.Ordinal).ToImmutableArray();
                var context = new FixAllContext(document, fixer, FixAllScope.Document, key, ids, new FixedDiagnostics(_project, _fullAnalysis), _cancellationToken);
                action = await provider.GetFixAsync(context).WaitAsync(ActionTimeout, _cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !_cancellationToken.IsCancellationRequested)
            {
                Add(targets, "fixall-document", key, $"{fixer.GetType().Name} Fix All (computing)", FixOutcome.Threw, string.Empty, string.Empty, Failure(exception));
                continue;
            }

            if (action is null)
            {
                Add(targets, "fixall-document", key, $"{fixer.GetType().Name} Fix All", FixOutcome.NotOffered, string.Empty, string.Empty, "GetFixAsync returned no action");
                continue;
            }

            await EvaluateAsync(document, targets, action, key, "fixall-document");
        }
    }

    /// <summary>Applies one action and judges the result; adds its row.</summary>
    private async Task EvaluateAsync(Document document, IReadOnlyList<Diagnostic> targets, CodeAction action, string key, string kind)
    {
        try
        {
            var (outcome, remaining, added, detail, diff) = await JudgeAsync(targets, action).WaitAsync(ActionTimeout, _cancellationToken);
            var row = Add(targets, kind, key, action.Title, outcome, remaining, added, detail);
            if (outcome != FixOutcome.Applied && diff.Length > 0)
            {
                _result.FixDiffs.Add($"== {row.Set} {row.File}:{row.Line} {row.Id} {row.EquivalenceKey} ({row.Kind}): {row.Outcome}{(row.Remaining.Length > 0 ? " remaining " + row.Remaining : string.Empty)}{(row.New.Length > 0 ? " new " + row.New : string.Empty)}{(row.Detail.Length > 0 ? "\n" + row.Detail : string.Empty)}\n{diff}");
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !_cancellationToken.IsCancellationRequested)
        {
            Add(targets, kind, key, action.Title, FixOutcome.Threw, string.Empty, string.Empty, Failure(exception));
        }
    }

    private async Task<(string Outcome, string Remaining, string New, string Detail, string Diff)> JudgeAsync(IReadOnlyList<Diagnostic> targets, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(_cancellationToken);
        var apply = operations.OfType<ApplyChangesOperation>().ToList();
        if (apply.Count == 0)
        {
            return (FixOutcome.NoChange, string.Empty, string.Empty, $"no ApplyChangesOperation ({string.Join(", ", operations.Select(static o => o.GetType().Name))})", string.Empty);
        }

        var changedProject = apply[^1].ChangedSolution.GetProject(_project.Id)!;
        var changes = changedProject.GetChanges(_project);
        var changed = changes.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true).Concat(changes.GetAddedDocuments()).ToList();
        if (changed.Count == 0)
        {
            return (FixOutcome.NoChange, string.Empty, string.Empty, changes.GetRemovedDocuments().Any() ? "removed documents only" : "no text changed", string.Empty);
        }

        var newCompilation = (await changedProject.GetCompilationAsync(_cancellationToken))!;
        var errors = new List<string>();
        var remaining = new List<string>();
        var added = new List<string>();
        var designed = new List<string>();
        var info = new List<string>();
        var diff = new StringBuilder();
        foreach (var documentId in changed)
        {
            var newDocument = changedProject.GetDocument(documentId)!;
            var newTree = (await newDocument.GetSyntaxTreeAsync(_cancellationToken))!;
            var oldDocument = _project.GetDocument(documentId);
            var oldTree = oldDocument is null ? null : await oldDocument.GetSyntaxTreeAsync(_cancellationToken);
            var changesToText = oldDocument is null ? [] : (await newDocument.GetTextChangesAsync(oldDocument, _cancellationToken)).OrderBy(static c => c.Span.Start).ToList();
            Diff(diff, _sources.RelativePath(newTree), oldTree is null ? null : await oldTree.GetTextAsync(_cancellationToken), await newTree.GetTextAsync(_cancellationToken), changesToText);

            // Compiler errors the document did not have (id and message: a fix moves code, an error may move with it).
            var newErrors = Errors(newCompilation, newTree);
            var extra = newErrors.ToList();
            foreach (var error in oldTree is null ? [] : ErrorsBefore(oldTree))
            {
                extra.Remove(error);
            }

            errors.AddRange(extra.Select(error => $"{_sources.RelativePath(newTree)}: {error}"));
            if (errors.Count > 0)
            {
                continue;
            }

            var after = await AnalyzeTreeAsync(newCompilation, newTree);
            var before = oldTree is null ? [] : await DiagnosticsBeforeAsync(oldTree);

            // What is still reported on each operation that was fixed.
            var newRoot = await newTree.GetRootAsync(_cancellationToken);
            var onFixed = new HashSet<Diagnostic>();
            foreach (var target in targets.Where(t => oldTree is not null && t.Location.SourceTree == oldTree))
            {
                var region = Map(target.Location.SourceSpan, changesToText);
                foreach (var diagnostic in after)
                {
                    // Another rule's diagnostic on the same operation (LL1011 on a DropColumn the LL1004 fix backed up)
                    // is judged with the rest of the document: new only when it was not there before.
                    if (diagnostic.Id == target.Id && SameSubject(target, diagnostic) && (region.Rewritten ? region.Span.Contains(diagnostic.Location.SourceSpan.Start) : SameOperation(newRoot, region.Span, diagnostic.Location.SourceSpan)))
                    {
                        onFixed.Add(diagnostic);
                    }
                }
            }

            // A value the fix left to choose keeps its diagnostic by design; info is allowed to appear (as in the meta-test).
            remaining.AddRange(onFixed.Where(static d => !IsLeftToChoose(d) && d.Severity > DiagnosticSeverity.Info).Select(d => Where(d)));
            designed.AddRange(onFixed.Where(static d => IsLeftToChoose(d)).Select(d => Where(d)));
            info.AddRange(onFixed.Where(static d => !IsLeftToChoose(d) && d.Severity <= DiagnosticSeverity.Info).Select(d => Where(d)));

            // What the changed document reports that it did not before (by id and message), beyond the fixed operations.
            var fresh = after.Where(d => !onFixed.Contains(d)).ToList();
            var unmatched = new List<Diagnostic>();
            foreach (var old in before)
            {
                var match = fresh.FindIndex(d => d.Id == old.Id && d.GetMessage(CultureInfo.InvariantCulture) == old.GetMessage(CultureInfo.InvariantCulture));
                if (match >= 0)
                {
                    fresh.RemoveAt(match);
                }
                else
                {
                    unmatched.Add(old);
                }
            }

            // The same rule where it was, its message changed by the fix (LL2002 on a Down that throws now counts the
            // UPDATE the fix added to Up): not new.
            foreach (var old in unmatched)
            {
                var moved = Map(old.Location.SourceSpan, changesToText);
                var match = moved.Rewritten ? -1 : fresh.FindIndex(d => d.Id == old.Id && d.Location.SourceSpan.Start == moved.Span.Start);
                if (match >= 0)
                {
                    fresh.RemoveAt(match);
                }
            }

            added.AddRange(fresh.Where(static d => !IsLeftToChoose(d) && d.Severity > DiagnosticSeverity.Info).Select(d => Where(d)));
            designed.AddRange(fresh.Where(static d => IsLeftToChoose(d)).Select(d => Where(d)));
            info.AddRange(fresh.Where(static d => !IsLeftToChoose(d) && d.Severity <= DiagnosticSeverity.Info).Select(d => Where(d)));
        }

        if (errors.Count > 0)
        {
            return (FixOutcome.CompileError, string.Empty, string.Empty, string.Join(" | ", errors.Take(3)) + (errors.Count > 3 ? $" (+{errors.Count - 3} more)" : string.Empty), diff.ToString());
        }

        var outcome = remaining.Count > 0 ? FixOutcome.RemainingDiagnostics
            : added.Count > 0 ? FixOutcome.NewDiagnostics
            : designed.Count > 0 ? FixOutcome.LeftToChoose
            : info.Count > 0 ? FixOutcome.NewInfo
            : FixOutcome.Applied;
        return (outcome, string.Join(" ", remaining), string.Join(" ", added), designed.Count + info.Count > 0 ? "by design: " + string.Join(" ", designed.Select(static d => d + " (to choose)").Concat(info.Select(static d => d + " (info)"))) : string.Empty, diff.ToString());
    }

    /// <summary>The changed lines of a document, old then new, for fix-diffs.txt (what a person triages).</summary>
    private static void Diff(StringBuilder diff, string path, SourceText? oldText, SourceText newText, IReadOnlyList<TextChange> changes)
    {
        if (oldText is null)
        {
            diff.Append(CultureInfo.InvariantCulture, $"+++ {path} (added)\n{newText}\n");
            return;
        }

        var delta = 0;
        foreach (var change in changes)
        {
            var oldLines = oldText.Lines.GetLinePositionSpan(change.Span);
            var newSpan = new TextSpan(change.Span.Start + delta, change.NewText?.Length ?? 0);
            delta += newSpan.Length - change.Span.Length;
            var first = oldText.Lines[oldLines.Start.Line];
            var last = oldText.Lines[oldLines.End.Line];
            var newLines = newText.Lines.GetLinePositionSpan(newSpan);
            diff.Append(CultureInfo.InvariantCulture, $"@@ {path} line {oldLines.Start.Line + 1}\n");
            foreach (var line in oldText.ToString(TextSpan.FromBounds(first.Start, last.End)).Split('\n'))
            {
                diff.Append("- ").Append(line.TrimEnd('\r')).Append('\n');
            }

            foreach (var line in newText.ToString(TextSpan.FromBounds(newText.Lines[newLines.Start.Line].Start, newText.Lines[newLines.End.Line].End)).Split('\n'))
            {
                diff.Append("+ ").Append(line.TrimEnd('\r')).Append('\n');
            }
        }
    }

    /// <summary>
    /// Where the reported span stands after the changes: shifted when the changes leave it alone; otherwise the text
    /// that replaced it (the fixer rewrote the operation).
    /// </summary>
    private static (TextSpan Span, bool Rewritten) Map(TextSpan span, IReadOnlyList<TextChange> changes)
    {
        var delta = 0;
        foreach (var change in changes)
        {
            if (change.Span.End <= span.Start)
            {
                delta += (change.NewText?.Length ?? 0) - change.Span.Length;
                continue;
            }

            if (change.Span.Start >= span.End)
            {
                break;
            }

            return (new TextSpan(change.Span.Start + delta, change.NewText?.Length ?? 0), true);
        }

        return (new TextSpan(span.Start + delta, span.Length), false);
    }

    /// <summary>True when both spans stand in the same MigrationBuilder call (the innermost invocation), or on the same token outside any.</summary>
    private static bool SameOperation(SyntaxNode root, TextSpan fixedSpan, TextSpan reported)
    {
        var first = Operation(root, fixedSpan.Start);
        var second = Operation(root, reported.Start);
        return first == second;
    }

    private static TextSpan Operation(SyntaxNode root, int position)
    {
        if (position >= root.FullSpan.End)
        {
            return new TextSpan(position, 0);
        }

        var token = root.FindToken(position);
        return token.Parent?.FirstAncestorOrSelf<InvocationExpressionSyntax>()?.Span ?? token.Span;
    }

    /// <summary>
    /// False when both diagnostics name a column (or a table) and not the same one: a text change that Roslyn merges over
    /// several operations must not make the next column's diagnostic "remaining" for this one.
    /// </summary>
    private static bool SameSubject(Diagnostic target, Diagnostic diagnostic)
    {
        foreach (var key in new[] { Lossless.Analyzers.DiagnosticProperties.Schema, Lossless.Analyzers.DiagnosticProperties.Table, Lossless.Analyzers.DiagnosticProperties.Column })
        {
            if (target.Properties.TryGetValue(key, out var expected) && diagnostic.Properties.TryGetValue(key, out var actual) && !string.Equals(expected, actual, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The diagnostic of a value a fix marked 'lossless: choose': reported by design until a person writes the value.</summary>
    private static bool IsLeftToChoose(Diagnostic diagnostic) => diagnostic.Properties.ContainsKey(Lossless.Analyzers.DiagnosticProperties.Unchosen);

    private string Where(Diagnostic diagnostic)
        => $"{diagnostic.Id}@{diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1}";

    private ImmutableArray<string> ErrorsBefore(SyntaxTree tree)
    {
        if (!_errorsBefore.TryGetValue(tree, out var errors))
        {
            _errorsBefore[tree] = errors = Errors(_compilation, tree);
        }

        return errors;
    }

    private static ImmutableArray<string> Errors(Compilation compilation, SyntaxTree tree)
        => compilation.GetSemanticModel(tree).GetDiagnostics()
            .Where(static d => d.Severity == DiagnosticSeverity.Error)
            .Select(static d => $"{d.Id}: {Analysis.OneLine(d.GetMessage(CultureInfo.InvariantCulture))}")
            .ToImmutableArray();

    /// <summary>
    /// The document's diagnostics as the per-document analysis finds them (the same analysis the changed document
    /// gets); checked once against the whole compilation's analysis, so the shortcut cannot hide a difference.
    /// </summary>
    private async Task<ImmutableArray<Diagnostic>> DiagnosticsBeforeAsync(SyntaxTree tree)
    {
        if (_diagnosticsBefore.TryGetValue(tree, out var diagnostics))
        {
            return diagnostics;
        }

        diagnostics = await AnalyzeTreeAsync(_compilation, tree);
        _diagnosticsBefore[tree] = diagnostics;
        var full = _fullAnalysis.TryGetValue(tree, out var all) ? all : [];
        static string Key(Diagnostic d) => $"{d.Id}@{d.Location.SourceSpan.Start}:{d.GetMessage(CultureInfo.InvariantCulture)}";
        var perDocument = diagnostics.Select(Key).Order(StringComparer.Ordinal).ToList();
        var whole = full.Select(Key).Order(StringComparer.Ordinal).ToList();
        if (!perDocument.SequenceEqual(whole, StringComparer.Ordinal))
        {
            _result.Problems.Add($"fixes: per-document analysis of {_sources.RelativePath(tree)} finds {perDocument.Count} diagnostics, the compilation's {whole.Count}; fix outcomes in it may be wrong");
        }

        return diagnostics;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeTreeAsync(Compilation compilation, SyntaxTree tree)
    {
        var options = new CompilationWithAnalyzersOptions(Analysis.Options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(Catalog.Analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
        return diagnostics.Where(d => Catalog.IsLossless(d) && d.Location.SourceTree == tree).ToImmutableArray();
    }

    private FixRow Add(IReadOnlyList<Diagnostic> targets, string kind, string key, string title, string outcome, string remaining, string added, string detail)
    {
        var first = targets[0].Location.GetLineSpan().StartLinePosition;
        var single = kind == "single";
        var row = new FixRow(
            _sources.Set.Name,
            _sources.RelativePath(targets[0].Location.SourceTree),
            single ? first.Line + 1 : 0,
            string.Join(",", targets.Select(static t => t.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) + (single ? string.Empty : $"×{targets.Count}"),
            key,
            outcome,
            kind,
            single ? first.Character + 1 : 0,
            Analysis.OneLine(title),
            remaining,
            added,
            Analysis.OneLine(detail));
        _result.Fixes.Add(row);
        return row;
    }

    private static string Failure(Exception exception)
    {
        if (exception is TimeoutException)
        {
            return $"did not finish in {ActionTimeout.TotalSeconds:0} s";
        }

        var frame = exception.StackTrace?.Split('\n').Select(static l => l.Trim()).FirstOrDefault(static l => l.Contains("Lossless.", StringComparison.Ordinal)) ?? string.Empty;
        return $"{exception.GetType().Name}: {exception.Message} {frame}";
    }

    /// <summary>The actions a user can pick: nested actions (a menu of choices) are opened.</summary>
    private static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions)
    {
        foreach (var action in actions)
        {
            var nested = NestedActions(action);
            if (nested.IsDefaultOrEmpty)
            {
                yield return action;
                continue;
            }

            foreach (var inner in Flatten(nested))
            {
                yield return inner;
            }
        }
    }

    private static ImmutableArray<CodeAction> NestedActions(CodeAction action)
    {
        // Public from Roslyn 4.9 on as NestedActions; internal NestedCodeActions before.
        var property = typeof(CodeAction).GetProperty("NestedActions", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? typeof(CodeAction).GetProperty("NestedCodeActions", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        return property?.GetValue(action) is ImmutableArray<CodeAction> nested ? nested : ImmutableArray<CodeAction>.Empty;
    }

    /// <summary>The diagnostics Fix All fixes: the analysis's, of the ids asked for.</summary>
    private sealed class FixedDiagnostics(Project owner, Dictionary<SyntaxTree, ImmutableArray<Diagnostic>> byTree) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return tree is not null && byTree.TryGetValue(tree, out var diagnostics) ? diagnostics : [];
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(project.Id == owner.Id ? byTree.Values.SelectMany(static d => d).ToList() : []);
    }
}
