using System;
using System.Collections;
using System.Linq;

namespace CustomerTools.Packager;

/// <summary>Typed reads of a manifest's keys, including those under PrivateData.PSData.</summary>
internal sealed class ModuleManifest
{
    private readonly Hashtable _keys;

    public ModuleManifest(Hashtable keys)
    {
        _keys = keys;
    }

    public string Version => Required("ModuleVersion");

    public string? Text(string key) => _keys[key] as string;

    public string Required(string key) =>
        Text(key) is { Length: > 0 } value ? value : throw new FormatException($"the manifest has no {key}");

    public string[] List(string key) => AsList(_keys[key]);

    public string? PSData(string key) => PSDataTable()?[key] as string;

    public string[] PSDataList(string key) => AsList(PSDataTable()?[key]);

    private Hashtable? PSDataTable() => (_keys["PrivateData"] as Hashtable)?["PSData"] as Hashtable;

    private static string[] AsList(object? value) => value switch
    {
        null => Array.Empty<string>(),
        string one => new[] { one },
        object[] many => many.Select(item => item as string ?? throw new FormatException("a list holds something other than text")).ToArray(),
        _ => throw new FormatException("a list was expected"),
    };
}
