using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace CustomerTools.PesterTests;

/// <summary>
/// tests/*.Tests.ps1 under Pester in the SDK's pwsh. Each Pester test is a case of its own
/// (file, full Pester name), so a failure names the test and carries Pester's message; each file
/// also has a case for what belongs to no test: discovery, setup blocks, the run itself.
/// </summary>
public sealed class PesterSuite
{
    public static TheoryData<string, string> Tests()
    {
        var data = new TheoryData<string, string>();
        foreach (DiscoveredFile file in PesterRuns.Files)
        {
            // A name given twice can't be told apart in the report: the file's own case says so.
            foreach (string test in file.Tests.Distinct())
            {
                data.Add(file.Name, test);
            }
        }

        return data;
    }

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (DiscoveredFile file in PesterRuns.Files)
        {
            data.Add(file.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Tests))]
    public async Task Pester(string file, string test)
    {
        PesterFileRun run = await PesterRuns.For(file);
        Assert.True(run.Cases is not null, "Pester wrote no result for the file: " + run.Tail());
        PesterCase result = Assert.Single(run.Cases!, c => c.Name == test);
        string why = result.Message.Length > 0 || result.Details.Length > 0 ? $"{result.Message}\n{result.Details}" : run.Tail();
        Assert.True(result.Status == "Passed", $"{result.Status}: {why}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Pester_file_is_discovered_and_runs_whole(string file)
    {
        DiscoveredFile discovered = PesterRuns.Files.Single(f => f.Name == file);
        Assert.True(discovered.Result != "Failed", "Pester could not discover the file: " + discovered.Error);
        Assert.NotEmpty(discovered.Tests);
        Assert.Empty(discovered.Tests.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => "two tests are named: " + g.Key));

        PesterFileRun run = await PesterRuns.For(file);
        Assert.True(run.ExitCode == 0 && run.Counts is not null && run.Cases is not null, "The run did not complete: " + run.Tail());
        Assert.True(run.Counts!["failedblocks"] == "0" && run.Counts["failedcontainers"] == "0", "A setup or teardown block failed: " + run.Tail());
        Assert.Equal(PesterShell.PesterVersion, run.Counts["version"]);

        // Every test discovered ran under the name it is reported by, and nothing else ran.
        string[] ran = run.Cases!.Select(c => c.Name).ToArray();
        Assert.Empty(discovered.Tests.Except(ran).Select(t => "discovered but not in the result: " + t));
        Assert.Empty(ran.Except(discovered.Tests).Select(t => "in the result but not discovered: " + t));
    }
}
