using System;
using System.Collections.Generic;
using System.IO;

namespace CustomerTools.HelpBuilder;

/// <summary>dotnet CustomerTools.HelpBuilder.dll &lt;docs dir&gt; &lt;output en-US dir&gt;</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 2 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: dotnet CustomerTools.HelpBuilder.dll <docs dir with *.md> <output dir, e.g. out/CustomerTools/en-US>");
            return 2;
        }

        List<DocProblem> problems = HelpBuild.Run(args[0], args[1]);
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
