using System;
using System.Management.Automation.Runspaces;
using System.Threading;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.Commands;
using CustomerTools.HelpScout;
using CustomerTools.Http;
using CustomerTools.Kustomer;
using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>
/// A connection on a test's clock: a connection takes its clock when it is made, so the test makes
/// it here, as Connect-* -PassThru made its twin (same root, region, timeout and retries), and
/// makes it the session's in place of that twin.
/// </summary>
internal static class ClockedConnection
{
    public static KustomerConnection Kustomer(PowerShellSession ps, KustomerConnection made, IClock clock)
    {
        var connection = new KustomerConnection(made.BaseUri, made.Region, PowerShellSession.Secure(KustomerStore.ValidKey), Options(made, clock));
        return Replace(ps, made, connection);
    }

    public static HelpScoutConnection HelpScout(PowerShellSession ps, HelpScoutConnection made, IClock clock)
    {
        var connection = HelpScoutConnection.WithClientCredentials(made.BaseUri, HelpScoutStore.AppId, PowerShellSession.Secure(HelpScoutStore.AppSecret), Options(made, clock));
        connection.Tokens!.FetchAsync(new RequestContext(new RateLimitPacerTests.QuietLog(), CancellationToken.None)).GetAwaiter().GetResult();
        return Replace(ps, made, connection);
    }

    private static ConnectionOptions Options(ServiceConnection made, IClock clock) =>
        new(TimeSpan.FromSeconds(made.TimeoutSec), made.MaxRetries, clock);

    private static T Replace<T>(PowerShellSession ps, T made, T connection)
        where T : ServiceConnection
    {
        made.Close();
        Runspace before = Runspace.DefaultRunspace;
        Runspace.DefaultRunspace = ps.Runspace;
        try
        {
            SessionConnection<T>.Current = connection;
        }
        finally
        {
            Runspace.DefaultRunspace = before;
        }

        return connection;
    }
}
