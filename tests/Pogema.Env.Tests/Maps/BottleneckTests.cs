using Pogema.Env.Maps;
using Pogema.Env.Random;

namespace Pogema.Env.Tests.Maps;

public class BottleneckTests
{
    [Fact]
    public void MapOfCorridorThree()
    {
        Assert.Equal(".........\n.........\n####.####\n####.####\n####.####\n.........\n.........", BottleneckMap.Generate(3));
    }

    [Fact]
    public void GridMapHasTheCorridorInColumnFour()
    {
        var map = BottleneckMap.CreateGridMap(5);
        Assert.Equal((9, 9), (map.Width, map.Height));
        Assert.False(map.IsObstacle(4, 4));
        Assert.True(map.IsObstacle(4, 3));
        Assert.False(map.IsObstacle(7, 0));
    }

    [Fact]
    public void MapIsNineByLPlusFour()
    {
        var map = new NamedMap("b", BottleneckMap.Generate(100));
        Assert.Equal(9, map.Width);
        Assert.Equal(104, map.Height);
        Assert.Equal(100 * 8, map.Text.Count(c => c == '#'));
    }

    [Fact]
    public void TestMapsCarryTheSrmtNamesAndEpisodeLengths()
    {
        var map = BottleneckMap.CreateTest(20);
        Assert.Equal("bottlenecks9-v_corr-20_len", map.Name);
        Assert.Equal(140, map.MaxEpisodeSteps);
        Assert.Equal(140, MapSetProtocol.Bottleneck.MaxEpisodeSteps(map, lifelong: false));
        Assert.Equal(20, BottleneckMap.CorridorLengthFromName(map.Name));
        Assert.Equal(27, BottleneckMap.CorridorLengthFromName("bottlenecks9-v-train-330-27"));
        Assert.Null(BottleneckMap.CorridorLengthFromName("wfi_warehouse"));
        Assert.Equal(58, BottleneckMap.TestCorridorLengths.Count);
        Assert.Equal(1000, BottleneckMap.TestCorridorLengths[^1]);
    }

    [Fact]
    public void CorridorBelowOneIsAnInputError()
    {
        Assert.Throws<PogemaInputException>(() => BottleneckMap.Generate(0));
        Assert.Throws<PogemaInputException>(() => new BottleneckSampler(0));
    }

    // Expected values from NumPy 2.5 running the SRMT reference's draws (choice(range(...), 1) for row, then column).
    [Theory]
    [InlineData(0UL, 3, 1, 5, 6, 2, 5, 0, 0, 0)]
    [InlineData(1UL, 3, 0, 4, 6, 8, 5, 1, 1, 8)]
    [InlineData(3UL, 20, 1, 0, 22, 2, 22, 7, 1, 5)]
    public void SamplerDrawsLikeTheReference(ulong seed, int length, int s0r, int s0c, int s1r, int s1c, int g0r, int g0c, int g1r, int g1c)
    {
        var task = new BottleneckSampler(length).Sample(NumpyRandom.DefaultRng(seed));
        Assert.Equal(new BottleneckTask(new(s0r, s0c), new(g0r, g0c), new(s1r, s1c), new(g1r, g1c)), task);
    }

    // Where the reference would put a goal on the other agent's start, the goal is drawn again (NumPy-checked).
    [Theory]
    [InlineData(6UL, 0, 4, 8, 3, 7, 8, 0, 5)]
    [InlineData(14UL, 0, 7, 8, 3, 7, 6, 0, 5)]
    [InlineData(42UL, 0, 6, 8, 3, 7, 7, 0, 0)]
    public void SamplerRedrawsGoalsOnTheOtherAgentsStart(ulong seed, int s0r, int s0c, int s1r, int s1c, int g0r, int g0c, int g1r, int g1c)
    {
        var task = new BottleneckSampler(5).Sample(NumpyRandom.DefaultRng(seed));
        Assert.Equal(new BottleneckTask(new(s0r, s0c), new(g0r, g0c), new(s1r, s1c), new(g1r, g1c)), task);
    }

    [Fact]
    public void SamplerCoversEveryRoomCellWithDistinctCells()
    {
        const int length = 7;
        var sampler = new BottleneckSampler(length);
        var rng = NumpyRandom.DefaultRng(123);
        var seenA = new HashSet<GridPosition>();
        var seenB = new HashSet<GridPosition>();
        Span<int> agents = stackalloc int[4];
        Span<int> targets = stackalloc int[4];
        for (var episode = 0; episode < 2000; episode++)
        {
            var task = sampler.Sample(rng);
            Assert.InRange(task.Agent0Start.Row, 0, 1);
            Assert.InRange(task.Agent1Goal.Row, 0, 1);
            Assert.InRange(task.Agent1Start.Row, length + 2, length + 3);
            Assert.InRange(task.Agent0Goal.Row, length + 2, length + 3);
            Assert.NotEqual(task.Agent0Start, task.Agent1Goal);
            Assert.NotEqual(task.Agent1Start, task.Agent0Goal);
            seenA.Add(task.Agent0Start);
            seenB.Add(task.Agent1Start);
            task.CopyTo(agents, targets);
            Assert.Equal(task.Agent1Start.Row, agents[2]);
            Assert.Equal(task.Agent0Goal.Col, targets[1]);
        }

        var config = new GridConfig();
        var last = sampler.Sample(rng);
        last.ApplyTo(config);
        Assert.Equal([last.Agent0Start, last.Agent1Start], config.AgentsXy);
        Assert.Equal([last.Agent0Goal, last.Agent1Goal], config.TargetsXy);

        Assert.Equal(18, seenA.Count);
        Assert.Equal(18, seenB.Count);
    }
}
