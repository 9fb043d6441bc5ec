namespace Pogema.Env.Maps;

/// <summary>
/// One episode's starts and goals on a bottleneck map: agent 0 goes from room A to room B, agent 1 from room B to
/// room A.
/// </summary>
public readonly record struct BottleneckTask(GridPosition Agent0Start, GridPosition Agent0Goal, GridPosition Agent1Start, GridPosition Agent1Goal)
{
    /// <summary>Sets the config's <c>agents_xy</c>, <c>targets_xy</c> and <c>num_agents</c> (2) to this task.</summary>
    public void ApplyTo(GridConfig config)
    {
        config.AgentsXy = [Agent0Start, Agent1Start];
        config.TargetsXy = [Agent0Goal, Agent1Goal];
        config.NumAgents = 2;
    }

    /// <summary>Writes the starts and goals as flat [row0, col0, row1, col1] pairs, allocation-free.</summary>
    public void CopyTo(Span<int> agentsXy, Span<int> targetsXy)
    {
        agentsXy[0] = Agent0Start.Row;
        agentsXy[1] = Agent0Start.Col;
        agentsXy[2] = Agent1Start.Row;
        agentsXy[3] = Agent1Start.Col;
        targetsXy[0] = Agent0Goal.Row;
        targetsXy[1] = Agent0Goal.Col;
        targetsXy[2] = Agent1Goal.Row;
        targetsXy[3] = Agent1Goal.Col;
    }
}
