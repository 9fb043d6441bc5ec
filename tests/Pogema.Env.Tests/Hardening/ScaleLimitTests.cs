using Pogema.Env;
using Pogema.Env.Maps;

namespace Pogema.Env.Tests.Hardening;

/// <summary>
/// The largest task the environment accepts: 2^24 padded cells, 2^20 agents, 2^29 observation floats. At each limit
/// the config validates; one step beyond it is rejected with one line naming the field and the limit, before any
/// large allocation (validation of a random map allocates nothing per cell).
/// </summary>
public sealed class ScaleLimitTests
{
    [Fact]
    public void LimitsAreTheDocumentedValues()
    {
        Assert.Equal(16_777_216L, GridConfig.MaxPaddedCells);
        Assert.Equal(1_048_576, GridConfig.MaxNumAgents);
        Assert.Equal(536_870_912L, GridConfig.MaxObservationFloats);
    }

    [Fact]
    public void SquareMapAtTheCellLimitIsAcceptedAndOneMoreRowIsNot()
    {
        // (4086 + 2 * 5)^2 = 4096^2 = 2^24 padded cells.
        new GridConfig { Size = 4086, ObsRadius = 5, NumAgents = 4 }.Validate("limits.json");

        var ex = Assert.Throws<PogemaInputException>(() => new GridConfig { Size = 4087, ObsRadius = 5 }.Validate("limits.json"));
        Assert.Equal(
            "limits.json: size: a 4087 x 4087 map with obs_radius 5 has 16785409 padded cells ((height + 2 obs_radius) x (width + 2 obs_radius)); at most 16777216 are accepted",
            ex.Message);
    }

    [Fact]
    public void ThinMapIsLimitedByItsAreaAndNamesWidth()
    {
        // (1 + 2) * (5592405 + 2) = 16,777,221 > 2^24; one row less fits.
        new GridConfig { Width = 1, Height = 5_592_403, ObsRadius = 1 }.Validate("limits.json");
        var ex = Assert.Throws<PogemaInputException>(() => new GridConfig { Width = 1, Height = 5_592_405, ObsRadius = 1 }.Validate("limits.json"));
        Assert.StartsWith("limits.json: width: a 5592405 x 1 map with obs_radius 1 has 16777221 padded cells", ex.Message);
    }

    [Fact]
    public void SizeBeyondPogemaRangeIsRejectedFirst()
    {
        var ex = Assert.Throws<PogemaInputException>(() => new GridConfig { Size = int.MaxValue }.Validate("limits.json"));
        Assert.Equal("limits.json: size: 2147483647 is out of range; allowed 2..8388608", ex.Message);
    }

    [Fact]
    public void AgentCountAtTheLimitIsAcceptedAndOneMoreIsNot()
    {
        new GridConfig { Size = 4086, ObsRadius = 5, NumAgents = GridConfig.MaxNumAgents }.Validate("limits.json");

        var ex = Assert.Throws<PogemaInputException>(() => new GridConfig { Size = 4086, NumAgents = GridConfig.MaxNumAgents + 1 }.Validate("limits.json"));
        Assert.Equal("limits.json: num_agents: 1048577 is out of range; allowed 1..1048576", ex.Message);
    }

    [Fact]
    public void ObservationBatchBeyondTheLimitNamesNumAgents()
    {
        // 2^20 agents x 3 x 15^2 = 707,788,800 floats > 2^29.
        var ex = Assert.Throws<PogemaInputException>(() => new GridConfig { Size = 4000, ObsRadius = 7, NumAgents = GridConfig.MaxNumAgents }.Validate("limits.json"));
        Assert.Equal(
            "limits.json: num_agents: 1048576 agents with obs_radius 7 need 707788800 observation floats (agents x 3 x (2 obs_radius + 1)^2); at most 536870912 are accepted: use fewer agents or a smaller obs_radius",
            ex.Message);

        // The largest radius POGEMA allows still works with fewer agents: 2709 x 3 x 257^2 <= 2^29 < 2710 x ...
        new GridConfig { Size = 3000, ObsRadius = 128, NumAgents = 2709 }.Validate("limits.json");
        Assert.Throws<PogemaInputException>(() => new GridConfig { Size = 3000, ObsRadius = 128, NumAgents = 2710 }.Validate("limits.json"));
    }

    [Fact]
    public void MovingAiHeaderBeyondTheCellLimitIsRejectedBeforeReadingRows()
    {
        var ex = Assert.Throws<PogemaInputException>(() => MovingAiMap.Parse("type octile\nheight 5\nwidth 2147483647\nmap\n", "huge.map"));
        Assert.Equal("huge.map, line 2: a 5 x 2147483647 map is larger than the 16777216 cells the environment accepts", ex.Message);
    }

    [Fact]
    public void EnvironmentAtModerateScaleRunsAndPlacesEveryAgent()
    {
        // A real allocation well inside the limits (the memory at the limits is measured by scripts/scale-limits.sh).
        var env = new PogemaEnv(new GridConfig { Size = 512, ObsRadius = 5, NumAgents = 20_000, Density = 0.3, Seed = 3, CollisionSystem = CollisionSystem.Soft });
        env.Reset();
        env.Step(new int[env.NumAgents]);
        Assert.Equal(20_000, env.NumAgents);
        Assert.Equal(522, env.PaddedHeight);
    }
}
