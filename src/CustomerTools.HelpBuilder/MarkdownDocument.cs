using System.Collections.Generic;
using Markdig;
using Markdig.Syntax;

namespace CustomerTools.HelpBuilder;

/// <summary>
/// A Markdown file, parsed by Markdig and cut at its headings: '#' is the title, '##' a section,
/// '###' a subsection. Line numbers are 1-based, for the problems the build prints.
/// </summary>
internal sealed class MarkdownDocument
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public string? Title { get; private set; }

    public int TitleLine { get; private set; }

    /// <summary>The lines of the blocks before the first section (other than the title).</summary>
    public List<int> Preamble { get; } = new();

    public List<MarkdownSection> Sections { get; } = new();

    public static MarkdownDocument Parse(string text)
    {
        var document = new MarkdownDocument();
        MarkdownSection? section = null;
        MarkdownSection? subsection = null;
        foreach (Block block in Markdown.Parse(text, Pipeline))
        {
            int line = block.Line + 1;
            if (block is HeadingBlock { Level: <= 3 } heading)
            {
                string title = Blocks.Inline(heading.Inline);
                if (heading.Level == 1 && document.Title is null && section is null)
                {
                    document.Title = title;
                    document.TitleLine = line;
                }
                else if (heading.Level < 3 || section is null)
                {
                    section = new MarkdownSection(title, line);
                    subsection = null;
                    document.Sections.Add(section);
                }
                else
                {
                    subsection = new MarkdownSection(title, line);
                    section.Subsections.Add(subsection);
                }
            }
            else if ((subsection ?? section) is { } current)
            {
                current.Content.Add(block);
            }
            else
            {
                document.Preamble.Add(line);
            }
        }

        return document;
    }
}

/// <summary>A heading, the Markdown blocks under it, and its subsections.</summary>
internal sealed class MarkdownSection
{
    public MarkdownSection(string heading, int line)
    {
        Heading = heading;
        Line = line;
    }

    public string Heading { get; }

    public int Line { get; }

    /// <summary>The blocks as Markdig parsed them.</summary>
    public List<Block> Content { get; } = new();

    public List<MarkdownSection> Subsections { get; } = new();

    public bool HasText => Content.Count > 0;

    /// <summary>The blocks as help text.</summary>
    public List<HelpBlock> Blocks => HelpBuilder.Blocks.From(Content);
}
