using Pogema.Env.Random;

namespace Pogema.Env.Maps;

/// <summary>
/// Ranges from which a random map's settings are drawn, seed by seed. The defaults are the POGEMA benchmark's
/// (sides 17..21, density 0.1..0.3), as in pogema-toolbox.
/// </summary>
public sealed record RandomMapRanges
{
    /// <summary>Smallest width (inclusive).</summary>
    public int WidthMin { get; init; } = 17;

    /// <summary>Largest width (inclusive).</summary>
    public int WidthMax { get; init; } = 21;

    /// <summary>Smallest height (inclusive).</summary>
    public int HeightMin { get; init; } = 17;

    /// <summary>Largest height (inclusive).</summary>
    public int HeightMax { get; init; } = 21;

    /// <summary>Lowest obstacle density.</summary>
    public double DensityMin { get; init; } = 0.1;

    /// <summary>Highest obstacle density.</summary>
    public double DensityMax { get; init; } = 0.3;

    /// <summary>
    /// Draws the settings of map <paramref name="seed"/> from <c>default_rng(seed)</c>: width, height, then density.
    /// </summary>
    public RandomMapSettings Sample(ulong seed)
    {
        var rng = NumpyRandom.DefaultRng(seed);
        var width = (int)rng.Integers(WidthMin, WidthMax + 1L);
        var height = (int)rng.Integers(HeightMin, HeightMax + 1L);
        var density = rng.Uniform(DensityMin, DensityMax);
        return new RandomMapSettings(width, height, density, seed);
    }
}
