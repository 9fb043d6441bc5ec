namespace Pogema.Env.Policies;

/// <summary>An open-list entry of <see cref="AStarSearch"/>: a cell with its cost so far and heuristic.</summary>
internal readonly struct AStarNode
{
    public AStarNode(int row, int col, int g, int h)
    {
        Row = row;
        Col = col;
        G = g;
        F = g + h;
    }

    public int Row { get; }

    public int Col { get; }

    public int G { get; }

    public int F { get; }

    /// <summary>
    /// POGEMA's node order: lower f, then lower g, then <c>row &lt; other.row || col &lt; other.col</c>. The last rule
    /// is not a strict order, but the heap only ever asks "less than", so copying it exactly (together with
    /// <see cref="PythonHeap"/>) pops nodes in the same order as POGEMA's agent and keeps its tie-breaking.
    /// </summary>
    public bool LessThan(in AStarNode other)
    {
        if (F != other.F)
        {
            return F < other.F;
        }

        if (G != other.G)
        {
            return G < other.G;
        }

        return Row < other.Row || Col < other.Col;
    }
}
