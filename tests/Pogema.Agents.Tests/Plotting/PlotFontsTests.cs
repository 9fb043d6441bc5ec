using Pogema.Agents.Plotting;
using Pogema.Agents.Training;
using ScottPlot;
using Pogema.Tests.Shared;
using SkiaSharp;

namespace Pogema.Agents.Tests.Plotting;

public sealed class PlotFontsTests
{
    [Fact]
    public void EmbeddedTypefaceIsDejaVuSansWithTheGlyphsOfOurLabels()
    {
        SKTypeface typeface = PlotFonts.Typeface;

        Assert.Equal("DejaVu Sans", typeface.FamilyName);
        Assert.True(typeface.ContainsGlyphs("agent-steps CSR, episode return 0123456789.-e+ (log scale)_"));
        Assert.Same(typeface, Fonts.GetTypeface(PlotFonts.FontName, bold: true, italic: false));
    }

    [Fact]
    public void EveryTextOfTheLearningCurveIsDrawnWithTheEmbeddedFont()
    {
        Plot plot = LearningCurvePlot.Build(Curve(), "run")!;

        PlotFontAssertions.AllTextUsesEmbeddedFont(plot);
    }

    [Fact]
    public void TheLearningCurveTitleLeavesInkAboveTheData()
    {
        Plot plot = LearningCurvePlot.Build(Curve(), "learning curve of a run")!;
        using SKBitmap image = SKBitmap.Decode(plot.GetImageBytes(900, 500, ImageFormat.Png));
        int top = (int)plot.LastRender.DataRect.Top;

        // The band above the frame holds nothing but the title: no ticks or labels on the top axis.
        int dark = 0;
        for (int y = 0; y < top - 3; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                SKColor c = image.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 3 * 128)
                {
                    dark++;
                }
            }
        }

        Assert.True(top > 20, $"the data area starts at y={top}: no room was kept for a title");
        Assert.True(dark > 100, $"only {dark} dark pixels above the data area");
    }

    private static List<CurvePoint> Curve()
    {
        var rows = new List<CurvePoint>();
        for (int i = 1; i <= 10; i++)
        {
            rows.Add(new CurvePoint(i * 1000, i / 10.0, i / 5.0, i / 30.0, 1.6 - (i * 0.05)));
        }

        return rows;
    }
}
