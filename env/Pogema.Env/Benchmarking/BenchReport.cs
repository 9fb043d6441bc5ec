using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pogema.Env.Benchmarking;

/// <summary>What <c>pogema bench</c> measured, with the machine's memory-copy bandwidth; writes JSON and Markdown.</summary>
public sealed record BenchReport
{
    /// <summary>The machine the bench ran on (CPU, caches, clocks, memory, OS, runtime, CPU limits).</summary>
    public required MachineInfo Machine { get; init; }

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

    /// <summary>Seconds per vector step of trivial work (one one-agent environment per worker) on one thread.</summary>
    public double TrivialStepSecondsOneThread { get; init; }

    /// <summary>The same on <see cref="Threads"/> workers started by one event each (the vector env's default); null on one thread.</summary>
    public double? TrivialStepSecondsEvents { get; init; }

    /// <summary>The same on <see cref="Threads"/> workers started by one shared generation counter; null on one thread.</summary>
    public double? TrivialStepSecondsGeneration { get; init; }

    /// <summary>The runs, configuration by configuration.</summary>
    public required IReadOnlyList<BenchRow> Rows { get; init; }

    /// <summary>The report as indented JSON (snake_case fields).</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WritePropertyName("machine");
            Machine.WriteJson(json);
            json.WriteNumber("processor_count", ProcessorCount);
            json.WriteNumber("threads", Threads);
            json.WriteNumber("seconds_per_run", SecondsPerRun);
            json.WriteNumber("copy_bytes_per_second_one_thread", Math.Round(CopyBytesPerSecondOneThread));
            json.WriteNumber("copy_bytes_per_second_all_threads", Math.Round(CopyBytesPerSecondAllThreads));
            json.WriteNumber("trivial_step_us_one_thread", Math.Round(TrivialStepSecondsOneThread * 1e6, 3));
            WriteOptional(json, "trivial_step_us_events", TrivialStepSecondsEvents * 1e6, 3);
            WriteOptional(json, "trivial_step_us_generation", TrivialStepSecondsGeneration * 1e6, 3);
            json.WriteStartArray("rows");
            foreach (BenchRow row in Rows)
            {
                json.WriteStartObject();
                json.WriteString("scenario", row.Scenario);
                json.WriteString("preset", row.Preset);
                json.WriteString("engine", row.Engine);
                json.WriteString("workload", WorkloadName(row.Workload));
                if (row.StreamingStores is { } streaming)
                {
                    json.WriteBoolean("streaming_stores", streaming);
                }
                else
                {
                    json.WriteNull("streaming_stores");
                }

                json.WriteNumber("threads", row.Threads);
                json.WriteNumber("num_envs", row.NumEnvs);
                json.WriteNumber("num_agents", row.NumAgents);
                json.WriteNumber("agent_steps_per_second", Math.Round(row.AgentStepsPerSecond));
                json.WriteNumber("env_steps_per_second", Math.Round(row.EnvStepsPerSecond));
                json.WriteNumber("observation_bytes_per_second", Math.Round(row.ObservationBytesPerSecond));
                json.WriteNumber("allocated_bytes_per_step", Math.Round(row.AllocatedBytesPerStep));
                json.WriteNumber("garbage_collections", row.GarbageCollections);
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
    /// The report as Markdown: the machine (hardware, system and CPU limits) and its copy bandwidth, a summary with one
    /// line per configuration and preset (one thread beside the two all-core runs: the same environments, and threads x
    /// the environments), and every run in detail.
    /// </summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"{Machine.HardwareLine()}\n");
        md.Append(CultureInfo.InvariantCulture, $"{Machine.SystemLine()}\n");
        md.Append(CultureInfo.InvariantCulture, $"Machine: {ProcessorCount} logical processors; all-core runs use {Threads} threads; {SecondsPerRun:0.#} s per run.\n");
        md.Append(CultureInfo.InvariantCulture, $"Memory copy: {Gb(CopyBytesPerSecondOneThread)} GB/s on one thread, {Gb(CopyBytesPerSecondAllThreads)} GB/s on {Threads}.\n");
        md.Append(CultureInfo.InvariantCulture, $"{SynchronizationLine()}\n");
        md.Append("All cores, same envs: the one-thread run's environments spread over the threads (strong scaling). ");
        md.Append("All cores, same work per thread: threads x the environments, each thread stepping what the one thread did (weak scaling).\n\n");
        md.Append("| config | preset | stores | envs x agents | agent-steps/s, 1 thread | x POGEMA | ");
        md.Append("agent-steps/s, all cores, same envs | threads | scaling | scaling / thread | ");
        md.Append("agent-steps/s, all cores, same work per thread | envs | scaling | scaling / thread | ");
        md.Append("copy / obs writing, 1 thread | copy / obs writing, same envs | copy / obs writing, same work per thread |\n");
        md.Append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (BenchSummaryLine line in Summary())
        {
            BenchRow one = line.OneThread;
            BenchRow? same = line.SameEnvs;
            BenchRow? weak = line.SameWorkPerThread;
            md.Append(CultureInfo.InvariantCulture, $"| {one.Scenario} | {PresetLabel(one)} | {StoresLabel(one)} | {one.NumEnvs} x {one.NumAgents / one.NumEnvs} | ");
            md.Append(CultureInfo.InvariantCulture, $"{one.AgentStepsPerSecond:N0} | {Opt(one.SpeedupOverPogema, "0")} | ");
            md.Append(CultureInfo.InvariantCulture, $"{Rate(same)} | {Count(same?.Threads)} | {Opt(same?.ScalingOverOneThread, "0.00")} | {Opt(same?.ScalingPerThread, "0.00")} | ");
            md.Append(CultureInfo.InvariantCulture, $"{Rate(weak)} | {Count(weak?.NumEnvs)} | {Opt(weak?.ScalingOverOneThread, "0.00")} | {Opt(weak?.ScalingPerThread, "0.00")} | ");
            md.Append(CultureInfo.InvariantCulture, $"{Opt(one.CopyBandwidthOverObservationWrite, "0.0")} | {Opt(same?.CopyBandwidthOverObservationWrite, "0.0")} | {Opt(weak?.CopyBandwidthOverObservationWrite, "0.0")} |\n");
        }

        md.Append("\nEvery run:\n\n");
        md.Append("| config | preset | stores | engine | workload | threads | envs x agents | agent-steps/s | env-steps/s | x POGEMA | scaling | scaling / thread | obs GB/s (stepping) | obs GB/s (writing only) | copy / obs writing | allocated B/step | GCs |\n");
        md.Append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (BenchRow r in Rows)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Preset} | {StoresLabel(r)} | {r.Engine} | {WorkloadLabel(r.Workload)} | {r.Threads} | {r.NumEnvs} x {r.NumAgents / r.NumEnvs} | ");
            md.Append(CultureInfo.InvariantCulture, $"{r.AgentStepsPerSecond:N0} | {r.EnvStepsPerSecond:N0} | {Opt(r.SpeedupOverPogema, "0")} | {Opt(r.ScalingOverOneThread, "0.00")} | {Opt(r.ScalingPerThread, "0.00")} | ");
            md.Append(CultureInfo.InvariantCulture, $"{Gb(r.ObservationBytesPerSecond)} | {Opt(r.ObservationWriteBytesPerSecond / 1e9, "0.00")} | {Opt(r.CopyBandwidthOverObservationWrite, "0.0")} | {r.AllocatedBytesPerStep:N0} | {r.GarbageCollections} |\n");
        }

        return md.ToString();
    }

    /// <summary>
    /// One line per configuration, preset, engine and store mode: its first run (one thread) and the all-core runs that follow
    /// it when they were measured, in report order.
    /// </summary>
    public IReadOnlyList<BenchSummaryLine> Summary()
    {
        var lines = new List<BenchSummaryLine>();
        foreach (BenchRow row in Rows)
        {
            int index = lines.FindIndex(l => SameLine(l.OneThread, row));
            if (index < 0 || row.Workload == BenchWorkload.OneThread)
            {
                lines.Add(new BenchSummaryLine(row, null, null));
            }
            else if (row.Workload == BenchWorkload.SameEnvs)
            {
                lines[index] = lines[index] with { SameEnvs = row };
            }
            else
            {
                lines[index] = lines[index] with { SameWorkPerThread = row };
            }
        }

        return lines;
    }

    /// <summary>One line: microseconds per vector step of trivial work on one thread and on all threads with each worker signalling.</summary>
    public string SynchronizationLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"Step of trivial work (one 1-agent env per worker): {TrivialStepSecondsOneThread * 1e6:0.00} us on one thread, {Opt(TrivialStepSecondsEvents * 1e6, "0.00")} us on {Threads} (events), {Opt(TrivialStepSecondsGeneration * 1e6, "0.00")} us on {Threads} (generation counter).");

    /// <summary>The preset as the summary shows it (the single environment is marked).</summary>
    public static string PresetLabel(BenchRow row) => row.Engine == "single" ? $"{row.Preset} (single env)" : row.Preset;

    /// <summary><c>streaming</c> or <c>normal</c> observation stores, or a dash for the single environment.</summary>
    public static string StoresLabel(BenchRow row) => row.StreamingStores switch
    {
        true => "streaming",
        false => "normal",
        null => "-",
    };

    /// <summary>The workload's name in JSON: <c>one_thread</c>, <c>same_envs</c> or <c>same_work_per_thread</c>.</summary>
    public static string WorkloadName(BenchWorkload workload) => workload switch
    {
        BenchWorkload.SameEnvs => "same_envs",
        BenchWorkload.SameWorkPerThread => "same_work_per_thread",
        _ => "one_thread",
    };

    /// <summary>The workload as the tables show it.</summary>
    public static string WorkloadLabel(BenchWorkload workload) => workload switch
    {
        BenchWorkload.SameEnvs => "all cores, same envs",
        BenchWorkload.SameWorkPerThread => "all cores, same work per thread",
        _ => "1 thread",
    };

    /// <summary>Agent-steps per second of an optional run, or a dash.</summary>
    public static string Rate(BenchRow? row) => row is null ? "-" : row.AgentStepsPerSecond.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>An optional count, or a dash.</summary>
    public static string Count(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "-";

    /// <summary>Bytes per second as GB/s with two decimals.</summary>
    public static string Gb(double bytesPerSecond) => (bytesPerSecond / 1e9).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>An optional figure in <paramref name="format"/>, or a dash.</summary>
    public static string Opt(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static bool SameLine(BenchRow a, BenchRow b) => a.Scenario == b.Scenario && a.Preset == b.Preset && a.Engine == b.Engine && a.StreamingStores == b.StreamingStores;

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
