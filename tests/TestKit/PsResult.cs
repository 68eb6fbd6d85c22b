using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace CustomerTools.TestKit;

/// <summary>All that one <see cref="PowerShellSession.Run"/> wrote, stream by stream.</summary>
public sealed class PsResult
{
    public List<PSObject> Output { get; } = new();

    public List<ErrorRecord> Errors { get; } = new();

    public ErrorRecord? Fatal { get; set; }

    public List<string> Verbose { get; } = new();

    public List<string> Debug { get; } = new();

    public List<string> Warnings { get; } = new();

    public List<string> Information { get; } = new();

    public List<ProgressRecord> Progress { get; } = new();

    /// <summary>The session's $Error after the run, described.</summary>
    public List<string> ErrorVariable { get; } = new();

    public T[] Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>().ToArray();

    /// <summary>Everything a user could see or log from the run, as text.</summary>
    public string AllText() => string.Join("\n", new[]
    {
        string.Join("\n", Output.Select(Describe)),
        string.Join("\n", Errors.Select(Describe)),
        Describe(Fatal),
        string.Join("\n", Verbose),
        string.Join("\n", Debug),
        string.Join("\n", Warnings),
        string.Join("\n", Information),
        string.Join("\n", Progress.Select(p => p.ToString())),
        string.Join("\n", ErrorVariable),
    });

    internal static string Describe(object? value) => value switch
    {
        null => string.Empty,
        ErrorRecord e => string.Join("\n", e.ToString(), e.FullyQualifiedErrorId, e.CategoryInfo.ToString(), Describe(e.TargetObject), Describe(e.Exception), e.ErrorDetails?.Message ?? string.Empty),
        System.Exception e => e.ToString() + "\n" + Describe(e.InnerException),
        PSObject o => o.ToString() + "\n" + string.Join("\n", o.Properties.Select(p => p.Name + "=" + SafeValue(p))),
        _ => value.ToString() ?? string.Empty,
    };

    private static string SafeValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value is { } v and not string && v is System.Collections.IEnumerable items
                ? string.Join(",", items.Cast<object>().Select(Describe))
                : Describe(property.Value);
        }
        catch (GetValueException e)
        {
            return e.Message;
        }
    }
}
