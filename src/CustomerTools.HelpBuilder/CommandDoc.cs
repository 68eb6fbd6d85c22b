using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace CustomerTools.HelpBuilder;

/// <summary>
/// One cmdlet's help as written in docs/en-US/&lt;Verb-Noun&gt;.md (see README.md), read and checked.
/// A doc without synopsis, description, parameters section or three examples is refused.
/// </summary>
internal sealed partial class CommandDoc
{
    public const int MinExamples = 3;

    private static readonly string[] KnownSections =
    {
        "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
    };

    private CommandDoc(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public string Verb => Name.Split('-')[0];

    public string Noun => Name.Substring(Verb.Length + 1);

    public string Synopsis { get; private set; } = string.Empty;

    public List<Block> Description { get; private set; } = new();

    public List<(string Title, string Code, List<Block> Remarks)> Examples { get; } = new();

    public List<ParameterDoc> Parameters { get; } = new();

    /// <summary>One entry per parameter set: its name and its parameters, positional ones first.</summary>
    public List<(string Set, List<ParameterDoc> Parameters)> Syntax { get; } = new();

    public List<(string Type, List<Block> Description)> Inputs { get; } = new();

    public List<(string Type, List<Block> Description)> Outputs { get; } = new();

    public List<Block> Notes { get; private set; } = new();

    public List<(string Text, string Uri)> Links { get; } = new();

    /// <summary>The doc, or null after adding its problems to <paramref name="problems"/>.</summary>
    public static CommandDoc? Read(string path, string text, List<DocProblem> problems)
    {
        var report = new ProblemList(path, problems);
        MarkdownDocument markdown = MarkdownDocument.Parse(text);
        string expected = System.IO.Path.GetFileNameWithoutExtension(path);
        var doc = new CommandDoc(markdown.Title ?? expected);
        if (markdown.Title is null)
        {
            report.Add(1, $"The doc has no '# {expected}' title line.");
        }
        else if (!string.Equals(markdown.Title, expected, StringComparison.Ordinal) || !CmdletName().IsMatch(markdown.Title))
        {
            report.Add(markdown.TitleLine, $"The title '# {markdown.Title}' must be the cmdlet's name, the same as the file's: '# {expected}'.");
        }

        foreach ((int line, string _) in markdown.Preamble)
        {
            report.Add(line, "Text outside a '## ' section is not used; move it into one.");
        }

        var sections = new Dictionary<string, MarkdownSection>(StringComparer.Ordinal);
        foreach (MarkdownSection section in markdown.Sections)
        {
            string key = section.Heading.ToUpperInvariant();
            if (!KnownSections.Contains(key))
            {
                report.Add(section.Line, $"Unknown section '## {section.Heading}'; the sections are {string.Join(", ", KnownSections.Select(s => "## " + s))}.");
            }
            else if (!sections.TryAdd(key, section))
            {
                report.Add(section.Line, $"The section '## {section.Heading}' appears twice.");
            }
        }

        MarkdownSection? Section(string name) => sections.TryGetValue(name, out var s) ? s : null;

        doc.Synopsis = Blocks.PlainText(Blocks.Parse(Section("SYNOPSIS")?.Body ?? new()));
        if (doc.Synopsis.Length == 0)
        {
            report.Add(Section("SYNOPSIS")?.Line ?? 1, "The doc has no synopsis: write one sentence under '## SYNOPSIS'.");
        }

        doc.Description = Blocks.Parse(Section("DESCRIPTION")?.Body ?? new());
        if (doc.Description.Count == 0)
        {
            report.Add(Section("DESCRIPTION")?.Line ?? 1, "The doc has no description: write what the cmdlet does under '## DESCRIPTION'.");
        }

        doc.ReadExamples(Section("EXAMPLES"), report);
        doc.ReadParameters(Section("PARAMETERS"), report);
        doc.ReadSyntax(Section("SYNTAX"), report);
        ReadTypes(Section("INPUTS"), doc.Inputs, report);
        ReadTypes(Section("OUTPUTS"), doc.Outputs, report);
        doc.Notes = Blocks.Parse(Section("NOTES")?.Body ?? new());
        foreach ((int _, string line) in Section("RELATED LINKS")?.Body ?? new())
        {
            string item = line.Trim().TrimStart('-', '*').Trim();
            Match link = LinkItem().Match(item);
            if (item.Length > 0)
            {
                doc.Links.Add(link.Success
                    ? (link.Groups["text"].Value, link.Groups["uri"].Value.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? link.Groups["uri"].Value : string.Empty)
                    : (item, string.Empty));
            }
        }

        return report.Any ? null : doc;
    }

    private static void ReadTypes(MarkdownSection? section, List<(string, List<Block>)> types, ProblemList report)
    {
        if (section is null)
        {
            return;
        }

        if (section.HasText)
        {
            report.Add(section.Line, $"Under '## {section.Heading}', name each type in a '### TypeName' subsection ('### None' for none).");
        }

        types.AddRange(section.Subsections.Select(s => (s.Heading, Blocks.Parse(s.Body))));
    }

    private void ReadExamples(MarkdownSection? section, ProblemList report)
    {
        if (section?.HasText == true)
        {
            report.Add(section.Line, "Text under '## EXAMPLES' belongs in an '### Example N: title' subsection.");
        }

        foreach (MarkdownSection example in section?.Subsections ?? new())
        {
            List<Block> blocks = Blocks.Parse(example.Body);
            string code = string.Join("\n\n", blocks.Where(IsPowerShell).Select(b => b.Text));
            List<Block> remarks = blocks.Where(b => !IsPowerShell(b)).ToList();
            if (code.Length == 0)
            {
                report.Add(example.Line, $"The example '{example.Heading}' has no ```powershell code block.");
            }

            if (!remarks.Exists(b => b.Kind != BlockKind.Code))
            {
                report.Add(example.Line, $"The example '{example.Heading}' does not explain itself: add a sentence after its code.");
            }

            Examples.Add((example.Heading, code, remarks));
        }

        if (Examples.Count < MinExamples)
        {
            report.Add(section?.Line ?? 1, $"The doc has {Examples.Count} example(s) under '## EXAMPLES'; at least {MinExamples} are required, each an '### Example N: title' with a ```powershell block and a sentence.");
        }

        static bool IsPowerShell(Block block) => block.Kind == BlockKind.Code && block.Language is "powershell" or "pwsh" or "ps1";
    }

    private void ReadParameters(MarkdownSection? section, ProblemList report)
    {
        if (section is null)
        {
            report.Add(1, "The doc has no '## PARAMETERS' section: give each parameter a '### -Name' subsection, or say that there are none but the common parameters.");
            return;
        }

        foreach (MarkdownSection parameter in section.Subsections)
        {
            if (parameter.Heading.Equals("CommonParameters", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!parameter.Heading.StartsWith('-'))
            {
                report.Add(parameter.Line, $"'### {parameter.Heading}' under '## PARAMETERS' is not a parameter: write '### -Name'.");
                continue;
            }

            ParameterDoc doc = ParameterDoc.Parse(parameter, report);
            if (Parameters.Exists(p => p.Name.Equals(doc.Name, StringComparison.OrdinalIgnoreCase)))
            {
                report.Add(parameter.Line, $"The parameter -{doc.Name} is described twice.");
            }

            Parameters.Add(doc);
        }
    }

    /// <summary>
    /// The parameter sets come from '## SYNTAX' ('### SetName' with a code block each, or one code
    /// block for a single set), else from the parameters' 'Parameter Sets'. A syntax block must name
    /// exactly the parameters of its set, so it can't drift from the PARAMETERS section.
    /// </summary>
    private void ReadSyntax(MarkdownSection? section, ProblemList report)
    {
        List<string> named = Parameters.SelectMany(p => p.Sets).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var declared = new List<(string Set, string? Code, int Line)>();
        if (section is null)
        {
            declared.AddRange(named.Select(s => (s, (string?)null, 1)));
        }
        else if (section.Subsections.Count == 0)
        {
            declared.Add((string.Empty, Blocks.Parse(section.Body).Find(b => b.Kind == BlockKind.Code)?.Text ?? string.Empty, section.Line));
        }
        else
        {
            declared.AddRange(section.Subsections.Select(s =>
                (s.Heading.Replace("(Default)", string.Empty, StringComparison.OrdinalIgnoreCase).Trim(), (string?)(Blocks.Parse(s.Body).Find(b => b.Kind == BlockKind.Code)?.Text ?? string.Empty), s.Line)));
        }

        foreach (string set in named.Where(n => !declared.Exists(d => d.Set.Equals(n, StringComparison.OrdinalIgnoreCase))))
        {
            report.Add(section?.Line ?? 1, $"The parameter set '{set}' is not in '## SYNTAX': add '### {set}' with its syntax.");
        }

        if (declared.Count == 0)
        {
            declared.Add((string.Empty, null, 1));
        }

        foreach ((string set, string? code, int line) in declared)
        {
            List<ParameterDoc> parameters = Parameters.Where(p => p.InSet(set))
                .OrderBy(p => p.Position == "named" ? int.MaxValue : int.Parse(p.Position, System.Globalization.CultureInfo.InvariantCulture))
                .ToList();
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
    }

    [GeneratedRegex("^[A-Z][a-z]+-[A-Za-z]+$")]
    private static partial Regex CmdletName();

    [GeneratedRegex(@"^\[(?<text>[^\]]+)\]\((?<uri>[^)\s]*)\)$")]
    private static partial Regex LinkItem();

    [GeneratedRegex(@"(?<![\w-])-([A-Za-z]+)")]
    private static partial Regex SyntaxParameter();
}
