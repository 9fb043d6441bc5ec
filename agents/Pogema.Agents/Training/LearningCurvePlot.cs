namespace Pogema.Agents.Training;

/// <summary>Draws the learning curve (CSR and episode return against agent-steps) of metrics.csv as a PNG.</summary>
public static class LearningCurvePlot
{
    /// <summary>Reads <paramref name="csvPath"/> and replaces <paramref name="pngPath"/> atomically.</summary>
    public static void Write(string csvPath, string pngPath, string title)
    {
        var rows = MetricsCsv.ReadCurve(csvPath);
        if (rows.Count == 0)
        {
            return;
        }

        var steps = new List<double>();
        var csr = new List<double>();
        var csrSteps = new List<double>();
        var ret = new List<double>();
        var retSteps = new List<double>();
        foreach (var (s, c, r) in rows)
        {
            steps.Add(s);
            if (!double.IsNaN(c))
            {
                csrSteps.Add(s);
                csr.Add(c);
            }

            if (!double.IsNaN(r))
            {
                retSteps.Add(s);
                ret.Add(r);
            }
        }

        var plot = new ScottPlot.Plot();
        plot.Title(title);
        plot.XLabel("agent-steps");
        if (csr.Count > 0)
        {
            var line = plot.Add.Scatter(csrSteps.ToArray(), csr.ToArray());
            line.LegendText = "CSR";
        }

        if (ret.Count > 0)
        {
            var line = plot.Add.Scatter(retSteps.ToArray(), ret.ToArray());
            line.LegendText = "episode return";
        }

        plot.ShowLegend();
        var full = Path.GetFullPath(pngPath);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.png");
        plot.SavePng(temporary, 900, 500);
        File.Move(temporary, full, overwrite: true);
    }
}
