using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace CustomerTools.HelpBuilder;

/// <summary>
/// What the help says about a parameter that the cmdlet itself decides: read from the compiled
/// cmdlet, as PowerShell reads it (<see cref="CommandMetadata"/>), so the help can't drift from the code.
/// </summary>
internal sealed record ParameterFacts(
    string Name, string Type, bool IsSwitch, IReadOnlyList<string> Sets, IReadOnlyList<string> Aliases,
    bool Required, int? Position, bool ByValue, bool ByPropertyName, bool Globbing)
{
    /// <summary>"named" or the position, as MAML writes it.</summary>
    public string PositionText => Position?.ToString(CultureInfo.InvariantCulture) ?? "named";

    /// <summary>"False", or "True (...)" with the ways it binds, as platyPS writes it.</summary>
    public string PipelineInput => (ByPropertyName, ByValue) switch
    {
        (true, true) => "True (ByPropertyName, ByValue)",
        (true, false) => "True (ByPropertyName)",
        (false, true) => "True (ByValue)",
        _ => "False",
    };

    /// <summary>In <paramref name="set"/>; a parameter of no named set is in every set.</summary>
    public bool InSet(string set) => Sets.Count == 0 || Sets.Contains(set, StringComparer.OrdinalIgnoreCase);

    public static ParameterFacts From(ParameterMetadata parameter)
    {
        ParameterSetMetadata[] sets = parameter.ParameterSets.Values.ToArray();
        int[] positions = sets.Select(s => s.Position).Where(p => p >= 0).ToArray();
        return new ParameterFacts(
            parameter.Name,
            parameter.ParameterType.Name,
            parameter.SwitchParameter,
            parameter.ParameterSets.Keys.Where(s => s != ParameterAttribute.AllParameterSets).ToList(),
            parameter.Aliases.ToList(),
            sets.Any(s => s.IsMandatory),
            positions.Length > 0 ? positions.Min() : null,
            sets.Any(s => s.ValueFromPipeline),
            sets.Any(s => s.ValueFromPipelineByPropertyName),
            parameter.Attributes.OfType<SupportsWildcardsAttribute>().Any());
    }
}

/// <summary>A cmdlet's name, parameter sets and parameters (the common parameters aside).</summary>
internal sealed record CommandFacts(string Name, string DefaultSet, IReadOnlyList<string> Sets, IReadOnlyList<ParameterFacts> Parameters)
{
    /// <summary>Every cmdlet <paramref name="assembly"/> exports (public, as Import-Module takes them), by cmdlet name.</summary>
    public static Dictionary<string, CommandFacts> Read(Assembly assembly) => assembly.GetExportedTypes()
        .Where(t => !t.IsAbstract && t.GetCustomAttribute<CmdletAttribute>() is not null)
        .Select(From)
        .ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The facts of one cmdlet class, as Get-Command shows them. Its sets are the default one first,
    /// then the others as its parameters name them; a cmdlet without named sets has one, named "".
    /// </summary>
    public static CommandFacts From(Type cmdlet)
    {
        CmdletAttribute attribute = cmdlet.GetCustomAttribute<CmdletAttribute>()
            ?? throw new ArgumentException($"{cmdlet.FullName} is not a cmdlet: it has no [Cmdlet] attribute.", nameof(cmdlet));
        // -First, -Skip and -IncludeTotalCount are not common parameters: Get-Command lists them
        // among the cmdlet's own, so the help describes them.
        IEnumerable<ParameterMetadata> declared = new CommandMetadata(cmdlet).Parameters.Values;
        if (attribute.SupportsPaging)
        {
            declared = declared.Concat(ParameterMetadata.GetParameterMetadata(typeof(PagingParameters)).Values);
        }

        List<ParameterFacts> parameters = declared.Select(ParameterFacts.From).ToList();
        List<string> sets = parameters.SelectMany(p => p.Sets).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        // The default set is a set even when no parameter names it (one that takes only the
        // parameters of every set).
        string defaultSet = attribute.DefaultParameterSetName ?? string.Empty;
        if (defaultSet.Length > 0)
        {
            sets.Remove(defaultSet);
            sets.Insert(0, defaultSet);
        }

        return new CommandFacts(
            attribute.VerbName + "-" + attribute.NounName,
            defaultSet,
            sets.Count > 0 ? sets : new List<string> { string.Empty },
            parameters);
    }
}
