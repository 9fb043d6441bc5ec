using Pogema.Env.Random;

namespace Pogema.Env.Maps;

/// <summary>
/// Ranges from which a maze's settings are drawn, seed by seed. The defaults are those of the POGEMA benchmark's
/// validation mazes: sides 17..21 (pogema-toolbox's own default is 5..9), density 0..1, 1..8 wall components,
/// go-straight weight 0.75..0.85.
/// </summary>
public sealed record MazeRanges
{
    /// <summary>Smallest requested width (inclusive).</summary>
    public int WidthMin { get; init; } = 17;

    /// <summary>Largest requested width (inclusive).</summary>
    public int WidthMax { get; init; } = 21;

    /// <summary>Smallest requested height (inclusive).</summary>
    public int HeightMin { get; init; } = 17;

    /// <summary>Largest requested height (inclusive).</summary>
    public int HeightMax { get; init; } = 21;

    /// <summary>Lowest obstacle density.</summary>
    public double DensityMin { get; init; } = 0.0;

    /// <summary>Highest obstacle density.</summary>
    public double DensityMax { get; init; } = 1.0;

    /// <summary>Fewest wall components (inclusive).</summary>
    public int WallComponentsMin { get; init; } = 1;

    /// <summary>Most wall components (inclusive).</summary>
    public int WallComponentsMax { get; init; } = 8;

    /// <summary>Lowest go-straight weight.</summary>
    public double GoStraightMin { get; init; } = 0.75;

    /// <summary>Highest go-straight weight.</summary>
    public double GoStraightMax { get; init; } = 0.85;

    /// <summary>
    /// Draws the settings of maze <paramref name="seed"/> from <c>default_rng(seed)</c>, in the toolbox's order:
    /// width, height, density, wall components, go-straight.
    /// </summary>
    public MazeSettings Sample(ulong seed)
    {
        var rng = NumpyRandom.DefaultRng(seed);
        var width = (int)rng.Integers(WidthMin, WidthMax + 1L);
        var height = (int)rng.Integers(HeightMin, HeightMax + 1L);
        var density = rng.Uniform(DensityMin, DensityMax);
        var wallComponents = (int)rng.Integers(WallComponentsMin, WallComponentsMax + 1L);
        var goStraight = rng.Uniform(GoStraightMin, GoStraightMax);
        return new MazeSettings(width, height, density, wallComponents, goStraight, seed);
    }
}
