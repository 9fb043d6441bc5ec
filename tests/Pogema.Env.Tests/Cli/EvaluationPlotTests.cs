using Pogema.Agents.Plotting;
using Pogema.Cli.Output;
using Pogema.Env.Evaluation;
using ScottPlot;

namespace Pogema.Env.Tests.Cli;

public sealed class EvaluationPlotTests
{
    [Theory]
    [InlineData("num_agents")]
    [InlineData("corridor_length")]
    public void EveryTextOfTheEvaluationPlotIsDrawnWithTheEmbeddedFont(string xName)
    {
        var summary = new List<SummaryRow>
        {
            new("astar", xName, 4, "CSR", 0.5, 0.4, 0.6, 8),
            new("astar", xName, 8, "CSR", 0.3, 0.2, 0.4, 8),
            new("pibt", xName, 4, "CSR", 0.7, 0.6, 0.8, 8),
            new("pibt", xName, 8, "CSR", 0.6, 0.5, 0.7, 8),
        };

        Plot plot = EvaluationPlot.Build(summary, "CSR");

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
