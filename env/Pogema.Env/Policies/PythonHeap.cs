namespace Pogema.Env.Policies;

/// <summary>
/// A binary min-heap of <see cref="AStarNode"/> whose push and pop move elements exactly as Python's
/// <c>heapq.heappush</c>/<c>heapq.heappop</c> do. With a comparison that is not a strict order (POGEMA's node
/// tie-break), any other heap pops equal-cost nodes in another order and the agent takes other paths.
/// </summary>
internal sealed class PythonHeap
{
    private AStarNode[] _items = new AStarNode[256];
    private int _count;

    public int Count => _count;

    public void Clear() => _count = 0;

    public void Push(in AStarNode item)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[_count] = item;
        _count++;
        SiftDown(0, _count - 1);
    }

    public AStarNode Pop()
    {
        _count--;
        AStarNode last = _items[_count];
        if (_count == 0)
        {
            return last;
        }

        AStarNode result = _items[0];
        _items[0] = last;
        SiftUp(0);
        return result;
    }

    // heapq._siftdown: move the item at pos up towards startpos while it is less than its parent.
    private void SiftDown(int startPos, int pos)
    {
        AStarNode newItem = _items[pos];
        while (pos > startPos)
        {
            int parentPos = (pos - 1) >> 1;
            AStarNode parent = _items[parentPos];
            if (newItem.LessThan(parent))
            {
                _items[pos] = parent;
                pos = parentPos;
                continue;
            }

            break;
        }

        _items[pos] = newItem;
    }

    // heapq._siftup: walk the smaller child up to a leaf, then sift the item back down from there.
    private void SiftUp(int pos)
    {
        int endPos = _count;
        int startPos = pos;
        AStarNode newItem = _items[pos];
        int childPos = (2 * pos) + 1;
        while (childPos < endPos)
        {
            int rightPos = childPos + 1;
            if (rightPos < endPos && !_items[childPos].LessThan(_items[rightPos]))
            {
                childPos = rightPos;
            }

            _items[pos] = _items[childPos];
            pos = childPos;
            childPos = (2 * pos) + 1;
        }

        _items[pos] = newItem;
        SiftDown(startPos, pos);
    }
}
