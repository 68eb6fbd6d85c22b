using System;
using System.Management.Automation;

namespace CustomerTools;

/// <summary>
/// The one exception the clients throw. Commands turn it into an <see cref="ErrorRecord"/> with the
/// contract's error id, category and the user's input as target. Its message never holds a secret.
/// </summary>
public sealed class CustomerToolsException : Exception
{
    internal CustomerToolsException(string errorId, ErrorCategory category, object? target, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Category = category;
        Target = target;
    }

    /// <summary>The contract's error id, e.g. <c>CustomerNotFound</c>.</summary>
    public string ErrorId { get; }

    public ErrorCategory Category { get; }

    /// <summary>The input that failed (an id, an email…), or null for connection-level problems.</summary>
    public object? Target { get; }

    /// <summary>Whether the whole command must stop, not only this input.</summary>
    public bool IsTerminating => ErrorIds.IsTerminating(ErrorId);

    internal ErrorRecord ToErrorRecord() => new(this, ErrorId, Category, Target);
}
