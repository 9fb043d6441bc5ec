using Pogema.Env.Tests.Support;

namespace Pogema.Env.Tests.Core;

/// <summary>The expectations of POGEMA's tests/test_grid.py: exact maps, starts and goals for given seeds, and the errors.</summary>
public sealed class PogemaGridTests
{
    [Fact]
    public void RandomObstaclesMatchPogemaForSeed1()
    {
        var env = EnvAssert.Reset(new GridConfig { Seed = 1, ObsRadius = 2, Size = 5, NumAgents = 1, Density = 0.2 });
        int[][] expected =
        [
            [0, 0, 0, 0, 0, 0, 0, 0, 0],
            [0, 1, 1, 1, 1, 1, 1, 1, 0],
            [0, 1, 0, 1, 0, 1, 0, 1, 0],
            [0, 1, 0, 1, 0, 0, 0, 1, 0],
            [0, 1, 0, 0, 0, 0, 0, 1, 0],
            [0, 1, 0, 0, 0, 0, 0, 1, 0],
            [0, 1, 0, 0, 0, 1, 1, 1, 0],
            [0, 1, 1, 1, 1, 1, 1, 1, 0],
            [0, 0, 0, 0, 0, 0, 0, 0, 0],
        ];
        Assert.Equal(expected, EnvAssert.PaddedObstacles(env));
    }

    [Fact]
    public void RandomObstaclesMatchPogemaForSeed3()
    {
        var env = EnvAssert.Reset(new GridConfig { Seed = 3, ObsRadius = 1, Size = 4, NumAgents = 1, Density = 0.4 });
        int[][] expected =
        [
            [1, 1, 1, 1, 1, 1],
            [1, 0, 0, 1, 0, 1],
            [1, 0, 0, 0, 0, 1],
            [1, 1, 0, 0, 0, 1],
            [1, 0, 0, 1, 1, 1],
            [1, 1, 1, 1, 1, 1],
        ];
        Assert.Equal(expected, EnvAssert.PaddedObstacles(env));
    }

    [Fact]
    public void InitialPositionsMatchPogema()
    {
        var one = EnvAssert.Reset(new GridConfig { Seed = 1, ObsRadius = 2, Size = 5, NumAgents = 1, Density = 0.2 });
        Assert.Equal([(2, 4)], EnvAssert.PaddedPositions(one));

        var ten = EnvAssert.Reset(new GridConfig { Seed = 1, ObsRadius = 2, Size = 12, NumAgents = 10, Density = 0.2 });
        Assert.Equal(
            [(13, 10), (7, 4), (4, 3), (2, 11), (12, 6), (8, 11), (6, 8), (2, 12), (2, 10), (9, 11)],
            EnvAssert.PaddedPositions(ten));
    }

    [Fact]
    public void GoalsMatchPogema()
    {
        var one = EnvAssert.Reset(new GridConfig { Seed = 1, ObsRadius = 2, Size = 5, NumAgents = 1, Density = 0.4 });
        Assert.Equal([(5, 2)], EnvAssert.PaddedTargets(one));

        var ten = EnvAssert.Reset(new GridConfig { Seed = 2, ObsRadius = 2, Size = 12, NumAgents = 10, Density = 0.2 });
        Assert.Equal(
            [(11, 10), (8, 11), (2, 13), (3, 5), (12, 6), (9, 12), (9, 6), (9, 2), (10, 2), (6, 11)],
            EnvAssert.PaddedTargets(ten));
    }

    [Theory]
    [InlineData(100, 0.0)]
    [InlineData(1, 1.0)]
    public void TooManyAgentsForTheMapIsAnInputError(int agents, double density)
    {
        var env = new PogemaEnv(new GridConfig { Seed = 1, ObsRadius = 2, Size = 4, NumAgents = agents, Density = density });
        var error = Assert.Throws<PogemaInputException>(() => env.Reset());
        Assert.Contains("num_agents", error.Message);
    }

    [Fact]
    public void OutOfRangeFieldsAreRejectedWithTheFieldName()
    {
        Assert.Contains("size", Assert.Throws<PogemaInputException>(() => new GridConfig { Size = 1 }.Validate()).Message);
        Assert.Contains("num_agents", Assert.Throws<PogemaInputException>(() => new GridConfig { NumAgents = 0 }.Validate()).Message);
        Assert.Contains("density", Assert.Throws<PogemaInputException>(() => new GridConfig { Density = 2.0 }.Validate()).Message);
        Assert.Contains("obs_radius", Assert.Throws<PogemaInputException>(() => new GridConfig { ObsRadius = 129 }.Validate()).Message);
        Assert.Contains("seed", Assert.Throws<PogemaInputException>(() => new GridConfig { Seed = -1 }.Validate()).Message);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(4, 2)]
    public void OneRowMapHoldsOnlyAsManyAgentsAsItsComponentAllows(int agents, ulong seed)
    {
        int[][] map = [[0, 0, 0]];
        var env = new PogemaEnv(new GridConfig { Seed = (long)seed, ObsRadius = 2, NumAgents = agents, MapMatrix = map });
        Assert.Throws<PogemaInputException>(() => env.Reset());
    }

    [Fact]
    public void MatrixMapsArePaddedAsPogema()
    {
        var env = EnvAssert.Reset(new GridConfig { Seed = 1, ObsRadius = 2, NumAgents = 2, MapMatrix = [[1, 0, 0], [0, 1, 0], [0, 0, 1]] });
        int[][] expected =
        [
            [0, 0, 0, 0, 0, 0, 0],
            [0, 1, 1, 1, 1, 1, 0],
            [0, 1, 1, 0, 0, 1, 0],
            [0, 1, 0, 1, 0, 1, 0],
            [0, 1, 0, 0, 1, 1, 0],
            [0, 1, 1, 1, 1, 1, 0],
            [0, 0, 0, 0, 0, 0, 0],
        ];
        Assert.Equal(expected, EnvAssert.PaddedObstacles(env));

        var wide = EnvAssert.Reset(new GridConfig { Seed = 1, ObsRadius = 2, NumAgents = 2, MapMatrix = [[0, 0, 1, 0, 0], [1, 0, 0, 0, 0], [0, 1, 0, 0, 1]] });
        int[][] expectedWide =
        [
            [0, 0, 0, 0, 0, 0, 0, 0, 0],
            [0, 1, 1, 1, 1, 1, 1, 1, 0],
            [0, 1, 0, 0, 1, 0, 0, 1, 0],
            [0, 1, 1, 0, 0, 0, 0, 1, 0],
            [0, 1, 0, 1, 0, 0, 1, 1, 0],
            [0, 1, 1, 1, 1, 1, 1, 1, 0],
            [0, 0, 0, 0, 0, 0, 0, 0, 0],
        ];
        Assert.Equal(expectedWide, EnvAssert.PaddedObstacles(wide));
    }

    [Fact]
    public void TallMatrixMapIsPaddedAsPogema()
    {
        var env = EnvAssert.Reset(new GridConfig { Seed = 1, ObsRadius = 2, NumAgents = 2, MapMatrix = [[0, 1, 0], [0, 1, 0], [0, 0, 0], [0, 1, 0], [0, 1, 0]] });
        Assert.Equal(9, env.PaddedHeight);
        Assert.Equal(7, env.PaddedWidth);
        Assert.Equal(new[] { 0, 1, 0, 1, 0, 1, 0 }, EnvAssert.PaddedObstacles(env)[2]);
        Assert.Equal(new[] { 0, 1, 0, 0, 0, 1, 0 }, EnvAssert.PaddedObstacles(env)[4]);
    }

    [Fact]
    public void MatrixMapWithTooFewPlacesFails()
    {
        int[][] map = [[0, 0, 1, 0, 0], [0, 1, 0, 1, 0], [0, 1, 0, 0, 1]];
        var env = new PogemaEnv(new GridConfig { ObsRadius = 2, NumAgents = 5, MapMatrix = map, Seed = 0 });
        Assert.Throws<PogemaInputException>(() => env.Reset());
    }

    [Fact]
    public void LetterMapSetsTheAgentCount()
    {
        const string map = """
            .a...#.....
            .....#.....
            ..C.....b..
            .....#.....
            .....#.....
            #.####.....
            .....###.##
            .....#.....
            .c...#.....
            .B.......A.
            .....#.....
            """;
        var env = EnvAssert.Reset(new GridConfig { ObsRadius = 2, Size = 4, NumAgents = 5, Map = map });
        Assert.Equal(3, env.NumAgents);
        Assert.Equal(11, env.Height);
        Assert.Equal(11, env.Width);
        Assert.Equal(new GridPosition(0, 1), env.GetPosition(0));
        Assert.Equal(new GridPosition(9, 9), env.GetTarget(0));
        Assert.Equal(new GridPosition(2, 8), env.GetPosition(1));
        Assert.Equal(new GridPosition(9, 1), env.GetTarget(1));
        Assert.Equal(new GridPosition(8, 1), env.GetPosition(2));
        Assert.Equal(new GridPosition(2, 2), env.GetTarget(2));
    }

    [Fact]
    public void OneLineStringMapPlacesThreeAgents()
    {
        var env = EnvAssert.Reset(new GridConfig { Seed = 2, NumAgents = 3, Map = ".....#...." });
        Assert.Equal(3, env.NumAgents);
        Assert.Equal(1, env.Height);
        Assert.Equal(10, env.Width);
    }

    [Fact]
    public void ExplicitStartsAndGoalsAreKept()
    {
        var agents = Enumerable.Range(0, 8).Select(x => new GridPosition(x, x)).ToArray();
        var targets = Enumerable.Range(8, 8).Select(x => new GridPosition(x, x)).ToArray();
        var env = EnvAssert.Reset(new GridConfig { Seed = 12, Size = 16, NumAgents = 8, AgentsXy = agents, TargetsXy = targets });
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(agents[i], env.GetPosition(i));
            Assert.Equal(targets[i], env.GetTarget(i));
        }
    }

    [Theory]
    [InlineData(0, 17, 0, 0)]
    [InlineData(0, 0, 0, 17)]
    [InlineData(-1, 0, 0, 0)]
    [InlineData(0, 0, 0, -1)]
    public void ExplicitPositionsOutsideTheMapAreRejected(int ar, int ac, int tr, int tc)
    {
        new GridConfig { Seed = 12, Size = 17, AgentsXy = [new(0, 16)], TargetsXy = [new(16, 0)] }.Validate();
        var config = new GridConfig { Seed = 12, Size = 17, AgentsXy = [new(ar, ac)], TargetsXy = [new(tr, tc)] };
        Assert.Contains("outside", Assert.Throws<PogemaInputException>(() => config.Validate()).Message);
    }

    [Fact]
    public void LettersAndExplicitPositionsTogetherAreRejected()
    {
        var config = new GridConfig { AgentsXy = [new(0, 0)], TargetsXy = [new(0, 0)], Map = "Aa" };
        Assert.Throws<PogemaInputException>(() => config.Validate());
    }

    [Fact]
    public void PoolMapsHoldAsManyAgentsAsTheirPools()
    {
        const string big = """
            !!!!!!!!!!!!!!!!!!
            !@@!@@!$$$$$$$$$$!
            !@@!@@!##########!
            !@@!@@!$$$$$$$$$$!
            !!!!!!!!!!!!!!!!!!
            !@@!@@!$$$$$$$$$$!
            !@@!@@!##########!
            !@@!@@!$$$$$$$$$$!
            !!!!!!!!!!!!!!!!!!
            """;
        EnvAssert.Reset(new GridConfig { ObsRadius = 2, Size = 4, NumAgents = 24, Map = big, Seed = 0 });
        Assert.Throws<PogemaInputException>(() => new GridConfig { ObsRadius = 2, Size = 4, NumAgents = 25, Map = big }.Validate());

        const string small = """
            !!!!!!!!!!!
            !@@!@@!$$$$
            !@@!@@!####
            !@@!@@!$$$$
            !!!!!!!!!!!
            !@@!@@!$$$$
            !@@!@@!####
            !@@!@@!$$$$
            !!!!!!!!!!!
            """;
        EnvAssert.Reset(new GridConfig { ObsRadius = 2, NumAgents = 16, Map = small, Seed = 0 });
        Assert.Throws<PogemaInputException>(() => new GridConfig { ObsRadius = 2, NumAgents = 17, Map = small }.Validate());
    }

    [Fact]
    public void LettersMixedWithPoolMarksAreRejected()
    {
        const string map = """
            !!!!!!!!!!!
            !@@!@@!.Ab.
            !@@!@@!####
            !@@!@@!.aB.
            """;
        Assert.Throws<PogemaInputException>(() => new GridConfig { ObsRadius = 2, Map = map }.Validate());
    }
}
