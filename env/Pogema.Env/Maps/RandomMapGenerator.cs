using Pogema.Env.Random;

namespace Pogema.Env.Maps;

/// <summary>
/// The POGEMA benchmark's random maps: a free grid on which obstacles are dropped at uniformly drawn cells,
/// redrawing occupied ones, until the density's share of cells is filled. Each map is a function of its seed.
/// </summary>
public static class RandomMapGenerator
{
    /// <summary>Name prefix of the benchmark's validation set.</summary>
    public const string ValidationPrefix = "validation-random";

    /// <summary>Generates the map for <paramref name="settings"/>.</summary>
    public static string Generate(RandomMapSettings settings)
    {
        if (settings.Width < 1 || settings.Height < 1)
        {
            throw new PogemaInputException($"random map size {settings.Width} x {settings.Height}: both sides must be at least 1");
        }

        if (!(settings.ObstacleDensity >= 0.0 && settings.ObstacleDensity < 1.0))
        {
            throw new PogemaInputException($"random map density {settings.ObstacleDensity}: must be in [0, 1)");
        }

        var rng = NumpyRandom.DefaultRng(settings.Seed);
        var grid = new bool[settings.Height, settings.Width];

        // Same arithmetic as the toolbox: the integer cell count times the density, truncated.
        var total = (long)((double)(settings.Width * settings.Height) * settings.ObstacleDensity);
        var placed = 0L;
        while (placed < total)
        {
            var x = (int)rng.Integers(0, settings.Width);
            var y = (int)rng.Integers(0, settings.Height);
            if (!grid[y, x])
            {
                grid[y, x] = true;
                placed++;
            }
        }

        return MapText.FromObstacles(grid);
    }

    /// <summary>Generates map <paramref name="seed"/> with settings drawn from <paramref name="ranges"/>.</summary>
    public static string Generate(ulong seed, RandomMapRanges? ranges = null)
    {
        return Generate((ranges ?? new RandomMapRanges()).Sample(seed));
    }

    /// <summary>
    /// Maps for seeds <paramref name="firstSeed"/> .. <paramref name="firstSeed"/> + <paramref name="count"/> - 1,
    /// named <c>{prefix}-seed-NNN</c> with the seed zero-padded to the digits of the largest seed.
    /// </summary>
    public static IReadOnlyList<NamedMap> GenerateSet(string prefix, ulong firstSeed, int count, RandomMapRanges? ranges = null)
    {
        var settings = ranges ?? new RandomMapRanges();
        return SeedName.GenerateSet(prefix, firstSeed, count, seed => Generate(settings.Sample(seed)));
    }

    /// <summary>The benchmark's 128 maps <c>validation-random-seed-000..127</c>.</summary>
    public static IReadOnlyList<NamedMap> ValidationSet()
    {
        return GenerateSet(ValidationPrefix, 0, 128);
    }
}
