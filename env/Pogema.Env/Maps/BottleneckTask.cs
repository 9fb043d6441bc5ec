namespace Pogema.Env.Maps;

/// <summary>
/// One episode's starts and goals on a bottleneck map, as (row, column) cells: agent 0 goes from room A to room B,
/// agent 1 from room B to room A.
/// </summary>
public readonly record struct BottleneckTask(
    (int Row, int Col) Agent0Start,
    (int Row, int Col) Agent0Goal,
    (int Row, int Col) Agent1Start,
    (int Row, int Col) Agent1Goal)
{
    /// <summary>
    /// Writes the starts and goals as POGEMA's <c>agents_xy</c> / <c>targets_xy</c>: [row0, col0, row1, col1].
    /// </summary>
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
