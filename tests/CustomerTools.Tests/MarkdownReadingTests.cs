using System.Linq;
using CustomerTools.HelpBuilder;
using Xunit;

namespace CustomerTools.Tests;

/// <summary>
/// The help converter reads docs with Markdig: headings cut the doc into sections (never inside
/// code), and the blocks under them become the help's text.
/// </summary>
public sealed class MarkdownReadingTests
{
    [Fact]
    public void Headings_cut_the_doc_into_title_sections_and_subsections_but_not_inside_code()
    {
        MarkdownDocument doc = MarkdownDocument.Parse("""
            Stray text.

            # Get-Widget

            ## EXAMPLES

            ### Example 1
            ```powershell
            # a comment, not a heading
            ## nor this
            ```

            ## NOTES
            Text.
            """.Replace("\r\n", "\n", System.StringComparison.Ordinal));

        Assert.Equal(("Get-Widget", 3), (doc.Title, doc.TitleLine));
        Assert.Equal(new[] { 1 }, doc.Preamble);
        Assert.Equal(new[] { ("EXAMPLES", 5), ("NOTES", 13) }, doc.Sections.Select(s => (s.Heading, s.Line)));
        MarkdownSection example = Assert.Single(doc.Sections[0].Subsections);
        Assert.Equal(("Example 1", 7), (example.Heading, example.Line));
        HelpBlock code = Assert.Single(example.Blocks);
        Assert.Equal(new HelpBlock(BlockKind.Code, "# a comment, not a heading\n## nor this", "powershell"), code);
    }

    [Fact]
    public void Inline_markup_becomes_console_text()
    {
        HelpBlock paragraph = Assert.Single(Blocks("""
            **Bold** loses its stars, *emphasis* and `code` and ``co`de`` keep theirs,
            a [web link](https://example.com/x) keeps its address and a [local one](Other.md) its text;
            the lines   join.
            """));

        Assert.Equal(
            new HelpBlock(BlockKind.Paragraph, "Bold loses its stars, *emphasis* and `code` and ``co`de`` keep theirs, a web link (https://example.com/x) keeps its address and a local one its text; the lines   join."),
            paragraph);
    }

    [Fact]
    public void List_items_numbered_or_nested_are_dash_items_and_what_follows_an_item_stays_a_block()
    {
        HelpBlock[] blocks = Blocks("""
            1. First,
               continued.
            2. Second.
               - Nested.

               A second paragraph.
            """);

        Assert.Equal(
            new[]
            {
                new HelpBlock(BlockKind.ListItem, "- First, continued."),
                new HelpBlock(BlockKind.ListItem, "- Second."),
                new HelpBlock(BlockKind.ListItem, "- Nested."),
                new HelpBlock(BlockKind.Paragraph, "A second paragraph."),
            },
            blocks);
    }

    [Fact]
    public void A_table_is_its_cells_header_first_and_aligned_columns()
    {
        HelpBlock table = Assert.Single(Blocks("""
            | Name | What |
            | --- | --- |
            | `Get-Widget` | Gets **widgets**. |
            | x |  |
            """));

        Assert.Equal(BlockKind.Table, table.Kind);
        Assert.Equal(new[] { new[] { "Name", "What" }, new[] { "`Get-Widget`", "Gets widgets." }, new[] { "x", string.Empty } }, table.Rows);
        Assert.Equal("Name          What\n`Get-Widget`  Gets widgets.\nx", table.Text);
    }

    private static HelpBlock[] Blocks(string markdown) =>
        MarkdownDocument.Parse("## S\n" + markdown.Replace("\r\n", "\n", System.StringComparison.Ordinal)).Sections.Single().Blocks.ToArray();
}
