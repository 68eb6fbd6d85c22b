using System.Collections.Generic;
using System.Globalization;

namespace CustomerTools.HelpBuilder;

/// <summary>
/// Something wrong in a doc. Printed in MSBuild's error format, so the build lists it with the
/// file and line: "docs/en-US/Get-KustomerCustomer.md(12): error CTHELP: ...".
/// </summary>
internal sealed record DocProblem(string Path, int Line, string Message)
{
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0}({1}): error CTHELP: {2}", Path, Line, Message);
}

/// <summary>Collects the problems of one file.</summary>
internal sealed class ProblemList
{
    private readonly List<DocProblem> _all;
    private readonly int _countBefore;

    public ProblemList(string path, List<DocProblem> all)
    {
        Path = path;
        _all = all;
        _countBefore = all.Count;
    }

    public string Path { get; }

    public bool Any => _all.Count > _countBefore;

    public void Add(int line, string message) => _all.Add(new DocProblem(Path, line, message));
}
