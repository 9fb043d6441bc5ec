using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pogema.Env.Benchmarking;

/// <summary>What <c>pogema bench</c> measured, with the machine's memory-copy bandwidth; writes JSON and Markdown.</summary>
public sealed record BenchReport
{
    /// <summary>Logical processors of the machine.</summary>
    public required int ProcessorCount { get; init; }

    /// <summary>Threads used for the all-core runs.</summary>
    public required int Threads { get; init; }

    /// <summary>Seconds measured per run.</summary>
    public required double SecondsPerRun { get; init; }

    /// <summary>Bytes copied per second by one thread (a large <see cref="Span{T}.CopyTo"/>).</summary>
    public required double CopyBytesPerSecondOneThread { get; init; }

    /// <summary>Bytes copied per second by <see cref="Threads"/> threads together.</summary>
    public required double CopyBytesPerSecondAllThreads { get; init; }

    /// <summary>The runs, configuration by configuration.</summary>
    public required IReadOnlyList<BenchRow> Rows { get; init; }

    /// <summary>The report as indented JSON (snake_case fields).</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("processor_count", ProcessorCount);
            json.WriteNumber("threads", Threads);
            json.WriteNumber("seconds_per_run", SecondsPerRun);
            json.WriteNumber("copy_bytes_per_second_one_thread", Math.Round(CopyBytesPerSecondOneThread));
            json.WriteNumber("copy_bytes_per_second_all_threads", Math.Round(CopyBytesPerSecondAllThreads));
            json.WriteStartArray("rows");
            foreach (BenchRow row in Rows)
            {
                json.WriteStartObject();
                json.WriteString("scenario", row.Scenario);
                json.WriteString("preset", row.Preset);
                json.WriteString("engine", row.Engine);
                json.WriteNumber("threads", row.Threads);
                json.WriteNumber("num_envs", row.NumEnvs);
                json.WriteNumber("num_agents", row.NumAgents);
                json.WriteNumber("agent_steps_per_second", Math.Round(row.AgentStepsPerSecond));
                json.WriteNumber("env_steps_per_second", Math.Round(row.EnvStepsPerSecond));
                json.WriteNumber("observation_bytes_per_second", Math.Round(row.ObservationBytesPerSecond));
                WriteOptional(json, "observation_write_bytes_per_second", row.ObservationWriteBytesPerSecond, 0);
                WriteOptional(json, "speedup_over_pogema", row.SpeedupOverPogema, 1);
                WriteOptional(json, "scaling_over_one_thread", row.ScalingOverOneThread, 2);
                WriteOptional(json, "scaling_per_thread", row.ScalingPerThread, 3);
                WriteOptional(json, "copy_bandwidth_over_observation_write", row.CopyBandwidthOverObservationWrite, 2);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// The report as Markdown: the machine and its copy bandwidth, a summary with one line per configuration and
    /// preset (one thread beside all cores), and every run in detail.
    /// </summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"Machine: {ProcessorCount} logical processors; all-core runs use {Threads} threads; {SecondsPerRun:0.#} s per run.\n");
        md.Append(CultureInfo.InvariantCulture, $"Memory copy: {Gb(CopyBytesPerSecondOneThread)} GB/s on one thread, {Gb(CopyBytesPerSecondAllThreads)} GB/s on {Threads}.\n\n");
        md.Append("| config | preset | envs x agents | agent-steps/s, 1 thread | x POGEMA | agent-steps/s, all cores | x POGEMA | threads | scaling | scaling / thread | copy / obs writing, 1 thread | copy / obs writing, all cores |\n");
        md.Append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (BenchSummaryLine line in Summary())
        {
            BenchRow one = line.OneThread;
            BenchRow? all = line.AllCores;
            string preset = one.Engine == "single" ? $"{one.Preset} (single env)" : one.Preset;
            md.Append(CultureInfo.InvariantCulture, $"| {one.Scenario} | {preset} | {one.NumEnvs} x {one.NumAgents / one.NumEnvs} | ");
            md.Append(CultureInfo.InvariantCulture, $"{one.AgentStepsPerSecond:N0} | {Opt(one.SpeedupOverPogema, "0")} | ");
            md.Append(CultureInfo.InvariantCulture, $"{(all is null ? "-" : all.AgentStepsPerSecond.ToString("N0", CultureInfo.InvariantCulture))} | {Opt(all?.SpeedupOverPogema, "0")} | ");
            md.Append(CultureInfo.InvariantCulture, $"{(all is null ? "-" : all.Threads.ToString(CultureInfo.InvariantCulture))} | {Opt(all?.ScalingOverOneThread, "0.00")} | {Opt(all?.ScalingPerThread, "0.00")} | ");
            md.Append(CultureInfo.InvariantCulture, $"{Opt(one.CopyBandwidthOverObservationWrite, "0.0")} | {Opt(all?.CopyBandwidthOverObservationWrite, "0.0")} |\n");
        }

        md.Append("\nEvery run:\n\n");
        md.Append("| config | preset | engine | threads | envs x agents | agent-steps/s | env-steps/s | x POGEMA | scaling | obs GB/s (stepping) | obs GB/s (writing only) | copy / obs writing |\n");
        md.Append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (BenchRow r in Rows)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Preset} | {r.Engine} | {r.Threads} | {r.NumEnvs} x {r.NumAgents / r.NumEnvs} | ");
            md.Append(CultureInfo.InvariantCulture, $"{r.AgentStepsPerSecond:N0} | {r.EnvStepsPerSecond:N0} | {Opt(r.SpeedupOverPogema, "0")} | {Opt(r.ScalingOverOneThread, "0.00")} | ");
            md.Append(CultureInfo.InvariantCulture, $"{Gb(r.ObservationBytesPerSecond)} | {Opt(r.ObservationWriteBytesPerSecond / 1e9, "0.00")} | {Opt(r.CopyBandwidthOverObservationWrite, "0.0")} |\n");
        }

        return md.ToString();
    }

    /// <summary>
    /// One line per configuration, preset and engine: its first run (one thread) and the all-core run that follows
    /// it when one was measured, in report order.
    /// </summary>
    public IReadOnlyList<BenchSummaryLine> Summary()
    {
        var lines = new List<BenchSummaryLine>();
        foreach (BenchRow row in Rows)
        {
            int index = lines.FindIndex(l => l.OneThread.Scenario == row.Scenario && l.OneThread.Preset == row.Preset && l.OneThread.Engine == row.Engine);
            if (index < 0)
            {
                lines.Add(new BenchSummaryLine(row, null));
            }
            else
            {
                lines[index] = lines[index] with { AllCores = row };
            }
        }

        return lines;
    }

    /// <summary>Bytes per second as GB/s with two decimals.</summary>
    public static string Gb(double bytesPerSecond) => (bytesPerSecond / 1e9).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>An optional figure in <paramref name="format"/>, or a dash.</summary>
    public static string Opt(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static void WriteOptional(Utf8JsonWriter json, string name, double? value, int digits)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, Math.Round(v, digits));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
