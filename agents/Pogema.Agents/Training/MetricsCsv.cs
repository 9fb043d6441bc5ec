using System.Globalization;
using System.Text;

namespace Pogema.Agents.Training;

/// <summary>Appends one row of <see cref="UpdateMetrics"/> per update to metrics.csv (flushed each row).</summary>
public sealed class MetricsCsv : IDisposable
{
    /// <summary>The column header, in row order.</summary>
    public const string Header =
        "update,env_steps,sps,env_seconds,network_seconds,agent_episodes,episode_return,episodes,csr,isr,throughput," +
        "policy_loss,value_loss,entropy,approx_kl,clip_fraction,explained_variance,learning_rate";

    private readonly StreamWriter _writer;

    /// <summary>Opens <paramref name="path"/>; when <paramref name="resume"/> rows after <paramref name="lastUpdate"/> are dropped first.</summary>
    public MetricsCsv(string path, bool resume, long lastUpdate)
    {
        var keep = new List<string>();
        if (resume && File.Exists(path))
        {
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var comma = line.IndexOf(',');
                if (comma > 0 && long.TryParse(line.AsSpan(0, comma), NumberStyles.Integer, CultureInfo.InvariantCulture, out var u) && u <= lastUpdate)
                {
                    keep.Add(line);
                }
            }
        }

        _writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        _writer.WriteLine(Header);
        foreach (var line in keep)
        {
            _writer.WriteLine(line);
        }

        _writer.Flush();
    }

    /// <summary>Writes one row.</summary>
    public void Append(UpdateMetrics m)
    {
        var inv = CultureInfo.InvariantCulture;
        _writer.WriteLine(string.Join(',',
            m.Update.ToString(inv), m.EnvSteps.ToString(inv), F(m.StepsPerSecond), F(m.EnvSeconds), F(m.NetworkSeconds),
            m.AgentEpisodes.ToString(inv), F(m.EpisodeReturn), m.Episodes.ToString(inv), F(m.Csr), F(m.Isr), F(m.Throughput),
            F(m.PolicyLoss), F(m.ValueLoss), F(m.Entropy), F(m.ApproxKl), F(m.ClipFraction), F(m.ExplainedVariance), F(m.LearningRate)));
        _writer.Flush();
    }

    /// <summary>Reads the (update, env_steps, csr, episode_return) columns back for plotting.</summary>
    public static List<(double Steps, double Csr, double Return)> ReadCurve(string path)
    {
        var rows = new List<(double, double, double)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            if (f.Length >= 9)
            {
                rows.Add((P(f[1]), P(f[8]), P(f[6])));
            }
        }

        return rows;
    }

    public void Dispose()
    {
        _writer.Dispose();
    }

    private static string F(double v) => double.IsNaN(v) ? string.Empty : v.ToString("G6", CultureInfo.InvariantCulture);

    private static double P(string s) => s.Length == 0 ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);
}
