using Pogema.Agents.Plotting;

namespace Pogema.Agents.Training;

/// <summary>
/// Draws the learning curve of metrics.csv as a PNG: CSR, episode return and throughput of the finished episodes
/// against agent-steps (left axis), and the policy entropy of every update (right axis). Entropy is there because
/// lifelong episodes end only every few dozen updates: without it a young lifelong run's plot would be empty.
/// </summary>
public static class LearningCurvePlot
{
    /// <summary>Reads <paramref name="csvPath"/> and replaces <paramref name="pngPath"/> atomically.</summary>
    public static void Write(string csvPath, string pngPath, string title)
    {
        var plot = Build(MetricsCsv.ReadCurve(csvPath), title);
        if (plot is null)
        {
            return;
        }

        var full = Path.GetFullPath(pngPath);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.png");
        plot.SavePng(temporary, 900, 500);
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>The plot of <paramref name="rows"/>, or null when there is nothing to draw yet.</summary>
    internal static ScottPlot.Plot? Build(List<CurvePoint> rows, string title)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var plot = new ScottPlot.Plot();
        plot.Title(title);
        plot.XLabel("agent-steps");
        plot.YLabel("CSR, episode return, throughput");
        AddSeries(plot, rows, p => p.Csr, "CSR", rightAxis: false);
        AddSeries(plot, rows, p => p.Return, "episode return", rightAxis: false);
        AddSeries(plot, rows, p => p.Throughput, "throughput", rightAxis: false);
        AddSeries(plot, rows, p => p.Entropy, "entropy (right axis)", rightAxis: true);
        plot.Axes.Right.Label.Text = "entropy";
        plot.ShowLegend();
        plot.Axes.AutoScale(); // over every series: entropy starts at the first update, the episode metrics later
        PlotFonts.Apply(plot);
        return plot;
    }

    private static void AddSeries(ScottPlot.Plot plot, List<CurvePoint> rows, Func<CurvePoint, double> value, string name, bool rightAxis)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var row in rows)
        {
            var y = value(row);
            if (!double.IsNaN(y))
            {
                xs.Add(row.Steps);
                ys.Add(y);
            }
        }

        if (xs.Count == 0)
        {
            return;
        }

        var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
        line.LegendText = name;
        if (rightAxis)
        {
            line.Axes.YAxis = plot.Axes.Right;
        }
    }
}
