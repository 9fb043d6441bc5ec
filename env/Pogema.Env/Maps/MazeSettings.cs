namespace Pogema.Env.Maps;

/// <summary>The settings of one PRIMAL2-style maze.</summary>
/// <param name="Width">Requested columns; the maze has <c>(Width / 2) * 2 + 1</c>.</param>
/// <param name="Height">Requested rows; the maze has <c>(Height / 2) * 2 + 1</c>.</param>
/// <param name="ObstacleDensity">Scales how many walls are started (0..1).</param>
/// <param name="WallComponents">How many two-cell segments each wall tries to grow.</param>
/// <param name="GoStraight">Weight of continuing a wall in its last direction (the others share 1 - GoStraight each).</param>
/// <param name="Seed">Seed of the NumPy generator that lays the walls.</param>
public readonly record struct MazeSettings(int Width, int Height, double ObstacleDensity, int WallComponents, double GoStraight, ulong Seed);
