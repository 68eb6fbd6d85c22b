using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CustomerTools.HelpBuilder;

internal enum BlockKind
{
    Paragraph,
    ListItem,
    Code,
    Table,
}

/// <summary>
/// One block of Markdown text: a paragraph, a list item, a fenced code block or a table (whose
/// <see cref="Text"/> is its aligned columns, and <see cref="Rows"/> its cells, header first).
/// </summary>
internal sealed record Block(BlockKind Kind, string Text, string Language = "", IReadOnlyList<string[]>? Rows = null);

/// <summary>
/// The little Markdown the docs use, read into blocks. Paragraph lines are joined (the console
/// wraps them); code keeps its lines; tables are aligned as plain text; links keep their text.
/// </summary>
internal static partial class Blocks
{
    public static List<Block> Parse(IEnumerable<(int Line, string Text)> lines) => Parse(lines.Select(l => l.Text));

    public static List<Block> Parse(IEnumerable<string> lines)
    {
        var blocks = new List<Block>();
        var text = new List<string>();
        BlockKind kind = BlockKind.Paragraph;
        string? fence = null;

        void Flush()
        {
            if (text.Count > 0)
            {
                if (kind == BlockKind.Table)
                {
                    List<string[]> rows = TableRows(text);
                    blocks.Add(new Block(kind, AlignTable(rows), Rows: rows));
                }
                else
                {
                    blocks.Add(new Block(kind, Inline(string.Join(" ", text.Select(t => t.Trim())))));
                }

                text.Clear();
            }

            kind = BlockKind.Paragraph;
        }

        foreach (string line in lines)
        {
            string trimmed = line.Trim();
            if (fence is not null)
            {
                if (trimmed.StartsWith("```", StringComparison.Ordinal))
                {
                    blocks.Add(new Block(BlockKind.Code, string.Join("\n", text), fence));
                    text.Clear();
                    fence = null;
                }
                else
                {
                    text.Add(line.TrimEnd());
                }

                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                fence = trimmed.Substring(3).Trim();
                continue;
            }

            bool isTable = trimmed.StartsWith('|');
            Match item = ListItem().Match(line);
            if (trimmed.Length == 0 || item.Success || isTable != (kind == BlockKind.Table))
            {
                Flush();
            }

            if (item.Success)
            {
                kind = BlockKind.ListItem;
                text.Add("- " + line.Substring(item.Length));
            }
            else if (trimmed.Length > 0)
            {
                kind = isTable ? BlockKind.Table : kind;
                text.Add(line);
            }
        }

        if (fence is not null)
        {
            // An unclosed fence: keep its text rather than lose it; the reader sees the problem.
            blocks.Add(new Block(BlockKind.Code, string.Join("\n", text), fence));
            text.Clear();
        }

        Flush();
        return blocks;
    }

    /// <summary>Inline Markdown as console text: **bold** and links lose their markup; `code` stays.</summary>
    public static string Inline(string text)
    {
        text = Link().Replace(text, m => m.Groups["uri"].Value.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            ? $"{m.Groups["text"].Value} ({m.Groups["uri"].Value})"
            : m.Groups["text"].Value);
        return text.Replace("**", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>Plain text of blocks, for places that hold one string (a synopsis, a title).</summary>
    public static string PlainText(IEnumerable<Block> blocks) => string.Join(" ", blocks.Select(b => b.Text)).Trim();

    private static List<string[]> TableRows(List<string> lines) => lines
        .Where(r => !TableSeparator().IsMatch(r))
        .Select(r => r.Trim().Trim('|').Split('|').Select(c => Inline(c.Trim())).ToArray())
        .ToList();

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

    [GeneratedRegex(@"^\s*(?:[-*]|\d+\.)\s+")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<uri>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}")]
    private static partial Regex TableSeparator();
}
