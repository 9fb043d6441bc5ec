using Pogema.Env.Random;

namespace Pogema.Env.Policies;

/// <summary>
/// Priority Inheritance with Backtracking (Okumura et al., 2019/2022): a centralized one-step planner with full
/// knowledge of the map, positions and goals. Agents plan in descending priority; an agent that wants a cell
/// occupied by a lower-priority agent that has not planned yet lends it its priority, and that agent must move
/// away first (recursively); if it cannot, the asking agent tries its next candidate (backtracking). Priorities grow
/// by one every step an agent is away from its goal and drop back to a small per-agent tie-break when it arrives,
/// which is what makes PIBT reach every goal in lifelong settings on graphs such as bi-connected ones.
/// Plans never contain vertex conflicts or swaps; they may contain following and rotations, which POGEMA's
/// <c>soft</c> collision system executes. Like LaCAM3's PIBT it emulates swaps (an agent backs off and pulls the
/// blocking agent along until a branch lets them pass), which plain PIBT lacks and which corridors with pockets
/// need.
/// </summary>
public sealed class PibtPlanner
{
    private const int NoAgent = -1;
    private const int Unreachable = int.MaxValue / 4;

    private static readonly int[] DeltaRow = { 0, -1, 1, 0, 0 };
    private static readonly int[] DeltaCol = { 0, 0, 0, -1, 1 };

    private readonly int _height;
    private readonly int _width;
    private readonly bool[] _obstacle;
    private readonly int _numAgents;
    private readonly NumpyRandom _random;
    private readonly double[] _priority;
    private readonly double[] _tieBreak;
    private readonly int[] _distanceGoal;
    private readonly int[][] _distance;
    private readonly int[] _occupiedNow;
    private readonly int[] _occupiedNext;
    private readonly int[] _from;
    private readonly int[] _to;
    private readonly int[] _goal;
    private readonly int[] _neighbors = new int[4];
    private readonly int[] _order;
    private readonly int[] _bfsQueue;
    private readonly int[][] _candidateStack;
    private readonly double[][] _scoreStack;

    /// <param name="height">Map height.</param>
    /// <param name="width">Map width.</param>
    /// <param name="obstacles">Row-major obstacle flags of the unpadded map.</param>
    /// <param name="numAgents">Number of agents.</param>
    /// <param name="seed">Seed of the tie-breaks, so plans are reproducible.</param>
    public PibtPlanner(int height, int width, ReadOnlySpan<bool> obstacles, int numAgents, ulong seed)
    {
        _height = height;
        _width = width;
        _obstacle = obstacles.ToArray();
        _numAgents = numAgents;
        _random = NumpyRandom.DefaultRng(seed);
        int cells = height * width;
        _priority = new double[numAgents];
        _tieBreak = new double[numAgents];
        _distanceGoal = new int[numAgents];
        _distance = new int[numAgents][];
        _occupiedNow = new int[cells];
        _occupiedNext = new int[cells];
        _from = new int[numAgents];
        _to = new int[numAgents];
        _goal = new int[numAgents];
        _order = new int[numAgents];
        _bfsQueue = new int[cells];
        _candidateStack = new int[numAgents][];
        _scoreStack = new double[numAgents][];
        for (int i = 0; i < numAgents; i++)
        {
            _tieBreak[i] = _random.Random() / Math.Max(1, numAgents);
            _priority[i] = _tieBreak[i];
            _distanceGoal[i] = -1;
            _distance[i] = new int[cells];
            _candidateStack[i] = new int[5];
            _scoreStack[i] = new double[5];
        }

        Array.Fill(_occupiedNow, NoAgent);
        Array.Fill(_occupiedNext, NoAgent);
    }

    /// <summary>
    /// Plans one step. Positions and goals are unpadded cell indices (row * width + col); inactive agents are ignored
    /// and get action 0. Writes one action (0 wait, 1 up, 2 down, 3 left, 4 right) per agent.
    /// </summary>
    public void Plan(ReadOnlySpan<int> positions, ReadOnlySpan<int> goals, ReadOnlySpan<bool> active, Span<int> actions)
    {
        int n = _numAgents;
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            actions[i] = 0;
            _to[i] = NoAgent;
            if (!active[i])
            {
                continue;
            }

            _from[i] = positions[i];
            _goal[i] = goals[i];
            _occupiedNow[positions[i]] = i;
            if (_distanceGoal[i] != goals[i])
            {
                ComputeDistances(goals[i], _distance[i]);
                _distanceGoal[i] = goals[i];
            }

            _priority[i] = positions[i] == goals[i] ? _tieBreak[i] : _priority[i] + 1.0;
            _order[count++] = i;
        }

        SortByPriority(_order.AsSpan(0, count));
        for (int k = 0; k < count; k++)
        {
            int i = _order[k];
            if (_to[i] == NoAgent)
            {
                Solve(i);
            }
        }

        for (int k = 0; k < count; k++)
        {
            int i = _order[k];
            actions[i] = ActionBetween(_from[i], _to[i]);
            _occupiedNow[_from[i]] = NoAgent;
            _occupiedNext[_to[i]] = NoAgent;
        }
    }

    private bool Solve(int i)
    {
        int[] candidates = _candidateStack[i];
        double[] scores = _scoreStack[i];
        int from = _from[i];
        int row = from / _width;
        int col = from % _width;
        int k = 0;
        int[] distance = _distance[i];
        for (int d = 0; d < 5; d++)
        {
            int r = row + DeltaRow[d];
            int c = col + DeltaCol[d];
            if ((uint)r >= (uint)_height || (uint)c >= (uint)_width || _obstacle[(r * _width) + c])
            {
                continue;
            }

            int cell = (r * _width) + c;
            candidates[k] = cell;
            scores[k] = distance[cell] + _random.Random();
            k++;
        }

        // Insertion sort of at most five candidates by distance to goal plus a random tie-break in [0, 1).
        for (int a = 1; a < k; a++)
        {
            int cell = candidates[a];
            double score = scores[a];
            int b = a - 1;
            while (b >= 0 && scores[b] > score)
            {
                candidates[b + 1] = candidates[b];
                scores[b + 1] = scores[b];
                b--;
            }

            candidates[b + 1] = cell;
            scores[b + 1] = score;
        }

        // LaCAM3's swap emulation: when i must pass j in a dead end or corridor, i backs off and pulls j along
        // until a branch lets them pass, which plain PIBT cannot do.
        int swapAgent = SwapRequiredAndPossible(i, candidates[0]);
        if (swapAgent != NoAgent)
        {
            Array.Reverse(candidates, 0, k);
        }

        for (int a = 0; a < k; a++)
        {
            int v = candidates[a];
            if (_occupiedNext[v] != NoAgent)
            {
                continue;
            }

            int j = _occupiedNow[v];
            if (j != NoAgent && _to[j] == from)
            {
                continue; // would swap with j
            }

            _occupiedNext[v] = i;
            _to[i] = v;
            if (j != NoAgent && v != from && _to[j] == NoAgent && !Solve(j))
            {
                continue;
            }

            if (a == 0 && swapAgent != NoAgent && _to[swapAgent] == NoAgent && _occupiedNext[from] == NoAgent)
            {
                _occupiedNext[from] = swapAgent;
                _to[swapAgent] = from;
            }

            return true;
        }

        _occupiedNext[from] = i;
        _to[i] = from;
        return false;
    }

    private int SwapRequiredAndPossible(int i, int best)
    {
        int from = _from[i];
        int j = _occupiedNow[best];
        if (j != NoAgent && j != i && _to[j] == NoAgent && SwapRequired(i, j, from, _from[j]) && SwapPossible(_from[j], from))
        {
            return j;
        }

        // Clearing: an agent behind i that i blocks may need to be pulled through i's next cell.
        if (best != from)
        {
            int count = Neighbors(from, _neighbors);
            for (int a = 0; a < count; a++)
            {
                int u = _neighbors[a];
                int k = _occupiedNow[u];
                if (k != NoAgent && best != _from[k] && SwapRequired(k, i, from, best) && SwapPossible(best, from))
                {
                    return k;
                }
            }
        }

        return NoAgent;
    }

    // Follows the corridor from the puller's side while the pusher still gets closer to its goal; a swap is needed
    // when no branch is met on the way and both agents want to pass each other.
    private bool SwapRequired(int pusher, int puller, int pusherCell, int pullerCell)
    {
        int[] dPusher = _distance[pusher];
        int[] dPuller = _distance[puller];
        Span<int> neighbors = stackalloc int[4];
        int tmp = -1;
        while (dPusher[pullerCell] < dPusher[pusherCell])
        {
            int n = OpenNeighbors(pullerCell, pusherCell, neighbors, ref tmp);

            if (n >= 2)
            {
                return false;
            }

            if (n <= 0)
            {
                break;
            }

            pusherCell = pullerCell;
            pullerCell = tmp;
        }

        return dPuller[pusherCell] < dPuller[pullerCell]
            && (dPusher[pusherCell] == 0 || dPusher[pullerCell] < dPusher[pusherCell]);
    }

    // Neighbours of `cell` the pair could move into (not `excluded`, not an agent parked in a dead end); `last` is
    // left at the last such neighbour, the next cell of a walk along a corridor.
    private int OpenNeighbors(int cell, int excluded, Span<int> neighbors, ref int last)
    {
        int count = Neighbors(cell, neighbors);
        int open = count;
        for (int a = 0; a < count; a++)
        {
            int u = neighbors[a];
            if (u == excluded || IsParkedInDeadEnd(u))
            {
                open--;
            }
            else
            {
                last = u;
            }
        }

        return open;
    }

    // Simulates pulling: a swap is possible when walking back from the puller reaches a branch.
    private bool SwapPossible(int pusherOrigin, int pullerOrigin)
    {
        Span<int> neighbors = stackalloc int[4];
        int pusherCell = pusherOrigin;
        int pullerCell = pullerOrigin;
        int tmp = -1;
        while (pullerCell != pusherOrigin)
        {
            int n = OpenNeighbors(pullerCell, pusherCell, neighbors, ref tmp);

            if (n >= 2)
            {
                return true;
            }

            if (n <= 0)
            {
                return false;
            }

            pusherCell = pullerCell;
            pullerCell = tmp;
        }

        return false;
    }

    // A dead-end cell holding an agent that has arrived at its goal there: it need not move, so it is no branch.
    private bool IsParkedInDeadEnd(int cell)
    {
        int agent = _occupiedNow[cell];
        return agent != NoAgent && _goal[agent] == cell && Degree(cell) == 1;
    }

    private int Degree(int cell)
    {
        Span<int> neighbors = stackalloc int[4];
        return Neighbors(cell, neighbors);
    }

    private int Neighbors(int cell, Span<int> output)
    {
        int row = cell / _width;
        int col = cell % _width;
        int count = 0;
        for (int d = 1; d < 5; d++)
        {
            int r = row + DeltaRow[d];
            int c = col + DeltaCol[d];
            if ((uint)r < (uint)_height && (uint)c < (uint)_width && !_obstacle[(r * _width) + c])
            {
                output[count++] = (r * _width) + c;
            }
        }

        return count;
    }

    private void SortByPriority(Span<int> order)
    {
        // Stable insertion sort, highest priority first; agent count per environment is small.
        for (int a = 1; a < order.Length; a++)
        {
            int agent = order[a];
            double p = _priority[agent];
            int b = a - 1;
            while (b >= 0 && _priority[order[b]] < p)
            {
                order[b + 1] = order[b];
                b--;
            }

            order[b + 1] = agent;
        }
    }

    private void ComputeDistances(int goal, int[] distance)
    {
        Array.Fill(distance, Unreachable);
        int head = 0;
        int tail = 0;
        distance[goal] = 0;
        _bfsQueue[tail++] = goal;
        while (head < tail)
        {
            int cell = _bfsQueue[head++];
            int row = cell / _width;
            int col = cell % _width;
            for (int d = 1; d < 5; d++)
            {
                int r = row + DeltaRow[d];
                int c = col + DeltaCol[d];
                if ((uint)r >= (uint)_height || (uint)c >= (uint)_width)
                {
                    continue;
                }

                int next = (r * _width) + c;
                if (_obstacle[next] || distance[next] != Unreachable)
                {
                    continue;
                }

                distance[next] = distance[cell] + 1;
                _bfsQueue[tail++] = next;
            }
        }
    }

    private int ActionBetween(int from, int to)
    {
        int diff = to - from;
        if (diff == 0)
        {
            return 0;
        }

        if (diff == -_width)
        {
            return 1;
        }

        if (diff == _width)
        {
            return 2;
        }

        return diff == -1 ? 3 : 4;
    }
}
