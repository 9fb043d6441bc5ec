using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace Pogema.Env.Tests.Fuzz;

/// <summary>Generators shared by the fuzz tests: JSON garbage, map-like text and byte-level damage to valid text.</summary>
internal static class FuzzGen
{
    /// <summary>Numbers at and beyond every limit the loaders must check, written as JSON literals.</summary>
    public static readonly string[] EdgeNumbers =
    [
        "0", "-0", "1", "-1", "2", "8.0", "0.5", "-0.5", "1.5", "1e400", "-1e400", "1e-400", "4.9e-324", "1.7976931348623157e308",
        "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "18446744073709551616", "99999999999999999999999999999999999999999", "8388608", "8388609",
        "10000000", "10000001", "4096", "1048576", "1048577", "128", "129", "16777216", "1e10", "3.0e2",
    ];

    /// <summary>Strings that have broken parsers before: empty, control characters, other scripts, long runs.</summary>
    public static readonly string[] EdgeStrings =
    [
        "", " ", "\0", "\n", "\r\n", "\t", "\u2028", "é", "😀", "\ud800", "priority", "PRIORITY", "soft ", "finish", "restart",
        "default", "MAPF", "POMAPF", "nothing", "block_both", "#", "..\n..", "a.A", "null", "true", "1", "-1", "NaN", "Infinity",
        "../../etc/passwd", "/dev/zero", "/nonexistent/x.map", "x.yaml#y", "sc1-maze-01", "mazes-s0_wc0_od0", new string('.', 3000),
    ];

    public static Gen<string> JsonNumber { get; } = Gen.Frequency(
        (3, Gen.OneOf(EdgeNumbers)),
        (2, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Long.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture))));

    public static Gen<string> JsonString { get; } = Gen.Frequency(
        (3, Gen.OneOf(EdgeStrings)),
        (2, Gen.String[0, 20]),
        (1, Gen.Char.Array[0, 8].Select(cs => new string(cs))))
        .Select(s => JsonSerializer.Serialize(s));

    /// <summary>Any JSON value, nested up to <paramref name="depth"/> levels, plus nesting deeper than parsers allow.</summary>
    public static Gen<string> JsonValue(int depth)
    {
        var scalar = Gen.Frequency(
            (4, JsonNumber),
            (4, JsonString),
            (1, Gen.OneOf("true", "false", "null")),
            (1, Gen.Int[60, 1000].Select(n => new string('[', n) + new string(']', n))));
        if (depth <= 0)
        {
            return scalar;
        }

        var inner = JsonValue(depth - 1);
        return Gen.Frequency(
            (6, scalar),
            (2, inner.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(JsonString, inner).Array[0, 3].Select(pairs => "{" + string.Join(",", pairs.Select(p => p.Item1 + ":" + p.Item2)) + "}")));
    }

    /// <summary>Damage to a valid text: cut short, a byte flipped, characters inserted or dropped, a line doubled.</summary>
    public static Gen<string> Damage(Gen<string> valid)
    {
        var garbageChar = Gen.Frequency((3, Gen.Char), (2, Gen.OneOf('\0', '\n', '\r', '"', '{', '[', ',', ':', '-', '#', '.', '\t', ' ', '\\', '&', '*', '!', '|')));
        return Gen.Select(valid, Gen.Int[0, 5], Gen.Double.Unit, garbageChar, Gen.Int[1, 30])
            .Select(t =>
            {
                (string text, int kind, double where, char c, int n) = t;
                int at = (int)(where * text.Length);
                return kind switch
                {
                    0 => text[..at],
                    1 => text.Length == 0 ? text : text[..at] + (char)(text[Math.Min(at, text.Length - 1)] ^ (1 << (n % 7))) + text[Math.Min(at + 1, text.Length)..],
                    2 => text.Insert(at, new string(c, n % 4 + 1)),
                    3 => text.Remove(at, Math.Min(n, text.Length - at)),
                    4 => DoubleLine(text, at),
                    _ => text,
                };
            });
    }

    /// <summary>A map-like grid of <paramref name="alphabet"/> characters, rows joined by a random separator.</summary>
    public static Gen<string> Grid(string alphabet, int maxSide)
    {
        return Gen.Select(Gen.Int[1, maxSide], Gen.Int[1, maxSide], Gen.OneOf("\n", "\r\n", " ", "\n\n", "\t", "\n  "))
            .SelectMany(t => Gen.OneOf(alphabet.ToCharArray()).Array[t.Item2].Array[t.Item1]
                .Select(rows => string.Join(t.Item3, rows.Select(r => new string(r)))));
    }

    private static string DoubleLine(string text, int at)
    {
        int start = text.LastIndexOf('\n', Math.Max(0, Math.Min(at, text.Length - 1))) + 1;
        int end = text.IndexOf('\n', start);
        string line = end < 0 ? text[start..] : text[start..(end + 1)];
        return text.Insert(start, line.EndsWith('\n') ? line : line + "\n");
    }

    public static string JoinLines(IEnumerable<string> lines, string newline)
    {
        var builder = new StringBuilder();
        foreach (string line in lines)
        {
            builder.Append(line).Append(newline);
        }

        return builder.ToString();
    }
}
