using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Lossless.Analyzers.Infrastructure;
using Lossless.Tests.Robustness;
using Lossless.Tests.Verifiers;

namespace Lossless.Tests.Meta;

/// <summary>
/// The meter the corpus runner installs with --parts (README, Performance): with one installed, Lossless charges its
/// callbacks' CPU to resolving EF Core's types, reading Up and Down, building the model and each rule by its ids and
/// class, and to nothing else; with none (every compiler, IDE and test host), nothing is measured.
/// </summary>
public class PartMeterTests
{
    private static readonly Regex RulePart = new(@"^LL\d{4}(,LL\d{4})* [A-Za-z]+Rule$", RegexOptions.CultureInvariant);

    [Fact]
    public async Task InstalledMeter_IsChargedEachPartOfTheAnalysis()
    {
        Assert.Null(PartMeter.Current);
        var meter = new RecordingMeter();
        PartMeter.Current = meter;
        RobustnessHarness.Analysis analysis;
        try
        {
            analysis = await RobustnessHarness.AnalyzeAsync(TestProvider.PostgreSql, Sources.Migration(
                """migrationBuilder.AlterColumn<int>(name: "LoginCount", table: "Users", type: "integer", nullable: false, oldClrType: typeof(long), oldType: "bigint");"""));
        }
        finally
        {
            PartMeter.Current = null;
        }

        Assert.Empty(analysis.Exceptions);
        Assert.Equal("LL1002 LL2002", analysis.Ids);
        Assert.Contains(MigrationAnalyzer.StartPart, meter.Parts.Keys);
        Assert.Contains(MigrationAnalyzer.ReadPart, meter.Parts.Keys);
        Assert.Contains(MigrationAnalyzer.BuildPart, meter.Parts.Keys);
        Assert.Contains("LL1001,LL1002,LL1003 ColumnTypeChangeRule", meter.Parts.Keys);
        Assert.Contains("LL2003 DownDoesNotUndoUpRule", meter.Parts.Keys);
        Assert.All(meter.Parts.Keys, part => Assert.True(
            part is MigrationAnalyzer.StartPart or MigrationAnalyzer.ReadPart or MigrationAnalyzer.BuildPart || RulePart.IsMatch(part),
            $"unexpected part '{part}'"));

        // Every Lossless rule that is on by default is a part: one MigrationAnalyzer runs them all, once per migration.
        // The opt-in LL4004 runs only where a project turns it on (OptInRulesTests); other tests running meanwhile
        // may do so, and the meter is the process's, so it may or may not be a part here.
        var metered = meter.Parts.Keys.Where(static part => RulePart.IsMatch(part)).SelectMany(static part => part.Split(' ')[0].Split(',')).ToHashSet(StringComparer.Ordinal);
        Assert.All(
            new MigrationAnalyzer().SupportedDiagnostics.Where(static d => d.IsEnabledByDefault).Select(static d => d.Id).Distinct(),
            id => Assert.Contains(id, metered));
        Assert.All(meter.Parts.Values, stops => Assert.True(stops > 0));
    }

    /// <summary>Counts the stops per part (the CPU clock is the runner's business; here, that each part is met).</summary>
    private sealed class RecordingMeter : PartMeter
    {
        public ConcurrentDictionary<string, int> Parts { get; } = new(StringComparer.Ordinal);

        public override long Start() => 0;

        public override void Stop(string part, long start) => Parts.AddOrUpdate(part, 1, static (_, count) => count + 1);
    }
}
