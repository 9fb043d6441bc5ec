using System.Text;
using System.Text.Json;

namespace Pogema.Env.Recording;

/// <summary>
/// Records a running <see cref="PogemaEnv"/> episode into a <see cref="RecordingWriter"/>: the header from the
/// environment right after reset, one step after every <see cref="PogemaEnv.Step"/>, the metrics at the end. Used by
/// <c>pogema eval --record</c> and by training to record episodes.
/// </summary>
public sealed class EpisodeRecorder : IDisposable
{
    private readonly RecordingWriter _writer;
    private readonly int[] _positions;
    private readonly int[] _targets;

    private EpisodeRecorder(RecordingWriter writer, int numAgents)
    {
        _writer = writer;
        _positions = new int[2 * numAgents];
        _targets = new int[2 * numAgents];
    }

    /// <summary>Starts a recording of <paramref name="env"/>, which must have just been reset.</summary>
    public static EpisodeRecorder Start(string path, PogemaEnv env, string policyName, string mapName = "")
    {
        ArgumentNullException.ThrowIfNull(env);
        int n = env.NumAgents;
        var starts = new int[2 * n];
        var targets = new int[2 * n];
        Interleave(env.AgentRows, env.AgentCols, starts);
        Interleave(env.TargetRows, env.TargetCols, targets);
        var rows = new string[env.Height];
        var row = new StringBuilder(env.Width);
        for (int r = 0; r < env.Height; r++)
        {
            row.Clear();
            for (int c = 0; c < env.Width; c++)
            {
                row.Append(env.IsObstacle(r, c) ? '#' : '.');
            }

            rows[r] = row.ToString();
        }

        GridConfig config = env.Config;
        var header = new EpisodeHeader
        {
            ConfigJson = ConfigToJson(config, env.CurrentSeed),
            MapName = mapName,
            MapRows = rows,
            PolicyName = policyName,
            Seed = env.CurrentSeed,
            NumAgents = n,
            ObsRadius = env.ObsRadius,
            MaxEpisodeSteps = config.MaxEpisodeSteps,
            OnTarget = Name(config.OnTarget),
            CollisionSystem = Name(config.CollisionSystem),
            Starts = starts,
            Targets = targets,
        };
        return new EpisodeRecorder(RecordingWriter.Create(path, header), n);
    }

    /// <summary>Appends the step <paramref name="env"/> has just taken with <paramref name="actions"/>.</summary>
    public void Record(ReadOnlySpan<int> actions, PogemaEnv env)
    {
        Interleave(env.AgentRows, env.AgentCols, _positions);
        Interleave(env.TargetRows, env.TargetCols, _targets);
        _writer.WriteStep(actions, _positions, _targets, env.Rewards, env.Active, env.Terminated, env.Truncated);
    }

    /// <summary>Writes the footer with the episode's metrics (if it ended) and moves the file into place.</summary>
    public void Complete(PogemaEnv env)
    {
        _writer.Complete(env.Metrics is { } m ? MetricPairs(m) : null);
    }

    /// <inheritdoc/>
    public void Dispose() => _writer.Dispose();

    /// <summary>The metrics as POGEMA names them, in the order <c>pogema trace</c> writes them.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> MetricPairs(EpisodeMetrics m)
    {
        var pairs = new List<KeyValuePair<string, double>>(6);
        Add(pairs, "ISR", m.Isr);
        Add(pairs, "CSR", m.Csr);
        Add(pairs, "ep_length", m.EpLength);
        Add(pairs, "SoC", m.SoC);
        Add(pairs, "makespan", m.Makespan);
        Add(pairs, "avg_throughput", m.AvgThroughput);
        return pairs;
    }

    /// <summary>POGEMA's name of an <c>on_target</c> mode.</summary>
    public static string Name(OnTarget mode) => mode switch
    {
        OnTarget.Finish => "finish",
        OnTarget.Nothing => "nothing",
        _ => "restart",
    };

    /// <summary>POGEMA's name of a collision system.</summary>
    public static string Name(CollisionSystem system) => system switch
    {
        CollisionSystem.Priority => "priority",
        CollisionSystem.BlockBoth => "block_both",
        _ => "soft",
    };

    private static void Add(List<KeyValuePair<string, double>> pairs, string name, double? value)
    {
        if (value.HasValue)
        {
            pairs.Add(new KeyValuePair<string, double>(name, value.Value));
        }
    }

    private static void Interleave(ReadOnlySpan<int> rows, ReadOnlySpan<int> cols, Span<int> output)
    {
        for (int i = 0; i < rows.Length; i++)
        {
            output[2 * i] = rows[i];
            output[(2 * i) + 1] = cols[i];
        }
    }

    // The config's fields that decide the episode, as a JSON object with POGEMA's names (the map itself is stored
    // separately in the header), so `pogema trace --config` can re-run the recorded actions.
    private static string ConfigToJson(GridConfig config, ulong seed)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("num_agents", config.NumAgents);
            w.WriteNumber("seed", seed);
            w.WriteNumber("obs_radius", config.ObsRadius);
            w.WriteNumber("max_episode_steps", config.MaxEpisodeSteps);
            w.WriteString("collision_system", Name(config.CollisionSystem));
            w.WriteString("on_target", Name(config.OnTarget));
            if (config.MapName is { } mapName)
            {
                w.WriteString("map_name", mapName);
            }

            if (config.Map is { } map)
            {
                w.WriteString("map", map);
            }
            else if (config.MapMatrix is null)
            {
                w.WriteNumber("size", config.Size);
                w.WriteNumber("density", config.Density);
                if (config.Width is { } width && config.Height is { } height)
                {
                    w.WriteNumber("width", width);
                    w.WriteNumber("height", height);
                }
            }

            WritePositions(w, "agents_xy", config.AgentsXy);
            WritePositions(w, "targets_xy", config.TargetsXy);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WritePositions(Utf8JsonWriter w, string name, IReadOnlyList<GridPosition>? positions)
    {
        if (positions is null)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (GridPosition p in positions)
        {
            w.WriteStartArray();
            w.WriteNumberValue(p.Row);
            w.WriteNumberValue(p.Col);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }
}
