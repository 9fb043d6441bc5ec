using ScottPlot;
using SkiaSharp;

namespace Pogema.Agents.Plotting;

/// <summary>
/// The font every plot we write draws its text with: DejaVu Sans (Bitstream Vera license, see
/// Plotting/Fonts/LICENSE-DejaVu.txt), embedded in this assembly. The SkiaSharp build that ScottPlot brings on Linux
/// reads the font files under /usr/share/fonts itself (fontconfig settings do not matter); a bare server has none, and
/// ScottPlot then draws no title, labels, ticks or legend at all. The embedded font is registered with ScottPlot
/// ahead of the system fonts, so a plot looks the same on every machine.
/// </summary>
public static class PlotFonts
{
    /// <summary>
    /// The name ScottPlot knows the embedded font by. It is not the family name on purpose: an installed
    /// "DejaVu Sans" of another version must not stand in for it, and ScottPlot caches typefaces by name.
    /// </summary>
    public const string FontName = "DejaVu Sans (embedded)";

    private const string ResourceName = "Pogema.Agents.Plotting.Fonts.DejaVuSans.ttf";

    // Lazy's default mode runs the registration exactly once even when two threads draw their first plot together.
    private static readonly Lazy<SKTypeface> s_typeface = new(Register);

    /// <summary>The typeface of the embedded font; the first use registers it with ScottPlot.</summary>
    public static SKTypeface Typeface => s_typeface.Value;

    /// <summary>
    /// Draws every text of <paramref name="plot"/> with the embedded font: title, axis labels, tick labels and legend.
    /// Call it last, before rendering: axes and text added afterwards keep the system font.
    /// </summary>
    public static void Apply(Plot plot)
    {
        _ = s_typeface.Value;
        plot.Axes.Title.Label.FontName = FontName;
        foreach (IAxis axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = FontName;
            axis.TickLabelStyle.FontName = FontName;
        }

        // Legend items carry the font of their plottable; the legend's own setting overrides them all.
        plot.Legend.FontName = FontName;
    }

    private static SKTypeface Register()
    {
        using Stream stream = typeof(PlotFonts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the assembly lacks its embedded font resource {ResourceName}");
        using SKData data = SKData.Create(stream);
        SKTypeface typeface = SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"the embedded font resource {ResourceName} is not a font SkiaSharp can read");

        // First in the list: the system resolver would answer for any family the machine happens to have.
        // ScottPlot's default font name is left alone: a plot that skipped Apply must look the same whether or not
        // another plot registered the font earlier in the process.
        Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver(FontName, typeface));
        return typeface;
    }
}
