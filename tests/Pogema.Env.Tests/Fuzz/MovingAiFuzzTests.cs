using System.Globalization;
using CsCheck;
using Pogema.Env;
using Pogema.Env.Maps;

namespace Pogema.Env.Tests.Fuzz;

/// <summary>
/// MovingAI <c>.map</c> files: headers with wrong, missing, negative and huge sizes, rows of the wrong length or
/// count, unknown terrain, CRLF, then damaged valid files. A file that loads must convert into a valid POGEMA map.
/// </summary>
public sealed class MovingAiFuzzTests
{
    private const string Source = "fuzz.map";

    private static readonly Gen<string> Size = Gen.Frequency(
        (8, Gen.Int[1, 9].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.OneOf(FuzzGen.EdgeNumbers)),
        (1, Gen.OneOf("", "x", "-3", "+4", " 4", "4 4", "0x10", "\u0664", "2147483647", "65536", "100000")));

    private static readonly Gen<string> File = Gen.Select(
            Gen.Int[1, 9],
            Gen.Int[1, 9],
            Gen.Frequency((10, Gen.Const(-1)), (1, Gen.Int[0, 3])),
            Gen.OneOf("\n", "\r\n"),
            Gen.Int[-1, 1],
            Size,
            Size,
            Gen.Frequency((6, Gen.Const(0)), (1, Gen.Int[1, 5])))
        .SelectMany(t =>
        {
            (int height, int width, int badHeader, string newline, int extraRows, string oddHeight, string oddWidth, int oddSize) = t;
            Gen<string> row = Gen.Frequency((400, Gen.OneOf(".GSW@OT".ToCharArray())), (1, Gen.Char))
                .Array[Gen.Frequency((60, Gen.Const(width)), (1, Gen.Int[0, width + 2]))]
                .Select(cs => new string(cs));
            return row.Array[Math.Max(0, height + extraRows)].Select(rows =>
            {
                var lines = new List<string>
                {
                    badHeader == 0 ? "kind octile" : "type octile",
                    badHeader == 1 ? "heigth " + height : "height " + (oddSize is 1 or 3 ? oddHeight : height.ToString(CultureInfo.InvariantCulture)),
                    badHeader == 2 ? "width" : "width " + (oddSize is 2 or 3 ? oddWidth : width.ToString(CultureInfo.InvariantCulture)),
                    badHeader == 3 ? "rows" : "map",
                };
                lines.AddRange(rows);
                return FuzzGen.JoinLines(lines, newline);
            });
        });

    private static readonly Gen<string> Text = Gen.Frequency(
        (6, File),
        (3, FuzzGen.Damage(File)),
        (1, Gen.String[0, 60]));

    [Fact]
    public void GeneratedMovingAiFilesLoadOrGiveOneLineErrors()
    {
        FuzzTally tally = FuzzRun.Check("movingai-map", Text, 1500, Source, Load, FuzzRun.Show);

        Assert.True(tally.Loaded > tally.Total / 10, $"only {tally.Loaded} of {tally.Total} files loaded");
        Assert.Contains(tally.Messages, m => m.Contains("unknown MovingAI terrain", StringComparison.Ordinal));
        Assert.Contains(tally.Messages, m => m.Contains("header", StringComparison.Ordinal));
    }

    private static void Load(string text)
    {
        string map = MovingAiMap.Parse(text, Source);
        try
        {
            GridMap grid = GridMap.Parse(map, "converted");
            MovingAiMap.Tiles(new NamedMap("fuzz", map), Math.Min(grid.Height, grid.Width));
        }
        catch (PogemaInputException ex)
        {
            // The file was accepted, so its conversion must be valid: this is a bug, not an input error.
            throw new InvalidOperationException($"an accepted file converted into an invalid map: {ex.Message}", ex);
        }
    }
}
