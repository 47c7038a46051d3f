namespace Lossless.Corpus;

/// <summary>
/// How this process compiles its code, which the cost phase's CPU times depend on: with tiered compilation a method
/// runs unoptimized (tier 0) until it has been called often enough and the runtime had a quiet moment to recompile it.
/// </summary>
public static class JitMode
{
    /// <summary>Whether tiered compilation is on: the environment overrides the project's runtimeconfig, as in the runtime.</summary>
    public static bool Tiered
    {
        get
        {
            foreach (var prefix in (string[])["DOTNET_", "COMPlus_"])
            {
                if (Environment.GetEnvironmentVariable(prefix + "TieredCompilation") is { Length: > 0 } value)
                {
                    return value.Trim() != "0";
                }
            }

            return AppContext.GetData("System.Runtime.TieredCompilation") is not (false or "false" or "False");
        }
    }

    public static string Describe() => Tiered
        ? "tiered compilation on (methods start unoptimized: CPU times include tier-0 code and are not comparable with optimized runs)"
        : "every method compiled optimized on first call (tiered compilation off)";
}
