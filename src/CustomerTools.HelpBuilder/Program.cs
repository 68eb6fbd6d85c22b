using System;
using System.Collections.Generic;
using System.IO;

namespace CustomerTools.HelpBuilder;

/// <summary>dotnet CustomerTools.HelpBuilder.dll &lt;docs dir&gt; &lt;output en-US dir&gt; &lt;cmdlet assembly&gt;</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 3 || !Directory.Exists(args[0]) || !File.Exists(args[2]))
        {
            Console.Error.WriteLine("usage: dotnet CustomerTools.HelpBuilder.dll <docs dir with *.md> <output dir, e.g. out/CustomerTools/en-US> <the cmdlets' dll, e.g. out/CustomerTools/bin/net8.0/CustomerTools.dll>");
            return 2;
        }

        List<DocProblem> problems = HelpBuild.Run(args[0], args[1], args[2]);
        foreach (DocProblem problem in problems)
        {
            Console.Error.WriteLine(problem);
        }

        Console.WriteLine(problems.Count == 0
            ? $"CustomerTools help: {args[0]} -> {args[1]}"
            : $"CustomerTools help: {problems.Count} problem(s) in {args[0]}; nothing written.");
        return problems.Count == 0 ? 0 : 1;
    }
}
