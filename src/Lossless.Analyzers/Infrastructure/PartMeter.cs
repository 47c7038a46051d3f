using System.Threading;

namespace Lossless.Analyzers.Infrastructure;

/// <summary>
/// Where Lossless's CPU goes inside its callbacks, part by part: resolving EF Core's types at compilation start, reading
/// Up and Down, building each migration's model, and each rule. The corpus runner installs one (<c>--parts</c>) to
/// measure the thread CPU of each; nothing else can (internal), so in a compiler, an IDE or a test host it is null and a
/// part costs one static read. Work shared between rules (a Designer's table scan, LL4001's history of a context) is
/// charged to the first rule that asks for it.
/// </summary>
internal abstract class PartMeter
{
    private static PartMeter? _current;

    /// <summary>The installed meter, or null.</summary>
    public static PartMeter? Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }

    /// <summary>A reading of the calling thread's CPU clock, handed back to <see cref="Stop"/>.</summary>
    public abstract long Start();

    /// <summary>Charges the calling thread's CPU since <paramref name="start"/> to <paramref name="part"/>.</summary>
    public abstract void Stop(string part, long start);
}
