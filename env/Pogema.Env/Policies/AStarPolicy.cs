namespace Pogema.Env.Policies;

/// <summary>
/// POGEMA's batch of decentralized A* agents (<c>BatchAStarAgent</c>): one <see cref="AStarAgent"/> per agent, each
/// seeing only its own observation window of radius <c>obs_radius</c> and its target, each with its own fallback
/// generator seeded 0 exactly as POGEMA's agents are (so the episode seed does not change them).
/// </summary>
public sealed class AStarPolicy : IPolicy
{
    private readonly AStarAgent[] _agents;
    private readonly AStarSearch _search;
    private readonly byte[] _map;

    /// <param name="env">The environment, just reset.</param>
    /// <param name="agentSeed">Seed of every agent's fallback generator; POGEMA uses 0.</param>
    public AStarPolicy(PogemaEnv env, ulong agentSeed = 0)
    {
        ArgumentNullException.ThrowIfNull(env);
        int h = env.Height;
        int w = env.Width;
        _map = new byte[h * w];
        for (int r = 0; r < h; r++)
        {
            for (int c = 0; c < w; c++)
            {
                _map[(r * w) + c] = env.IsObstacle(r, c) ? (byte)1 : (byte)0;
            }
        }

        _agents = new AStarAgent[env.NumAgents];
        for (int i = 0; i < _agents.Length; i++)
        {
            _agents[i] = new AStarAgent(h, w, agentSeed);
        }

        _search = new AStarSearch(h, w);
    }

    /// <inheritdoc/>
    public void Act(PogemaEnv env, Span<int> actions)
    {
        ReadOnlySpan<int> rows = env.AgentRows;
        ReadOnlySpan<int> cols = env.AgentCols;
        ReadOnlySpan<int> targetRows = env.TargetRows;
        ReadOnlySpan<int> targetCols = env.TargetCols;
        int radius = env.ObsRadius;
        for (int i = 0; i < _agents.Length; i++)
        {
            // POGEMA asks every agent, finished ones included (they stand on their target and wait).
            actions[i] = _agents[i].Act(rows[i], cols[i], targetRows[i], targetCols[i], radius, _map, _search);
        }
    }
}
