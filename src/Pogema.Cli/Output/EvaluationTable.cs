using System.Globalization;
using Pogema.Env.Evaluation;
using Spectre.Console;

namespace Pogema.Cli.Output;

/// <summary>The console comparison table: a row per x value, a column per metric and policy, "mean [low, high]".</summary>
internal static class EvaluationTable
{
    public static Table Build(IReadOnlyList<SummaryRow> summary, IReadOnlyList<string> metrics, IReadOnlyList<string> policies)
    {
        var table = new Table().Border(TableBorder.Rounded);
        string xName = summary.Count > 0 ? summary[0].XName : "num_agents";
        table.AddColumn(new TableColumn(xName).RightAligned());
        var columns = new List<(string Metric, string Policy)>();
        foreach (string metric in metrics)
        {
            foreach (string policy in policies)
            {
                if (summary.Any(s => s.Metric == metric && s.Policy == policy))
                {
                    columns.Add((metric, policy));
                    table.AddColumn(new TableColumn(Markup.Escape(policies.Count > 1 ? $"{metric} {policy}" : metric)).RightAligned());
                }
            }
        }

        var lookup = summary.ToDictionary(s => (s.X, s.Metric, s.Policy));
        foreach (int x in summary.Select(s => s.X).Distinct().Order())
        {
            var cells = new List<string> { x.ToString(CultureInfo.InvariantCulture) };
            foreach (var (metric, policy) in columns)
            {
                cells.Add(lookup.TryGetValue((x, metric, policy), out var s) ? Format(s) : "");
            }

            table.AddRow(cells.Select(c => new Markup(Markup.Escape(c))).ToArray());
        }

        return table;
    }

    public static string Format(SummaryRow s)
    {
        string f = s.Metric is "SoC" or "makespan" or "ep_length" ? "0.0" : "0.000";
        return string.Create(CultureInfo.InvariantCulture, $"{s.Mean.ToString(f, CultureInfo.InvariantCulture)} [{s.CiLow.ToString(f, CultureInfo.InvariantCulture)}, {s.CiHigh.ToString(f, CultureInfo.InvariantCulture)}]");
    }
}
