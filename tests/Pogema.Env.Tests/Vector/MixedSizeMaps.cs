using System.Text;
using Pogema.Env.Maps;
using Pogema.Env.Random;

namespace Pogema.Env.Tests.Vector;

/// <summary>
/// A map set of many small maps of different sizes, some with start and goal pools: an environment slot running it
/// switches maps at almost every reset, to sizes both larger and smaller than the one before.
/// </summary>
internal static class MixedSizeMaps
{
    /// <summary><paramref name="count"/> maps, 7 to 14 cells a side, density 0.2; every fourth one uses <c>@</c>/<c>$</c> pools.</summary>
    public static NamedMap[] Create(int count)
    {
        var rng = NumpyRandom.DefaultRng(2024);
        var maps = new NamedMap[count];
        var text = new StringBuilder();
        for (int k = 0; k < count; k++)
        {
            int height = 7 + (int)rng.Integers(8);
            int width = 7 + (int)rng.Integers(8);
            bool pools = k % 4 == 3;
            text.Clear();
            for (int row = 0; row < height; row++)
            {
                for (int col = 0; col < width; col++)
                {
                    bool obstacle = rng.Random() < 0.2;
                    text.Append(obstacle ? '#' : pools && row == 0 && col < 3 ? '$' : pools && row == height - 1 ? '@' : '.');
                }

                text.Append('\n');
            }

            maps[k] = new NamedMap($"mixed-{k}-{height}x{width}", text.ToString());
        }

        return maps;
    }
}
