namespace Pogema.Env.Vector;

/// <summary>
/// SRMT's Follower-style observation for one agent, 3 x (2r+1) x (2r+1) floats: channel 0 obstacles as -1 and the
/// agent's own shortest path as +1 (from its cell, following <see cref="DistanceField.NextCell"/>, until the path
/// leaves the window or reaches the goal), channel 1 active agents (itself included), channel 2 the goals of the
/// other agents with its own goal cell cleared (as the reference's anonymous-targets wrapper does).
/// </summary>
public static class FollowerObservation
{
    /// <summary>Channels of the observation.</summary>
    public const int Channels = 3;

    /// <summary>
    /// Writes one agent's observation with its path given as cells: <paramref name="path"/> starts at the agent's cell
    /// and follows the shortest path at least until it leaves the window or reaches the goal (empty when the goal is
    /// unreachable). Gives the same observation as the overload that walks the distance field.
    /// </summary>
    public static void Write(
        ReadOnlySpan<byte> obstacles,
        ReadOnlySpan<byte> occupancy,
        ReadOnlySpan<byte> goalGrid,
        ReadOnlySpan<int> path,
        int paddedWidth,
        int radius,
        int goal,
        Span<float> destination)
    {
        int position = path.Length > 0 ? path[0] : -1;
        if (position < 0)
        {
            throw new ArgumentException("the path must start at the agent's cell; use the field overload for an unreachable goal", nameof(path));
        }

        int d = (2 * radius) + 1;
        int area = d * d;
        Span<float> obstacleOut = destination[..area];
        int row = position / paddedWidth;
        int col = position % paddedWidth;
        WriteGrids(obstacles, occupancy, goalGrid, paddedWidth, radius, position, (goal / paddedWidth) - row, (goal % paddedWidth) - col, destination);
        foreach (int cell in path)
        {
            if (!MarkPath(obstacleOut, radius, (cell / paddedWidth) - row, (cell % paddedWidth) - col))
            {
                break;
            }
        }
    }

    /// <summary>
    /// The path overload for a path kept with each cell's padded row and column (<see cref="AgentPaths"/>), and the
    /// agent's and goal's rows and columns known: the same observation without a division per cell.
    /// </summary>
    internal static void Write(
        ReadOnlySpan<byte> obstacles,
        ReadOnlySpan<byte> occupancy,
        ReadOnlySpan<byte> goalGrid,
        ReadOnlySpan<AgentPaths.PathCell> path,
        int paddedWidth,
        int radius,
        int goalRowOffset,
        int goalColOffset,
        Span<float> destination)
    {
        int d = (2 * radius) + 1;
        Span<float> obstacleOut = destination[..(d * d)];
        AgentPaths.PathCell start = path[0];
        WriteGrids(obstacles, occupancy, goalGrid, paddedWidth, radius, start.Cell, goalRowOffset, goalColOffset, destination);
        foreach (AgentPaths.PathCell cell in path)
        {
            if (!MarkPath(obstacleOut, radius, cell.Row - start.Row, cell.Col - start.Col))
            {
                break;
            }
        }
    }

    /// <summary>
    /// Writes one agent's observation. <paramref name="goalGrid"/> is a padded grid with 1 on the goal cells of all agents
    /// of the environment; <paramref name="distance"/> the BFS field to this agent's goal.
    /// </summary>
    public static void Write(
        ReadOnlySpan<byte> obstacles,
        ReadOnlySpan<byte> occupancy,
        ReadOnlySpan<byte> goalGrid,
        ReadOnlySpan<int> distance,
        int paddedWidth,
        int radius,
        int position,
        int goal,
        Span<float> destination)
    {
        int d = (2 * radius) + 1;
        int area = d * d;
        Span<float> obstacleOut = destination[..area];
        int positionRow = position / paddedWidth;
        int positionCol = position % paddedWidth;
        WriteGrids(obstacles, occupancy, goalGrid, paddedWidth, radius, position, (goal / paddedWidth) - positionRow, (goal % paddedWidth) - positionCol, destination);
        int corner = position - (radius * paddedWidth) - radius;
        if (distance[position] < 0)
        {
            return;
        }

        int cornerRow = corner / paddedWidth;
        int cornerCol = corner - (cornerRow * paddedWidth);
        int cell = position;
        while (true)
        {
            int row = (cell / paddedWidth) - cornerRow;
            int col = (cell - ((cell / paddedWidth) * paddedWidth)) - cornerCol;
            if ((uint)row >= (uint)d || (uint)col >= (uint)d)
            {
                break;
            }

            obstacleOut[(row * d) + col] = 1f;
            if (cell == goal)
            {
                break;
            }

            cell = DistanceField.NextCell(distance, paddedWidth, cell);
        }
    }

    /// <summary>Marks a path cell <paramref name="rowOffset"/>, <paramref name="colOffset"/> from the agent; false once it is outside the window.</summary>
    private static bool MarkPath(Span<float> obstacleOut, int radius, int rowOffset, int colOffset)
    {
        int d = (2 * radius) + 1;
        int row = rowOffset + radius;
        int col = colOffset + radius;
        if ((uint)row >= (uint)d || (uint)col >= (uint)d)
        {
            return false;
        }

        obstacleOut[(row * d) + col] = 1f;
        return true;
    }

    /// <summary>
    /// The three windows without the path: obstacles as -1, agents, other agents' goals. The agent's own goal lies
    /// <paramref name="goalRowOffset"/> rows and <paramref name="goalColOffset"/> columns from it.
    /// </summary>
    private static void WriteGrids(
        ReadOnlySpan<byte> obstacles,
        ReadOnlySpan<byte> occupancy,
        ReadOnlySpan<byte> goalGrid,
        int paddedWidth,
        int radius,
        int position,
        int goalRowOffset,
        int goalColOffset,
        Span<float> destination)
    {
        int d = (2 * radius) + 1;
        int area = d * d;
        Span<float> obstacleOut = destination[..area];
        Span<float> agentOut = destination.Slice(area, area);
        Span<float> goalOut = destination.Slice(2 * area, area);
        int corner = position - (radius * paddedWidth) - radius;
        WindowRow.NegateWindow(obstacles, corner, paddedWidth, d, obstacleOut);
        WindowRow.WidenWindow(occupancy, corner, paddedWidth, d, agentOut);
        WindowRow.WidenWindow(goalGrid, corner, paddedWidth, d, goalOut);

        int goalRow = goalRowOffset + radius;
        int goalCol = goalColOffset + radius;
        if ((uint)goalRow < (uint)d && (uint)goalCol < (uint)d)
        {
            goalOut[(goalRow * d) + goalCol] = 0f;
        }
    }
}
