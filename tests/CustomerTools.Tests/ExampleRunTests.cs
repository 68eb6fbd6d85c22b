using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.ApiSimulator.Kustomer;
using Xunit;

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
    public void Export_ChangedKustomerCustomers_writes_the_changed_customers_with_readable_columns()
    {
        using var folder = new TestFolder();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        Sim.Kustomer.GeneratedCount = 150;
        Sim.Kustomer.Add(Resource("cc00000000000000000000a1", "Changed Today", "today@example.test", now, """["gold","renewal"]"""));
        Sim.Kustomer.Add(Resource("cc00000000000000000000a2", "Changed An Hour Ago", "hour@example.test", now.AddHours(-1), "[]"));
        ConnectKustomer();

        string csv = folder.File("changed.csv");
        var result = Ps.Run("& $script -Path $csv -Since $since", ("script", Example("Export-ChangedKustomerCustomers.ps1")), ("csv", csv), ("since", now.AddDays(-2).UtcDateTime));

        Assert.True(result.Fatal is null && result.Errors.Count == 0, result.AllText());
        Assert.Equal("\"Id\",\"Name\",\"Email\",\"Phone\",\"ExternalId\",\"Tags\",\"UpdatedAt\",\"OpenConversations\"", File.ReadLines(csv).First());
        PSObject[] rows = ReadCsv(csv);
        Assert.Equal(new[] { "cc00000000000000000000a1", "cc00000000000000000000a2" }, rows.Select(r => Cell(r, "Id")).Order(StringComparer.Ordinal).ToArray());
        PSObject today = rows.Single(r => Cell(r, "Id") == "cc00000000000000000000a1");
        Assert.Equal("Changed Today", Cell(today, "Name"));
        Assert.Equal("today@example.test", Cell(today, "Email"));
        Assert.Equal("gold; renewal", Cell(today, "Tags"));
        Assert.Equal(now.ToUnixTimeMilliseconds(), DateTimeOffset.Parse(Cell(today, "UpdatedAt"), CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());
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
        Sim.Kustomer.GeneratedCount = 40;
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
    public void Invoke_NightlyCustomerSync_waits_out_throttling_writes_every_customer_and_exits_0()
    {
        using var folder = new TestFolder();
        Sim.Kustomer.GeneratedCount = 60;
        string[] ids = Enumerable.Range(0, 60).Select(KustomerFixtures.GeneratedId).ToArray();
        Sim.KustomerQuota = new QuotaWindow(20, TimeSpan.FromSeconds(1));
        Sim.Script(new ScriptedAnswer { PathContains = ids[7], Status = 429, Headers = new() { ["Retry-After"] = "1" }, Times = 2 });

        var (exitCode, result) = RunNightlySync(folder, ids, KustomerStore.ValidKey);

        Assert.True(exitCode == 0, result.AllText());
        Assert.Equal("\"Id\",\"Name\",\"Email\",\"Phone\",\"ExternalId\",\"UpdatedAt\"", File.ReadLines(folder.File("out.csv")).First());
        PSObject[] rows = ReadCsv(folder.File("out.csv"));
        Assert.Equal(ids, rows.Select(r => Cell(r, "Id")).ToArray());
        Assert.Equal("customer7@example.test", Cell(rows[7], "Email"));
        Assert.Contains("Done: 60 written, 0 failed", File.ReadAllText(folder.File("sync.log")), StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_NightlyCustomerSync_logs_each_input_that_fails_writes_the_rest_and_exits_1()
    {
        using var folder = new TestFolder();
        Sim.Kustomer.GeneratedCount = 10;
        string[] ids = Enumerable.Range(0, 10).Select(KustomerFixtures.GeneratedId).ToArray();
        Sim.Script(new ScriptedAnswer { PathContains = ids[3], Status = 503, Times = null });

        var (exitCode, result) = RunNightlySync(folder, ids.Append("not-an-id").Append("ffffffffffffffffffffffff").ToArray(), KustomerStore.ValidKey);

        Assert.True(exitCode == 1, result.AllText());
        Assert.Equal(ids.Where((_, i) => i != 3).ToArray(), ReadCsv(folder.File("out.csv")).Select(r => Cell(r, "Id")).ToArray());
        string[] failed = File.ReadLines(folder.File("sync.log")).Where(l => l.Contains(" FAILED ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, failed.Length);
        Assert.Contains(failed, l => l.Contains($"FAILED {ids[3]} ServiceError", StringComparison.Ordinal));
        Assert.Contains(failed, l => l.Contains("FAILED not-an-id InvalidCustomerId", StringComparison.Ordinal));
        Assert.Contains(failed, l => l.Contains("FAILED ffffffffffffffffffffffff CustomerNotFound", StringComparison.Ordinal));
        Assert.DoesNotContain(KustomerStore.ValidKey, File.ReadAllText(folder.File("sync.log")), StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_NightlyCustomerSync_stops_with_exit_code_2_when_the_key_is_refused()
    {
        using var folder = new TestFolder();
        Sim.Kustomer.GeneratedCount = 3;

        var (exitCode, result) = RunNightlySync(folder, Enumerable.Range(0, 3).Select(KustomerFixtures.GeneratedId).ToArray(), "wrong");

        Assert.True(exitCode == 2, result.AllText());
        Assert.Contains("FATAL AuthenticationFailed", File.ReadAllText(folder.File("sync.log")), StringComparison.Ordinal);
    }

    /// <summary>The job as a scheduler runs it, with the key as -ApiKey (the environment is shared by parallel tests).</summary>
    private (int ExitCode, PsResult Result) RunNightlySync(TestFolder folder, string[] ids, string key)
    {
        File.WriteAllLines(folder.File("ids.txt"), ids);
        var result = Ps.Run(
            "& $script -IdFile $ids -OutFile $out -LogFile $log -ApiKey $key -BaseUri $base -MaxRetries 3; $LASTEXITCODE",
            ("script", Example("Invoke-NightlyCustomerSync.ps1")), ("ids", folder.File("ids.txt")), ("out", folder.File("out.csv")),
            ("log", folder.File("sync.log")), ("key", PowerShellSession.Secure(key)), ("base", Sim.BaseUri));
        return ((int)result.Output.Last().BaseObject, result);
    }

    private PSObject[] ReadCsv(string path) => Ps.Run("Import-Csv -Path $p", ("p", path)).Output.ToArray();

    private static string Cell(PSObject row, string column) => (string)row.Properties[column].Value;

    private static string Resource(string id, string name, string email, DateTimeOffset updatedAt, string tags) =>
        $$$"""{"type":"customer","id":"{{{id}}}","attributes":{"name":"{{{name}}}","emails":[{"email":"{{{email}}}"}],"tags":{{{tags}}},"updatedAt":"{{{updatedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)}}}"}}""";
}
