using Pogema.Env.Evaluation;
using Pogema.Env.Maps;
using Pogema.Env.Policies;

namespace Pogema.Env.Tests.Evaluation;

public sealed class EvaluationEngineTests
{
    private static IReadOnlyList<EvaluationEpisode> SmallPlan() => EvaluationPlan.Build(
        new EvaluationRequest { Maps = "validation-mazes-seed-00[0-3]", AgentCounts = new[] { 8, 16 }, MaxEpisodeSteps = 64 },
        MapRegistry.Default);

    [Fact]
    public void ResultsDoNotDependOnTheThreadCount()
    {
        var policies = PolicyCatalog.BuiltInNames.Select(n => PolicyCatalog.TryCreateBuiltIn(n)!).ToList();
        var one = EvaluationEngine.Run(SmallPlan(), policies, new EvaluationOptions { Threads = 1 });
        var four = EvaluationEngine.Run(SmallPlan(), policies, new EvaluationOptions { Threads = 4 });

        Assert.Equal(3 * 8, one.Count);
        Assert.Equal(one.Select(r => (r.Policy, r.Episode.MapName, r.Episode.NumAgents, r.Metrics)), four.Select(r => (r.Policy, r.Episode.MapName, r.Episode.NumAgents, r.Metrics)));
        Assert.Equal(new[] { "random", "astar", "pibt" }, one.Select(r => r.Policy).Distinct());
    }

    [Fact]
    public void AStarMatchesPogemasAStarAgentOnBenchmarkMazes()
    {
        // avg_throughput of POGEMA's BatchAStarAgent (pogema/a_star_policy.py) on the benchmark's lifelong mazes
        // protocol (seed 0, 128 steps, soft, radius 5), run with the Python POGEMA.
        var expected = new Dictionary<(string, int), double>
        {
            [("validation-mazes-seed-000", 8)] = 0.2109375,
            [("validation-mazes-seed-001", 8)] = 0.234375,
            [("validation-mazes-seed-002", 8)] = 0.40625,
            [("validation-mazes-seed-003", 8)] = 0.328125,
            [("validation-mazes-seed-000", 16)] = 0.296875,
            [("validation-mazes-seed-001", 16)] = 0.3359375,
            [("validation-mazes-seed-002", 16)] = 0.3359375,
            [("validation-mazes-seed-003", 16)] = 0.390625,
        };
        var plan = EvaluationPlan.Build(
            new EvaluationRequest { Maps = "validation-mazes-seed-00[0-3]", AgentCounts = new[] { 8, 16 } },
            MapRegistry.Default);
        var results = EvaluationEngine.Run(plan, new[] { PolicyCatalog.TryCreateBuiltIn("astar")! }, new EvaluationOptions());

        Assert.Equal(expected.Count, results.Count);
        foreach (EpisodeResult r in results)
        {
            Assert.Equal(expected[(r.Episode.MapName, r.Episode.NumAgents)], r.Metrics.AvgThroughput);
        }
    }

    [Fact]
    public void AStarMatchesPogemasAStarAgentOnOneShotRandomMaps()
    {
        // ISR, CSR, ep_length, SoC, makespan of POGEMA's BatchAStarAgent on the benchmark's MAPF random protocol
        // (on_target nothing, seed 0, 128 steps, soft, radius 5), run with the Python POGEMA.
        var expected = new Dictionary<(string, int), (double Isr, double Csr, double EpLength, long SoC, long Makespan)>
        {
            [("validation-random-seed-000", 8)] = (1.0, 1.0, 34, 102, 34),
            [("validation-random-seed-001", 8)] = (1.0, 1.0, 19, 72, 19),
            [("validation-random-seed-000", 32)] = (0.96875, 0.0, 128, 837, 128),
            [("validation-random-seed-001", 32)] = (0.5625, 0.0, 128, 2478, 128),
        };
        var plan = EvaluationPlan.Build(
            new EvaluationRequest { Maps = "validation-random-seed-00[01]", AgentCounts = new[] { 8, 32 }, Lifelong = false },
            MapRegistry.Default);
        var results = EvaluationEngine.Run(plan, new[] { PolicyCatalog.TryCreateBuiltIn("astar")! }, new EvaluationOptions());

        Assert.Equal(expected.Count, results.Count);
        foreach (EpisodeResult r in results)
        {
            var m = r.Metrics;
            Assert.Equal(expected[(r.Episode.MapName, r.Episode.NumAgents)], (m.Isr!.Value, m.Csr!.Value, m.EpLength!.Value, m.SoC!.Value, m.Makespan!.Value));
        }
    }

    [Fact]
    public void PibtSolvesShortBottlenecks()
    {
        var plan = EvaluationPlan.Build(
            new EvaluationRequest { Maps = "bottlenecks9-v_corr-([3-9]|1[0-9])_len", Seeds = new long[] { 0, 1, 2 } },
            MapRegistry.Default);
        var results = EvaluationEngine.Run(plan, new[] { PolicyCatalog.TryCreateBuiltIn("pibt")! }, new EvaluationOptions());

        Assert.Equal(17 * 3, results.Count);
        Assert.All(results, r => Assert.Equal(1.0, r.Metrics.Csr));
        Assert.All(results, r => Assert.Equal(r.Metrics.EpLength * 2, r.SumOfCosts));
    }

    [Fact]
    public void RecordsEveryEpisodeUnderItsPolicy()
    {
        using var dir = new Recording.TempDirectory();
        var plan = SmallPlan().Take(3).ToList();
        EvaluationEngine.Run(plan, new[] { PolicyCatalog.TryCreateBuiltIn("pibt")! }, new EvaluationOptions { RecordDirectory = dir.Path, RecordLimit = 2 });

        string[] files = Directory.GetFiles(Path.Combine(dir.Path, "pibt")).Select(Path.GetFileName).Order().ToArray()!;
        Assert.Equal(new[] { "validation-mazes-seed-000-a8-s0.pogrec", "validation-mazes-seed-001-a8-s0.pogrec" }, files);
    }
}
