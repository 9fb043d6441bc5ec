using System.Globalization;
using System.Text;

namespace Pogema.Env.Maps;

/// <summary>
/// The SRMT Bottleneck task's map: 9 columns x (L + 4) rows. Rows 0-1 are room A, rows 2..L+1 a corridor that is
/// wall except column 4, rows L+2..L+3 room B. Two agents must swap rooms through the one-cell corridor.
/// </summary>
public static class BottleneckMap
{
    /// <summary>Map width in cells.</summary>
    public const int Width = 9;

    /// <summary>Rows in each room.</summary>
    public const int RoomRows = 2;

    /// <summary>The corridor's column.</summary>
    public const int CorridorColumn = 4;

    /// <summary>Corridor lengths SRMT trains on, one drawn per episode.</summary>
    public static readonly IReadOnlyList<int> TrainingCorridorLengths = [3, 4, 5, 6, 7, 8, 12, 16, 17, 18, 20, 21, 22, 23, 24, 27];

    /// <summary>Corridor lengths SRMT tests on: 3..50, then 100..1000 in steps of 100.</summary>
    public static IReadOnlyList<int> TestCorridorLengths { get; } = BuildTestLengths();

    /// <summary>Map height for a corridor of <paramref name="corridorLength"/> cells.</summary>
    public static int Height(int corridorLength) => corridorLength + 2 * RoomRows;

    /// <summary>First row of room B.</summary>
    public static int RoomBTop(int corridorLength) => RoomRows + corridorLength;

    /// <summary>Builds the map string for a corridor of <paramref name="corridorLength"/> cells (at least 1).</summary>
    /// <exception cref="PogemaInputException">The length is below 1.</exception>
    public static string Generate(int corridorLength)
    {
        if (corridorLength < 1)
        {
            throw new PogemaInputException($"bottleneck corridor length {corridorLength}: must be at least 1");
        }

        var room = new string('.', Width);
        var corridor = new string('#', CorridorColumn) + "." + new string('#', Width - CorridorColumn - 1);
        var builder = new StringBuilder(Height(corridorLength) * (Width + 1));
        for (var row = 0; row < Height(corridorLength); row++)
        {
            if (row > 0)
            {
                builder.Append('\n');
            }

            var inCorridor = row >= RoomRows && row < RoomBTop(corridorLength);
            builder.Append(inCorridor ? corridor : room);
        }

        return builder.ToString();
    }

    /// <summary>The map for a corridor of <paramref name="corridorLength"/> cells, parsed for the environment.</summary>
    public static GridMap CreateGridMap(int corridorLength)
    {
        return GridMap.Parse(Generate(corridorLength), string.Create(CultureInfo.InvariantCulture, $"bottleneck L={corridorLength}"));
    }

    /// <summary>
    /// The SRMT test name of the map (<c>bottlenecks9-v_corr-{L}_len</c>); its episode length is 2L + 100, as in
    /// the SRMT evaluation.
    /// </summary>
    public static NamedMap CreateTest(int corridorLength)
    {
        return new NamedMap(
            string.Create(CultureInfo.InvariantCulture, $"bottlenecks9-v_corr-{corridorLength}_len"),
            Generate(corridorLength),
            2 * corridorLength + 100);
    }

    /// <summary>The SRMT training name of the map (<c>bottlenecks9-v-train-330-{L}</c>).</summary>
    public static NamedMap CreateTraining(int corridorLength)
    {
        return new NamedMap(
            string.Create(CultureInfo.InvariantCulture, $"bottlenecks9-v-train-330-{corridorLength}"),
            Generate(corridorLength));
    }

    /// <summary>
    /// The corridor length of a bottleneck map, read from its SRMT name; null when the name is not a bottleneck name.
    /// </summary>
    public static int? CorridorLengthFromName(string name)
    {
        const string testPrefix = "bottlenecks9-v_corr-";
        const string testSuffix = "_len";
        const string trainPrefix = "bottlenecks9-v-train-330-";
        string digits;
        if (name.StartsWith(testPrefix, StringComparison.Ordinal) && name.EndsWith(testSuffix, StringComparison.Ordinal))
        {
            digits = name[testPrefix.Length..^testSuffix.Length];
        }
        else if (name.StartsWith(trainPrefix, StringComparison.Ordinal))
        {
            digits = name[trainPrefix.Length..];
        }
        else
        {
            return null;
        }

        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length >= 1 ? length : null;
    }

    private static int[] BuildTestLengths()
    {
        var lengths = new List<int>();
        for (var length = 3; length <= 50; length++)
        {
            lengths.Add(length);
        }

        for (var length = 100; length <= 1000; length += 100)
        {
            lengths.Add(length);
        }

        return [.. lengths];
    }
}
