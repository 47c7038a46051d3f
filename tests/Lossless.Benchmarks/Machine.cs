using System.Globalization;
using System.Runtime.InteropServices;

namespace Lossless.Benchmarks;

/// <summary>The machine a run was measured on, as README's Performance section names it.</summary>
public static class Machine
{
    public static string Describe()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{CpuModel()}, {Environment.ProcessorCount} logical cores, {memory:0} GB; {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}; Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version}");
    }

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (File.Exists(cpuInfo))
        {
            foreach (var line in File.ReadLines(cpuInfo))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
                {
                    return line[(colon + 1)..].Trim();
                }
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
