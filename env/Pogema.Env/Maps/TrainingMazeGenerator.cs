using System.Globalization;
using Pogema.Env.Random;

namespace Pogema.Env.Maps;

/// <summary>
/// Large mazes for lifelong training, after Follower (and SRMT, which reuses its maps): 65 x 65 PRIMAL2-style
/// mazes with 2..8 wall components and a density of 0.25..0.75 in steps of 0.05. Follower ships 40 such maps
/// without their generator; these are drawn by <see cref="MazeGenerator"/> with the settings of each seed drawn
/// from <c>default_rng(seed)</c>: wall components, density step, go-straight weight (0.75..0.85). They are
/// similar in kind and density to Follower's, not the same maps, so they carry their own names.
/// </summary>
public static class TrainingMazeGenerator
{
    /// <summary>Name prefix of the training mazes (<c>training-mazes65-seed-NNN</c>).</summary>
    public const string Prefix = "training-mazes65";

    /// <summary>Side of the training mazes.</summary>
    public const int Side = 65;

    /// <summary>Number of maps in the built-in training set, as many as Follower trains on.</summary>
    public const int DefaultCount = 40;

    /// <summary>Draws the settings of training maze <paramref name="seed"/>.</summary>
    public static MazeSettings Sample(ulong seed)
    {
        var rng = NumpyRandom.DefaultRng(seed);
        var wallComponents = (int)rng.Integers(2, 9);
        var densityPercent = 25 + (5 * (int)rng.Integers(0, 11));
        var goStraight = rng.Uniform(0.75, 0.85);
        return new MazeSettings(Side, Side, densityPercent / 100.0, wallComponents, goStraight, seed);
    }

    /// <summary>Generates training maze <paramref name="seed"/>.</summary>
    public static string Generate(ulong seed)
    {
        return MazeGenerator.Generate(Sample(seed));
    }

    /// <summary>
    /// Training mazes for seeds <paramref name="firstSeed"/> .. <paramref name="firstSeed"/> + <paramref name="count"/> - 1,
    /// named <c>training-mazes65-seed-NNN</c> (at least three digits).
    /// </summary>
    public static IReadOnlyList<NamedMap> GenerateSet(int count = DefaultCount, ulong firstSeed = 0)
    {
        var maps = new List<NamedMap>(count);
        var largest = Math.Max(firstSeed + (ulong)Math.Max(count - 1, 0), 100UL);
        for (var i = 0; i < count; i++)
        {
            var seed = firstSeed + (ulong)i;
            maps.Add(new NamedMap(SeedName.Format(Prefix, seed, largest), Generate(seed)));
        }

        return maps;
    }

    /// <summary>A compact description of a training maze's settings, for listings.</summary>
    public static string Describe(ulong seed)
    {
        var settings = Sample(seed);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Side}x{Side}, {settings.WallComponents} wall components, density {settings.ObstacleDensity:0.00}, go-straight {settings.GoStraight:0.000}");
    }
}
