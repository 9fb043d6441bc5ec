using Pogema.Env.Evaluation;
using Pogema.Env.Maps;
using Pogema.Env.Random;

namespace Pogema.Env.Tests.Evaluation;

public sealed class EvaluationPlanTests
{
    [Fact]
    public void MazesDefaultToTheLifelongBenchmarkProtocol()
    {
        var episodes = EvaluationPlan.Build(new EvaluationRequest { Maps = "mazes" }, MapRegistry.Default);

        Assert.Equal(6 * 128, episodes.Count);
        Assert.Equal(new[] { 8, 16, 24, 32, 48, 64 }, episodes.Select(e => e.NumAgents).Distinct());
        Assert.All(episodes, e =>
        {
            Assert.Equal(OnTarget.Restart, e.OnTarget);
            Assert.Equal(CollisionSystem.Soft, e.CollisionSystem);
            Assert.Equal(128, e.MaxEpisodeSteps);
            Assert.Equal(5, e.ObsRadius);
            Assert.Equal(0, e.Seed);
            Assert.Equal(e.NumAgents, e.X);
        });
        Assert.Equal("validation-mazes-seed-000", episodes[0].MapName);
        Assert.Equal("validation-mazes-seed-127", episodes[127].MapName);
    }

    [Fact]
    public void FlagsOverrideTheProtocol()
    {
        var episodes = EvaluationPlan.Build(
            new EvaluationRequest { Maps = "validation-random-seed-00[0-2]", Lifelong = false, AgentCounts = new[] { 4 }, Seeds = new long[] { 1, 2 } },
            MapRegistry.Default);

        Assert.Equal(3 * 2, episodes.Count);
        Assert.All(episodes, e =>
        {
            Assert.Equal(OnTarget.Nothing, e.OnTarget);
            Assert.Equal(128, e.MaxEpisodeSteps);
        });
        Assert.Equal(new long[] { 1, 2, 1, 2, 1, 2 }, episodes.Select(e => e.Seed));
    }

    [Fact]
    public void BottleneckPresetIsTheSrmtGeneralizationTest()
    {
        var episodes = EvaluationPlan.Build(new EvaluationRequest { Maps = "bottleneck" }, MapRegistry.Default);

        int[] lengths = Enumerable.Range(3, 48).Concat(Enumerable.Range(1, 10).Select(k => 100 * k)).ToArray();
        Assert.Equal(lengths.Length * 10, episodes.Count);
        Assert.Equal(lengths, episodes.Select(e => e.X).Distinct().Order());
        Assert.All(episodes, e =>
        {
            Assert.Equal("corridor_length", e.XName);
            Assert.Equal(2, e.NumAgents);
            Assert.Equal(OnTarget.Finish, e.OnTarget);
            Assert.Equal(CollisionSystem.BlockBoth, e.CollisionSystem);
            Assert.Equal(2, e.ObsRadius);
            Assert.Equal((2 * e.X) + 100, e.MaxEpisodeSteps);
            Assert.InRange(e.Seed, 0, 9);
        });

        // Each seed's task is the sampler's draw from default_rng(seed).
        var episode = episodes.Single(e => e.X == 12 && e.Seed == 7);
        BottleneckTask task = new BottleneckSampler(12).Sample(NumpyRandom.DefaultRng(7));
        Assert.Equal(new GridPosition(task.Agent0Start.Row, task.Agent0Start.Col), episode.AgentsXy![0]);
        Assert.Equal(new GridPosition(task.Agent1Goal.Row, task.Agent1Goal.Col), episode.TargetsXy![1]);
    }

    [Fact]
    public void CorridorLengthsKeepOnlyThoseBottleneckMaps()
    {
        var episodes = EvaluationPlan.Build(
            new EvaluationRequest { Maps = "bottleneck", CorridorLengths = Enumerable.Range(3, 28).ToList() }, MapRegistry.Default);

        Assert.Equal(28 * 10, episodes.Count);
        Assert.Equal(Enumerable.Range(3, 28), episodes.Select(e => e.X).Distinct().Order());
        Assert.All(episodes, e => Assert.Equal($"bottlenecks9-v_corr-{e.X}_len", e.MapName));

        // A length the set does not have, or maps that are not bottlenecks, leave nothing to evaluate.
        Assert.Throws<PogemaInputException>(() => EvaluationPlan.Build(
            new EvaluationRequest { Maps = "bottleneck", CorridorLengths = [51] }, MapRegistry.Default));
        Assert.Throws<PogemaInputException>(() => EvaluationPlan.Build(
            new EvaluationRequest { Maps = "mazes", CorridorLengths = [3] }, MapRegistry.Default));
    }

    [Fact]
    public void UnknownMapsAreAnInputError()
    {
        Assert.Throws<PogemaInputException>(() => EvaluationPlan.Build(new EvaluationRequest { Maps = "no-such-map-xyz" }, MapRegistry.Default));
    }
}
