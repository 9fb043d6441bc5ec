namespace Pogema.Env;

/// <summary>Lifelong goals (<c>on_target: restart</c>): per-agent generators and the goal draw.</summary>
public sealed partial class PogemaEnv
{
    private bool _lifelongPoolHasChoice;

    /// <summary>
    /// As POGEMA: <c>seeds = default_rng(seed).integers(2^31 - 1, size=num_agents)</c>, agent i draws from
    /// <c>default_rng(seeds[i])</c>; goals come from the agent's connected component (row-major cell list) or, when
    /// a goal pool exists, from the pool in the order the placement shuffle left it.
    /// </summary>
    private void PrepareLifelongGoals(ulong seed)
    {
        _rng.Reseed(seed);
        for (int i = 0; i < _numAgents; i++)
        {
            _goalRngs![i].Reseed((ulong)_rng.Integers(int.MaxValue));
        }

        if (_lifelongPoolLength == 0)
        {
            _components.Compute(_mapObstacles);
            _components.BuildCellLists();
            return;
        }

        ReadOnlySpan<GridPosition> pool = _layout.Placement == PlacementKind.Pools
            ? _poolGoals.AsSpan(0, _layout.PoolGoals.Length)
            : _layout.LifelongGoalPool;
        int[] lifelongPool = _lifelongPool!;
        _lifelongPoolHasChoice = false;
        for (int k = 0; k < pool.Length; k++)
        {
            lifelongPool[k] = Pad((pool[k].Row * _width) + pool[k].Col);
            _lifelongPoolHasChoice |= lifelongPool[k] != lifelongPool[0];
        }
    }

    /// <summary>
    /// A new goal for an agent standing on its goal: <c>choice(candidates)</c>, drawn again while it equals the
    /// agent's cell (POGEMA 2.x). Candidates are the agent's component, or the goal pool (compared in one frame).
    /// </summary>
    private int DrawLifelongGoal(int agent)
    {
        Random.NumpyRandom rng = _goalRngs![agent];
        int position = _position[agent];
        if (_lifelongPoolLength == 0)
        {
            ReadOnlySpan<int> cells = _components.CellsOf(_components.Label[Unpad(position)]);
            if (cells.Length < 2)
            {
                // A one-cell component has no other goal; POGEMA would draw forever. Keep the goal.
                return position;
            }

            int goal;
            do
            {
                goal = Pad(cells[rng.Choice(cells.Length)]);
            }
            while (goal == position);
            return goal;
        }

        int[] lifelongPool = _lifelongPool!;
        if (!_lifelongPoolHasChoice && lifelongPool[0] == position)
        {
            // The pool holds only the agent's own cell; POGEMA would draw forever. Keep the goal.
            return position;
        }

        int candidate;
        do
        {
            candidate = lifelongPool[rng.Choice(_lifelongPoolLength)];
        }
        while (candidate == position);
        return candidate;
    }
}
