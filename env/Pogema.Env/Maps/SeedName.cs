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
}
