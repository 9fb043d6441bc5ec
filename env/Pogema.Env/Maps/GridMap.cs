using System.Text;

namespace Pogema.Env;

/// <summary>
/// A static map: its size, obstacles (row-major, 1 = obstacle), the letter agents of a string map and the start and
/// goal pools that <c>@ $ !</c> define. Immutable once parsed.
/// </summary>
public sealed class GridMap
{
    private readonly byte[] _obstacles;

    private GridMap(
        string source,
        int height,
        int width,
        byte[] obstacles,
        GridPosition[] letterStarts,
        GridPosition[] letterGoals,
        GridPosition[]? possibleStarts,
        GridPosition[]? possibleGoals)
    {
        Source = source;
        Height = height;
        Width = width;
        _obstacles = obstacles;
        LetterStarts = letterStarts;
        LetterGoals = letterGoals;
        PossibleStarts = possibleStarts;
        PossibleGoals = possibleGoals;
    }

    /// <summary>Where the map came from (file, field or registry name), for messages.</summary>
    public string Source { get; }

    /// <summary>Number of rows.</summary>
    public int Height { get; }

    /// <summary>Number of columns.</summary>
    public int Width { get; }

    /// <summary>Obstacles row-major: 1 obstacle, 0 free.</summary>
    public ReadOnlySpan<byte> Obstacles => _obstacles;

    /// <summary>Starts of the letter agents <c>a..z</c>, in letter order (empty without letters).</summary>
    public IReadOnlyList<GridPosition> LetterStarts { get; }

    /// <summary>Goals of the letter agents (the matching capitals), in letter order.</summary>
    public IReadOnlyList<GridPosition> LetterGoals { get; }

    /// <summary>Start pool (<c>.</c> and <c>@</c> cells, row-major) when the map uses <c>@ $ !</c>; otherwise null.</summary>
    public IReadOnlyList<GridPosition>? PossibleStarts { get; }

    /// <summary>Goal pool (<c>.</c> and <c>$</c> cells, row-major) when the map uses <c>@ $ !</c>; otherwise null.</summary>
    public IReadOnlyList<GridPosition>? PossibleGoals { get; }

    /// <summary>Whether the cell is an obstacle.</summary>
    public bool IsObstacle(int row, int col) => _obstacles[(row * Width) + col] != 0;

    /// <summary>
    /// Parses a string map: rows separated by whitespace, all of one length; <c>.</c> free, <c>#</c> obstacle,
    /// <c>@</c> possible start, <c>$</c> possible goal, <c>!</c> free but neither; <c>a..z</c> starts and the
    /// matching <c>A..Z</c> goals. Errors name <paramref name="source"/>, the line and the problem.
    /// </summary>
    public static GridMap Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<(string Row, int Line)>();
        int line = 1;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (c == '\n')
                {
                    line++;
                }

                i++;
                continue;
            }

            int begin = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            rows.Add((text[begin..i], line));
        }

        if (rows.Count == 0)
        {
            throw new PogemaInputException($"{source}: the map is empty; give rows of '.', '#', '@', '$', '!' or letters");
        }

        int width = rows[0].Row.Length;
        int height = rows.Count;
        var obstacles = new byte[height * width];
        var starts = new GridPosition?[26];
        var goals = new GridPosition?[26];
        var possibleStarts = new List<GridPosition>();
        var possibleGoals = new List<GridPosition>();
        bool hasSpecial = false;
        bool hasLetter = false;
        for (int r = 0; r < height; r++)
        {
            (string row, int rowLine) = rows[r];
            if (row.Length != width)
            {
                throw new PogemaInputException(
                    $"{source}: line {rowLine}: map row {r} has {row.Length} cells, but row 0 has {width}; all rows must have the same length");
            }

            for (int col = 0; col < width; col++)
            {
                char c = row[col];
                var cell = new GridPosition(r, col);
                switch (c)
                {
                    case '.':
                        possibleStarts.Add(cell);
                        possibleGoals.Add(cell);
                        break;
                    case '#':
                        obstacles[(r * width) + col] = 1;
                        break;
                    case '@':
                        hasSpecial = true;
                        possibleStarts.Add(cell);
                        break;
                    case '$':
                        hasSpecial = true;
                        possibleGoals.Add(cell);
                        break;
                    case '!':
                        hasSpecial = true;
                        break;
                    case >= 'a' and <= 'z':
                        hasLetter = true;
                        SetLetter(starts, c - 'a', cell, c, source, rowLine);
                        break;
                    case >= 'A' and <= 'Z':
                        hasLetter = true;
                        SetLetter(goals, c - 'A', cell, c, source, rowLine);
                        break;
                    default:
                        throw new PogemaInputException(
                            $"{source}: line {rowLine}, column {col + 1}: unsupported map symbol '{c}'; allowed: . # @ $ ! a-z A-Z");
                }
            }
        }

        if (hasLetter && hasSpecial)
        {
            throw new PogemaInputException(
                $"{source}: the map mixes agent letters with '@', '$' or '!'; mark either precise agents (letters) or possible locations");
        }

        var letterStarts = new List<GridPosition>();
        var letterGoals = new List<GridPosition>();
        for (int k = 0; k < 26; k++)
        {
            if (starts[k].HasValue != goals[k].HasValue)
            {
                char present = starts[k].HasValue ? (char)('a' + k) : (char)('A' + k);
                char missing = starts[k].HasValue ? (char)('A' + k) : (char)('a' + k);
                GridPosition at = starts[k] ?? goals[k]!.Value;
                throw new PogemaInputException(
                    $"{source}: map letter '{present}' (row {at.Row}, column {at.Col}) has no partner '{missing}'; each agent start a..z needs its goal A..Z");
            }

            if (starts[k].HasValue)
            {
                letterStarts.Add(starts[k]!.Value);
                letterGoals.Add(goals[k]!.Value);
            }
        }

        return new GridMap(
            source,
            height,
            width,
            obstacles,
            letterStarts.ToArray(),
            letterGoals.ToArray(),
            hasSpecial ? possibleStarts.ToArray() : null,
            hasSpecial ? possibleGoals.ToArray() : null);
    }

    /// <summary>A map from a 0/1 matrix (1 = obstacle); rows must have equal length.</summary>
    public static GridMap FromMatrix(IReadOnlyList<IReadOnlyList<int>> rows, string source)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0 || rows[0].Count == 0)
        {
            throw new PogemaInputException($"{source}: the map matrix is empty");
        }

        int height = rows.Count;
        int width = rows[0].Count;
        var obstacles = new byte[height * width];
        for (int r = 0; r < height; r++)
        {
            if (rows[r].Count != width)
            {
                throw new PogemaInputException(
                    $"{source}: map row {r} has {rows[r].Count} cells, but row 0 has {width}; all rows must have the same length");
            }

            for (int c = 0; c < width; c++)
            {
                int value = rows[r][c];
                if (value is not (0 or 1))
                {
                    throw new PogemaInputException($"{source}: map row {r}, column {c}: {value} is not allowed; use 0 (free) or 1 (obstacle)");
                }

                obstacles[(r * width) + c] = (byte)value;
            }
        }

        return new GridMap(source, height, width, obstacles, [], [], null, null);
    }

    /// <summary>The map as rows of <c>#</c> and <c>.</c> (letters and pool marks dropped).</summary>
    public string ToObstacleText()
    {
        var builder = new StringBuilder((Width + 1) * Height);
        for (int r = 0; r < Height; r++)
        {
            for (int c = 0; c < Width; c++)
            {
                builder.Append(_obstacles[(r * Width) + c] != 0 ? '#' : '.');
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    private static void SetLetter(GridPosition?[] slots, int index, GridPosition cell, char letter, string source, int line)
    {
        if (slots[index].HasValue)
        {
            throw new PogemaInputException(
                $"{source}: line {line}: map letter '{letter}' appears twice (first at row {slots[index]!.Value.Row}, column {slots[index]!.Value.Col}); each letter marks one cell");
        }

        slots[index] = cell;
    }
}
