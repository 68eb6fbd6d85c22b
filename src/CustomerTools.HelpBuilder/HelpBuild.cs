using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Xml.Linq;

namespace CustomerTools.HelpBuilder;

/// <summary>
/// Converts a folder of docs: every &lt;Verb-Noun&gt;.md, with the facts of its cmdlet, into one MAML
/// file, every about_*.md into its about_*.help.txt. Nothing is written unless every doc is valid
/// and every cmdlet has its doc.
/// </summary>
internal static class HelpBuild
{
    /// <summary>The name Get-Help looks for: the cmdlets' assembly name plus "-Help.xml".</summary>
    public const string MamlFileName = "CustomerTools.dll-Help.xml";

    /// <summary>Converts docs given as (path, text) for <paramref name="cmdlets"/>; the outputs are (file name, text).</summary>
    public static (List<(string Name, string Text)> Outputs, List<DocProblem> Problems) Convert(
        IEnumerable<(string Path, string Text)> docs, IReadOnlyDictionary<string, CommandFacts> cmdlets)
    {
        var problems = new List<DocProblem>();
        var outputs = new List<(string, string)>();
        var commands = new List<CommandDoc>();
        var documented = new List<string>();
        string folder = string.Empty;
        foreach ((string path, string text) in docs.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(path);
            folder = Path.GetDirectoryName(path) ?? string.Empty;
            if (name.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
            {
                if (AboutTopicWriter.Write(path, text, problems) is { } topic)
                {
                    outputs.Add((name + ".help.txt", topic));
                }
            }
            else
            {
                documented.Add(name);
                if (CommandDoc.Read(path, text, cmdlets, problems) is { } command)
                {
                    commands.Add(command);
                }
            }
        }

        foreach (string cmdlet in cmdlets.Keys.Except(documented, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            problems.Add(new DocProblem(Path.Combine(folder, cmdlet + ".md"), 1, $"The cmdlet {cmdlet} has no doc: write {cmdlet}.md."));
        }

        if (commands.Count > 0)
        {
            outputs.Add((MamlFileName, ToText(MamlWriter.Write(commands))));
        }

        return (outputs, problems);
    }

    /// <summary>
    /// Reads <paramref name="docsDir"/>/*.md and the cmdlets in <paramref name="cmdletAssembly"/>,
    /// and writes the help into <paramref name="outDir"/>; returns the problems.
    /// </summary>
    public static List<DocProblem> Run(string docsDir, string outDir, string cmdletAssembly)
    {
        string[] files = Directory.GetFiles(docsDir, "*.md");
        if (files.Length == 0)
        {
            return new List<DocProblem> { new(docsDir, 0, "There are no *.md docs in this folder.") };
        }

        var cmdlets = CommandFacts.Read(Assembly.LoadFrom(cmdletAssembly));
        var (outputs, problems) = Convert(files.Select(f => (f, File.ReadAllText(f))), cmdlets);
        if (problems.Count == 0)
        {
            Directory.CreateDirectory(outDir);
            foreach ((string name, string text) in outputs)
            {
                // The MAML declares its encoding; a text topic says it with a BOM, which Windows
                // PowerShell 5.1 needs to read anything beyond ASCII as UTF-8.
                bool bom = name.EndsWith(".txt", StringComparison.Ordinal);
                File.WriteAllText(Path.Combine(outDir, name), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
            }
        }

        return problems;
    }

    private static string ToText(XDocument document)
    {
        using var writer = new Utf8StringWriter();
        document.Save(writer);
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(System.Globalization.CultureInfo.InvariantCulture)
        {
        }

        public override Encoding Encoding => Encoding.UTF8;
    }
}
