using System.Text;
using System.Text.Json;
using Pogema.Env.IO;

namespace Pogema.Env.Tracing;

/// <summary>
/// Runs one scripted episode and writes what happened in the trace format that the POGEMA reference script writes,
/// so a trace can be compared with the Python POGEMA key by key: <c>obstacles</c>, <c>starts</c>, <c>targets</c>,
/// optional <c>initial_observations</c>, <c>steps</c> and <c>metrics</c>.
/// </summary>
public static class TraceRunner
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    /// <summary>
    /// Runs <paramref name="config"/> from its seed with <paramref name="actions"/> (one array per step) until the
    /// episode ends or the actions run out, and returns the trace as UTF-8 JSON. Input mistakes throw
    /// <see cref="PogemaInputException"/>.
    /// </summary>
    public static byte[] Run(GridConfig config, IReadOnlyList<int[]> actions, bool observations, string source)
    {
        var env = new PogemaEnv(config, source);
        env.Reset();
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(env, actions, observations, writer, source);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Reads an actions value: an array of steps, each an array of integers.</summary>
    public static IReadOnlyList<int[]> ParseActions(JsonElement element, string source)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new PogemaInputException($"{source}: actions must be an array of steps, each an array of integers 0..4");
        }

        var steps = new List<int[]>();
        foreach (JsonElement step in element.EnumerateArray())
        {
            if (step.ValueKind != JsonValueKind.Array)
            {
                throw new PogemaInputException($"{source}: step {steps.Count}: expected an array of integers 0..4, got {step.ValueKind}");
            }

            var row = new int[step.GetArrayLength()];
            int i = 0;
            foreach (JsonElement action in step.EnumerateArray())
            {
                if (action.ValueKind != JsonValueKind.Number || !action.TryGetInt32(out row[i]))
                {
                    throw new PogemaInputException($"{source}: step {steps.Count}, agent {i}: action {action.GetRawText()} is not an integer 0..4");
                }

                i++;
            }

            steps.Add(row);
        }

        return steps;
    }

    /// <summary>The single form of <c>pogema trace</c>: config and actions files in, trace file out (written only on success).</summary>
    public static void RunFiles(string configPath, string actionsPath, string outputPath, bool observations)
    {
        GridConfig config = GridConfig.Load(configPath);
        IReadOnlyList<int[]> actions;
        using (JsonDocument document = ReadJson(actionsPath))
        {
            actions = ParseActions(document.RootElement, actionsPath);
        }

        byte[] trace = Run(config, actions, observations, configPath);
        AtomicFile.WriteAllBytes(outputPath, trace);
    }

    /// <summary>
    /// The batch form: every <c>NAME.json</c> case (<c>{"config", "actions", "observations"}</c>) in
    /// <paramref name="casesDirectory"/> gives <c>outputDirectory/NAME.json</c>; an invalid case writes
    /// <c>{"error": "message"}</c> and the others go on. Returns the number of cases and of invalid ones.
    /// </summary>
    public static (int Cases, int Invalid) RunBatch(string casesDirectory, string outputDirectory)
    {
        if (!Directory.Exists(casesDirectory))
        {
            throw new PogemaInputException($"--cases: folder '{casesDirectory}' does not exist");
        }

        Directory.CreateDirectory(outputDirectory);
        string[] files = Directory.GetFiles(casesDirectory, "*.json");
        Array.Sort(files, StringComparer.Ordinal);
        int invalid = 0;
        foreach (string file in files)
        {
            byte[] result;
            try
            {
                result = RunCase(file);
            }
            catch (PogemaInputException ex)
            {
                invalid++;
                result = ErrorJson(ex.Message);
            }

            AtomicFile.WriteAllBytes(Path.Combine(outputDirectory, Path.GetFileName(file)), result);
        }

        return (files.Length, invalid);
    }

    /// <summary>Runs one case file <c>{"config": {...}, "actions": [...], "observations": bool}</c>.</summary>
    public static byte[] RunCase(string casePath)
    {
        using JsonDocument document = ReadJson(casePath);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PogemaInputException($"{casePath}: a case must be an object {{\"config\", \"actions\", \"observations\"}}");
        }

        if (!root.TryGetProperty("config", out JsonElement configElement))
        {
            throw new PogemaInputException($"{casePath}: config: missing");
        }

        GridConfig config = GridConfigJson.FromElement(configElement, $"{casePath}: config");
        IReadOnlyList<int[]> actions = root.TryGetProperty("actions", out JsonElement actionsElement)
            ? ParseActions(actionsElement, $"{casePath}: actions")
            : [];
        bool observations = root.TryGetProperty("observations", out JsonElement obs) && obs.ValueKind == JsonValueKind.True;
        return Run(config, actions, observations, $"{casePath}: config");
    }

    private static byte[] ErrorJson(string message)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static JsonDocument ReadJson(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PogemaInputException($"{path}: cannot read: {ex.Message}", ex);
        }

        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new PogemaInputException($"{path}: not valid JSON: {ex.Message}", ex);
        }
    }

    private static void Write(PogemaEnv env, IReadOnlyList<int[]> actions, bool observations, Utf8JsonWriter writer, string source)
    {
        int n = env.NumAgents;
        float[] observationBuffer = observations ? new float[n * env.ObservationSize] : [];
        writer.WriteStartObject();
        writer.WriteStartArray("obstacles");
        var row = new StringBuilder(env.Width);
        for (int r = 0; r < env.Height; r++)
        {
            row.Clear();
            for (int c = 0; c < env.Width; c++)
            {
                row.Append(env.IsObstacle(r, c) ? '#' : '.');
            }

            writer.WriteStringValue(row.ToString());
        }

        writer.WriteEndArray();
        WritePairs(writer, "starts", env.AgentRows, env.AgentCols);
        WritePairs(writer, "targets", env.TargetRows, env.TargetCols);
        if (observations)
        {
            writer.WritePropertyName("initial_observations");
            WriteObservations(writer, env, observationBuffer);
        }

        writer.WriteStartArray("steps");
        for (int t = 0; t < actions.Count && !env.EpisodeEnded; t++)
        {
            int[] stepActions = actions[t];
            if (stepActions.Length != n)
            {
                throw new PogemaInputException($"{source}: actions: step {t} has {stepActions.Length} actions, but there are {n} agents");
            }

            for (int i = 0; i < n; i++)
            {
                if ((uint)stepActions[i] >= PogemaEnv.NumActions)
                {
                    throw new PogemaInputException($"{source}: actions: step {t}, agent {i}: action {stepActions[i]} is not allowed; use 0 wait, 1 up, 2 down, 3 left, 4 right");
                }
            }

            env.Step(stepActions);
            writer.WriteStartObject();
            writer.WriteStartArray("actions");
            foreach (int a in stepActions)
            {
                writer.WriteNumberValue(a);
            }

            writer.WriteEndArray();
            WritePairs(writer, "positions", env.AgentRows, env.AgentCols);
            WritePairs(writer, "targets", env.TargetRows, env.TargetCols);
            WriteBools(writer, "active", env.Active);
            writer.WriteStartArray("rewards");
            foreach (float reward in env.Rewards)
            {
                writer.WriteRawValue(reward == 0f ? "0.0" : reward == 1f ? "1.0" : reward.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }

            writer.WriteEndArray();
            WriteBools(writer, "terminated", env.Terminated);
            WriteBools(writer, "truncated", env.Truncated);
            if (observations)
            {
                writer.WritePropertyName("observations");
                WriteObservations(writer, env, observationBuffer);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("metrics");
        if (env.Metrics is { } m)
        {
            writer.WriteStartObject();
            WriteMetric(writer, "ISR", m.Isr);
            WriteMetric(writer, "CSR", m.Csr);
            WriteMetric(writer, "ep_length", m.EpLength);
            if (m.SoC.HasValue)
            {
                writer.WriteNumber("SoC", m.SoC.Value);
            }

            if (m.Makespan.HasValue)
            {
                writer.WriteNumber("makespan", m.Makespan.Value);
            }

            WriteMetric(writer, "avg_throughput", m.AvgThroughput);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndObject();
    }

    private static void WriteMetric(Utf8JsonWriter writer, string name, double? value)
    {
        if (value.HasValue)
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    private static void WritePairs(Utf8JsonWriter writer, string name, ReadOnlySpan<int> rows, ReadOnlySpan<int> cols)
    {
        writer.WriteStartArray(name);
        for (int i = 0; i < rows.Length; i++)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(rows[i]);
            writer.WriteNumberValue(cols[i]);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static void WriteBools(Utf8JsonWriter writer, string name, ReadOnlySpan<bool> values)
    {
        writer.WriteStartArray(name);
        foreach (bool value in values)
        {
            writer.WriteBooleanValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteObservations(Utf8JsonWriter writer, PogemaEnv env, float[] buffer)
    {
        env.WriteObservations(buffer);
        int d = env.WindowSize;
        int size = env.ObservationSize;
        var row = new StringBuilder(d);
        writer.WriteStartArray();
        for (int agent = 0; agent < env.NumAgents; agent++)
        {
            writer.WriteStartArray();
            for (int channel = 0; channel < PogemaEnv.ObservationChannels; channel++)
            {
                writer.WriteStartArray();
                for (int r = 0; r < d; r++)
                {
                    row.Clear();
                    int offset = (agent * size) + (channel * d * d) + (r * d);
                    for (int c = 0; c < d; c++)
                    {
                        row.Append(buffer[offset + c] != 0f ? '1' : '0');
                    }

                    writer.WriteStringValue(row.ToString());
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
