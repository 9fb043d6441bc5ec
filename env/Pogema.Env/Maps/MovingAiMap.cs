using System.Globalization;
using System.Text;

namespace Pogema.Env.Maps;

/// <summary>
/// Reads MovingAI benchmark <c>.map</c> files (a 4-line header <c>type</c>, <c>height N</c>, <c>width N</c>,
/// <c>map</c>, then the rows) and cuts them into the square tiles the POGEMA benchmark evaluates on.
/// <c>@</c>, <c>O</c> and <c>T</c> are obstacles; <c>.</c>, <c>G</c>, <c>S</c> and <c>W</c> are free, as the
/// benchmark converts them. The map keeps its full size (the benchmark does not strip the border).
/// </summary>
public static class MovingAiMap
{
    /// <summary>The tile side the benchmark uses for its 64 x 64 crops of 256 x 256 city maps.</summary>
    public const int BenchmarkTileSize = 64;

    /// <summary>Reads a <c>.map</c> file; the map is named after the file without its extension.</summary>
    /// <exception cref="PogemaInputException">The file is missing or malformed.</exception>
    public static NamedMap Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PogemaInputException($"{path}: cannot read the MovingAI map file ({ex.Message})", ex);
        }

        return new NamedMap(Path.GetFileNameWithoutExtension(path), Parse(text, path));
    }

    /// <summary>Parses the text of a <c>.map</c> file into a POGEMA map string of <c>#</c> and <c>.</c>.</summary>
    /// <exception cref="PogemaInputException">A header line is missing or wrong, or the rows do not match it.</exception>
    public static string Parse(string text, string source)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].TrimEnd('\r');
        }

        ExpectKeyword(lines, 0, "type", source);
        var height = ExpectNumber(lines, 1, "height", source);
        var width = ExpectNumber(lines, 2, "width", source);
        if (lines.Length < 4 || lines[3].Trim() != "map")
        {
            throw new PogemaInputException($"{source}, line 4: expected the header line 'map' before the rows, found '{LineAt(lines, 3)}'");
        }

        var builder = new StringBuilder(height * (width + 1));
        for (var row = 0; row < height; row++)
        {
            var lineIndex = 4 + row;
            if (lineIndex >= lines.Length || (lines[lineIndex].Length == 0 && lineIndex == lines.Length - 1))
            {
                throw new PogemaInputException($"{source}, line {lineIndex + 1}: the header says height {height} but the file ends after {row} rows");
            }

            var line = lines[lineIndex];
            if (line.Length != width)
            {
                throw new PogemaInputException($"{source}, line {lineIndex + 1}: row of {line.Length} cells, but the header says width {width}");
            }

            if (row > 0)
            {
                builder.Append('\n');
            }

            for (var col = 0; col < width; col++)
            {
                builder.Append(Convert(line[col], source, lineIndex + 1, col + 1));
            }
        }

        for (var lineIndex = 4 + height; lineIndex < lines.Length; lineIndex++)
        {
            if (lines[lineIndex].Trim().Length != 0)
            {
                throw new PogemaInputException($"{source}, line {lineIndex + 1}: more rows than the header's height {height}");
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Cuts a map into <paramref name="tileSize"/>-square tiles, numbered row-major: tile k starts at row
    /// <c>tileSize * (k / n)</c> and column <c>tileSize * (k % n)</c>, n = width / tileSize. Tiles are named
    /// <c>{name}_{k:00}</c> as in the benchmark's <c>Berlin_1_256_00</c>. Partial tiles at the edges are dropped.
    /// </summary>
    public static IReadOnlyList<NamedMap> Tiles(NamedMap map, int tileSize = BenchmarkTileSize)
    {
        if (tileSize < 1)
        {
            throw new PogemaInputException($"tile size {tileSize}: must be at least 1");
        }

        var rows = MapText.Rows(map.Text);
        var across = rows[0].Length / tileSize;
        var down = rows.Length / tileSize;
        if (across == 0 || down == 0)
        {
            throw new PogemaInputException($"map '{map.Name}' is {rows[0].Length} x {rows.Length}, smaller than one {tileSize} x {tileSize} tile");
        }

        var digits = Math.Max(2, (across * down - 1).ToString(CultureInfo.InvariantCulture).Length);
        var tiles = new List<NamedMap>(across * down);
        for (var k = 0; k < across * down; k++)
        {
            var top = tileSize * (k / across);
            var left = tileSize * (k % across);
            var builder = new StringBuilder(tileSize * (tileSize + 1));
            for (var row = 0; row < tileSize; row++)
            {
                if (row > 0)
                {
                    builder.Append('\n');
                }

                builder.Append(rows[top + row], left, tileSize);
            }

            tiles.Add(new NamedMap($"{map.Name}_{k.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}", builder.ToString()));
        }

        return tiles;
    }

    private static char Convert(char c, string source, int line, int column)
    {
        return c switch
        {
            '@' or 'O' or 'T' => '#',
            '.' or 'G' or 'S' or 'W' => '.',
            _ => throw new PogemaInputException(
                $"{source}, line {line}, column {column}: unknown MovingAI terrain '{(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())}'; allowed: . G S W (free), @ O T (obstacle)"),
        };
    }

    private static void ExpectKeyword(string[] lines, int index, string keyword, string source)
    {
        var parts = LineAt(lines, index).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || parts[0] != keyword)
        {
            throw new PogemaInputException($"{source}, line {index + 1}: expected the header line '{keyword} <value>' of a MovingAI .map file, found '{LineAt(lines, index)}'");
        }
    }

    private static int ExpectNumber(string[] lines, int index, string keyword, string source)
    {
        ExpectKeyword(lines, index, keyword, source);
        var value = LineAt(lines, index).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            throw new PogemaInputException($"{source}, line {index + 1}: {keyword} '{value}' must be a positive integer");
        }

        return number;
    }

    private static string LineAt(string[] lines, int index)
    {
        return index < lines.Length ? lines[index].Trim() : "<end of file>";
    }
}
