using Pogema.Agents.Plotting;
using Pogema.Env.Evaluation;
using Pogema.Env.IO;
using ScottPlot;

namespace Pogema.Cli.Output;

/// <summary>Plots a metric against the x value (agents or corridor length), one line per policy with its 95% band.</summary>
internal static class EvaluationPlot
{
    public static void Save(string path, IReadOnlyList<SummaryRow> summary, string metric)
    {
        byte[] png = Build(summary, metric).GetImageBytes(800, 500, ImageFormat.Png);
        AtomicFile.WriteAllBytes(path, png);
    }

    /// <summary>The plot of <paramref name="metric"/>'s rows of <paramref name="summary"/>.</summary>
    internal static Plot Build(IReadOnlyList<SummaryRow> summary, string metric)
    {
        var plot = new Plot();
        string xName = summary.FirstOrDefault(s => s.Metric == metric)?.XName ?? "num_agents";

        // Corridor lengths run 3..50 then 100..1000: a log axis keeps the short ones readable.
        bool logX = xName == "corridor_length";
        Func<double, double> toX = logX ? Math.Log10 : x => x;
        int index = 0;
        foreach (var group in summary.Where(s => s.Metric == metric).GroupBy(s => s.Policy))
        {
            SummaryRow[] rows = group.OrderBy(s => s.X).ToArray();
            double[] xs = rows.Select(r => toX(r.X)).ToArray();
            double[] ys = rows.Select(r => r.Mean).ToArray();
            Color color = Color.FromHex(Pogema.Env.Rendering.AgentPalette.ColorOf(index == 0 ? 1 : index == 1 ? 0 : index));
            if (rows.Length > 1)
            {
                var band = plot.Add.FillY(xs, rows.Select(r => r.CiLow).ToArray(), rows.Select(r => r.CiHigh).ToArray());
                band.FillColor = color.WithAlpha(0.2);
                band.LineWidth = 0;
            }

            var line = plot.Add.Scatter(xs, ys);
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 6;
            line.LegendText = group.Key;
            index++;
        }

        if (logX)
        {
            var ticks = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                LabelFormatter = x => Math.Pow(10, x).ToString("0", System.Globalization.CultureInfo.InvariantCulture),
            };
            plot.Axes.Bottom.TickGenerator = ticks;
        }

        plot.XLabel(logX ? "corridor length (log scale)" : "number of agents");
        plot.YLabel(metric);
        plot.ShowLegend();
        PlotFonts.Apply(plot);
        return plot;
    }
}
