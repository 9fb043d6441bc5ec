using System.Globalization;
using System.Text;
using Pogema.Env.Recording;

namespace Pogema.Env.Rendering;

/// <summary>
/// Draws a recorded episode as an SVG in POGEMA's style: rounded obstacle squares, agents as filled circles in
/// distinct colours, targets as rings in the agent's colour, optional grid lines, and optionally an egocentric view
/// that follows one agent with a dashed field-of-view square. The animation uses SMIL <c>&lt;animate&gt;</c>
/// elements, which browsers play without scripts; a static frame has none.
/// </summary>
public static class SvgAnimationRenderer
{
    private const int Cell = 100;
    private const int Radius = 35;
    private const int StrokeWidth = 10;
    private const int CornerRadius = 15;
    private const double ShadedOpacity = 0.2;
    private const int MaxPixels = 512;

    /// <summary>Renders <paramref name="recording"/> to SVG text.</summary>
    public static string Render(EpisodeRecording recording, SvgRenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(options);
        EpisodeHeader h = recording.Header;
        int frames = recording.Steps.Count + 1;
        if (options.StaticFrame is int sf && (sf < 0 || sf >= frames))
        {
            throw new PogemaInputException($"--frame {sf}: the recording has frames 0..{frames - 1}");
        }

        if (options.EgocentricAgent is int ego && (ego < 0 || ego >= h.NumAgents))
        {
            throw new PogemaInputException($"--egocentric {ego}: the recording has agents 0..{h.NumAgents - 1}");
        }

        var ctx = new Context(recording, options);
        var sb = new StringBuilder(1 << 16);
        int width = (h.Width * Cell) + Cell;
        int height = (h.Height * Cell) + Cell;
        double scale = Math.Max(width, height) / (double)MaxPixels;
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"{Math.Ceiling(width / scale)}\" height=\"{Math.Ceiling(height / scale)}\" viewBox=\"0 0 {width} {height}\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"<defs><rect id=\"obstacle\" width=\"{2 * Radius}\" height=\"{2 * Radius}\" fill=\"{AgentPalette.ObstacleColor}\" rx=\"{CornerRadius}\"/></defs>\n");
        sb.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        if (options.ShowGrid)
        {
            AppendGrid(sb, h, width, height);
        }

        AppendObstacles(sb, ctx);
        AppendTargets(sb, ctx);
        AppendAgents(sb, ctx);
        if (options.EgocentricAgent is not null)
        {
            AppendFieldOfView(sb, ctx);
        }

        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static void AppendGrid(StringBuilder sb, EpisodeHeader h, int width, int height)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<g stroke=\"{AgentPalette.ObstacleColor}\" stroke-width=\"{StrokeWidth}\">\n");
        for (int c = 0; c <= h.Width; c++)
        {
            int x = (c * Cell) + (Cell / 2);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"0\" x2=\"{x}\" y2=\"{height}\"/>\n");
        }

        for (int r = 0; r <= h.Height; r++)
        {
            int y = (r * Cell) + (Cell / 2);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{y}\" x2=\"{width}\" y2=\"{y}\"/>\n");
        }

        sb.Append("</g>\n");
    }

    private static void AppendObstacles(StringBuilder sb, Context ctx)
    {
        EpisodeHeader h = ctx.Header;
        var opacity = new string[ctx.Frames];
        for (int r = 0; r < h.Height; r++)
        {
            for (int c = 0; c < h.Width; c++)
            {
                if (!h.IsObstacle(r, c))
                {
                    continue;
                }

                sb.Append(CultureInfo.InvariantCulture, $"<use href=\"#obstacle\" x=\"{Center(c) - Radius}\" y=\"{Center(r) - Radius}\"");
                if (ctx.Ego is not int ego)
                {
                    sb.Append("/>\n");
                    continue;
                }

                // Egocentric: an obstacle is shaded until the followed agent has had it in view.
                bool seen = false;
                for (int t = 0; t < ctx.Frames; t++)
                {
                    ReadOnlySpan<int> p = ctx.Recording.PositionsAt(t);
                    seen |= InView(r, c, p[2 * ego], p[(2 * ego) + 1], h.ObsRadius);
                    opacity[t] = seen ? "1" : Format(ShadedOpacity);
                }

                AppendAnimatedAttributes(sb, ctx, "/>\n", ("opacity", opacity));
            }
        }
    }

    private static void AppendTargets(StringBuilder sb, Context ctx)
    {
        EpisodeHeader h = ctx.Header;
        var cx = new string[ctx.Frames];
        var cy = new string[ctx.Frames];
        var visibility = new string[ctx.Frames];
        for (int i = 0; i < h.NumAgents; i++)
        {
            if (ctx.Ego is int ego && ego != i)
            {
                continue;
            }

            for (int t = 0; t < ctx.Frames; t++)
            {
                ReadOnlySpan<int> target = ctx.Recording.TargetsAt(t);
                cx[t] = Format(Center(target[(2 * i) + 1]));
                cy[t] = Format(Center(target[2 * i]));
                visibility[t] = ctx.Recording.IsActiveAt(t, i) ? "visible" : "hidden";
            }

            string color = ctx.Ego is null ? AgentPalette.ColorOf(i) : AgentPalette.EgoColor;
            sb.Append(CultureInfo.InvariantCulture, $"<circle class=\"target\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{StrokeWidth}\" r=\"{Radius}\"");
            AppendAnimatedAttributes(sb, ctx, "</circle>\n", ("cx", cx), ("cy", cy), ("visibility", visibility));
        }
    }

    private static void AppendAgents(StringBuilder sb, Context ctx)
    {
        EpisodeHeader h = ctx.Header;
        var cx = new string[ctx.Frames];
        var cy = new string[ctx.Frames];
        var visibility = new string[ctx.Frames];
        var opacity = new string[ctx.Frames];
        for (int i = 0; i < h.NumAgents; i++)
        {
            for (int t = 0; t < ctx.Frames; t++)
            {
                ReadOnlySpan<int> p = ctx.Recording.PositionsAt(t);
                cx[t] = Format(Center(p[(2 * i) + 1]));
                cy[t] = Format(Center(p[2 * i]));
                visibility[t] = ctx.Recording.IsActiveAt(t, i) ? "visible" : "hidden";
                if (ctx.Ego is int ego)
                {
                    bool inView = InView(p[2 * i], p[(2 * i) + 1], p[2 * ego], p[(2 * ego) + 1], h.ObsRadius);
                    opacity[t] = inView ? "1" : Format(ShadedOpacity);
                }
            }

            string color = ctx.Ego is int e ? (e == i ? AgentPalette.EgoColor : AgentPalette.EgoOtherColor) : AgentPalette.ColorOf(i);
            sb.Append(CultureInfo.InvariantCulture, $"<circle class=\"agent\" fill=\"{color}\" r=\"{Radius}\"");
            if (ctx.Ego is not null)
            {
                AppendAnimatedAttributes(sb, ctx, "</circle>\n", ("cx", cx), ("cy", cy), ("visibility", visibility), ("opacity", opacity));
            }
            else
            {
                AppendAnimatedAttributes(sb, ctx, "</circle>\n", ("cx", cx), ("cy", cy), ("visibility", visibility));
            }
        }
    }

    private static void AppendFieldOfView(StringBuilder sb, Context ctx)
    {
        int ego = ctx.Ego!.Value;
        int r = ctx.Header.ObsRadius;
        var x = new string[ctx.Frames];
        var y = new string[ctx.Frames];
        var visibility = new string[ctx.Frames];
        int half = ((r + 1) * Cell) - (StrokeWidth * 2) - Radius;
        for (int t = 0; t < ctx.Frames; t++)
        {
            ReadOnlySpan<int> p = ctx.Recording.PositionsAt(t);
            x[t] = Format(Center(p[(2 * ego) + 1]) - half);
            y[t] = Format(Center(p[2 * ego]) - half);
            visibility[t] = ctx.Recording.IsActiveAt(t, ego) ? "visible" : "hidden";
        }

        sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"field-of-view\" width=\"{2 * half}\" height=\"{2 * half}\" fill=\"none\" stroke=\"{AgentPalette.EgoColor}\" stroke-width=\"{StrokeWidth}\" stroke-dasharray=\"25\" rx=\"{CornerRadius}\"");
        AppendAnimatedAttributes(sb, ctx, "</rect>\n", ("x", x), ("y", y), ("visibility", visibility));
    }

    /// <summary>
    /// Writes each attribute's value at the static frame, or its first value and an animation over all frames.
    /// <paramref name="close"/> ends the element (<c>/&gt;</c> style or a closing tag).
    /// </summary>
    private static void AppendAnimatedAttributes(StringBuilder sb, Context ctx, string close, params (string Name, string[] Values)[] attributes)
    {
        int shown = ctx.Options.StaticFrame ?? 0;
        foreach (var (name, values) in attributes)
        {
            sb.Append(' ').Append(name).Append("=\"").Append(values[shown]).Append('"');
        }

        bool selfClosing = close.StartsWith("/>", StringComparison.Ordinal);
        if (ctx.Options.StaticFrame is not null || ctx.Frames < 2)
        {
            sb.Append("/>\n");
            return;
        }

        sb.Append('>');
        foreach (var (name, values) in attributes)
        {
            AppendAnimate(sb, name, values, ctx.Options.SecondsPerStep);
        }

        sb.Append(selfClosing ? "</use>\n" : close);
    }

    // Keeps only the frames where the value changes (and the ends), so long waits cost two key frames.
    private static void AppendAnimate(StringBuilder sb, string attribute, string[] values, double secondsPerStep)
    {
        int n = values.Length;
        bool constant = true;
        for (int t = 1; t < n && constant; t++)
        {
            constant = values[t] == values[0];
        }

        if (constant)
        {
            return;
        }

        var keyValues = new StringBuilder();
        var keyTimes = new StringBuilder();
        for (int t = 0; t < n; t++)
        {
            bool key = t == 0 || t == n - 1 || values[t] != values[t - 1] || values[t] != values[t + 1];
            if (!key)
            {
                continue;
            }

            if (keyValues.Length > 0)
            {
                keyValues.Append(';');
                keyTimes.Append(';');
            }

            keyValues.Append(values[t]);
            keyTimes.Append(Format(Math.Round(t / (double)(n - 1), 10)));
        }

        sb.Append(CultureInfo.InvariantCulture, $"<animate attributeName=\"{attribute}\" dur=\"{Format(secondsPerStep * (n - 1))}s\" repeatCount=\"indefinite\" values=\"{keyValues}\" keyTimes=\"{keyTimes}\"/>");
    }

    private static bool InView(int row, int col, int egoRow, int egoCol, int radius) =>
        Math.Abs(row - egoRow) <= radius && Math.Abs(col - egoCol) <= radius;

    private static int Center(int index) => Cell + (index * Cell);

    private static string Format(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    private sealed class Context
    {
        public Context(EpisodeRecording recording, SvgRenderOptions options)
        {
            Recording = recording;
            Options = options;
        }

        public EpisodeRecording Recording { get; }

        public SvgRenderOptions Options { get; }

        public EpisodeHeader Header => Recording.Header;

        public int Frames => Recording.Steps.Count + 1;

        public int? Ego => Options.EgocentricAgent;
    }
}
