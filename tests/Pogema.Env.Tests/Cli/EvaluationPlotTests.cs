using Pogema.Cli.Output;
using Pogema.Env.Evaluation;
using Pogema.Tests.Shared;
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

        PlotFontAssertions.AllTextUsesEmbeddedFont(plot);
    }
}
