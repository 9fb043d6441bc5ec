namespace Pogema.Env.Tests.Core;

/// <summary>
/// Environments on one static map read one shared padded grid; an episode whose start or goal frees an obstacle (as
/// POGEMA does under explicit starts and goals) gets its own grid, and the shared one stays as the map has it.
/// </summary>
public sealed class SharedObstacleGridTests
{
    [Fact]
    public void AnEpisodeThatFreesAnObstacleLeavesTheSharedGridAlone()
    {
        // Row 0: a . #  (the # at column 2); one agent, explicit placement.
        var config = new GridConfig { Map = "a.#\n..A", ObsRadius = 1 };
        var layout = TaskLayout.Build(config, "test");
        var freeing = new PogemaEnv([layout]);
        var plain = new PogemaEnv([layout]);
        int width = layout.PaddedWidth;
        int obstacleCell = (1 * width) + 1 + 2;

        freeing.Reset(1, [new GridPosition(0, 2)], [new GridPosition(1, 2)]);
        plain.Reset(1, [new GridPosition(0, 0)], [new GridPosition(1, 2)]);

        Assert.Equal(0, freeing.PaddedObstacles[obstacleCell]);
        Assert.Equal(1, plain.PaddedObstacles[obstacleCell]);
        Assert.Equal(1, layout.PaddedObstacles![obstacleCell]);

        // The same environment back on an episode that frees nothing reads the map's obstacle again.
        freeing.Reset(2, [new GridPosition(0, 0)], [new GridPosition(1, 2)]);
        Assert.Equal(1, freeing.PaddedObstacles[obstacleCell]);
        Assert.True(freeing.PaddedObstacles.SequenceEqual(layout.PaddedObstacles));
    }
}
