using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;

namespace CustomerTools.Benchmarks;

/// <summary>This very program, started again as a child with other arguments.</summary>
internal static class SelfProcess
{
    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        // Through the apphost when there is one (dotnet run), else through dotnet with this assembly.
        string host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
