using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CustomerTools.HelpBuilder;

internal enum BlockKind
{
    Paragraph,
    ListItem,
    Code,
    Table,
}

/// <summary>
/// One block of help text: a paragraph, a list item, a fenced code block or a table (whose
/// <see cref="Text"/> is its aligned columns, and <see cref="Rows"/> its cells, header first).
/// </summary>
internal sealed record HelpBlock(BlockKind Kind, string Text, string Language = "", IReadOnlyList<string[]>? Rows = null);

/// <summary>
/// Markdig's blocks as help text. Paragraph lines are joined (the console wraps them); code keeps
/// its lines; tables are aligned as plain text; list items, nested or numbered, become "- " items.
/// </summary>
internal static class Blocks
{
    public static List<HelpBlock> From(IEnumerable<Block> blocks)
    {
        var result = new List<HelpBlock>();
        foreach (Block block in blocks)
        {
            Add(block, result);
        }

        return result;
    }

    /// <summary>
    /// Inline Markdown as console text: **bold** and links lose their markup (a web link keeps its
    /// address in brackets); `code` and any other markup stay as written.
    /// </summary>
    public static string Inline(ContainerInline? inlines)
    {
        var text = new StringBuilder();
        Append(inlines, text);
        return text.ToString().Trim();
    }

    /// <summary>Plain text of blocks, for places that hold one string (a synopsis, a title).</summary>
    public static string PlainText(IEnumerable<HelpBlock> blocks) => string.Join(" ", blocks.Select(b => b.Text)).Trim();

    /// <summary>A list of links, such as RELATED LINKS: each item's text, and its address if it is a web link.</summary>
    public static IEnumerable<(string Text, string Uri)> LinkItems(IEnumerable<Block> blocks) =>
        blocks.OfType<ListBlock>().SelectMany(list => list.OfType<ListItemBlock>()).Select(item => item.FirstOrDefault() as LeafBlock)
            .Where(first => first is not null && Inline(first.Inline).Length > 0)
            .Select(first => first!.Inline?.FirstChild is LinkInline { NextSibling: null } link
                ? (Inline(link), IsWeb(link.Url) ? link.Url! : string.Empty)
                : (Inline(first.Inline), string.Empty));

    private static void Add(Block block, List<HelpBlock> result)
    {
        switch (block)
        {
            case CodeBlock code:
                string language = (code as FencedCodeBlock)?.Info ?? string.Empty;
                result.Add(new HelpBlock(BlockKind.Code, string.Join("\n", code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString().TrimEnd())), language));
                break;
            case Table table:
                List<string[]> rows = table.OfType<TableRow>()
                    .Select(row => row.OfType<TableCell>().Select(cell => Inline((cell.FirstOrDefault() as LeafBlock)?.Inline)).ToArray())
                    .ToList();
                result.Add(new HelpBlock(BlockKind.Table, AlignTable(rows), Rows: rows));
                break;
            case ListBlock list:
                foreach (ListItemBlock item in list.OfType<ListItemBlock>())
                {
                    // The item's first paragraph is the item; anything after it (more paragraphs,
                    // code, a nested list) follows as blocks of its own.
                    bool first = true;
                    foreach (Block part in item)
                    {
                        if (first && part is ParagraphBlock paragraph)
                        {
                            result.Add(new HelpBlock(BlockKind.ListItem, "- " + Inline(paragraph.Inline)));
                        }
                        else
                        {
                            Add(part, result);
                        }

                        first = false;
                    }
                }

                break;
            case LeafBlock leaf when leaf.Inline is not null:
                result.Add(new HelpBlock(BlockKind.Paragraph, Inline(leaf.Inline)));
                break;
            case ContainerBlock container:
                foreach (Block inner in container)
                {
                    Add(inner, result);
                }

                break;
        }
    }

    private static void Append(ContainerInline? container, StringBuilder text)
    {
        for (Inline? inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case CodeInline code:
                    string fence = new(code.Delimiter, code.DelimiterCount);
                    text.Append(fence).Append(code.Content).Append(fence);
                    break;
                case LinkInline link:
                    Append(link, text);
                    if (IsWeb(link.Url))
                    {
                        text.Append(" (").Append(link.Url).Append(')');
                    }

                    break;
                case EmphasisInline emphasis:
                    string marks = emphasis is { DelimiterChar: '*', DelimiterCount: 2 } ? string.Empty : new string(emphasis.DelimiterChar, emphasis.DelimiterCount);
                    text.Append(marks);
                    Append(emphasis, text);
                    text.Append(marks);
                    break;
                case ContainerInline inner:
                    Append(inner, text);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Original);
                    break;
                case AutolinkInline autolink:
                    text.Append('<').Append(autolink.Url).Append('>');
                    break;
                case HtmlInline html:
                    text.Append(html.Tag);
                    break;
                case LiteralInline literal:
                    text.Append(literal.Content);
                    break;
            }
        }
    }

    private static bool IsWeb(string? uri) => uri?.StartsWith("http", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A table as aligned columns, without its pipes and separator row.</summary>
    private static string AlignTable(List<string[]> cells)
    {
        int columns = cells.Max(c => c.Length);
        int[] widths = Enumerable.Range(0, columns).Select(i => cells.Max(c => i < c.Length ? c[i].Length : 0)).ToArray();
        var table = new StringBuilder();
        foreach (string[] row in cells)
        {
            string line = string.Join("  ", row.Select((c, i) => c.PadRight(widths[i])));
            table.Append(line.TrimEnd()).Append('\n');
        }

        return table.ToString().TrimEnd('\n');
    }
}
