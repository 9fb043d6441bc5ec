namespace Pogema.Env.Tests.Support;

/// <summary>
/// POGEMA's test policy (tests/test_deterministic_policy.py): A* inside each agent's window towards its projected
/// goal, then with probability 0.2 a random move 1..3 from <c>RandomState(42)</c>.
/// </summary>
internal sealed class DeterministicPolicy
{
    private const double RandomRate = 0.2;
    private readonly LegacyRandomState _random = new(42);
    private AStarPlanner[]? _planners;

    public void Act(PogemaEnv env, float[] observations, int[] actions)
    {
        int n = env.NumAgents;
        int side = env.WindowSize;
        int area = side * side;
        int radius = side / 2;
        _planners ??= Enumerable.Range(0, n).Select(_ => new AStarPlanner()).ToArray();
        env.WriteObservations(observations);
        for (int k = 0; k < n; k++)
        {
            ReadOnlySpan<float> obs = observations.AsSpan(k * 3 * area, 3 * area);
            (int, int) start = (radius, radius);
            (int, int) goal = Goal(obs, side, radius);
            if (start == goal)
            {
                actions[k] = 0;
                continue;
            }

            _planners[k].UpdateObstacles(obs[..area], obs.Slice(area, area), side);
            _planners[k].UpdatePath(start, goal);
            (int i, int j) = _planners[k].NextNode();
            actions[k] = (i - radius, j - radius) switch
            {
                (0, 0) => 0,
                (-1, 0) => 1,
                (1, 0) => 2,
                (0, -1) => 3,
                (0, 1) => 4,
                _ => throw new InvalidOperationException("planner returned a cell that is not a neighbour"),
            };
        }

        for (int k = 0; k < n; k++)
        {
            if (_random.Random() < RandomRate)
            {
                actions[k] = _random.RandInt(1, 4);
            }
        }
    }

    private static (int, int) Goal(ReadOnlySpan<float> obs, int side, int radius)
    {
        int area = side * side;
        int cell = obs.Slice(2 * area, area).IndexOf(1f);
        int i = cell / side;
        int j = cell % side;
        if (obs[(i * side) + j] != 0)
        {
            // As the Python original: a goal projected onto an obstacle moves just outside the window.
            i -= i == 0 ? 1 : 0;
            i += i == radius * 2 ? 1 : 0;
            j -= j == 0 ? 1 : 0;
            j += j == radius * 2 ? 1 : 0;
        }

        return (i, j);
    }
}
