namespace Pogema.Env.Maps;

/// <summary>The settings of one random map: its size, obstacle density and the seed that places the obstacles.</summary>
/// <param name="Width">Columns.</param>
/// <param name="Height">Rows.</param>
/// <param name="ObstacleDensity">Fraction of cells made obstacles (rounded down to whole cells).</param>
/// <param name="Seed">Seed of the NumPy generator that places the obstacles.</param>
public readonly record struct RandomMapSettings(int Width, int Height, double ObstacleDensity, ulong Seed);
