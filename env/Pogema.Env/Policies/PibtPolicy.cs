namespace Pogema.Env.Policies;

/// <summary>
/// A centralized <see cref="PibtPlanner"/> over the whole environment: full knowledge of the map, every position and
/// every current target; plans one step at a time, so lifelong goals are picked up as soon as they appear.
/// </summary>
public sealed class PibtPolicy : IPolicy
{
    private readonly PibtPlanner _planner;
    private readonly int[] _positions;
    private readonly int[] _goals;
    private readonly int _width;

    /// <param name="env">The environment, just reset.</param>
    /// <param name="seed">Seed of the planner's tie-breaks.</param>
    public PibtPolicy(PogemaEnv env, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(env);
        _width = env.Width;
        var obstacles = new bool[env.Height * env.Width];
        for (int r = 0; r < env.Height; r++)
        {
            for (int c = 0; c < env.Width; c++)
            {
                obstacles[(r * _width) + c] = env.IsObstacle(r, c);
            }
        }

        _planner = new PibtPlanner(env.Height, env.Width, obstacles, env.NumAgents, seed);
        _positions = new int[env.NumAgents];
        _goals = new int[env.NumAgents];
    }

    /// <inheritdoc/>
    public void Act(PogemaEnv env, Span<int> actions)
    {
        ReadOnlySpan<int> rows = env.AgentRows;
        ReadOnlySpan<int> cols = env.AgentCols;
        ReadOnlySpan<int> targetRows = env.TargetRows;
        ReadOnlySpan<int> targetCols = env.TargetCols;
        for (int i = 0; i < _positions.Length; i++)
        {
            _positions[i] = (rows[i] * _width) + cols[i];
            _goals[i] = (targetRows[i] * _width) + targetCols[i];
        }

        _planner.Plan(_positions, _goals, env.Active, actions);
    }
}
