using System;
using System.Globalization;
using System.Threading.Tasks;
using CustomerTools.ApiSimulator;

// dotnet ApiSimulator.dll [--port N]
// Prints "ApiSimulator listening on <base URI>" and serves until its standard input closes, so it
// ends with the test process that started it.
int port = 0;
for (int i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--port")
    {
        port = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    }
}

await using Simulator simulator = await Simulator.StartAsync(port);
Console.WriteLine($"ApiSimulator listening on {simulator.BaseUri}");
Console.Out.Flush();
await Task.Run(() => Console.In.ReadToEnd());
