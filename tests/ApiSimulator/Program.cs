using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using CustomerTools.ApiSimulator;

// dotnet ApiSimulator.dll [--port N] [--exit-with-stdin]
// Prints "ApiSimulator listening on <base URI>" and serves until Ctrl+C or SIGTERM; with
// --exit-with-stdin also until its standard input closes, which the tests and benchmarks pass so
// that it ends with the process that started it (see tests/ApiSimulator/README.md).
int port = 0;
bool exitWithStdin = false;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--port" && i + 1 < args.Length)
    {
        port = int.Parse(args[++i], CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--exit-with-stdin")
    {
        exitWithStdin = true;
    }
    else
    {
        Console.Error.WriteLine($"Unknown argument {args[i]}; usage: dotnet ApiSimulator.dll [--port N] [--exit-with-stdin]");
        return 2;
    }
}

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.TrySetResult();
});

await using Simulator simulator = await Simulator.StartAsync(port);
Console.WriteLine($"ApiSimulator listening on {simulator.BaseUri}");
Console.WriteLine($"Keys and fixture ids: GET {simulator.BaseUri}_sim/fixtures");
Console.Out.Flush();
await (exitWithStdin ? Task.WhenAny(stop.Task, Task.Run(() => Console.In.ReadToEnd())) : stop.Task);
return 0;
