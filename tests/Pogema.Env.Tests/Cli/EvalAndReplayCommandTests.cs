using Pogema.Cli;
using Pogema.Env.Tests.Maps;
using Pogema.Env.Tests.Recording;

namespace Pogema.Env.Tests.Cli;

[Collection("Console")]
public sealed class EvalAndReplayCommandTests
{
    [Fact]
    public void EvalWritesTablesFilesPlotsAndRecordingsThatReplay()
    {
        using var dir = new TempDirectory();
        string output = dir.File("out");
        string record = dir.File("rec");
        int code = Program.Main(new[]
        {
            "eval", "--policy", "astar,pibt", "--maps", "validation-mazes-seed-00[0-1]", "--agents", "4,8", "--max-steps", "32",
            "--output", output, "--record", record, "--threads", "2",
        });

        Assert.Equal(0, code);
        foreach (string file in new[] { "episodes.csv", "episodes.json", "summary.csv", "summary.json", "plot-avg_throughput.png" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        }

        string[] csv = File.ReadAllLines(Path.Combine(output, "episodes.csv"));
        Assert.Equal("policy,map_name,num_agents,seed,x_name,x,on_target,collision_system,obs_radius,max_episode_steps,steps,CSR,ISR,ep_length,SoC,makespan,avg_throughput", csv[0]);
        Assert.Equal(1 + (2 * 2 * 2), csv.Length);
        string[] summary = File.ReadAllLines(Path.Combine(output, "summary.csv"));
        Assert.Equal(1 + (2 * 2), summary.Length);
        Assert.StartsWith("astar,num_agents,4,avg_throughput,", summary[1]);

        string recording = Path.Combine(record, "pibt", "validation-mazes-seed-001-a8-s0.pogrec");
        string svg = dir.File("replay.svg");
        string json = dir.File("replay.json");
        Assert.Equal(0, Program.Main(new[] { "replay", recording, "--output", svg, "--egocentric", "3" }));
        Assert.Contains("field-of-view", File.ReadAllText(svg));
        Assert.Equal(0, Program.Main(new[] { "replay", recording, "--json", json }));
        Assert.Contains("\"steps\":[{\"actions\":", File.ReadAllText(json));
        Assert.Equal(0, Program.Main(new[] { "replay", recording, "--terminal", "--no-animate", "--no-color", "--frame", "5" }));
    }

    [Fact]
    public void EvalSamplesACheckpointPolicyReproduciblyAndNamesTheMode()
    {
        using var dir = new TempDirectory();
        string checkpoint = Path.Combine(RepositoryPaths.Root, "agents", "pretrained", "bottleneck-srmt-sparse", "checkpoint.pgm") + "@cpu";
        string[] Args(string output, string threads, params string[] extra) =>
        [
            "eval", "--policy", checkpoint + ",astar", "--preset", "bottleneck", "--corridor-lengths", "3,4", "--seeds", "0..2",
            "--threads", threads, "--no-plot", "--output", output, .. extra,
        ];

        Assert.Equal(0, Program.Main(Args(dir.File("sample-1"), "1", "--sample")));
        Assert.Equal(0, Program.Main(Args(dir.File("sample-2"), "2", "--sample")));
        Assert.Equal(0, Program.Main(Args(dir.File("greedy"), "2")));

        string[] sampled = File.ReadAllLines(Path.Combine(dir.File("sample-1"), "episodes.csv"));
        Assert.Equal(1 + (2 * 2 * 3), sampled.Length);
        Assert.Equal(6, sampled.Count(l => l.StartsWith("bottleneck-srmt-sparse (sample),bottlenecks9-v_corr-", StringComparison.Ordinal)));
        Assert.Equal(6, sampled.Count(l => l.StartsWith("astar,", StringComparison.Ordinal)));

        // Seeded per episode: the same episodes on one thread or two.
        Assert.Equal(sampled, File.ReadAllLines(Path.Combine(dir.File("sample-2"), "episodes.csv")));
        string[] greedy = File.ReadAllLines(Path.Combine(dir.File("greedy"), "episodes.csv"));
        Assert.Equal(6, greedy.Count(l => l.StartsWith("bottleneck-srmt-sparse (greedy),", StringComparison.Ordinal)));
        Assert.Contains(File.ReadAllLines(Path.Combine(dir.File("greedy"), "summary.csv")), l => l.StartsWith("bottleneck-srmt-sparse (greedy),corridor_length,3,", StringComparison.Ordinal));
    }

    [Fact]
    public void SampleWithoutACheckpointPolicyIsAnInputError()
    {
        Assert.Equal(2, Program.Main(new[] { "eval", "--policy", "astar,pibt", "--preset", "bottleneck", "--corridor-lengths", "3", "--sample" }));
        Assert.Equal(2, Program.Main(new[] { "eval", "--policy", "astar", "--preset", "bottleneck", "--corridor-lengths", "2000" }));
    }

    [Fact]
    public void UnknownPolicyIsAnInputError()
    {
        Assert.Equal(2, Program.Main(new[] { "eval", "--policy", "astar,wizard", "--maps", "validation-mazes-seed-000" }));
        Assert.Equal(2, Program.Main(new[] { "eval", "--seeds", "0..x", "--maps", "validation-mazes-seed-000" }));
    }

    [Fact]
    public void ReplayOfAForeignFileIsAnInputError()
    {
        using var dir = new TempDirectory();
        string file = dir.File("x.pogrec");
        File.WriteAllText(file, "not a recording");
        Assert.Equal(2, Program.Main(new[] { "replay", file }));
    }
}
