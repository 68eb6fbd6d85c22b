using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CustomerTools.HelpBuilder;

/// <summary>
/// Writes docs/en-US/about_*.md as the plain-text about topic Get-Help shows: TOPIC, SHORT
/// DESCRIPTION, LONG DESCRIPTION and the other '##' sections as capitalised headings, text
/// indented by four and wrapped at 80 columns, code and tables kept as they are.
/// </summary>
internal static class AboutTopicWriter
{
    private const int Width = 80;
    private const string Indent = "    ";

    public static string? Write(string path, string text, List<DocProblem> problems)
    {
        var report = new ProblemList(path, problems);
        MarkdownDocument markdown = MarkdownDocument.Parse(text);
        string expected = System.IO.Path.GetFileNameWithoutExtension(path);
        if (!string.Equals(markdown.Title, expected, StringComparison.Ordinal))
        {
            report.Add(markdown.TitleLine > 0 ? markdown.TitleLine : 1, $"The first line must be the topic's name, the same as the file's: '# {expected}'.");
        }

        foreach (string required in new[] { "SHORT DESCRIPTION", "LONG DESCRIPTION" })
        {
            if (!markdown.Sections.Exists(s => s.Heading.Equals(required, StringComparison.OrdinalIgnoreCase) && (s.HasText || s.Subsections.Count > 0)))
            {
                report.Add(1, $"The topic has no '## {required}' section with text.");
            }
        }

        if (report.Any)
        {
            return null;
        }

        var output = new StringBuilder();
        output.Append("TOPIC\n").Append(Indent).Append(expected).Append('\n');
        foreach (MarkdownSection section in markdown.Sections)
        {
            output.Append('\n').Append(section.Heading.ToUpperInvariant()).Append('\n');
            WriteBlocks(output, section.Blocks, Indent);
            foreach (MarkdownSection subsection in section.Subsections)
            {
                output.Append('\n').Append("  ").Append(subsection.Heading).Append('\n');
                WriteBlocks(output, subsection.Blocks, Indent);
            }
        }

        return output.ToString();
    }

    private static void WriteBlocks(StringBuilder output, List<HelpBlock> blocks, string indent)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            HelpBlock block = blocks[i];

            // List items follow each other without a blank line; everything else is set apart.
            if (i > 0 && !(block.Kind == BlockKind.ListItem && blocks[i - 1].Kind == BlockKind.ListItem))
            {
                output.Append('\n');
            }

            switch (block.Kind)
            {
                case BlockKind.Table when block.Text.Split('\n').Max(l => l.Length) + indent.Length > Width:
                    WriteRecords(output, block.Rows!, indent);
                    break;
                case BlockKind.Code:
                case BlockKind.Table:
                    string extra = block.Kind == BlockKind.Code ? Indent : string.Empty;
                    foreach (string line in block.Text.Split('\n'))
                    {
                        output.Append((indent + extra + line).TrimEnd()).Append('\n');
                    }

                    break;
                case BlockKind.ListItem:
                    Wrap(output, block.Text.Substring(2), indent + "- ", indent + "  ");
                    break;
                default:
                    Wrap(output, block.Text, indent, indent);
                    break;
            }
        }
    }

    /// <summary>A table too wide for the console: one record per row, its first cell as a title.</summary>
    private static void WriteRecords(StringBuilder output, IReadOnlyList<string[]> rows, string indent)
    {
        string[] header = rows[0];
        for (int r = 1; r < rows.Count; r++)
        {
            string[] row = rows[r];
            output.Append(r > 1 ? "\n" : string.Empty).Append(indent).Append(row[0]).Append('\n');
            for (int i = 1; i < row.Length; i++)
            {
                // With one value per row, the header's name for it would only repeat itself.
                string label = row.Length > 2 && i < header.Length ? header[i] + ": " : string.Empty;
                Wrap(output, label + row[i], indent + Indent, indent + Indent + "  ");
            }
        }
    }

    private static void Wrap(StringBuilder output, string text, string first, string rest)
    {
        var line = new StringBuilder(first);
        int start = line.Length;
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > start && line.Length + 1 + word.Length > Width)
            {
                output.Append(line).Append('\n');
                line.Clear().Append(rest);
                start = line.Length;
            }

            line.Append(line.Length > start ? " " : string.Empty).Append(word);
        }

        output.Append(line).Append('\n');
    }
}
