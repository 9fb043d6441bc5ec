using Pogema.Env.Random;

namespace Pogema.Env.Generation;

/// <summary>
/// POGEMA's random placement of starts and goals: the free cells, row-major, are shuffled; walking them, a cell
/// becomes the goal of the most recent pending start of its component, or else a new start when the component
/// still has two unreserved cells. Every goal is reachable from its start.
/// </summary>
internal sealed class RandomPlacement
{
    private readonly int[] _order;
    private readonly int[] _remaining;
    private readonly int[] _pendingHead;
    private readonly int[] _pendingNext;

    public RandomPlacement(int cells, int numAgents)
    {
        _order = new int[cells];
        _remaining = new int[cells];
        _pendingHead = new int[cells];
        _pendingNext = new int[numAgents];
    }

    /// <summary>
    /// Places <paramref name="starts"/>.Length agents; cells are unpadded row-major indices. Returns false when the
    /// components cannot hold that many start-goal pairs.
    /// </summary>
    public bool TryPlace(ComponentLabels components, NumpyRandom rng, Span<int> starts, Span<int> goals)
    {
        int numAgents = starts.Length;
        ReadOnlySpan<int> label = components.Label;
        int free = 0;
        for (int cell = 0; cell < label.Length; cell++)
        {
            if (label[cell] >= 0)
            {
                _order[free++] = cell;
            }
        }

        Span<int> order = _order.AsSpan(0, free);
        rng.Shuffle(order);

        components.Size.CopyTo(_remaining);
        _pendingHead.AsSpan(0, components.Count).Fill(-1);
        int placed = 0;
        int done = 0;
        foreach (int cell in order)
        {
            int id = label[cell];
            int pending = _pendingHead[id];
            if (pending >= 0)
            {
                // The most recent start of this component takes the cell as its goal (LIFO, as POGEMA's list pop).
                _pendingHead[id] = _pendingNext[pending];
                goals[pending] = cell;
                done++;
                continue;
            }

            if (placed >= numAgents)
            {
                if (done >= numAgents)
                {
                    break;
                }

                continue;
            }

            if (_remaining[id] >= 2)
            {
                _remaining[id] -= 2;
                _pendingNext[placed] = _pendingHead[id];
                _pendingHead[id] = placed;
                starts[placed++] = cell;
            }
        }

        return placed == numAgents && done == numAgents;
    }
}
