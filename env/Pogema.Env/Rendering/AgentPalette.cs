namespace Pogema.Env.Rendering;

/// <summary>Agent colours shared by the SVG and terminal renderers, so agent i looks the same everywhere.</summary>
public static class AgentPalette
{
    /// <summary>Obstacle fill, as POGEMA draws it.</summary>
    public const string ObstacleColor = "#84A1AE";

    /// <summary>The colour of the agent an egocentric view follows.</summary>
    public const string EgoColor = "#c1433c";

    /// <summary>The colour of every other agent in an egocentric view.</summary>
    public const string EgoOtherColor = "#6e81af";

    /// <summary>
    /// Distinct, saturated colours (POGEMA's seven first, then more hues) assigned to agents in index order and
    /// cycled when there are more agents than colours.
    /// </summary>
    public static IReadOnlyList<string> Colors { get; } = new[]
    {
        "#c1433c", "#2e6f9e", "#6e81af", "#00b9c8", "#72d5c8", "#0ea08c", "#8f7b66",
        "#e09f3e", "#9b5de5", "#f15bb5", "#00bb44", "#ffbe0b", "#3a86ff", "#8338ec",
    };

    /// <summary>The colour of agent <paramref name="index"/>.</summary>
    public static string ColorOf(int index) => Colors[index % Colors.Count];

    /// <summary>The red, green and blue components of a <c>#rrggbb</c> colour.</summary>
    public static (byte R, byte G, byte B) Rgb(string hex) => (
        Convert.ToByte(hex.Substring(1, 2), 16),
        Convert.ToByte(hex.Substring(3, 2), 16),
        Convert.ToByte(hex.Substring(5, 2), 16));
}
