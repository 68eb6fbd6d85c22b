using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace CustomerTools.HelpBuilder;

/// <summary>
/// One '### -Name' section: the doc's description and default value, with the facts the cmdlet
/// decides (type, sets, aliases, required, position, pipeline input, wildcards). The doc may
/// also show those in its yaml block, as platyPS writes it, for readers of the Markdown; then
/// each must be what the cmdlet has:
/// <code>
/// Type: String[]
/// Parameter Sets: Id            (or "(All)")
/// Aliases: CustomerId           (or "None")
/// Required: True
/// Position: 0                   (or "Named")
/// Default value: None           (the doc's own: the only key the cmdlet can't tell)
/// Accept pipeline input: True (ByPropertyName, ByValue)    (or "False")
/// Accept wildcard characters: False
/// </code>
/// </summary>
internal sealed partial class ParameterDoc
{
    private static readonly string[] Keys =
    {
        "Type", "Parameter Sets", "Aliases", "Required", "Position", "Default value", "Accept pipeline input", "Accept wildcard characters",
    };

    private ParameterDoc(ParameterFacts facts, List<HelpBlock> description)
    {
        Facts = facts;
        Description = description;
    }

    /// <summary>The parameter as the cmdlet has it.</summary>
    public ParameterFacts Facts { get; }

    public string Name => Facts.Name;

    public List<HelpBlock> Description { get; }

    public string DefaultValue { get; private set; } = "None";

    /// <summary>The parameter's doc, or null (after adding a problem) when the cmdlet has no such parameter.</summary>
    public static ParameterDoc? Read(MarkdownSection section, CommandFacts cmdlet, ProblemList problems)
    {
        string name = section.Heading.Substring(1);
        string where = $"Parameter {section.Heading}";
        if (cmdlet.Parameters.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is not { } facts)
        {
            string known = string.Join(", ", cmdlet.Parameters.Select(p => "-" + p.Name));
            problems.Add(section.Line, $"{cmdlet.Name} has no parameter -{name}; describe only its parameters: {(known.Length > 0 ? known : "none but the common ones")}.");
            return null;
        }

        List<HelpBlock> blocks = section.Blocks;
        HelpBlock[] yaml = blocks.Where(b => b is { Kind: BlockKind.Code, Language: "yaml" }).ToArray();
        var parameter = new ParameterDoc(facts, blocks.Except(yaml).ToList());
        if (parameter.Description.Count == 0)
        {
            problems.Add(section.Line, $"{where} has no description: say what it does, in a sentence or more, above its yaml block.");
        }

        if (yaml.Length > 1)
        {
            problems.Add(section.Line, $"{where} has {yaml.Length} ```yaml blocks; one is enough.");
        }

        foreach (string line in yaml.SelectMany(y => y.Text.Split('\n')).Where(l => l.Trim().Length > 0))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            string key = colon < 0 ? line.Trim() : line.Substring(0, colon).Trim();
            string value = colon < 0 ? string.Empty : line.Substring(colon + 1).Trim();
            if (!Keys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(section.Line, $"{where}: unknown key '{key}' in its yaml block; the keys are {string.Join(", ", Keys)}.");
            }
            else if (key.Equals("Default value", StringComparison.OrdinalIgnoreCase))
            {
                parameter.DefaultValue = value;
            }
            else if (Compare(facts, key.ToUpperInvariant(), value) is (false, string actual))
            {
                problems.Add(section.Line, $"{where}: the doc says '{key}: {value}', but the cmdlet's parameter is '{key}: {actual}'.");
            }
        }

        return parameter;
    }

    /// <summary>Whether the doc's <paramref name="value"/> of a fact is the cmdlet's, and the cmdlet's as the doc would write it.</summary>
    private static (bool Same, string Actual) Compare(ParameterFacts facts, string key, string value)
    {
        string actual = key switch
        {
            "TYPE" => facts.Type,
            "PARAMETER SETS" => facts.Sets.Count == 0 ? "(All)" : string.Join(", ", facts.Sets),
            "ALIASES" => facts.Aliases.Count == 0 ? "None" : string.Join(", ", facts.Aliases),
            "REQUIRED" => facts.Required ? "True" : "False",
            "POSITION" => facts.Position?.ToString(CultureInfo.InvariantCulture) ?? "Named",
            "ACCEPT PIPELINE INPUT" => facts.PipelineInput,
            _ => facts.Globbing ? "True" : "False",
        };
        bool same = key switch
        {
            "PARAMETER SETS" or "ALIASES" => SameItems(List(value), List(actual)),
            "ACCEPT PIPELINE INPUT" => value.Split(' ', 2)[0].Equals(actual.Split(' ', 2)[0], StringComparison.OrdinalIgnoreCase)
                && SameItems(BindingWay().Matches(value).Select(m => m.Value), BindingWay().Matches(actual).Select(m => m.Value)),
            _ => value.Equals(actual, StringComparison.OrdinalIgnoreCase),
        };
        return (same, actual);
    }

    private static List<string> List(string value) =>
        value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0 && v is not "None" and not "(All)").ToList();

    private static bool SameItems(IEnumerable<string> a, IEnumerable<string> b) =>
        a.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(b.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"By\w+")]
    private static partial Regex BindingWay();
}
