namespace Pogema.Env.Tests.Config;

/// <summary>Configs read from JSON with POGEMA's field names; every mistake names the source and the field.</summary>
public sealed class GridConfigJsonTests
{
    [Fact]
    public void ReadsEveryField()
    {
        const string json = """
            {"num_agents": 3, "size": 9, "density": 0.25, "seed": 1099511627793, "obs_radius": 4,
             "max_episode_steps": 99, "collision_system": "soft", "on_target": "restart", "observation_type": "MAPF",
             "agents_xy": [[0, 1], [2, 3]], "targets_xy": [[4, 5], [6, 7]],
             "possible_agents_xy": [[1, 1]], "possible_targets_xy": [[2, 2]], "persistent": false}
            """;
        GridConfig config = GridConfig.FromJson(json, "test.json");
        Assert.Equal(3, config.NumAgents);
        Assert.Equal(9, config.Size);
        Assert.Equal(0.25, config.Density);
        Assert.Equal(1099511627793L, config.Seed);
        Assert.Equal(4, config.ObsRadius);
        Assert.Equal(99, config.MaxEpisodeSteps);
        Assert.Equal(CollisionSystem.Soft, config.CollisionSystem);
        Assert.Equal(OnTarget.Restart, config.OnTarget);
        Assert.Equal(ObservationType.MAPF, config.ObservationType);
        Assert.Equal([new GridPosition(0, 1), new GridPosition(2, 3)], config.AgentsXy);
        Assert.Equal([new GridPosition(4, 5), new GridPosition(6, 7)], config.TargetsXy);
        Assert.Equal([new GridPosition(1, 1)], config.PossibleAgentsXy);
        Assert.Equal([new GridPosition(2, 2)], config.PossibleTargetsXy);
    }

    [Fact]
    public void ReadsStringAndMatrixMapsAndRectangularSizes()
    {
        Assert.Equal("..#\n.a.\nA..", GridConfig.FromJson("""{"map": "..#\n.a.\nA.."}""", "t").Map);
        int[][] matrix = GridConfig.FromJson("""{"map": [[0, 1], [1, 0], [0, 0]]}""", "t").MapMatrix!;
        Assert.Equal([[0, 1], [1, 0], [0, 0]], matrix);

        var env = new PogemaEnv(GridConfig.FromJson("""{"width": 7, "height": 3, "seed": 2, "num_agents": 2}""", "t"));
        env.Reset();
        Assert.Equal(3, env.Height);
        Assert.Equal(7, env.Width);
    }

    [Theory]
    [InlineData("""{"num_agent": 2}""", "num_agent")]
    [InlineData("""{"num_agents": "two"}""", "num_agents")]
    [InlineData("""{"density": [0.3]}""", "density")]
    [InlineData("""{"collision_system": "hard"}""", "collision_system")]
    [InlineData("""{"on_target": "stay"}""", "on_target")]
    [InlineData("""{"agents_xy": [[0, 1, 2]]}""", "agents_xy")]
    [InlineData("""{"map": 5}""", "map")]
    [InlineData("""{"map": [[0, 2]]}""", "map")]
    [InlineData("[1, 2]", "object")]
    [InlineData("{", "JSON")]
    public void MistakesNameTheSourceAndTheField(string json, string mentioned)
    {
        var error = Assert.Throws<PogemaInputException>(() => new PogemaEnv(GridConfig.FromJson(json, "cfg.json"), "cfg.json"));
        Assert.StartsWith("cfg.json", error.Message);
        Assert.Contains(mentioned, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("""{"width": 5}""", "height")]
    [InlineData("""{"agents_xy": [[0, 0]]}""", "targets_xy")]
    [InlineData("""{"agents_xy": [[0, 0], [0, 0]], "targets_xy": [[1, 1], [2, 2]]}""", "share a cell")]
    [InlineData("""{"max_episode_steps": 0}""", "max_episode_steps")]
    [InlineData("""{"map": "..", "map_name": "x"}""", "map")]
    public void InconsistentFieldsAreRejected(string json, string mentioned)
    {
        var error = Assert.Throws<PogemaInputException>(() => GridConfig.FromJson(json, "cfg.json").Validate("cfg.json"));
        Assert.Contains(mentioned, error.Message);
    }

    [Fact]
    public void MapNameGoesThroughTheResolver()
    {
        var config = GridConfig.FromJson("""{"map_name": "no-such-map-anywhere", "seed": 1}""", "cfg.json");
        var error = Assert.Throws<PogemaInputException>(() => config.Validate("cfg.json"));
        Assert.Contains("no-such-map-anywhere", error.Message);
    }
}
