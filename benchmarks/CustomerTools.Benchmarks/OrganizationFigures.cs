using System;
using System.Linq;
using CustomerTools.TestKit;
using static CustomerTools.Benchmarks.Report;

namespace CustomerTools.Benchmarks;

/// <summary>
/// Figure 9: what a customer belongs to. 1,000 Help Scout customers spread over 50 organizations
/// at 50 ms latency: <c>Get-HelpScoutCustomer -All | Get-HelpScoutOrganization</c> (each
/// organization requested once) against the loop users write, one Invoke-RestMethod per customer's
/// organizationId. Both list the customers the same way; what differs is the organization requests.
/// </summary>
internal sealed class OrganizationFigures : IDisposable
{
    private const int Customers = 1_000;
    private const int Organizations = 50;
    private const int LatencyMs = 50;

    /// <summary>The loop without the module's once-per-command: a request per customer that has an organization.</summary>
    private const string RestMethodPerCustomer = """
        & {
            $headers = @{ Authorization = "Bearer $token" }
            foreach ($customer in Get-HelpScoutCustomer -All) {
                if ($customer.OrganizationId) { Invoke-RestMethod -Uri "${base}v2/organizations/$($customer.OrganizationId)" -Headers $headers }
            }
        }
        """;

    private readonly SimulatorProcess _simulator;
    private readonly Report _report;
    private readonly PowerShellSession _session;

    public OrganizationFigures(SimulatorProcess simulator, Report report)
    {
        _simulator = simulator;
        _report = report;
        _session = PowerShellSession.WithAllCmdlets();
        _session.ConnectHelpScout(simulator.BaseUri);
        _session.Set("base", simulator.BaseUri.ToString());
    }

    public void Run()
    {
        Reset(0);

        // Warm up both ways (JIT, the connection pool, the token) before measuring either.
        _session.InvokeStrict("Get-HelpScoutCustomer -All | Get-HelpScoutOrganization | Out-Null");
        _session.InvokeStrict(RestMethodPerCustomer + " | Out-Null");

        Reset(LatencyMs);
        int written = 0;
        Run module = Measure.Once(_simulator, () => written = _session.InvokeStrict("Get-HelpScoutCustomer -All | Get-HelpScoutOrganization").Count);
        int moduleRequests = OrganizationRequests();
        Check("Get-HelpScoutOrganization", written);

        Reset(LatencyMs);
        Run loop = Measure.Once(_simulator, () => _session.InvokeStrict(RestMethodPerCustomer).Count);
        int loopRequests = OrganizationRequests();

        _report.Detail($"9  {Customers:#,0} Help Scout customers over {Organizations} organizations, {LatencyMs} ms latency");
        _report.Detail($"9  -All | Get-HelpScoutOrganization: {moduleRequests} organization requests, {Describe(module)}");
        _report.Detail($"9  a loop of Invoke-RestMethod per customer: {loopRequests:#,0} organization requests, {Describe(loop)}");
        _report.Add("9", $"{Customers:#,0} customers in {Organizations} organizations: organization requests, module vs loop", $"{moduleRequests} vs {loopRequests:#,0}", $"exactly {Organizations}", moduleRequests == Organizations);
        double faster = loop.Elapsed / module.Elapsed;
        _report.Add("9", "the same: wall time, loop ÷ module", $"{X(faster)} ({S(loop.Elapsed)} vs {S(module.Elapsed)})", "≥ 10×", faster >= 10);
    }

    public void Dispose() => _session.Dispose();

    /// <summary>No fixtures: exactly the generated customers, each in organization (n mod 50), and a fresh token.</summary>
    private void Reset(int latencyMs)
    {
        _simulator.Reset(latencyMs);
        _simulator.HelpScoutCustomers(Customers);
        _simulator.Client.HelpScout.GenerateOrganizations(Organizations);
        _session.Set("token", _simulator.Client.HelpScout.IssueToken());
        _session.ConnectHelpScout(_simulator.BaseUri);
        _simulator.Client.ClearRequests();
    }

    private int OrganizationRequests() => _simulator.Client.RequestsTo("/v2/organizations/").Count;

    private static void Check(string what, int written)
    {
        if (written != Organizations)
        {
            throw new InvalidOperationException($"{what} wrote {written} organizations, not {Organizations}.");
        }
    }
}
