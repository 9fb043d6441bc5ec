namespace Pogema.Env.Tests.Support;

/// <summary>Helpers that read an environment the way POGEMA's tests read its Grid (padded coordinates).</summary>
internal static class EnvAssert
{
    public static PogemaEnv Reset(GridConfig config)
    {
        var env = new PogemaEnv(config);
        env.Reset();
        return env;
    }

    /// <summary>The padded obstacle grid as rows of 0/1, like POGEMA's <c>grid.obstacles</c>.</summary>
    public static int[][] PaddedObstacles(PogemaEnv env)
    {
        var rows = new int[env.PaddedHeight][];
        for (int r = 0; r < env.PaddedHeight; r++)
        {
            rows[r] = new int[env.PaddedWidth];
            for (int c = 0; c < env.PaddedWidth; c++)
            {
                rows[r][c] = env.PaddedObstacles[(r * env.PaddedWidth) + c];
            }
        }

        return rows;
    }

    /// <summary>Agent positions in padded coordinates, like POGEMA's <c>grid.positions_xy</c>.</summary>
    public static (int, int)[] PaddedPositions(PogemaEnv env)
    {
        var result = new (int, int)[env.NumAgents];
        for (int i = 0; i < env.NumAgents; i++)
        {
            result[i] = (env.AgentRows[i] + env.ObsRadius, env.AgentCols[i] + env.ObsRadius);
        }

        return result;
    }

    /// <summary>Goals in padded coordinates, like POGEMA's <c>grid.finishes_xy</c>.</summary>
    public static (int, int)[] PaddedTargets(PogemaEnv env)
    {
        var result = new (int, int)[env.NumAgents];
        for (int i = 0; i < env.NumAgents; i++)
        {
            result[i] = (env.TargetRows[i] + env.ObsRadius, env.TargetCols[i] + env.ObsRadius);
        }

        return result;
    }
}
