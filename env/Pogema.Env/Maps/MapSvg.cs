using System.Globalization;
using System.Text;
using Pogema.Env.IO;

namespace Pogema.Env.Maps;

/// <summary>
/// Draws a map as SVG: obstacles dark, free cells light, possible start cells (<c>@</c>) green, possible goal cells
/// (<c>$</c>) orange, fixed agents (a-z) as blue circles and their goals (A-Z) as blue outlined squares.
/// </summary>
public static class MapSvg
{
    /// <summary>Renders <paramref name="map"/> with cells of <paramref name="cellSize"/> pixels.</summary>
    public static string Render(NamedMap map, int cellSize = 16)
    {
        if (cellSize < 1)
        {
            throw new PogemaInputException($"--cell-size {cellSize}: must be at least 1");
        }

        var rows = MapText.Rows(map.Text);
        var width = rows[0].Length * cellSize;
        var height = rows.Length * cellSize;
        var svg = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        svg.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n");
        svg.Append(inv, $"  <title>{Escape(map.Name)}</title>\n");
        svg.Append(inv, $"  <rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#f4f4f4\"/>\n");
        for (var row = 0; row < rows.Length; row++)
        {
            for (var col = 0; col < rows[row].Length; col++)
            {
                var c = rows[row][col];
                var x = col * cellSize;
                var y = row * cellSize;
                var fill = c switch
                {
                    '#' => "#3c3c3c",
                    '@' => "#9fd89f",
                    '$' => "#f6c177",
                    _ => null,
                };
                if (fill is not null)
                {
                    svg.Append(inv, $"  <rect x=\"{x}\" y=\"{y}\" width=\"{cellSize}\" height=\"{cellSize}\" fill=\"{fill}\"/>\n");
                }
                else if (c is >= 'a' and <= 'z')
                {
                    var r = cellSize * 0.4;
                    svg.Append(inv, $"  <circle cx=\"{x + (cellSize / 2.0)}\" cy=\"{y + (cellSize / 2.0)}\" r=\"{r}\" fill=\"#3b6fb6\"><title>agent {c}</title></circle>\n");
                }
                else if (c is >= 'A' and <= 'Z')
                {
                    var inset = cellSize * 0.15;
                    var side = cellSize - (2 * inset);
                    svg.Append(inv, $"  <rect x=\"{x + inset}\" y=\"{y + inset}\" width=\"{side}\" height=\"{side}\" fill=\"none\" stroke=\"#3b6fb6\" stroke-width=\"{Math.Max(1.0, cellSize / 8.0)}\"><title>goal of agent {char.ToLowerInvariant(c)}</title></rect>\n");
                }
            }
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>Writes the SVG to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, NamedMap map, int cellSize = 16)
    {
        AtomicFile.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(Render(map, cellSize)));
    }

    private static string Escape(string text)
    {
        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }
}
