using System.Globalization;
using Pogema.Env.Evaluation;
using Spectre.Console;

namespace Pogema.Cli.Output;

/// <summary>
/// The console comparison: for each metric a table with a row per x value (agents or corridor length) and a
/// column per policy, each cell "mean [low, high]" with the bootstrap 95% interval. One table per metric keeps it
/// readable in an 80-column terminal when several policies are compared.
/// </summary>
internal static class EvaluationTable
{
    public static IReadOnlyList<Table> Build(IReadOnlyList<SummaryRow> summary, IReadOnlyList<string> metrics, IReadOnlyList<string> policies)
    {
        var tables = new List<Table>();
        var lookup = summary.ToDictionary(s => (s.X, s.Metric, s.Policy));
        foreach (string metric in metrics)
        {
            var present = policies.Where(p => summary.Any(s => s.Metric == metric && s.Policy == p)).ToList();
            if (present.Count == 0)
            {
                continue;
            }

            string xName = summary.First(s => s.Metric == metric).XName;
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{metric}: mean [95% CI]"));
            table.AddColumn(new TableColumn(xName).RightAligned());
            foreach (string policy in present)
            {
                table.AddColumn(new TableColumn(Markup.Escape(policy)).RightAligned());
            }

            foreach (int x in summary.Where(s => s.Metric == metric).Select(s => s.X).Distinct().Order())
            {
                var cells = new List<string> { x.ToString(CultureInfo.InvariantCulture) };
                foreach (string policy in present)
                {
                    cells.Add(lookup.TryGetValue((x, metric, policy), out var s) ? Format(s) : "");
                }

                table.AddRow(cells.Select(c => new Text(c)).ToArray());
            }

            tables.Add(table);
        }

        return tables;
    }

    public static string Format(SummaryRow s)
    {
        string f = s.Metric is "SoC" or "makespan" or "ep_length" ? "0.0" : "0.000";
        return $"{s.Mean.ToString(f, CultureInfo.InvariantCulture)} [{s.CiLow.ToString(f, CultureInfo.InvariantCulture)}, {s.CiHigh.ToString(f, CultureInfo.InvariantCulture)}]";
    }
}
