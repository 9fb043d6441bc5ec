using System.Globalization;

namespace Pogema.Env.Maps;

/// <summary>Names seeded maps as the toolbox does: <c>{prefix}-seed-{seed}</c>, zero-padded to the largest seed's digits.</summary>
internal static class SeedName
{
    public static string Format(string prefix, ulong seed, ulong largestSeed)
    {
        var digits = largestSeed.ToString(CultureInfo.InvariantCulture).Length;
        return $"{prefix}-seed-{seed.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}";
    }

    /// <summary>
    /// Maps for seeds <paramref name="firstSeed"/> .. <paramref name="firstSeed"/> + <paramref name="count"/> - 1, each
    /// made by <paramref name="generate"/> and named with <see cref="Format"/>; shared by every seeded generator.
    /// </summary>
    public static IReadOnlyList<NamedMap> GenerateSet(string prefix, ulong firstSeed, int count, Func<ulong, string> generate)
    {
        var maps = new List<NamedMap>(count);
        var largestSeed = firstSeed + (ulong)count - 1;
        for (var i = 0; i < count; i++)
        {
            var seed = firstSeed + (ulong)i;
            maps.Add(new NamedMap(Format(prefix, seed, largestSeed), generate(seed)));
        }

        return maps;
    }
}
