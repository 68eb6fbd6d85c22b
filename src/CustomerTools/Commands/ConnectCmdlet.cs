using System;
using System.Management.Automation;
using System.Threading;
using CustomerTools.Http;
using CustomerTools.Pipeline;

namespace CustomerTools.Commands;

/// <summary>
/// What Connect-Kustomer and Connect-HelpScout share: the common parameters, failures as
/// terminating errors, and making the new connection the session's.
/// </summary>
public abstract class ConnectCmdlet<TConnection> : PSCmdlet, IDisposable
    where TConnection : ServiceConnection
{
    private readonly CancellationTokenSource _stop = new();

    private protected ConnectCmdlet()
    {
    }

    /// <summary>Another service root: a proxy, an org host, or a test server on this machine.</summary>
    [Parameter]
    public Uri? BaseUri { get; set; }

    /// <summary>Also write the connection, to keep and pass to -Connection.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>How long one request may take before it fails with RequestTimedOut.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 30;

    /// <summary>How often a throttled or failed GET is retried.</summary>
    [Parameter]
    [ValidateRange(0, 20)]
    public int MaxRetries { get; set; } = 5;

    private protected ConnectionOptions Options => new(TimeSpan.FromSeconds(TimeoutSec), MaxRetries);

    /// <summary>Cancelled by Ctrl+C, for a connect that sends a request.</summary>
    private protected CancellationToken StopToken => _stop.Token;

    public void Dispose()
    {
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override void EndProcessing()
    {
        try
        {
            TConnection connection = Connect();
            SessionConnection<TConnection>.Current = connection;
            Say($"Connected: {connection}.");
            if (PassThru)
            {
                WriteObject(connection);
            }
        }
        catch (CustomerToolsException e)
        {
            ThrowTerminatingError(e.ToErrorRecord());
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Makes the connection, or throws a <see cref="CustomerToolsException"/>.</summary>
    private protected abstract TConnection Connect();

    /// <summary>A verbose line that never makes the engine ask (see <see cref="StreamPreference"/>).</summary>
    private protected void Say(string text) => StreamPreference.WriteVerbose(this, text);

    /// <summary>-BaseUri checked, or the service's default root.</summary>
    private protected Uri ServiceRoot(Uri defaultRoot, string serviceName) =>
        BaseUri is null ? defaultRoot : ServiceConnection.ValidateBaseUri(BaseUri, serviceName);
}
