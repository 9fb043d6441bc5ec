namespace Pogema.Env.Evaluation;

/// <summary>Aggregates episode results per policy and x value into means with bootstrap confidence intervals.</summary>
public static class EvaluationSummary
{
    /// <summary>
    /// One row per (policy, x, metric), policies in the order they first appear, x ascending, metrics in the given
    /// order; metrics a mode does not define are left out.
    /// </summary>
    public static IReadOnlyList<SummaryRow> Summarize(IReadOnlyList<EpisodeResult> results, IReadOnlyList<string> metrics)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(metrics);
        var rows = new List<SummaryRow>();
        var policies = new List<string>();
        foreach (EpisodeResult r in results)
        {
            if (!policies.Contains(r.Policy))
            {
                policies.Add(r.Policy);
            }
        }

        foreach (string policy in policies)
        {
            var byX = new SortedDictionary<int, List<EpisodeResult>>();
            foreach (EpisodeResult r in results)
            {
                if (r.Policy != policy)
                {
                    continue;
                }

                if (!byX.TryGetValue(r.Episode.X, out var list))
                {
                    byX[r.Episode.X] = list = new List<EpisodeResult>();
                }

                list.Add(r);
            }

            foreach (var (x, group) in byX)
            {
                foreach (string metric in metrics)
                {
                    var values = new List<double>(group.Count);
                    foreach (EpisodeResult r in group)
                    {
                        if (r.Get(metric) is { } v)
                        {
                            values.Add(v);
                        }
                    }

                    if (values.Count == 0)
                    {
                        continue;
                    }

                    var (mean, low, high) = Bootstrap.MeanInterval(values.ToArray());
                    rows.Add(new SummaryRow(policy, group[0].Episode.XName, x, metric, mean, low, high, values.Count));
                }
            }
        }

        return rows;
    }
}
