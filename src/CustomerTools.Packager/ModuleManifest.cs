using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerTools.Packager;

/// <summary>Typed reads of a manifest's keys, including those under PrivateData.PSData.</summary>
internal sealed class ModuleManifest
{
    private readonly Dictionary<string, object> _keys;

    public ModuleManifest(Dictionary<string, object> keys)
    {
        _keys = keys;
    }

    public string Version => Required("ModuleVersion");

    public string? Text(string key) => _keys.TryGetValue(key, out object? value) ? value as string : null;

    public string Required(string key) =>
        Text(key) is { Length: > 0 } value ? value : throw new FormatException($"the manifest has no {key}");

    public string[] List(string key) => AsList(_keys.TryGetValue(key, out object? value) ? value : null);

    public string? PSData(string key) => PSDataTable()?.TryGetValue(key, out object? value) == true ? value as string : null;

    public string[] PSDataList(string key) => AsList(PSDataTable()?.TryGetValue(key, out object? value) == true ? value : null);

    private Dictionary<string, object>? PSDataTable() =>
        _keys.TryGetValue("PrivateData", out object? privateData) && privateData is Dictionary<string, object> data
        && data.TryGetValue("PSData", out object? psData) ? psData as Dictionary<string, object> : null;

    private static string[] AsList(object? value) => value switch
    {
        null => Array.Empty<string>(),
        string one => new[] { one },
        object[] many => many.Select(item => item as string ?? throw new FormatException("a list holds something other than text")).ToArray(),
        _ => throw new FormatException("a list was expected"),
    };
}
