using System.Globalization;
using System.Text;
using System.Text.Json;
using Pogema.Env.IO;
using Pogema.Env.Recording;

namespace Pogema.Env.Evaluation;

/// <summary>
/// Writes an evaluation's files into an output folder, each atomically: <c>episodes.csv</c> and <c>episodes.json</c>
/// (one row per policy and episode) and <c>summary.csv</c> and <c>summary.json</c> (mean and bootstrap 95% interval
/// per policy, x value and metric).
/// </summary>
public static class EvaluationReport
{
    private static readonly string[] EpisodeColumns =
    {
        "policy", "map_name", "num_agents", "seed", "x_name", "x", "on_target", "collision_system", "obs_radius",
        "max_episode_steps", "steps",
    };

    /// <summary>Writes all four files into <paramref name="directory"/>.</summary>
    public static void Write(string directory, IReadOnlyList<EpisodeResult> results, IReadOnlyList<SummaryRow> summary)
    {
        Directory.CreateDirectory(directory);
        AtomicFile.WriteAllBytes(Path.Combine(directory, "episodes.csv"), Encoding.UTF8.GetBytes(EpisodesCsv(results)));
        AtomicFile.WriteAllBytes(Path.Combine(directory, "episodes.json"), EpisodesJson(results));
        AtomicFile.WriteAllBytes(Path.Combine(directory, "summary.csv"), Encoding.UTF8.GetBytes(SummaryCsv(summary)));
        AtomicFile.WriteAllBytes(Path.Combine(directory, "summary.json"), SummaryJson(summary));
    }

    /// <summary>One line per episode; a metric the mode does not define is empty.</summary>
    public static string EpisodesCsv(IReadOnlyList<EpisodeResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', EpisodeColumns).Append(',').AppendJoin(',', EvaluationMetrics.All).Append('\n');
        foreach (EpisodeResult r in results)
        {
            EvaluationEpisode e = r.Episode;
            sb.Append(Csv(r.Policy)).Append(',').Append(Csv(e.MapName)).Append(',')
                .Append(e.NumAgents).Append(',').Append(e.Seed).Append(',').Append(e.XName).Append(',').Append(e.X).Append(',')
                .Append(EpisodeRecorder.Name(e.OnTarget)).Append(',').Append(EpisodeRecorder.Name(e.CollisionSystem)).Append(',')
                .Append(e.ObsRadius).Append(',').Append(e.MaxEpisodeSteps).Append(',').Append(r.Steps);
            foreach (string metric in EvaluationMetrics.All)
            {
                sb.Append(',');
                if (r.Get(metric) is { } v)
                {
                    sb.Append(Number(v));
                }
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The per-episode rows as a JSON array of objects (metrics a mode lacks are left out).</summary>
    public static byte[] EpisodesJson(IReadOnlyList<EpisodeResult> results)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (EpisodeResult r in results)
            {
                EvaluationEpisode e = r.Episode;
                w.WriteStartObject();
                w.WriteString("policy", r.Policy);
                w.WriteString("map_name", e.MapName);
                w.WriteNumber("num_agents", e.NumAgents);
                w.WriteNumber("seed", e.Seed);
                w.WriteString("x_name", e.XName);
                w.WriteNumber("x", e.X);
                w.WriteString("on_target", EpisodeRecorder.Name(e.OnTarget));
                w.WriteString("collision_system", EpisodeRecorder.Name(e.CollisionSystem));
                w.WriteNumber("obs_radius", e.ObsRadius);
                w.WriteNumber("max_episode_steps", e.MaxEpisodeSteps);
                w.WriteNumber("steps", r.Steps);
                foreach (string metric in EvaluationMetrics.All)
                {
                    if (r.Get(metric) is { } v)
                    {
                        w.WriteNumber(metric, v);
                    }
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The summary table as CSV.</summary>
    public static string SummaryCsv(IReadOnlyList<SummaryRow> summary)
    {
        var sb = new StringBuilder("policy,x_name,x,metric,mean,ci_low,ci_high,episodes\n");
        foreach (SummaryRow s in summary)
        {
            sb.Append(Csv(s.Policy)).Append(',').Append(s.XName).Append(',').Append(s.X).Append(',').Append(s.Metric).Append(',')
                .Append(Number(s.Mean)).Append(',').Append(Number(s.CiLow)).Append(',').Append(Number(s.CiHigh)).Append(',')
                .Append(s.Episodes).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The summary table as a JSON array.</summary>
    public static byte[] SummaryJson(IReadOnlyList<SummaryRow> summary)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (SummaryRow s in summary)
            {
                w.WriteStartObject();
                w.WriteString("policy", s.Policy);
                w.WriteString("x_name", s.XName);
                w.WriteNumber("x", s.X);
                w.WriteString("metric", s.Metric);
                w.WriteNumber("mean", s.Mean);
                w.WriteNumber("ci_low", s.CiLow);
                w.WriteNumber("ci_high", s.CiHigh);
                w.WriteNumber("episodes", s.Episodes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Csv(string value) =>
        value.IndexOfAny(new[] { ',', '"', '\n' }) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
