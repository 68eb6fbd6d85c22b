using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace CustomerTools.HelpBuilder;

/// <summary>
/// Writes cmdlet docs as one MAML file (<c>helpItems</c> of <c>command:command</c>), the format
/// Get-Help reads for binary cmdlets, in the shape platyPS writes.
/// </summary>
internal static class MamlWriter
{
    public static readonly XNamespace Msh = "http://msh";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static XDocument Write(IEnumerable<CommandDoc> docs) => new(
        new XDeclaration("1.0", "utf-8", null),
        new XElement(
            Msh + "helpItems",
            new XAttribute("schema", "maml"),
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            docs.OrderBy(d => d.Name, System.StringComparer.Ordinal).Select(CommandElement)));

    private static XElement CommandElement(CommandDoc doc) => new(
        Command + "command",
        new XElement(
            Command + "details",
            new XElement(Command + "name", doc.Name),
            new XElement(Maml + "description", Para(doc.Synopsis)),
            new XElement(Command + "verb", doc.Verb),
            new XElement(Command + "noun", doc.Noun)),
        Description(doc.Description),
        new XElement(
            Command + "syntax",
            doc.Syntax.Select(item => new XElement(
                Command + "syntaxItem",
                new XElement(Maml + "name", doc.Name),
                item.Parameters.Select(p => Parameter(p, inSyntax: true))))),
        new XElement(Command + "parameters", doc.Parameters.Select(p => Parameter(p, inSyntax: false))),
        new XElement(Command + "inputTypes", doc.Inputs.Select(t => TypeElement("inputType", t.Type, t.Description))),
        new XElement(Command + "returnValues", doc.Outputs.Select(t => TypeElement("returnValue", t.Type, t.Description))),
        new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paras(doc.Notes))),
        new XElement(
            Command + "examples",
            doc.Examples.Select(e => new XElement(
                Command + "example",
                new XElement(Maml + "title", $"---------- {e.Title} ----------"),
                new XElement(Dev + "code", e.Code),

                // The empty paragraph sets the next example apart, as in PowerShell's own help.
                new XElement(Dev + "remarks", Paras(e.Remarks), new XElement(Maml + "para"))))),
        new XElement(
            Command + "relatedLinks",
            doc.Links.Select(l => new XElement(
                Maml + "navigationLink",
                new XElement(Maml + "linkText", l.Text),
                new XElement(Maml + "uri", l.Uri)))));

    private static XElement Parameter(ParameterDoc p, bool inSyntax)
    {
        ParameterFacts facts = p.Facts;
        var element = new XElement(
            Command + "parameter",
            new XAttribute("required", facts.Required ? "true" : "false"),
            new XAttribute("variableLength", facts.Type.EndsWith("[]", System.StringComparison.Ordinal) ? "true" : "false"),
            new XAttribute("globbing", facts.Globbing ? "true" : "false"),
            new XAttribute("pipelineInput", facts.PipelineInput),
            new XAttribute("position", facts.PositionText),
            new XAttribute("aliases", facts.Aliases.Count == 0 ? "none" : string.Join(", ", facts.Aliases)),
            new XElement(Maml + "name", p.Name),
            Description(p.Description));

        // A switch shows no value in the syntax ([-All]), but its type in the parameter list.
        if (!(inSyntax && facts.IsSwitch))
        {
            element.Add(new XElement(
                Command + "parameterValue",
                new XAttribute("required", facts.IsSwitch ? "false" : "true"),
                new XAttribute("variableLength", "false"),
                facts.Type));
        }

        element.Add(
            new XElement(Dev + "type", new XElement(Maml + "name", facts.Type), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", p.DefaultValue));
        return element;
    }

    private static XElement TypeElement(string name, string type, List<HelpBlock> description) => new(
        Command + name,
        new XElement(Dev + "type", new XElement(Maml + "name", type)),
        Description(description));

    private static XElement Description(IEnumerable<HelpBlock> blocks) => new(Maml + "description", Paras(blocks));

    private static IEnumerable<XElement> Paras(IEnumerable<HelpBlock> blocks) => blocks.Select(b => Para(b.Text));

    private static XElement Para(string text) => new(Maml + "para", text);
}
