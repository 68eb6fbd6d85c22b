using System;
using System.Collections.Generic;

namespace CustomerTools.HelpBuilder;

/// <summary>
/// A Markdown file cut at its headings: '#' is the title, '##' a section, '###' a subsection.
/// Lines inside ``` fences are never headings (PowerShell comments start with '#').
/// </summary>
internal sealed class MarkdownDocument
{
    public string? Title { get; private set; }

    public int TitleLine { get; private set; }

    /// <summary>Non-blank lines before the first section (other than the title), with their line numbers.</summary>
    public List<(int Line, string Text)> Preamble { get; } = new();

    public List<MarkdownSection> Sections { get; } = new();

    public static MarkdownDocument Parse(string text)
    {
        var document = new MarkdownDocument();
        MarkdownSection? section = null;
        MarkdownSection? subsection = null;
        bool inFence = false;
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int number = i + 1;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence && HeadingLevel(line) is > 0 and var level)
            {
                string heading = line.Substring(level).Trim();
                if (level == 1 && document.Title is null && section is null)
                {
                    document.Title = heading;
                    document.TitleLine = number;
                    continue;
                }

                if (level == 2 || section is null)
                {
                    section = new MarkdownSection(heading, number);
                    subsection = null;
                    document.Sections.Add(section);
                    continue;
                }

                if (level == 3)
                {
                    subsection = new MarkdownSection(heading, number);
                    section.Subsections.Add(subsection);
                    continue;
                }
            }

            if ((subsection ?? section) is { } current)
            {
                current.Body.Add((number, line));
            }
            else if (line.Trim().Length > 0)
            {
                document.Preamble.Add((number, line));
            }
        }

        return document;
    }

    private static int HeadingLevel(string line)
    {
        int level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        return level is >= 1 and <= 3 && level < line.Length && line[level] == ' ' ? level : 0;
    }
}

/// <summary>A heading, the lines under it, and its subsections.</summary>
internal sealed class MarkdownSection
{
    public MarkdownSection(string heading, int line)
    {
        Heading = heading;
        Line = line;
    }

    public string Heading { get; }

    public int Line { get; }

    public List<(int Line, string Text)> Body { get; } = new();

    public List<MarkdownSection> Subsections { get; } = new();

    public bool HasText => Body.Exists(l => l.Text.Trim().Length > 0);
}
