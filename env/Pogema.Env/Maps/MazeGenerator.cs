using Pogema.Env.Random;

namespace Pogema.Env.Maps;

/// <summary>
/// PRIMAL2-style mazes as the POGEMA benchmark generates them. Walls start on even cells of a grid with an outer
/// wall ring and grow in two-cell steps, preferring to keep their direction; the ring is cut off at the end.
/// Each maze is a function of its settings (seed included).
/// </summary>
public static class MazeGenerator
{
    /// <summary>Name prefix of the benchmark's validation set.</summary>
    public const string ValidationPrefix = "validation-mazes";

    /// <summary>Generates the maze for <paramref name="settings"/>.</summary>
    public static string Generate(MazeSettings settings)
    {
        if (settings.Width < 1 || settings.Height < 1)
        {
            throw new PogemaInputException($"maze size {settings.Width} x {settings.Height}: both sides must be at least 1");
        }

        if (settings.WallComponents < 0)
        {
            throw new PogemaInputException($"maze wall components {settings.WallComponents}: must be at least 0");
        }

        if (!(settings.GoStraight > 0.0 && settings.GoStraight < 1.0))
        {
            throw new PogemaInputException($"maze go-straight weight {settings.GoStraight}: must be in (0, 1)");
        }

        var rng = NumpyRandom.DefaultRng(settings.Seed);
        var rows = (settings.Height / 2 * 2) + 3;
        var cols = (settings.Width / 2 * 2) + 3;
        var walls = new bool[rows, cols];
        for (var col = 0; col < cols; col++)
        {
            walls[0, col] = true;
            walls[rows - 1, col] = true;
        }

        for (var row = 0; row < rows; row++)
        {
            walls[row, 0] = true;
            walls[row, cols - 1] = true;
        }

        var starts = settings.WallComponents == 0
            ? 0
            : (long)PythonFloorDivide((double)(rows * cols) * settings.ObstacleDensity, settings.WallComponents);

        Span<int> neighbourRows = stackalloc int[4];
        Span<int> neighbourCols = stackalloc int[4];
        Span<double> weights = stackalloc double[4];
        for (var i = 0L; i < starts; i++)
        {
            var x = (int)rng.Integers(0, cols / 2) * 2;
            var y = (int)rng.Integers(0, rows / 2) * 2;
            walls[y, x] = true;
            var lastDy = 0;
            var lastDx = 0;
            for (var j = 0; j < settings.WallComponents; j++)
            {
                // Candidates two cells away, in the order left, right, up, down.
                var count = 0;
                if (x > 1)
                {
                    Add(neighbourRows, neighbourCols, y, x - 2, ref count);
                }

                if (x < cols - 2)
                {
                    Add(neighbourRows, neighbourCols, y, x + 2, ref count);
                }

                if (y > 1)
                {
                    Add(neighbourRows, neighbourCols, y - 2, x, ref count);
                }

                if (y < rows - 2)
                {
                    Add(neighbourRows, neighbourCols, y + 2, x, ref count);
                }

                if (count == 0)
                {
                    continue;
                }

                var allStraight = true;
                for (var k = 0; k < count; k++)
                {
                    var straight = neighbourRows[k] == y + lastDy && neighbourCols[k] == x + lastDx;
                    weights[k] = straight ? settings.GoStraight : 1.0 - settings.GoStraight;
                    allStraight &= weights[k] == settings.GoStraight;
                }

                if (allStraight)
                {
                    for (var k = 0; k < count; k++)
                    {
                        weights[k] = 1.0 / count;
                    }
                }
                else
                {
                    var total = 0.0;
                    for (var k = 0; k < count; k++)
                    {
                        total += weights[k];
                    }

                    for (var k = 0; k < count; k++)
                    {
                        weights[k] /= total;
                    }
                }

                var chosen = rng.Choice(weights[..count]);
                var nextY = neighbourRows[chosen];
                var nextX = neighbourCols[chosen];
                lastDy = nextY - y;
                lastDx = nextX - x;
                if (!walls[nextY, nextX])
                {
                    walls[nextY, nextX] = true;
                    walls[(nextY + y) / 2, (nextX + x) / 2] = true;
                    x = nextX;
                    y = nextY;
                }
            }
        }

        var inner = new bool[rows - 2, cols - 2];
        for (var row = 1; row < rows - 1; row++)
        {
            for (var col = 1; col < cols - 1; col++)
            {
                inner[row - 1, col - 1] = walls[row, col];
            }
        }

        return MapText.FromObstacles(inner);
    }

    /// <summary>Generates maze <paramref name="seed"/> with settings drawn from <paramref name="ranges"/>.</summary>
    public static string Generate(ulong seed, MazeRanges? ranges = null)
    {
        return Generate((ranges ?? new MazeRanges()).Sample(seed));
    }

    /// <summary>
    /// Mazes for seeds <paramref name="firstSeed"/> .. <paramref name="firstSeed"/> + <paramref name="count"/> - 1,
    /// named <c>{prefix}-seed-NNN</c> with the seed zero-padded to the digits of the largest seed.
    /// </summary>
    public static IReadOnlyList<NamedMap> GenerateSet(string prefix, ulong firstSeed, int count, MazeRanges? ranges = null)
    {
        var settings = ranges ?? new MazeRanges();
        return SeedName.GenerateSet(prefix, firstSeed, count, seed => Generate(settings.Sample(seed)));
    }

    /// <summary>The benchmark's 128 mazes <c>validation-mazes-seed-000..127</c>.</summary>
    public static IReadOnlyList<NamedMap> ValidationSet()
    {
        return GenerateSet(ValidationPrefix, 0, 128);
    }

    private static void Add(Span<int> rows, Span<int> cols, int row, int col, ref int count)
    {
        rows[count] = row;
        cols[count] = col;
        count++;
    }

    /// <summary>Python's float floor division <c>a // b</c>, which is not always <c>floor(a / b)</c>.</summary>
    internal static double PythonFloorDivide(double a, double b)
    {
        var mod = a % b;
        var div = (a - mod) / b;
        if (mod != 0.0 && (b < 0) != (mod < 0))
        {
            div -= 1.0;
        }

        if (div == 0.0)
        {
            return Math.CopySign(0.0, a / b);
        }

        var floor = Math.Floor(div);
        if (div - floor > 0.5)
        {
            floor += 1.0;
        }

        return floor;
    }
}
