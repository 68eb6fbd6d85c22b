using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace CustomerTools.HelpBuilder;

/// <summary>
/// One cmdlet's help: the prose as written in docs/en-US/&lt;Verb-Noun&gt;.md (see README.md), the
/// parameter facts from the cmdlet itself, read and checked. A doc without synopsis, description,
/// parameters section or three examples is refused, and so is one whose parameters or sets are
/// not exactly the cmdlet's.
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

    public List<HelpBlock> Description { get; private set; } = new();

    public List<(string Title, string Code, List<HelpBlock> Remarks)> Examples { get; } = new();

    public List<ParameterDoc> Parameters { get; } = new();

    /// <summary>One entry per parameter set: its name and its parameters, positional ones first.</summary>
    public List<(string Set, List<ParameterDoc> Parameters)> Syntax { get; } = new();

    public List<(string Type, List<HelpBlock> Description)> Inputs { get; } = new();

    public List<(string Type, List<HelpBlock> Description)> Outputs { get; } = new();

    public List<HelpBlock> Notes { get; private set; } = new();

    public List<(string Text, string Uri)> Links { get; } = new();

    /// <summary>The doc, or null after adding its problems to <paramref name="problems"/>.</summary>
    public static CommandDoc? Read(string path, string text, IReadOnlyDictionary<string, CommandFacts> cmdlets, List<DocProblem> problems)
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

        foreach (int line in markdown.Preamble)
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

        doc.Synopsis = Blocks.PlainText(Section("SYNOPSIS")?.Blocks ?? new());
        if (doc.Synopsis.Length == 0)
        {
            report.Add(Section("SYNOPSIS")?.Line ?? 1, "The doc has no synopsis: write one sentence under '## SYNOPSIS'.");
        }

        doc.Description = Section("DESCRIPTION")?.Blocks ?? new();
        if (doc.Description.Count == 0)
        {
            report.Add(Section("DESCRIPTION")?.Line ?? 1, "The doc has no description: write what the cmdlet does under '## DESCRIPTION'.");
        }

        doc.ReadExamples(Section("EXAMPLES"), report);
        if (!cmdlets.TryGetValue(doc.Name, out CommandFacts? cmdlet))
        {
            report.Add(markdown.TitleLine, $"The module has no cmdlet {doc.Name}; its cmdlets are {string.Join(", ", cmdlets.Keys.Order(StringComparer.Ordinal))}.");
        }
        else
        {
            doc.ReadParameters(Section("PARAMETERS"), cmdlet, report);
            doc.ReadSyntax(Section("SYNTAX"), cmdlet, report);
        }

        ReadTypes(Section("INPUTS"), doc.Inputs, report);
        ReadTypes(Section("OUTPUTS"), doc.Outputs, report);
        doc.Notes = Section("NOTES")?.Blocks ?? new();
        doc.Links.AddRange(Blocks.LinkItems(Section("RELATED LINKS")?.Content ?? new()));

        return report.Any ? null : doc;
    }

    private static void ReadTypes(MarkdownSection? section, List<(string, List<HelpBlock>)> types, ProblemList report)
    {
        if (section is null)
        {
            return;
        }

        if (section.HasText)
        {
            report.Add(section.Line, $"Under '## {section.Heading}', name each type in a '### TypeName' subsection ('### None' for none).");
        }

        types.AddRange(section.Subsections.Select(s => (s.Heading, s.Blocks)));
    }

    private void ReadExamples(MarkdownSection? section, ProblemList report)
    {
        if (section?.HasText == true)
        {
            report.Add(section.Line, "Text under '## EXAMPLES' belongs in an '### Example N: title' subsection.");
        }

        foreach (MarkdownSection example in section?.Subsections ?? new())
        {
            List<HelpBlock> blocks = example.Blocks;
            string code = string.Join("\n\n", blocks.Where(IsPowerShell).Select(b => b.Text));
            List<HelpBlock> remarks = blocks.Where(b => !IsPowerShell(b)).ToList();
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

        static bool IsPowerShell(HelpBlock block) => block.Kind == BlockKind.Code && block.Language is "powershell" or "pwsh" or "ps1";
    }

    private void ReadParameters(MarkdownSection? section, CommandFacts cmdlet, ProblemList report)
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

            if (ParameterDoc.Read(parameter, cmdlet, report) is not { } doc)
            {
                continue;
            }

            if (Parameters.Exists(p => p.Name.Equals(doc.Name, StringComparison.OrdinalIgnoreCase)))
            {
                report.Add(parameter.Line, $"The parameter -{doc.Name} is described twice.");
            }

            Parameters.Add(doc);
        }

        foreach (ParameterFacts missing in cmdlet.Parameters.Where(p => !Parameters.Exists(d => d.Name == p.Name)))
        {
            report.Add(section.Line, $"{Name} has the parameter -{missing.Name}, which the doc does not describe: add '### -{missing.Name}' under '## PARAMETERS'.");
        }
    }

    [GeneratedRegex("^[A-Z][a-z]+-[A-Za-z]+$")]
    private static partial Regex CmdletName();
}
