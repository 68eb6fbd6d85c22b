using System.Net;

namespace CustomerTools.Http;

/// <summary>What the send loop does after an attempt that neither succeeded nor failed for good.</summary>
internal readonly struct NextStep
{
    public NextStep(SendStep step, int stamp, HttpStatusCode? status, string why, string shown)
    {
        Step = step;
        Stamp = stamp;
        Status = status;
        Why = why;
        Shown = shown;
    }

    public SendStep Step { get; }

    /// <summary>The credential the attempt was sent with, for a renewal.</summary>
    public int Stamp { get; }

    /// <summary>The answer's status; null after a network fault.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>"429 Too Many Requests" or "a network fault", for -Verbose.</summary>
    public string Why { get; }

    /// <summary>The URI as the streams show it.</summary>
    public string Shown { get; }
}

/// <summary>One attempt's end: the body read from a success, or the next step.</summary>
internal readonly struct Attempt<T>
{
    private Attempt(bool succeeded, T? value, NextStep next)
    {
        Succeeded = succeeded;
        Value = value;
        Next = next;
    }

    public bool Succeeded { get; }

    public T? Value { get; }

    public NextStep Next { get; }

    public static Attempt<T> Success(T value) => new(true, value, default);

    public static Attempt<T> Then(NextStep next) => new(false, default, next);
}
