using System.Globalization;
using System.Runtime;

namespace Lossless.Corpus;

/// <summary>
/// The garbage collector the cost phase measures under, and the CPU its own threads spend. The runner runs with the
/// server GC, as the .NET SDK's compiler does (csc.runtimeconfig.json and VBCSCompiler.runtimeconfig.json set
/// System.GC.Server): collections run on the collector's own threads, one per heap, not on the thread that allocated
/// last. Under the workstation GC a collection runs on whichever thread triggered it, so a callback that happened to
/// trigger one was charged a collection of the whole compilation's heap, and how many landed in Lossless's callbacks
/// changed from run to run. Under the server GC the callbacks' thread CPU is their own work, and each metered analyzer
/// is charged instead its share of the collector's CPU by the bytes it allocated (<see cref="Share"/>).
/// </summary>
public static class Collector
{
    private static readonly string[] ThreadNames = [".NET Server GC", ".NET BGC"];

    /// <summary>Whether this process runs the server GC (the environment overrides the project's runtimeconfig).</summary>
    public static bool Server => GCSettings.IsServerGC;

    /// <summary>Whether <see cref="ThreadsCpu"/> reads the collector's threads (Linux); elsewhere no share is charged.</summary>
    public static bool Measured => Server && OperatingSystem.IsLinux();

    public static string Describe() => Server
        ? Measured
            ? $"server GC, as the SDK's compiler runs ({Environment.ProcessorCount} heaps): collections run on the collector's own threads; each analyzer is charged its share of their CPU by the bytes it allocated"
            : "server GC, as the SDK's compiler runs; the collector's threads are not measured on this OS, so no share of their CPU is charged"
        : "workstation GC (DOTNET_gcServer=0): a collection runs on the thread that triggered it and is charged to whichever callback that was; no share is added";

    /// <summary>
    /// CPU time of the collector's own threads so far, in milliseconds: the server GC's threads and the background GC's,
    /// each thread's time on a CPU from /proc/self/task/TID/schedstat (nanoseconds). Zero where not <see cref="Measured"/>.
    /// </summary>
    public static double ThreadsCpu()
    {
        if (!Measured)
        {
            return 0;
        }

        long nanoseconds = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var name = File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n');
                if (Array.IndexOf(ThreadNames, name) < 0)
                {
                    continue;
                }

                var schedstat = File.ReadAllText(Path.Combine(task, "schedstat"));
                var end = schedstat.IndexOf(' ', StringComparison.Ordinal);
                nanoseconds += long.Parse(end < 0 ? schedstat : schedstat[..end], NumberStyles.None, CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread ended between listing and reading: its time is gone from both readings.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return nanoseconds / 1e6;
    }

    /// <summary>
    /// An analyzer's share of the collector's CPU in one run: <paramref name="collectorMs"/> (the collector's threads
    /// during the run) times the bytes its callbacks allocated over all the bytes the process allocated in the run. A
    /// collection's cost is the surviving objects', which no thread can be charged for alone; how often collections
    /// come is the bytes allocated, and that is what an analyzer adds.
    /// </summary>
    public static double Share(double collectorMs, long analyzerBytes, long allBytes)
        => allBytes > 0 && collectorMs > 0 ? collectorMs * Math.Min(1.0, (double)analyzerBytes / allBytes) : 0;
}
