using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CustomerTools.HelpBuilder;
using Xunit;

namespace CustomerTools.Tests;

/// <summary>
/// The help converter (src/CustomerTools.HelpBuilder): a doc in, with the facts of its cmdlet
/// (<see cref="WidgetCommand"/>), gives the expected MAML or about topic out, and a doc that lacks
/// what Get-Help users need, or is not what its cmdlet is, is refused with a message naming the
/// file, the line and the problem.
/// </summary>
public sealed class HelpBuilderTests
{
    private const string DocPath = "docs/Get-Widget.md";

    private static readonly Dictionary<string, CommandFacts> Cmdlets = CommandFacts.Read(typeof(WidgetCommand).Assembly);

    private const string Doc = """
        # Get-Widget

        ## SYNOPSIS
        Gets widgets.

        ## SYNTAX

        ### Id (Default)
        ```
        Get-Widget [-Id] <String[]> [-PassThru] [<CommonParameters>]
        ```

        ### All
        ```
        Get-Widget -All [-PassThru] [<CommonParameters>]
        ```

        ## DESCRIPTION
        Gets **widgets** by id,
        or all of them.

        - One item.
        - Another [item](https://example.com/x), and [a local one](Get-Gadget.md).

        ## EXAMPLES

        ### Example 1: Get one widget
        ```powershell
        Get-Widget -Id 1
        # A comment, not a heading.
        ```

        ```output
        Id Name
        -- ----
        1  Sprocket
        ```

        Gets one widget.

        ### Example 2: Get them all
        ```powershell
        Get-Widget -All
        ```
        Gets every widget.

        ### Example 3: Pass them on
        ```powershell
        Get-Widget 1 -PassThru
        ```
        Gets one, and passes it on.

        ## PARAMETERS

        ### -Id
        The ids of the widgets.

        ```yaml
        Type: String[]
        Parameter Sets: Id
        Aliases: WidgetId
        Required: True
        Position: 0
        Default value: None
        Accept pipeline input: True (ByValue)
        Accept wildcard characters: False
        ```

        ### -All
        Every widget.

        ```yaml
        Type: SwitchParameter
        Parameter Sets: All
        Required: True
        ```

        ### -PassThru
        Passes the widgets on.

        ```yaml
        Type: SwitchParameter
        Default value: False
        ```

        ### CommonParameters
        This cmdlet supports the common parameters.

        ## INPUTS

        ### System.String
        Widget ids.

        ## OUTPUTS

        ### Widget
        One per widget.

        ## NOTES
        Handle with care.

        ## RELATED LINKS
        - [about_Widgets](about_Widgets.md)
        - [Widgets online](https://example.com/widgets)
        """;

    private const string ExpectedMaml = """
        <helpItems schema="maml" xmlns="http://msh" xmlns:maml="http://schemas.microsoft.com/maml/2004/10" xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10" xmlns:dev="http://schemas.microsoft.com/maml/dev/2004/10">
          <command:command>
            <command:details>
              <command:name>Get-Widget</command:name>
              <maml:description><maml:para>Gets widgets.</maml:para></maml:description>
              <command:verb>Get</command:verb>
              <command:noun>Widget</command:noun>
            </command:details>
            <maml:description>
              <maml:para>Gets widgets by id, or all of them.</maml:para>
              <maml:para>- One item.</maml:para>
              <maml:para>- Another item (https://example.com/x), and a local one.</maml:para>
            </maml:description>
            <command:syntax>
              <command:syntaxItem>
                <maml:name>Get-Widget</maml:name>
                <command:parameter required="true" variableLength="true" globbing="false" pipelineInput="True (ByValue)" position="0" aliases="WidgetId">
                  <maml:name>Id</maml:name>
                  <maml:description><maml:para>The ids of the widgets.</maml:para></maml:description>
                  <command:parameterValue required="true" variableLength="false">String[]</command:parameterValue>
                  <dev:type><maml:name>String[]</maml:name><maml:uri /></dev:type>
                  <dev:defaultValue>None</dev:defaultValue>
                </command:parameter>
                <command:parameter required="false" variableLength="false" globbing="false" pipelineInput="False" position="named" aliases="none">
                  <maml:name>PassThru</maml:name>
                  <maml:description><maml:para>Passes the widgets on.</maml:para></maml:description>
                  <dev:type><maml:name>SwitchParameter</maml:name><maml:uri /></dev:type>
                  <dev:defaultValue>False</dev:defaultValue>
                </command:parameter>
              </command:syntaxItem>
              <command:syntaxItem>
                <maml:name>Get-Widget</maml:name>
                <command:parameter required="true" variableLength="false" globbing="false" pipelineInput="False" position="named" aliases="none">
                  <maml:name>All</maml:name>
                  <maml:description><maml:para>Every widget.</maml:para></maml:description>
                  <dev:type><maml:name>SwitchParameter</maml:name><maml:uri /></dev:type>
                  <dev:defaultValue>None</dev:defaultValue>
                </command:parameter>
                <command:parameter required="false" variableLength="false" globbing="false" pipelineInput="False" position="named" aliases="none">
                  <maml:name>PassThru</maml:name>
                  <maml:description><maml:para>Passes the widgets on.</maml:para></maml:description>
                  <dev:type><maml:name>SwitchParameter</maml:name><maml:uri /></dev:type>
                  <dev:defaultValue>False</dev:defaultValue>
                </command:parameter>
              </command:syntaxItem>
            </command:syntax>
            <command:parameters>
              <command:parameter required="true" variableLength="true" globbing="false" pipelineInput="True (ByValue)" position="0" aliases="WidgetId">
                <maml:name>Id</maml:name>
                <maml:description><maml:para>The ids of the widgets.</maml:para></maml:description>
                <command:parameterValue required="true" variableLength="false">String[]</command:parameterValue>
                <dev:type><maml:name>String[]</maml:name><maml:uri /></dev:type>
                <dev:defaultValue>None</dev:defaultValue>
              </command:parameter>
              <command:parameter required="true" variableLength="false" globbing="false" pipelineInput="False" position="named" aliases="none">
                <maml:name>All</maml:name>
                <maml:description><maml:para>Every widget.</maml:para></maml:description>
                <command:parameterValue required="false" variableLength="false">SwitchParameter</command:parameterValue>
                <dev:type><maml:name>SwitchParameter</maml:name><maml:uri /></dev:type>
                <dev:defaultValue>None</dev:defaultValue>
              </command:parameter>
              <command:parameter required="false" variableLength="false" globbing="false" pipelineInput="False" position="named" aliases="none">
                <maml:name>PassThru</maml:name>
                <maml:description><maml:para>Passes the widgets on.</maml:para></maml:description>
                <command:parameterValue required="false" variableLength="false">SwitchParameter</command:parameterValue>
                <dev:type><maml:name>SwitchParameter</maml:name><maml:uri /></dev:type>
                <dev:defaultValue>False</dev:defaultValue>
              </command:parameter>
            </command:parameters>
            <command:inputTypes>
              <command:inputType>
                <dev:type><maml:name>System.String</maml:name></dev:type>
                <maml:description><maml:para>Widget ids.</maml:para></maml:description>
              </command:inputType>
            </command:inputTypes>
            <command:returnValues>
              <command:returnValue>
                <dev:type><maml:name>Widget</maml:name></dev:type>
                <maml:description><maml:para>One per widget.</maml:para></maml:description>
              </command:returnValue>
            </command:returnValues>
            <maml:alertSet>
              <maml:alert><maml:para>Handle with care.</maml:para></maml:alert>
            </maml:alertSet>
            <command:examples>
              <command:example>
                <maml:title>---------- Example 1: Get one widget ----------</maml:title>
                <dev:code>Get-Widget -Id 1
        # A comment, not a heading.</dev:code>
                <dev:remarks>
                  <maml:para>Id Name
        -- ----
        1  Sprocket</maml:para>
                  <maml:para>Gets one widget.</maml:para>
                  <maml:para />
                </dev:remarks>
              </command:example>
              <command:example>
                <maml:title>---------- Example 2: Get them all ----------</maml:title>
                <dev:code>Get-Widget -All</dev:code>
                <dev:remarks><maml:para>Gets every widget.</maml:para><maml:para /></dev:remarks>
              </command:example>
              <command:example>
                <maml:title>---------- Example 3: Pass them on ----------</maml:title>
                <dev:code>Get-Widget 1 -PassThru</dev:code>
                <dev:remarks><maml:para>Gets one, and passes it on.</maml:para><maml:para /></dev:remarks>
              </command:example>
            </command:examples>
            <command:relatedLinks>
              <maml:navigationLink><maml:linkText>about_Widgets</maml:linkText><maml:uri /></maml:navigationLink>
              <maml:navigationLink><maml:linkText>Widgets online</maml:linkText><maml:uri>https://example.com/widgets</maml:uri></maml:navigationLink>
            </command:relatedLinks>
          </command:command>
        </helpItems>
        """;

    private const string AboutDoc = """
        # about_Widgets

        ## SHORT DESCRIPTION
        Explains widgets.

        ## LONG DESCRIPTION
        Widgets are small parts that do one thing each, and this sentence is long enough to wrap at eighty columns.

        | Name | What |
        | --- | --- |
        | `Get-Widget` | Gets widgets. |

        ```powershell
        Get-Widget -All
        ```

        ### Caring for widgets
        - Keep them **dry**.
        - See [the manual](https://example.com/manual).

        ## SEE ALSO
        - Get-Widget
        """;

    private const string ExpectedAbout = """
        TOPIC
            about_Widgets

        SHORT DESCRIPTION
            Explains widgets.

        LONG DESCRIPTION
            Widgets are small parts that do one thing each, and this sentence is long
            enough to wrap at eighty columns.

            Name          What
            `Get-Widget`  Gets widgets.

                Get-Widget -All

          Caring for widgets
            - Keep them dry.
            - See the manual (https://example.com/manual).

        SEE ALSO
            - Get-Widget

        """;

    [Fact]
    public void A_doc_gives_the_expected_MAML()
    {
        var (outputs, problems) = HelpBuild.Convert(new[] { (DocPath, Doc) }, Cmdlets);

        Assert.Empty(problems);
        var (name, text) = Assert.Single(outputs);
        Assert.Equal("CustomerTools.dll-Help.xml", name);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        XElement actual = XDocument.Parse(text).Root!;
        XElement expected = XElement.Parse(ExpectedMaml);
        Assert.True(XNode.DeepEquals(Canonical(expected), Canonical(actual)), "MAML differs from the expected:\n" + Canonical(actual));
    }

    [Fact]
    public void An_about_doc_gives_the_expected_about_topic()
    {
        var (outputs, problems) = HelpBuild.Convert(new[] { ("docs/about_Widgets.md", AboutDoc), (DocPath, Doc) }, Cmdlets);

        Assert.Empty(problems);
        var (name, text) = Assert.Single(outputs, o => o.Name.StartsWith("about_", StringComparison.Ordinal));
        Assert.Equal("about_Widgets.help.txt", name);
        Assert.Equal(ExpectedAbout.Replace("\r\n", "\n", StringComparison.Ordinal), text);
    }

    [Theory]
    [InlineData("## SYNOPSIS\nGets widgets.\n", "", "no synopsis")]
    [InlineData("Gets **widgets** by id,\nor all of them.\n\n- One item.\n- Another [item](https://example.com/x), and [a local one](Get-Gadget.md).\n", "", "no description")]
    [InlineData("### Example 3: Pass them on\n```powershell\nGet-Widget 1 -PassThru\n```\nGets one, and passes it on.\n", "", "has 2 example(s)")]
    [InlineData("## PARAMETERS\n", "## MORE\n", "no '## PARAMETERS' section")]
    [InlineData("## PARAMETERS\n", "## PARAMETER\n", "Unknown section '## PARAMETER'")]
    [InlineData("The ids of the widgets.\n", "", "Parameter -Id has no description")]
    [InlineData("Required: True\nPosition: 0", "Required: Yes\nPosition: 0", "the doc says 'Required: Yes', but the cmdlet's parameter is 'Required: True'")]
    [InlineData("Aliases: WidgetId", "Aliases: Wid", "the doc says 'Aliases: Wid', but the cmdlet's parameter is 'Aliases: WidgetId'")]
    [InlineData("Accept pipeline input: True (ByValue)", "Accept pipeline input: True (ByPropertyName)", "is 'Accept pipeline input: True (ByValue)'")]
    [InlineData("### CommonParameters", "### -Force\nForces it.\n\n### CommonParameters", "Get-Widget has no parameter -Force; describe only its parameters: -Id, -All, -PassThru.")]
    [InlineData("### -PassThru\nPasses the widgets on.\n", "", "Get-Widget has the parameter -PassThru, which the doc does not describe")]
    [InlineData("### All\n```", "### Everything\n```", "'### Everything' under '## SYNTAX' is not a parameter set of Get-Widget; its sets are Id, All.")]
    [InlineData("### Id (Default)", "### Id", "Get-Widget's default parameter set is 'Id'")]
    [InlineData("Gets every widget.", "", "'Example 2: Get them all' does not explain itself")]
    [InlineData("```powershell\nGet-Widget -All\n```", "", "'Example 2: Get them all' has no ```powershell code block")]
    [InlineData("# Get-Widget", "# Get-Widgets", "must be the cmdlet's name")]
    [InlineData("Get-Widget [-Id] <String[]> [-PassThru]", "Get-Widget [-Id] <String[]> [-Force]", "naming the parameters -Id, -PassThru; it names -Id, -Force")]
    [InlineData("### All\n```\nGet-Widget -All [-PassThru] [<CommonParameters>]\n```\n", "", "The parameter set 'All' is not in '## SYNTAX'")]
    public void A_doc_that_lacks_something_fails_naming_the_file_and_the_problem(string remove, string insert, string problem)
    {
        string doc = Doc.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(remove, doc, StringComparison.Ordinal);
        var (outputs, problems) = HelpBuild.Convert(new[] { (DocPath, doc.Replace(remove, insert, StringComparison.Ordinal)) }, Cmdlets);

        DocProblem found = Assert.Single(problems, p => p.Message.Contains(problem, StringComparison.Ordinal));
        Assert.Equal(DocPath, found.Path);
        Assert.True(found.Line >= 1);
        Assert.Matches(@"^docs/Get-Widget\.md\(\d+\): error CTHELP: ", found.ToString());
        Assert.Empty(outputs);
    }

    [Fact]
    public void An_about_topic_without_its_descriptions_fails()
    {
        var (_, problems) = HelpBuild.Convert(new[] { ("docs/about_Widgets.md", "# about_Widgets\n\n## LONG DESCRIPTION\nText.\n"), (DocPath, Doc) }, Cmdlets);

        DocProblem problem = Assert.Single(problems);
        Assert.Equal("docs/about_Widgets.md", problem.Path);
        Assert.Contains("'## SHORT DESCRIPTION'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cmdlet_without_a_doc_fails_naming_the_doc_to_write()
    {
        var (_, problems) = HelpBuild.Convert(new[] { ("docs/about_Widgets.md", AboutDoc) }, Cmdlets);

        DocProblem problem = Assert.Single(problems);
        Assert.Equal(Path.Combine("docs", "Get-Widget.md"), problem.Path);
        Assert.Equal("The cmdlet Get-Widget has no doc: write Get-Widget.md.", problem.Message);
    }

    [Fact]
    public void Run_writes_the_help_files_and_nothing_when_a_doc_is_wrong()
    {
        string root = Path.Combine(Path.GetTempPath(), "HelpBuilderTests-" + Guid.NewGuid().ToString("N"));
        string docs = Path.Combine(root, "docs");
        string outDir = Path.Combine(root, "out", "en-US");
        Directory.CreateDirectory(docs);
        try
        {
            File.WriteAllText(Path.Combine(docs, "Get-Widget.md"), Doc);
            File.WriteAllText(Path.Combine(docs, "about_Widgets.md"), AboutDoc);
            string cmdlets = typeof(WidgetCommand).Assembly.Location;
            Assert.Equal(0, HelpBuilder.Program.Main(new[] { docs, outDir, cmdlets }));
            Assert.Equal(new[] { "CustomerTools.dll-Help.xml", "about_Widgets.help.txt" }, Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            Directory.Delete(outDir, recursive: true);
            File.WriteAllText(Path.Combine(docs, "Get-Gadget.md"), "# Get-Gadget\n\n## SYNOPSIS\nGets gadgets.\n");
            List<DocProblem> problems = HelpBuild.Run(docs, outDir, cmdlets);
            Assert.NotEmpty(problems);
            Assert.All(problems, p => Assert.EndsWith("Get-Gadget.md", p.Path, StringComparison.Ordinal));
            Assert.False(Directory.Exists(outDir));
            Assert.Equal(1, HelpBuilder.Program.Main(new[] { docs, outDir, cmdlets }));
            Assert.Equal(2, HelpBuilder.Program.Main(new[] { Path.Combine(root, "missing"), outDir, cmdlets }));
            Assert.Equal(2, HelpBuilder.Program.Main(new[] { docs, outDir, Path.Combine(root, "missing.dll") }));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Without the whitespace between elements, which MAML readers ignore.</summary>
    private static XElement Canonical(XElement element) => new(
        element.Name,
        element.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString(), StringComparer.Ordinal),
        element.HasElements ? element.Elements().Select(Canonical) : element.Value.Length > 0 ? element.Value : null);
}
