using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.ApiSimulator.Kustomer;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>
/// The scripts in examples/ run for real, as their help shows them, in the session users have
/// (every built-in cmdlet: Export-Csv, Sort-Object...), against the simulator; the files they
/// write are read back.
/// </summary>
public sealed class ExampleRunTests : ModuleTest
{
    public ExampleRunTests(SimulatorFixture fixture)
        : base(fixture, allCmdlets: true)
    {
    }

    private static string Example(string name) => Path.Combine(ModuleLocation.RepoRoot, "examples", name);

    [Fact]
    public void Export_ChangedKustomerCustomers_first_run_looks_back_its_window_oldest_change_first_and_keeps_a_bookmark()
    {
        using var folder = new TestFolder();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        Sim.Kustomer.Generate(150);
        Sim.Kustomer.Add(Resource("cc00000000000000000000a1", "Changed Today", "today@example.test", now, """["gold","renewal"]"""));
        Sim.Kustomer.Add(Resource("cc00000000000000000000a2", "Changed An Hour Ago", "hour@example.test", now.AddHours(-1), "[]"));
        Sim.Kustomer.Add(Resource("cc00000000000000000000a3", "Changed Last Week", "week@example.test", now.AddDays(-8), "[]"));
        ConnectKustomer();

        string csv = folder.File("changed.csv");
        var result = Ps.Run("& $script -Path $csv -FirstRunDays 2", ("script", Example("Export-ChangedKustomerCustomers.ps1")), ("csv", csv));

        Assert.True(result.Fatal is null && result.Errors.Count == 0, result.AllText());
        Assert.Equal("\"Id\",\"Name\",\"Email\",\"Phone\",\"ExternalId\",\"Tags\",\"UpdatedAt\",\"OpenConversations\",\"Deleted\"", File.ReadLines(csv).First());
        PSObject[] rows = ReadCsv(csv);
        Assert.Equal(new[] { "cc00000000000000000000a2", "cc00000000000000000000a1" }, rows.Select(r => Cell(r, "Id")).ToArray());
        Assert.Equal("Changed Today", Cell(rows[1], "Name"));
        Assert.Equal("today@example.test", Cell(rows[1], "Email"));
        Assert.Equal("gold; renewal", Cell(rows[1], "Tags"));
        Assert.Equal(now.ToUnixTimeMilliseconds(), DateTimeOffset.Parse(Cell(rows[1], "UpdatedAt"), CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());

        // The bookmark is the last UpdatedAt written; the summary says what was done.
        Assert.Equal(now.ToUnixTimeMilliseconds(), Bookmark(csv + ".bookmark").ToUnixTimeMilliseconds());
        PSObject summary = Assert.Single(result.Output);
        Assert.Equal(2, summary.Properties["Exported"].Value);
        Assert.All(Sim.Requests(), r => Assert.Equal("/v1/customers/search", r.RawPath));
    }

    [Fact]
    public void Export_ChangedKustomerCustomers_next_runs_start_at_the_bookmark_and_keep_it_when_nothing_changed()
    {
        using var folder = new TestFolder();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        Sim.Kustomer.Add(Resource("cc00000000000000000000a1", "First", "first@example.test", now.AddMinutes(-30), "[]"));
        ConnectKustomer();
        string csv = folder.File("changed.csv");
        string bookmark = folder.File("kustomer.bookmark");
        string run = "& $script -Path $csv -BookmarkFile $bookmark | Out-Null";
        (string, object?)[] parameters = { ("script", Example("Export-ChangedKustomerCustomers.ps1")), ("csv", csv), ("bookmark", bookmark) };
        Ps.Run(run, parameters);
        Sim.Kustomer.Add(Resource("cc00000000000000000000a4", "Later", "later@example.test", now, "[]"));

        var second = Ps.Run(run, parameters);

        Assert.True(second.Fatal is null && second.Errors.Count == 0, second.AllText());
        // At or after the bookmark: the customer of the bookmark's instant comes again, then the new one.
        Assert.Equal(new[] { "cc00000000000000000000a1", "cc00000000000000000000a4" }, ReadCsv(csv).Select(r => Cell(r, "Id")).ToArray());
        Assert.Equal(now.ToUnixTimeMilliseconds(), Bookmark(bookmark).ToUnixTimeMilliseconds());
        string body = Sim.Requests()[^1].Body;
        Assert.Contains(now.AddMinutes(-30).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), body, StringComparison.Ordinal);

        Sim.Kustomer.Clear();
        var third = Ps.Run(run, parameters);

        Assert.True(third.Fatal is null && third.Errors.Count == 0, third.AllText());
        Assert.Equal(now.ToUnixTimeMilliseconds(), Bookmark(bookmark).ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Find_CustomerInBothServices_from_a_CSV_of_emails_to_a_CSV_of_matches()
    {
        using var folder = new TestFolder();
        Sim.Kustomer.Add(Resource("cc00000000000000000000b1", "Lena Okonkwo", "lena@tidewater.example", DateTimeOffset.UtcNow, "[]"));
        ConnectKustomer();
        ConnectHelpScout();
        string emails = folder.File("vip-emails.csv");
        File.WriteAllLines(emails, new[] { "EmailAddress", "lena@tidewater.example", "priya@northwind.example", "nobody@nowhere.example" });

        // The line from the script's help.
        string matched = folder.File("matched.csv");
        var result = Ps.Run("Import-Csv $emails | & $script | Export-Csv $matched", ("emails", emails), ("script", Example("Find-CustomerInBothServices.ps1")), ("matched", matched));

        Assert.True(result.Fatal is null && result.Errors.Count == 0, result.AllText());
        Assert.Equal("\"Email\",\"FoundIn\",\"KustomerId\",\"HelpScoutId\",\"Name\"", File.ReadLines(matched).First());
        PSObject[] rows = ReadCsv(matched);
        Assert.Equal(new[] { "lena@tidewater.example", "priya@northwind.example", "nobody@nowhere.example" }, rows.Select(r => Cell(r, "Email")).ToArray());
        Assert.Equal(new[] { "Kustomer and Help Scout", "Kustomer", string.Empty }, rows.Select(r => Cell(r, "FoundIn")).ToArray());
        Assert.Equal(new[] { "cc00000000000000000000b1", KustomerFixtures.FullId, string.Empty }, rows.Select(r => Cell(r, "KustomerId")).ToArray());
        Assert.Equal(new[] { HelpScoutFixtures.FullId.ToString(CultureInfo.InvariantCulture), string.Empty, string.Empty }, rows.Select(r => Cell(r, "HelpScoutId")).ToArray());
        Assert.Equal("Priya Raman", Cell(rows[1], "Name"));
    }

    [Fact]
    public void Get_KustomerVipReport_to_CSV_keeps_VIP_and_gold_customers_most_seats_first()
    {
        using var folder = new TestFolder();
        // Only generated customers: number i is VIP when i % 5 == 0, gold when i % 3 == 0, with i % 100 seats.
        Sim.Kustomer.Clear();
        Sim.Kustomer.Generate(40);
        ConnectKustomer();

        string csv = folder.File("vip.csv");
        var result = Ps.Run("& $script -Tier gold, platinum | Export-Csv $csv -NoTypeInformation", ("script", Example("Get-KustomerVipReport.ps1")), ("csv", csv));

        Assert.True(result.Fatal is null && result.Errors.Count == 0, result.AllText());
        Assert.Equal("\"Id\",\"Name\",\"Email\",\"Tier\",\"Seats\",\"Vip\",\"OpenConversations\"", File.ReadLines(csv).First());
        int[] expected = Enumerable.Range(0, 40).Where(i => i % 5 == 0 || i % 3 == 0).OrderByDescending(i => i).ToArray();
        PSObject[] rows = ReadCsv(csv);
        Assert.Equal(expected.Select(KustomerFixtures.GeneratedId).ToArray(), rows.Select(r => Cell(r, "Id")).ToArray());
        Assert.Equal(expected.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray(), rows.Select(r => Cell(r, "Seats")).ToArray());
        Assert.Equal(expected.Select(i => i % 3 == 0 ? "gold" : "silver").ToArray(), rows.Select(r => Cell(r, "Tier")).ToArray());
        Assert.Equal(expected.Select(i => i % 5 == 0 ? "True" : "False").ToArray(), rows.Select(r => Cell(r, "Vip")).ToArray());
        Assert.Equal($"customer{expected[0]}@example.test", Cell(rows[0], "Email"));
    }

    [Fact]
    public void Invoke_NightlyCustomerSync_waits_out_throttling_writes_every_change_keeps_the_bookmark_and_exits_0()
    {
        using var folder = new TestFolder();
        // 1,200 changes a minute apart from 34 hours ago: the 600 of the last day are the first run's.
        var timeline = new ChangeTimeline(1_200, TimeSpan.FromMinutes(1), origin: Whole(DateTimeOffset.UtcNow.AddHours(-34)).AddSeconds(30));
        Sim.Kustomer.Clear();
        Sim.Kustomer.UseTimeline(timeline);
        string[] changed = timeline.IndicesChangedSince(DateTimeOffset.UtcNow.AddDays(-1)).Select(KustomerFixtures.GeneratedId).ToArray();
        Sim.Kustomer.Quota(2, TimeSpan.FromSeconds(1));
        Sim.Script(new ScriptedAnswer { PathContains = "/v1/customers/search", Status = 429, Headers = new() { ["Retry-After"] = "1" }, Times = 2 });

        var (exitCode, result) = RunNightlySync(folder, KustomerStore.ValidKey, "-FirstRunDays 1");

        Assert.True(exitCode == 0, result.AllText());
        Assert.Equal("\"Id\",\"Name\",\"Email\",\"Phone\",\"ExternalId\",\"Tags\",\"UpdatedAt\",\"OpenConversations\",\"Deleted\"", File.ReadLines(folder.File("out.csv")).First());
        Assert.Equal(600, changed.Length);
        Assert.Equal(changed, ReadCsv(folder.File("out.csv")).Select(r => Cell(r, "Id")).ToArray());
        string log = File.ReadAllText(folder.File("sync.log"));
        Assert.Contains($"Done: {changed.Length} written, 0 failed, bookmark", log, StringComparison.Ordinal);
        Assert.Equal(timeline.UpdatedAt(KustomerFixtures.TryParseGenerated(changed[^1], out int last) ? last : -1), Bookmark(folder.File("kustomer.bookmark")));
    }

    [Fact]
    public void Invoke_NightlyCustomerSync_logs_a_search_that_still_fails_keeps_the_bookmark_and_exits_1()
    {
        using var folder = new TestFolder();
        File.WriteAllText(folder.File("kustomer.bookmark"), "2025-05-01T00:00:00.0000000+00:00");
        Sim.Script(new ScriptedAnswer { PathContains = "/v1/customers/search", Status = 503, Times = null });

        var (exitCode, result) = RunNightlySync(folder, KustomerStore.ValidKey, "-MaxRetries 1");

        Assert.True(exitCode == 1, result.AllText());
        string[] failed = File.ReadLines(folder.File("sync.log")).Where(l => l.Contains(" FAILED ", StringComparison.Ordinal)).ToArray();
        Assert.Contains(" ServiceError: Kustomer failed to answer for the customer search", Assert.Single(failed), StringComparison.Ordinal);
        Assert.Equal("2025-05-01T00:00:00.0000000+00:00", File.ReadAllText(folder.File("kustomer.bookmark")));
        Assert.DoesNotContain(KustomerStore.ValidKey, File.ReadAllText(folder.File("sync.log")), StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_NightlyCustomerSync_stops_with_exit_code_2_when_the_key_is_refused()
    {
        using var folder = new TestFolder();

        var (exitCode, result) = RunNightlySync(folder, "wrong", string.Empty);

        Assert.True(exitCode == 2, result.AllText());
        Assert.Contains("FATAL AuthenticationFailed", File.ReadAllText(folder.File("sync.log")), StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("kustomer.bookmark")));
    }

    /// <summary>The job as a scheduler runs it, with the key as -ApiKey (the environment is shared by parallel tests).</summary>
    private (int ExitCode, PsResult Result) RunNightlySync(TestFolder folder, string key, string more)
    {
        var result = Ps.Run(
            $"& $script -OutFile $out -BookmarkFile $bookmark -LogFile $log -ApiKey $key -BaseUri $base {more}; $LASTEXITCODE",
            ("script", Example("Invoke-NightlyCustomerSync.ps1")), ("out", folder.File("out.csv")), ("bookmark", folder.File("kustomer.bookmark")),
            ("log", folder.File("sync.log")), ("key", PowerShellSession.Secure(key)), ("base", Sim.BaseUri));
        return ((int)result.Output.Last().BaseObject, result);
    }

    private static DateTimeOffset Bookmark(string path) => DateTimeOffset.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture);

    private static DateTimeOffset Whole(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);

    private PSObject[] ReadCsv(string path) => Ps.Run("Import-Csv -Path $p", ("p", path)).Output.ToArray();

    private static string Cell(PSObject row, string column) => (string)row.Properties[column].Value;

    private static string Resource(string id, string name, string email, DateTimeOffset updatedAt, string tags) =>
        $$$"""{"type":"customer","id":"{{{id}}}","attributes":{"name":"{{{name}}}","emails":[{"email":"{{{email}}}"}],"tags":{{{tags}}},"updatedAt":"{{{updatedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)}}}"}}""";
}
