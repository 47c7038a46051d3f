using System.Threading;

namespace Lossless.Analyzers.Model.Targets;

/// <summary>
/// The table scan made last of one DbContext's Designers in a compilation. A Designer scanned when the previous
/// migration's is not scanned yet (a rule asked about it alone, or migrations judged out of order on several threads)
/// starts from this one instead of from nothing: a context's Designers repeat most of each other's model, and an entity
/// whose blocks are the same text in both is taken as that scan read it. Which scan it is changes nothing but the cost:
/// an entity is taken only when every block is the same text, and the same text reads the same.
/// </summary>
internal sealed class ScanShelf
{
    private TargetModelReader.TableScan? _latest;
    private int _offered;
    private int _compared;

    /// <summary>The scan made last, or null; made whole before it is offered.</summary>
    public TargetModelReader.TableScan? Latest => Volatile.Read(ref _latest);

    /// <summary>Held by the thread that scans a chain of the context's Designers in migration order.</summary>
    public object Chain { get; } = new();

    /// <summary>How many scans of the context's Designers were made so far (each Designer is scanned once).</summary>
    public int Offered => Volatile.Read(ref _offered);

    /// <summary>
    /// Counts a comparison of one of the context's Designers with its predecessor's (LL1010 asks once for each SQLite
    /// migration it judges; nothing else asks) and returns how many came before it.
    /// </summary>
    public int CountComparison() => Interlocked.Increment(ref _compared) - 1;

    public void Offer(TargetModelReader.TableScan scan)
    {
        Volatile.Write(ref _latest, scan);
        Interlocked.Increment(ref _offered);
    }
}
