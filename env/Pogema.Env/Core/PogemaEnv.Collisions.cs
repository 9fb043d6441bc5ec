namespace Pogema.Env;

/// <summary>The three collision systems, each one method, as POGEMA's <c>move_agents</c>.</summary>
public sealed partial class PogemaEnv
{
    private const byte CellVisited = 1;
    private const byte CellBlocked = 2;

    private readonly byte[]? _cellState;
    private readonly int[]? _claimHead;
    private readonly int[]? _claimTail;
    private readonly int[]? _claimCount;
    private readonly int[]? _claimPrev;
    private readonly int[]? _claimNext;

    /// <summary>
    /// <c>priority</c>: agents move one by one in index order into a cell that is free of obstacles and agents at
    /// that moment; so the lower index wins, an agent may follow a lower-index one, and swaps are impossible.
    /// </summary>
    private void MovePriority(ReadOnlySpan<int> actions)
    {
        for (int i = 0; i < _numAgents; i++)
        {
            if (!_active[i] || actions[i] == 0)
            {
                continue;
            }

            int to = _position[i] + _moveOffset[actions[i]];
            if (_obstacles[to] == 0 && _occupancy[to] == 0)
            {
                MoveAgent(i, to);
            }
        }
    }

    /// <summary>
    /// <c>block_both</c>: every cell an active agent stands on, and every cell two or more agents want, is blocked;
    /// a move succeeds when its cell is not blocked and not an obstacle. No following, no swaps.
    /// </summary>
    private void MoveBlockBoth(ReadOnlySpan<int> actions)
    {
        byte[] state = _cellState!;
        for (int i = 0; i < _numAgents; i++)
        {
            if (!_active[i])
            {
                continue;
            }

            int to = _position[i] + _moveOffset[actions[i]];
            _moveTarget[i] = to;
            state[to] = state[to] != 0 ? CellBlocked : CellVisited;
            state[_position[i]] = CellBlocked;
        }

        for (int i = 0; i < _numAgents; i++)
        {
            // The origin is kept in _actions so the marks can be cleared after the agents moved.
            _actions[i] = _position[i];
            if (!_active[i])
            {
                continue;
            }

            int to = _moveTarget[i];
            if (state[to] != CellBlocked && _obstacles[to] == 0 && _occupancy[to] == 0)
            {
                MoveAgent(i, to);
            }
        }

        for (int i = 0; i < _numAgents; i++)
        {
            if (_active[i])
            {
                state[_actions[i]] = 0;
                state[_moveTarget[i]] = 0;
            }
        }
    }

    /// <summary>
    /// <c>soft</c>: every active agent claims its cell (its own when waiting); the lower-index agent of a swapping
    /// pair falls back to its own cell; then, in descending index order, an agent whose cell is an obstacle or is
    /// claimed more than once falls back, and a fall-back onto a claimed cell makes that cell's first claimant
    /// fall back in turn (a chain); finally all remaining moves happen at once. Claims are per-cell lists in claim
    /// order, kept as linked lists over agents so nothing is allocated.
    /// </summary>
    private void MoveSoft(ReadOnlySpan<int> actions)
    {
        Span<int> act = _actions;
        actions.CopyTo(act);
        int n = _numAgents;
        for (int i = 0; i < n; i++)
        {
            if (_active[i])
            {
                int to = _position[i] + _moveOffset[act[i]];
                _moveTarget[i] = to;
                AppendClaim(i, to);
            }
        }

        // Swaps: POGEMA's edge bookkeeping reverts only the lower-index agent here; the other one falls back
        // in the next pass because its cell is now claimed twice.
        for (int i = 0; i < n; i++)
        {
            if (!_active[i] || act[i] == 0)
            {
                continue;
            }

            int to = _moveTarget[i];
            int other = _agentAt[to];
            if (other > i && _moveTarget[other] == _position[i])
            {
                RemoveClaim(i, to);
                AppendClaim(i, _position[i]);
                act[i] = 0;
                _moveTarget[i] = _position[i];
            }
        }

        for (int i = n - 1; i >= 0; i--)
        {
            if (!_active[i])
            {
                continue;
            }

            int to = _moveTarget[i];
            if (_claimCount![to] > 1 || _obstacles[to] != 0)
            {
                RevertSoftMove(i, to, act);
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (_active[i])
            {
                int from = _position[i];
                ClearOccupied(from);
                _agentAt[from] = -1;
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (_active[i])
            {
                int to = _moveTarget[i];
                _claimHead![to] = -1;
                _claimTail![to] = -1;
                _claimCount![to] = 0;
                MarkOccupied(to);
                _agentAt[to] = i;
                if (to != _position[i])
                {
                    SetPosition(i, to);
                }
            }
        }
    }

    /// <summary>POGEMA's <c>_revert_action</c>, as a loop: the agent waits; if its own cell is claimed, the first claimant reverts too.</summary>
    private void RevertSoftMove(int agent, int claimedCell, Span<int> act)
    {
        while (true)
        {
            act[agent] = 0;
            RemoveClaim(agent, claimedCell);
            int own = _position[agent];
            _moveTarget[agent] = own;
            bool ownClaimed = _claimCount![own] > 0;
            AppendClaim(agent, own);
            if (!ownClaimed)
            {
                return;
            }

            agent = _claimHead![own];
            claimedCell = own;
        }
    }

    private void AppendClaim(int agent, int cell)
    {
        int tail = _claimTail![cell];
        _claimPrev![agent] = tail;
        _claimNext![agent] = -1;
        if (tail >= 0)
        {
            _claimNext[tail] = agent;
        }
        else
        {
            _claimHead![cell] = agent;
        }

        _claimTail[cell] = agent;
        _claimCount![cell]++;
    }

    private void RemoveClaim(int agent, int cell)
    {
        int prev = _claimPrev![agent];
        int next = _claimNext![agent];
        if (prev >= 0)
        {
            _claimNext[prev] = next;
        }
        else
        {
            _claimHead![cell] = next;
        }

        if (next >= 0)
        {
            _claimPrev[next] = prev;
        }
        else
        {
            _claimTail![cell] = prev;
        }

        _claimCount![cell]--;
    }
}
