using System.Text;

namespace Pogema.Env.Maps;

/// <summary>
/// Checks and builds map strings in POGEMA's format. POGEMA splits a map string on whitespace, so blank lines and
/// indentation do not matter; every row must have the same length and use only the characters POGEMA accepts.
/// </summary>
public static class MapText
{
    /// <summary>Characters POGEMA accepts besides the letters a-z and A-Z.</summary>
    public const string SpecialCharacters = ".#@$!";

    /// <summary>True when POGEMA's parser accepts <paramref name="c"/> in a map string.</summary>
    public static bool IsMapCharacter(char c)
    {
        return c is '.' or '#' or '@' or '$' or '!' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');
    }

    /// <summary>
    /// Splits <paramref name="text"/> into rows the way POGEMA does (on whitespace) and checks it: at least one row,
    /// equal row lengths, known characters. Errors name <paramref name="source"/> and the line, counting the
    /// text's first line as <paramref name="firstLine"/>.
    /// </summary>
    /// <returns>The normalized map string: rows joined by <c>\n</c>, no trailing newline.</returns>
    /// <exception cref="PogemaInputException">The text is not a valid map.</exception>
    public static string Normalize(string text, string source, int firstLine = 1)
    {
        var rows = new List<string>();
        var lineNumber = firstLine;
        var firstRowLine = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            foreach (var token in rawLine.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                for (var i = 0; i < token.Length; i++)
                {
                    if (!IsMapCharacter(token[i]))
                    {
                        throw new PogemaInputException(
                            $"{source}, line {lineNumber}: unknown map character '{Printable(token[i])}' in row '{token}'; " +
                            "allowed: . (free) # (obstacle) @ (start) $ (goal) ! (free) and letters a-z/A-Z (agents/goals)");
                    }
                }

                if (rows.Count > 0 && token.Length != rows[0].Length)
                {
                    throw new PogemaInputException(
                        $"{source}, line {lineNumber}: row of {token.Length} cells, but the map's first row " +
                        $"(line {firstRowLine}) has {rows[0].Length}; all rows must have the same length");
                }

                if (rows.Count == 0)
                {
                    firstRowLine = lineNumber;
                }

                rows.Add(token);
            }

            lineNumber++;
        }

        if (rows.Count == 0)
        {
            throw new PogemaInputException($"{source}, line {firstLine}: the map is empty; expected rows of . and # cells");
        }

        return string.Join('\n', rows);
    }

    /// <summary>Joins a character grid into a map string, row by row.</summary>
    public static string FromGrid(char[,] grid)
    {
        var height = grid.GetLength(0);
        var width = grid.GetLength(1);
        var builder = new StringBuilder(height * (width + 1));
        for (var row = 0; row < height; row++)
        {
            if (row > 0)
            {
                builder.Append('\n');
            }

            for (var col = 0; col < width; col++)
            {
                builder.Append(grid[row, col]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Joins an obstacle grid (true = obstacle) into a map of <c>#</c> and <c>.</c>.</summary>
    public static string FromObstacles(bool[,] obstacles)
    {
        var height = obstacles.GetLength(0);
        var width = obstacles.GetLength(1);
        var builder = new StringBuilder(height * (width + 1));
        for (var row = 0; row < height; row++)
        {
            if (row > 0)
            {
                builder.Append('\n');
            }

            for (var col = 0; col < width; col++)
            {
                builder.Append(obstacles[row, col] ? '#' : '.');
            }
        }

        return builder.ToString();
    }

    /// <summary>Number of rows of a normalized map string.</summary>
    public static int CountRows(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var rows = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                rows++;
            }
        }

        return rows;
    }

    /// <summary>Number of columns of a normalized map string (the length of its first row).</summary>
    public static int CountColumns(string text)
    {
        var end = text.IndexOf('\n');
        return end < 0 ? text.Length : end;
    }

    /// <summary>Splits a normalized map string into its rows.</summary>
    public static string[] Rows(string text)
    {
        return text.Split('\n');
    }

    private static string Printable(char c)
    {
        return char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString();
    }
}
