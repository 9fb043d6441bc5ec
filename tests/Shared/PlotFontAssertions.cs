using Pogema.Agents.Plotting;
using ScottPlot;

namespace Pogema.Tests.Shared;

/// <summary>Checks, for the tests of every plot writer, that all text of a plot is drawn with the embedded font.</summary>
internal static class PlotFontAssertions
{
    public static void AllTextUsesEmbeddedFont(Plot plot)
    {
        AssertEmbedded(plot.Axes.Title.Label.FontName, plot.Axes.Title.Label.Bold, "title");
        foreach (IAxis axis in plot.Axes.GetAxes())
        {
            AssertEmbedded(axis.Label.FontName, axis.Label.Bold, $"{axis.Edge} axis label");
            AssertEmbedded(axis.TickLabelStyle.FontName, axis.TickLabelStyle.Bold, $"{axis.Edge} tick labels");
        }

        AssertEmbedded(plot.Legend.FontName, bold: false, "legend");
    }

    private static void AssertEmbedded(string? fontName, bool bold, string what)
    {
        Assert.True(fontName is not null, $"{what} has no font of its own");
        Assert.True(ReferenceEquals(PlotFonts.Typeface, Fonts.GetTypeface(fontName, bold, italic: false)), $"{what} is drawn with '{fontName}'");
    }
}
