using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.Kustomer;

namespace CustomerTools.Benchmarks;

/// <summary>
/// The child process: the API simulator (tests/ApiSimulator) on a free loopback port, steered by
/// one-line commands on standard input, each answered by one line on standard output. It ends when
/// its standard input closes, so it never outlives the benchmark. Running it apart keeps its CPU
/// time and allocations out of the figures measured in the benchmark process, and lets that
/// process read the C# levers the HTTP control API does not expose (QuotaWindow.Served/Rejected).
/// </summary>
internal static class SimulatorHost
{
    public const string Argument = "simulator";

    public static async Task<int> RunAsync()
    {
        await using Simulator simulator = await Simulator.StartAsync();
        Console.WriteLine($"ApiSimulator listening on {simulator.BaseUri}");
        while (await Console.In.ReadLineAsync() is { } line)
        {
            Console.WriteLine(Handle(simulator, line.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        }

        return 0;
    }

    private static string Handle(Simulator simulator, string[] words)
    {
        int Int(int i) => int.Parse(words[i], CultureInfo.InvariantCulture);
        switch (words.FirstOrDefault())
        {
            case "reset":
                simulator.Reset();
                return "ok";
            case "latency":
                simulator.Latency = TimeSpan.FromMilliseconds(Int(1));
                return "ok";
            case "customers":
                // Exactly N generated customers (ids from KustomerFixtures.GeneratedId), no fixtures.
                simulator.Kustomer.Clear();
                simulator.Kustomer.GeneratedCount = Int(1);
                return "ok";
            case "helpscout-customers":
                simulator.HelpScout.Clear();
                simulator.HelpScout.GeneratedCount = Int(1);
                return "ok";
            case "quota":
                // quota kustomer|helpscout LIMIT WINDOW_MS [SPENT] [unix]: in the service's own dialect;
                // SPENT requests already made by others in a window that opens now; unix: Kustomer's reset as a Unix time.
                var quota = new QuotaWindow(Int(2), TimeSpan.FromMilliseconds(Int(3))) { ResetAsUnixTime = words.Contains("unix") };
                if (words.Length > 4 && words[4] != "unix")
                {
                    quota.Spend(Int(4), DateTimeOffset.UtcNow);
                }

                if (words[1] == "helpscout")
                {
                    simulator.HelpScoutQuota = quota;
                }
                else
                {
                    simulator.KustomerQuota = quota;
                }

                return "ok";
            case "org-timeline":
                // Exactly N generated customers on a ChangeTimeline of stepMs (no fixtures), optionally with a tie group.
                simulator.Kustomer.Clear();
                simulator.Kustomer.UseTimeline(new ChangeTimeline(
                    Int(1), TimeSpan.FromMilliseconds(Int(2)), tieStart: words.Length > 4 ? Int(3) : 0, tieCount: words.Length > 4 ? Int(4) : 0));
                return "ok";
            case "search-quota":
                // <limit> <windowMs> <on|off>: the search quota, with or without its headers on search answers.
                simulator.KustomerSearchQuota = new QuotaWindow(Int(1), TimeSpan.FromMilliseconds(Int(2)));
                simulator.KustomerSearchQuotaHeaders = words[3] == "on";
                return "ok";
            case "list-shift":
                // <afterPages> <insert>
                simulator.Kustomer.ListShift = new PageShift(Int(1), Int(2));
                return "ok";
            case "search-shift":
                // <afterPages> <insert> <update>
                simulator.Kustomer.SearchShift = new PageShift(Int(1), Int(2), Int(3));
                return "ok";
            case "clear-requests":
                simulator.ClearRequests();
                return "ok";
            case "stats":
                // stats [helpscout]: served and rejected are that service's quota counts (Kustomer's by default).
                var requests = simulator.Requests;
                QuotaWindow? counted = words.Length > 1 && words[1] == "helpscout" ? simulator.HelpScoutQuota : simulator.KustomerQuota;
                var searches = requests.Where(r => r.Method == "POST" && r.RawPath == "/v1/customers/search").ToArray();
                return string.Create(CultureInfo.InvariantCulture,
                    $"requests={requests.Count} ok={requests.Count(r => r.Status == 200)} status429={requests.Count(r => r.Status == 429)} maxInFlight={simulator.MaxInFlight} served={counted?.Served ?? -1} rejected={counted?.Rejected ?? -1}"
                    + $" searches={searches.Length} search429={searches.Count(r => r.Status == 429)} searchServed={simulator.KustomerSearchQuota?.Served ?? -1} searchRejected={simulator.KustomerSearchQuota?.Rejected ?? -1}");
            case "gaps":
                return Gaps(ThrottleGap.Of(simulator.Requests));
            case "timeline":
                return Timeline(simulator.Requests, Int(1));
            default:
                return "error: unknown command " + string.Join(' ', words);
        }
    }

    /// <summary>After each 429 that stated a refill time: the wait it stated and the time until its retry came, in ms.</summary>
    private static string Gaps(IReadOnlyList<ThrottleGap> gaps)
    {
        var answered = gaps.Where(g => g.Retry is not null).ToArray();
        if (answered.Length == 0)
        {
            return $"n=0 unanswered={gaps.Count}";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"n={answered.Length} unanswered={gaps.Count - answered.Length} early={answered.Count(g => g.CameEarly)} statedMinMs={answered.Min(g => g.Stated.TotalMilliseconds):0} statedMaxMs={answered.Max(g => g.Stated.TotalMilliseconds):0} idleMinMs={answered.Min(g => g.Idle!.Value.TotalMilliseconds):0} idleMaxMs={answered.Max(g => g.Idle!.Value.TotalMilliseconds):0} ratioMax={answered.Max(g => g.Ratio!.Value):0.000}");
    }

    /// <summary>
    /// How the requests for generated ids (sent in id order) used a window of <paramref name="window"/>:
    /// the time the simulator spent on each (its latency plus serving), the share of the window kept
    /// busy, and the mean gap between an answer and the arrival of the request that took its place
    /// (request i reuses the slot of request i - window): the client's and the network's part.
    /// </summary>
    private static string Timeline(IReadOnlyList<RecordedRequest> requests, int window)
    {
        const string Prefix = "/v1/customers/";
        var byIndex = new SortedDictionary<int, RecordedRequest>();
        foreach (RecordedRequest r in requests)
        {
            if (r.RawPath.StartsWith(Prefix, StringComparison.Ordinal) && KustomerFixtures.TryParseGenerated(r.RawPath.Substring(Prefix.Length), out int index))
            {
                byIndex[index] = r;
            }
        }

        if (byIndex.Count == 0)
        {
            return "n=0";
        }

        RecordedRequest[] ordered = byIndex.Values.ToArray();
        double span = (ordered.Max(r => r.AnsweredAt) - ordered.Min(r => r.ReceivedAt)).TotalMilliseconds;
        double busy = ordered.Sum(r => (r.AnsweredAt - r.ReceivedAt).TotalMilliseconds);
        double[] gaps = Enumerable.Range(window, Math.Max(0, ordered.Length - window))
            .Select(i => (ordered[i].ReceivedAt - ordered[i - window].AnsweredAt).TotalMilliseconds).ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"n={ordered.Length} spanMs={span:0.0} serviceMs={busy / ordered.Length:0.00} inFlight={busy / span:0.00} gapMs={(gaps.Length > 0 ? gaps.Average() : 0):0.00} gapMaxMs={(gaps.Length > 0 ? gaps.Max() : 0):0.00}");
    }
}
