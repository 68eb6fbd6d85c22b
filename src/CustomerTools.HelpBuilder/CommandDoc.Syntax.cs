using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace CustomerTools.HelpBuilder;

/// <summary>A cmdlet doc's syntax: its '## SYNTAX', checked against the cmdlet's parameter sets.</summary>
internal sealed partial class CommandDoc
{
    /// <summary>
    /// One syntax item per parameter set of the cmdlet, in the order '## SYNTAX' shows them
    /// ('### SetName' with a code block each, or one code block for a cmdlet of one set), else the
    /// cmdlet's. Every set must be there, and each code block must name exactly its set's parameters.
    /// </summary>
    private void ReadSyntax(MarkdownSection? section, CommandFacts cmdlet, ProblemList report)
    {
        var declared = new List<(string Set, string? Code, int Line)>();
        if (section is null)
        {
            declared.AddRange(cmdlet.Sets.Select(s => (s, (string?)null, 1)));
        }
        else if (section.Subsections.Count == 0)
        {
            declared.Add((cmdlet.Sets.Count == 1 ? cmdlet.Sets[0] : string.Empty, Code(section), section.Line));
        }
        else
        {
            foreach (MarkdownSection item in section.Subsections)
            {
                string set = item.Heading.Replace("(Default)", string.Empty, StringComparison.OrdinalIgnoreCase).Trim();
                if (!cmdlet.Sets.Contains(set, StringComparer.OrdinalIgnoreCase))
                {
                    report.Add(item.Line, $"'### {item.Heading}' under '## SYNTAX' is not a parameter set of {Name}; its sets are {string.Join(", ", cmdlet.Sets)}.");
                }
                else if (item.Heading.Contains("(Default)", StringComparison.OrdinalIgnoreCase) != set.Equals(cmdlet.DefaultSet, StringComparison.OrdinalIgnoreCase))
                {
                    report.Add(item.Line, $"'### {item.Heading}': {Name}'s default parameter set is '{cmdlet.DefaultSet}'; mark that one, and only that one, '(Default)'.");
                }

                declared.Add((set, Code(item), item.Line));
            }
        }

        foreach (string set in cmdlet.Sets.Where(n => !declared.Exists(d => d.Set.Equals(n, StringComparison.OrdinalIgnoreCase))))
        {
            report.Add(section?.Line ?? 1, $"The parameter set '{set}' is not in '## SYNTAX': add '### {set}' with its syntax.");
        }

        foreach ((string set, string? code, int line) in declared.Where(d => cmdlet.Sets.Contains(d.Set, StringComparer.OrdinalIgnoreCase)))
        {
            List<ParameterDoc> parameters = Parameters.Where(p => p.Facts.InSet(set)).OrderBy(p => p.Facts.Position ?? int.MaxValue).ToList();
            Syntax.Add((set, parameters));
            if (code is null)
            {
                continue;
            }

            string[] written = SyntaxParameter().Matches(code).Select(m => m.Groups[1].Value).Where(n => n != "CommonParameters").ToArray();
            string[] expected = parameters.Select(p => p.Name).ToArray();
            if (code.Trim().Split(' ', 2)[0] != Name
                || written.Length != expected.Length || written.Except(expected, StringComparer.OrdinalIgnoreCase).Any())
            {
                string should = expected.Length == 0 ? "no parameters" : "the parameters " + string.Join(", ", expected.Select(e => "-" + e));
                string does = written.Length == 0 ? "none" : string.Join(", ", written.Select(w => "-" + w));
                report.Add(line, $"The syntax{(set.Length > 0 ? $" of the set '{set}'" : string.Empty)} must be a code block '{Name} ...' naming {should}; it names {does}.");
            }
        }

        static string Code(MarkdownSection section) => section.Blocks.Find(b => b.Kind == BlockKind.Code)?.Text ?? string.Empty;
    }

    [GeneratedRegex(@"(?<![\w-])-([A-Za-z]+)")]
    private static partial Regex SyntaxParameter();
}
