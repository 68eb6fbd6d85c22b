using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CustomerTools.HelpBuilder;

/// <summary>
/// One '### -Name' section: its description and the yaml-ish block platyPS also writes:
/// <code>
/// Type: String[]
/// Parameter Sets: Id            (or "(All)", the default)
/// Aliases: CustomerId           (or "None")
/// Required: True                (default False)
/// Position: 0                   (or "Named", the default)
/// Default value: None
/// Accept pipeline input: True (ByValue, ByPropertyName)    (default False)
/// Accept wildcard characters: False
/// </code>
/// </summary>
internal sealed class ParameterDoc
{
    private static readonly string[] Keys =
    {
        "Type", "Parameter Sets", "Aliases", "Required", "Position", "Default value", "Accept pipeline input", "Accept wildcard characters",
    };

    private ParameterDoc(string name, List<Block> description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public List<Block> Description { get; }

    public string Type { get; private set; } = string.Empty;

    /// <summary>The sets the parameter is in; empty for all of them.</summary>
    public List<string> Sets { get; } = new();

    public List<string> Aliases { get; } = new();

    public bool Required { get; private set; }

    /// <summary>"named" or the position, as MAML writes it.</summary>
    public string Position { get; private set; } = "named";

    public string DefaultValue { get; private set; } = "None";

    public string PipelineInput { get; private set; } = "False";

    public bool Globbing { get; private set; }

    public bool IsSwitch => Type is "SwitchParameter" or "System.Management.Automation.SwitchParameter";

    public bool InSet(string set) => Sets.Count == 0 || Sets.Contains(set, StringComparer.OrdinalIgnoreCase);

    public static ParameterDoc Parse(MarkdownSection section, ProblemList problems)
    {
        List<Block> blocks = Blocks.Parse(section.Body);
        Block[] yaml = blocks.Where(b => b.Kind == BlockKind.Code && b.Language == "yaml").ToArray();
        var parameter = new ParameterDoc(section.Heading.Substring(1), blocks.Except(yaml).ToList());
        string where = $"Parameter {section.Heading}";
        if (parameter.Name.Length == 0 || !parameter.Name.All(char.IsLetterOrDigit))
        {
            problems.Add(section.Line, $"'{section.Heading}' is not a parameter name: write '### -Name'.");
        }

        if (parameter.Description.Count == 0)
        {
            problems.Add(section.Line, $"{where} has no description: say what it does, in a sentence or more, above its yaml block.");
        }

        if (yaml.Length != 1)
        {
            problems.Add(section.Line, $"{where} needs one ```yaml block, with at least 'Type: <type>'.");
            return parameter;
        }

        foreach (string line in yaml[0].Text.Split('\n').Where(l => l.Trim().Length > 0))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            string key = colon < 0 ? line.Trim() : line.Substring(0, colon).Trim();
            string value = colon < 0 ? string.Empty : line.Substring(colon + 1).Trim();
            if (!Keys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(section.Line, $"{where}: unknown key '{key}' in its yaml block; the keys are {string.Join(", ", Keys)}.");
            }
            else if (!parameter.Set(key.ToUpperInvariant(), value))
            {
                problems.Add(section.Line, $"{where}: '{key}: {value}' is not valid.");
            }
        }

        if (parameter.Type.Length == 0)
        {
            problems.Add(section.Line, $"{where} has no 'Type:' in its yaml block.");
        }

        return parameter;
    }

    private static List<string> List(string value) =>
        value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0 && v is not "None" and not "(All)").ToList();

    private bool Set(string key, string value)
    {
        switch (key)
        {
            case "TYPE":
                Type = value;
                return value.Length > 0;
            case "PARAMETER SETS":
                Sets.AddRange(List(value));
                return true;
            case "ALIASES":
                Aliases.AddRange(List(value));
                return true;
            case "REQUIRED":
                Required = bool.TryParse(value, out bool required) && required;
                return bool.TryParse(value, out _);
            case "POSITION":
                Position = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int position) ? position.ToString(CultureInfo.InvariantCulture) : "named";
                return Position != "named" || value.Equals("Named", StringComparison.OrdinalIgnoreCase);
            case "DEFAULT VALUE":
                DefaultValue = value;
                return true;
            case "ACCEPT PIPELINE INPUT":
                PipelineInput = value;
                return value.StartsWith("True", StringComparison.OrdinalIgnoreCase) || value.Equals("False", StringComparison.OrdinalIgnoreCase);
            default:
                Globbing = bool.TryParse(value, out bool globbing) && globbing;
                return bool.TryParse(value, out _);
        }
    }
}
