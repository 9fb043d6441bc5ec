namespace Pogema.Env;

/// <summary>A cell of the map without padding: row 0 at the top, column 0 at the left.</summary>
public readonly record struct GridPosition(int Row, int Col)
{
    public override string ToString() => $"[{Row}, {Col}]";
}
