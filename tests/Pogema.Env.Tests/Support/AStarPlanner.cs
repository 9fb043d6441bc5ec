namespace Pogema.Env.Tests.Support;

/// <summary>
/// The A* planner of POGEMA's deterministic-policy test, step for step: its node order, Python's heapq sifting,
/// a search that may leave the observation window, and at most 500 expansions.
/// </summary>
internal sealed class AStarPlanner
{
    private const int Infinity = 1000000007;
    private const int MaxSteps = 500;
    private static readonly (int Di, int Dj)[] Moves = [(-1, 0), (1, 0), (0, -1), (0, 1)];

    private readonly List<Node> _open = [];
    private readonly Dictionary<(int, int), (int, int)> _closed = [];
    private readonly HashSet<(int, int)> _obstacles = [];
    private readonly HashSet<(int, int)> _otherAgents = [];
    private (int I, int J) _start;
    private (int I, int J) _goal;

    public void UpdateObstacles(ReadOnlySpan<float> obstacles, ReadOnlySpan<float> agents, int side)
    {
        _obstacles.Clear();
        _otherAgents.Clear();
        for (int k = 0; k < side * side; k++)
        {
            if (obstacles[k] != 0)
            {
                _obstacles.Add((k / side, k % side));
            }

            if (agents[k] != 0)
            {
                _otherAgents.Add((k / side, k % side));
            }
        }
    }

    public void UpdatePath((int, int) start, (int, int) goal)
    {
        _start = start;
        _goal = goal;
        _closed.Clear();
        _open.Clear();
        HeapPush(new Node(start.Item1, start.Item2, 0, Heuristic(start)));
        ComputeShortestPath();
    }

    public (int, int) NextNode()
    {
        (int, int) next = _start;
        if (_closed.ContainsKey(_goal))
        {
            next = _goal;
            while (_closed[next] != _start)
            {
                next = _closed[next];
            }
        }

        return next;
    }

    private int Heuristic((int I, int J) cell) => Math.Abs(cell.I - _goal.I) + Math.Abs(cell.J - _goal.J);

    private void ComputeShortestPath()
    {
        var u = new Node(Infinity, Infinity, 0, 0);
        int steps = 0;
        while (_open.Count > 0 && steps < MaxSteps && (u.I, u.J) != _goal)
        {
            u = HeapPop();
            steps++;
            foreach ((int di, int dj) in Moves)
            {
                (int, int) n = (u.I + di, u.J + dj);
                if (_obstacles.Contains(n) || _closed.ContainsKey(n) || _otherAgents.Contains(n))
                {
                    continue;
                }

                HeapPush(new Node(n.Item1, n.Item2, u.G + 1, Heuristic(n)));
                _closed[n] = (u.I, u.J);
            }
        }
    }

    private void HeapPush(Node node)
    {
        _open.Add(node);
        SiftDown(0, _open.Count - 1);
    }

    private Node HeapPop()
    {
        Node last = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        if (_open.Count == 0)
        {
            return last;
        }

        Node result = _open[0];
        _open[0] = last;
        SiftUp(0);
        return result;
    }

    private void SiftDown(int startPosition, int position)
    {
        Node item = _open[position];
        while (position > startPosition)
        {
            int parent = (position - 1) >> 1;
            if (item.LessThan(_open[parent]))
            {
                _open[position] = _open[parent];
                position = parent;
                continue;
            }

            break;
        }

        _open[position] = item;
    }

    private void SiftUp(int position)
    {
        int end = _open.Count;
        int start = position;
        Node item = _open[position];
        int child = (2 * position) + 1;
        while (child < end)
        {
            int right = child + 1;
            if (right < end && !_open[child].LessThan(_open[right]))
            {
                child = right;
            }

            _open[position] = _open[child];
            position = child;
            child = (2 * position) + 1;
        }

        _open[position] = item;
        SiftDown(start, position);
    }

    private readonly record struct Node(int I, int J, int G, int H)
    {
        public int F => G + H;

        public bool LessThan(Node other) => F < other.F || (F == other.F && G < other.G);
    }
}
