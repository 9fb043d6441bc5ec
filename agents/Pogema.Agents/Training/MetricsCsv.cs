using System.Globalization;
using System.Text;
using Pogema.Env.IO;

namespace Pogema.Agents.Training;

/// <summary>Appends one row of <see cref="UpdateMetrics"/> per update to metrics.csv (flushed each row).</summary>
public sealed class MetricsCsv : IDisposable
{
    /// <summary>The column header, in row order.</summary>
    public const string Header =
        "update,env_steps,sps,env_seconds,network_seconds,agent_episodes,episode_return,episodes,csr,isr,throughput," +
        "policy_loss,value_loss,entropy,approx_kl,clip_fraction,explained_variance,learning_rate";

    private readonly StreamWriter _writer;

    /// <summary>
    /// Opens <paramref name="path"/>; when <paramref name="resume"/>, keeps the complete rows up to
    /// <paramref name="lastUpdate"/> (the checkpoint's update) and drops the rest, so rows written after the
    /// checkpoint are not duplicated when the resumed run writes them again.
    /// </summary>
    public MetricsCsv(string path, bool resume, long lastUpdate)
    {
        var kept = new StringBuilder(Header).Append('\n');
        if (resume && File.Exists(path))
        {
            AppendKeptRows(File.ReadAllText(path), lastUpdate, kept);
        }

        // Rewritten atomically: a crash while resuming must not cut the rows that were already there.
        AtomicFile.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(kept.ToString()));
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
    }

    /// <summary>Writes one row, flushed as one write so a crash leaves whole rows.</summary>
    public void Append(UpdateMetrics m)
    {
        var inv = CultureInfo.InvariantCulture;
        _writer.Write(string.Join(',',
            m.Update.ToString(inv), m.EnvSteps.ToString(inv), F(m.StepsPerSecond), F(m.EnvSeconds), F(m.NetworkSeconds),
            m.AgentEpisodes.ToString(inv), F(m.EpisodeReturn), m.Episodes.ToString(inv), F(m.Csr), F(m.Isr), F(m.Throughput),
            F(m.PolicyLoss), F(m.ValueLoss), F(m.Entropy), F(m.ApproxKl), F(m.ClipFraction), F(m.ExplainedVariance), F(m.LearningRate)) + "\n");
        _writer.Flush();
    }

    /// <summary>Reads the columns the learning curve draws back from metrics.csv.</summary>
    public static List<CurvePoint> ReadCurve(string path)
    {
        var rows = new List<CurvePoint>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            if (f.Length >= 14)
            {
                rows.Add(new CurvePoint(P(f[1]), P(f[8]), P(f[6]), P(f[10]), P(f[13])));
            }
        }

        return rows;
    }

    public void Dispose()
    {
        _writer.Dispose();
    }

    /// <summary>
    /// The rows of <paramref name="text"/> worth keeping: complete (ended by a newline, every column), with updates
    /// rising one by one from 1 and at most <paramref name="lastUpdate"/>.
    /// </summary>
    internal static void AppendKeptRows(string text, long lastUpdate, StringBuilder kept)
    {
        int columns = Header.Split(',').Length;
        int end = text.LastIndexOf('\n');
        long expected = 1;
        bool first = true;
        foreach (var line in text[..Math.Max(end, 0)].Split('\n'))
        {
            if (first)
            {
                first = false;
                continue;
            }

            var comma = line.IndexOf(',');
            if (expected <= lastUpdate && comma > 0 && line.Split(',').Length == columns
                && long.TryParse(line.AsSpan(0, comma), NumberStyles.None, CultureInfo.InvariantCulture, out var update) && update == expected)
            {
                kept.Append(line).Append('\n');
                expected++;
            }
        }
    }

    private static string F(double v) => double.IsNaN(v) ? string.Empty : v.ToString("G6", CultureInfo.InvariantCulture);

    private static double P(string s) => s.Length == 0 ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);
}
