using System;

namespace CustomerTools.ApiSimulator.Kustomer;

/// <summary>A search request Kustomer would refuse with a 400; the message is the answer's <c>detail</c>.</summary>
internal sealed class SearchRejected : Exception
{
    public SearchRejected(string message)
        : base(message)
    {
    }
}
