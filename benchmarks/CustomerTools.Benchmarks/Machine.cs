using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace CustomerTools.Benchmarks;

/// <summary>What the figures were measured on.</summary>
internal static class Machine
{
#if DEBUG
    public static bool IsDebugBuild => true;
#else
    public static bool IsDebugBuild => false;
#endif

    public static string CpuModel { get; } = ReadCpuModel();

    private static string ReadCpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
                ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
