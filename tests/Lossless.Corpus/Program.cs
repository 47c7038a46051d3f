using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Lossless.Corpus;

// dotnet run -c Release --project tests/Lossless.Corpus -- --corpus DIR [--sets REGEX] [--no-fixes] [--fix-sets REGEX]
//     [--repeat N] [--parts] [--out DIR] [--compare OLD_DIR]
// dotnet run -c Release --project tests/Lossless.Corpus -- --corpus DIR [--sets REGEX] --scans N   (Designer scans only)
// dotnet run -c Release --project tests/Lossless.Corpus -- --compare OLD_DIR --against NEW_DIR   (diff only, no run)
// Exit code: 0 when every set with a provider compiled and every set was analysed without an analyzer exception or
// crash (the MySQL sets' errors, on Pomelo's types, are reported but expected); 1 otherwise; 2 usage.
// The cost verdict and the fix outcomes are reported, not turned into the exit code: they are what is being measured.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

const string Usage = """
    usage: Lossless.Corpus --corpus DIR [--sets REGEX] [--no-fixes] [--fix-sets REGEX] [--repeat N] [--parts] [--out DIR] [--compare OLD_DIR] [--true-positives FILE]
           Lossless.Corpus --corpus DIR [--sets REGEX] --scans N [--out DIR]
           Lossless.Corpus --compare OLD_DIR --against NEW_DIR
           Lossless.Corpus --true-positives FILE --against RUN_DIR
      --corpus DIR      the extracted corpus (sets.tsv, one folder per set, _stubs/); default $LOSSLESS_CORPUS
      --sets REGEX      only the sets whose name matches
      --no-fixes        skip the code-fix phase (the slow one)
      --fix-sets REGEX  run the code-fix phase only on the sets whose name matches
      --repeat N        measured runs per set, medians reported (default 3; 0 skips the cost phase)
      --parts           after the cost phase, as many runs more with Lossless's own meter on: the thread CPU of
                        each part (EF Core's types at compilation start, reading Up and Down, building the model,
                        each rule; parts.tsv and a table per set in summary.md)
      --scans N         only scan each set's Designers in migration order, each after the one before (as LL1010
                        does), N times with the files parsed again each time; the median thread CPU per set, and
                        that of a bare text comparison of each Designer with the one before, the least any such
                        comparison pays, and that of asking each Designer which tables changed since the one
                        before (scans and comparisons, as LL1010 asks on SQLite; scans.tsv); nothing else runs
      --out DIR         write diagnostics.tsv, fixes.tsv, cost.tsv, summary.md (and exceptions.txt, compare.md)
      --compare OLD_DIR diff this run's diagnostics against OLD_DIR/diagnostics.tsv (the sets run only)
      --against NEW_DIR with --compare: diff NEW_DIR/diagnostics.tsv against OLD_DIR's, without running anything
      --option KEY=VALUE  a global analyzer option for every set, as a .globalconfig gives it (repeatable; e.g.
                        lossless.since_migration=2025 to measure a project that adopted Lossless then); analysis and
                        cost phases only, so it needs --no-fixes
      --true-positives FILE  check that every diagnostic FILE lists (judged true by hand; the repository keeps
                        tests/Lossless.Corpus/true-positives.tsv) is still reported; exit 1 when one is lost
    """;

string? corpus = Environment.GetEnvironmentVariable("LOSSLESS_CORPUS");
string? setFilter = null;
string? fixSetFilter = null;
string? outDirectory = null;
string? compareDirectory = null;
string? againstDirectory = null;
string? truePositivesFile = null;
var fixes = true;
var globalOptions = new Dictionary<string, string>(StringComparer.Ordinal);
var parts = false;
var repeat = 3;
var scans = 0;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    try
    {
        switch (args[i])
        {
            case "--corpus":
                corpus = Value();
                break;
            case "--sets":
                setFilter = Value();
                break;
            case "--fix-sets":
                fixSetFilter = Value();
                break;
            case "--no-fixes":
                fixes = false;
                break;
            case "--parts":
                parts = true;
                break;
            case "--scans":
                scans = int.Parse(Value(), CultureInfo.InvariantCulture);
                break;
            case "--repeat":
                repeat = int.Parse(Value(), CultureInfo.InvariantCulture);
                break;
            case "--out":
                outDirectory = Value();
                break;
            case "--compare":
                compareDirectory = Value();
                break;
            case "--against":
                againstDirectory = Value();
                break;
            case "--true-positives":
                truePositivesFile = Value();
                break;
            case "--option":
                var option = Value();
                var equals = option.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw new ArgumentException($"--option needs KEY=VALUE, not '{option}'");
                }

                globalOptions[option[..equals].Trim()] = option[(equals + 1)..].Trim();
                break;
            case "--help" or "-h":
                Console.WriteLine(Usage);
                return 0;
            default:
                throw new ArgumentException($"unknown argument '{args[i]}'");
        }
    }
    catch (Exception exception) when (exception is ArgumentException or FormatException)
    {
        Console.Error.WriteLine(exception.Message);
        Console.Error.WriteLine(Usage);
        return 2;
    }
}

var truePositives = truePositivesFile is null ? null : TruePositives.Read(truePositivesFile);
if (againstDirectory is not null)
{
    if (compareDirectory is null && truePositives is null)
    {
        Console.Error.WriteLine("--against needs --compare OLD_DIR or --true-positives FILE");
        return 2;
    }

    var against = Report.ReadDiagnostics(againstDirectory);
    if (compareDirectory is not null)
    {
        Console.Write(Comparison.Compare(Report.ReadDiagnostics(compareDirectory), against, compareDirectory, againstDirectory, sets: null));
    }

    if (truePositives is not null)
    {
        var (report, lost) = TruePositives.Check(truePositives, against, against.Select(static d => d.Set).ToHashSet(StringComparer.Ordinal));
        Console.Write(report);
        return lost == 0 ? 0 : 1;
    }

    return 0;
}

if (globalOptions.Count > 0)
{
    if (fixes)
    {
        Console.Error.WriteLine("--option needs --no-fixes: the fix phase runs code actions in a workspace without these options");
        return 2;
    }

    Analysis.UseGlobalOptions(globalOptions);
}

if (corpus is null || repeat < 0)
{
    Console.Error.WriteLine(corpus is null ? "--corpus DIR is required (or set LOSSLESS_CORPUS)" : "--repeat must be 0 or more");
    Console.Error.WriteLine(Usage);
    return 2;
}

// Read the earlier run first: --out may name the same folder.
var earlier = compareDirectory is null ? null : Report.ReadDiagnostics(compareDirectory);
var setPattern = setFilter is null ? null : new Regex(setFilter, RegexOptions.CultureInvariant);
var fixPattern = fixSetFilter is null ? null : new Regex(fixSetFilter, RegexOptions.CultureInvariant);
var allSets = CorpusSet.Read(corpus);
var sets = allSets.Where(set => setPattern?.IsMatch(set.Name) ?? true).ToList();
if (sets.Count == 0)
{
    Console.Error.WriteLine($"no set of {Path.Combine(corpus, "sets.tsv")} matches '{setFilter}'");
    return 2;
}

if (scans > 0)
{
    var scanReport = ScanCost.Measure(corpus, sets, scans);
    if (outDirectory is not null)
    {
        Directory.CreateDirectory(outDirectory);
        File.WriteAllText(Path.Combine(outDirectory, "scans.tsv"), scanReport);
    }

    return 0;
}

var run = new RunInfo
{
    Corpus = corpus,
    SetsInCorpus = allSets.Length,
    SetFilter = setFilter,
    FixSetFilter = fixSetFilter,
    Fixes = fixes,
    Repeat = repeat,
    EFCoreVersion = typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?",
};

Console.Error.WriteLine($"Lossless corpus runner: {sets.Count} sets, {Catalog.Analyzers.Length} analyzers ({Catalog.RuleIds.Length} rules), {Catalog.Fixers.Length} fixers; references: {CorpusReferences.RuntimeDescription}"
    + (globalOptions.Count == 0 ? string.Empty : "; options: " + string.Join(", ", globalOptions.Select(static option => option.Key + " = " + option.Value))));
var clock = Stopwatch.StartNew();
var results = new List<SetResult>();
var exceptionDetails = new List<string>();
for (var index = 0; index < sets.Count; index++)
{
    var set = sets[index];
    var result = new SetResult(set);
    results.Add(result);
    var phase = "load";
    var phaseClock = Stopwatch.StartNew();
    void EndPhase(string next)
    {
        result.PhaseSeconds[phase] = phaseClock.Elapsed.TotalSeconds;
        phase = next;
        phaseClock.Restart();
    }

    try
    {
        var sources = SetSources.Load(corpus, set);
        result.Files = sources.SetFileCount;
        EndPhase("analysis");
        var reported = await Analysis.AnalyzeAsync(sources, result, exceptionDetails, CancellationToken.None);
        if (repeat > 0)
        {
            EndPhase("cost");
            result.Cost = await Analysis.MeasureAsync(sources, repeat, reported, result, CancellationToken.None);
            if (parts)
            {
                EndPhase("parts");
                (result.Parts, result.PartsAllocatedMB) = await Analysis.MeasurePartsAsync(sources, repeat, reported, result, CancellationToken.None);
            }
        }

        if (fixes && (fixPattern?.IsMatch(set.Name) ?? true))
        {
            EndPhase("fixes");
            result.FixesRun = true;
            await FixRunner.RunAsync(sources, result, CancellationToken.None);
        }
    }
    catch (Exception exception)
    {
        result.Problems.Add($"crashed in phase {phase}: {exception.GetType().Name}: {Analysis.OneLine(exception.Message)}");
        exceptionDetails.Add($"== {set.Name}: runner crashed in phase {phase}\n{exception}\n");
    }
    finally
    {
        EndPhase("done");
    }

    var cost = result.Cost is { } c ? $"; compile {Report.Ms(c.Compile)} ms, floor {Report.Ms(c.Floor)} ms, Lossless {Report.Ms(c.Lossless)} ms {(c.Pass ? "PASS" : "FAIL")}" : string.Empty;
    var fixed_ = result.FixesRun ? $"; {result.Fixes.Count} fix actions ({result.Fixes.Count(static f => f.Outcome == FixOutcome.Applied)} applied)" : string.Empty;
    Console.Error.WriteLine($"[{index + 1}/{sets.Count}] {set.Name} ({set.Provider}): {result.Files} files, {result.CompileErrors.Count} compile errors, {result.AnalyzerExceptions.Count} analyzer exceptions, {result.Diagnostics.Count} diagnostics{cost}{fixed_}{(result.Problems.Count > 0 ? $"; PROBLEMS: {result.Problems.Count}" : string.Empty)}; {result.PhaseSeconds.Values.Sum():0.0} s");

    // One set at a time: its trees and compilations go before the next is read.
    GC.Collect();
}

run.WallSeconds = clock.Elapsed.TotalSeconds;
var summary = Report.Summary(run, results);
Console.Write(summary);
if (outDirectory is not null)
{
    Report.WriteFiles(outDirectory, run, results, summary, exceptionDetails);
}

if (earlier is not null)
{
    var comparison = Comparison.Compare(
        earlier,
        results.SelectMany(static r => r.Diagnostics).ToList(),
        compareDirectory!,
        outDirectory ?? "this run",
        results.Select(static r => r.Set.Name).ToHashSet(StringComparer.Ordinal));
    Console.Write(comparison);
    if (outDirectory is not null)
    {
        File.WriteAllText(Path.Combine(outDirectory, "compare.md"), comparison);
    }
}

var lostTruePositives = 0;
if (truePositives is not null)
{
    var (report, lost) = TruePositives.Check(truePositives, results.SelectMany(static r => r.Diagnostics).ToList(), results.Select(static r => r.Set.Name).ToHashSet(StringComparer.Ordinal));
    Console.Write(report);
    lostTruePositives = lost;
}

if (outDirectory is not null)
{
    Console.Error.WriteLine($"wrote {Path.GetFullPath(outDirectory)}");
}

return results.All(static r => r.Healthy) && lostTruePositives == 0 ? 0 : 1;
