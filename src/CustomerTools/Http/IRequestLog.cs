namespace CustomerTools.Http;

/// <summary>
/// Where the HTTP layer reports what it does. Called from worker threads: the commands queue the
/// text and write it from the pipeline thread. Texts never hold a secret.
/// </summary>
internal interface IRequestLog
{
    bool VerboseEnabled { get; }

    bool DebugEnabled { get; }

    void Verbose(string message);

    void Debug(string message);
}
