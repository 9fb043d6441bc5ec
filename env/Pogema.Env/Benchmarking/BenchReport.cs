using System.Globalization;
using System.Text;
using System.Text.Json;
using Pogema.Env.Vector;

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

    /// <summary>Rounds of every run (<see cref="BenchPlan.Rounds"/>).</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>Seconds per vector step of trivial work (one one-agent environment per worker) on one thread.</summary>
    public double TrivialStepSecondsOneThread { get; init; }

    /// <summary>The same on <see cref="Threads"/> workers, for each spin and pinning measured; empty on one thread.</summary>
    public IReadOnlyList<TrivialStep> TrivialSteps { get; init; } = [];

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
            json.WriteNumber("rounds", Rounds);
            json.WriteNumber("copy_bytes_per_second_one_thread", Math.Round(CopyBytesPerSecondOneThread));
            json.WriteNumber("copy_bytes_per_second_all_threads", Math.Round(CopyBytesPerSecondAllThreads));
            json.WriteNumber("trivial_step_us_one_thread", Math.Round(TrivialStepSecondsOneThread * 1e6, 3));
            json.WriteStartArray("trivial_steps");
            foreach (TrivialStep step in TrivialSteps)
            {
                json.WriteStartObject();
                WriteSetup(json, step.Setup);
                json.WriteNumber("us", Math.Round(step.Seconds * 1e6, 3));
                json.WriteNumber("pool_alone_us", Math.Round(step.PoolRunSeconds * 1e6, 3));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("rows");
            foreach (BenchRow row in Rows)
            {
                json.WriteStartObject();
                json.WriteString("scenario", row.Scenario);
                json.WriteString("preset", row.Preset);
                json.WriteString("engine", row.Engine);
                json.WriteString("workload", WorkloadName(row.Workload));
                if (row.Setup is { } setup)
                {
                    WriteSetup(json, setup);
                }
                else
                {
                    json.WriteNull("streaming_stores");
                }

                json.WriteNumber("threads", row.Threads);
                json.WriteNumber("num_envs", row.NumEnvs);
                json.WriteNumber("num_agents", row.NumAgents);
                json.WriteNumber("slices_per_worker_used", row.SlicesPerWorker);
                json.WriteNumber("rounds", row.Rounds);
                json.WriteNumber("agent_steps_per_second", Math.Round(row.AgentStepsPerSecond));
                json.WriteNumber("agent_steps_per_second_min", Math.Round(row.AgentStepsPerSecondMin));
                json.WriteNumber("agent_steps_per_second_max", Math.Round(row.AgentStepsPerSecondMax));
                json.WriteNumber("env_steps_per_second", Math.Round(row.EnvStepsPerSecond));
                json.WriteNumber("observation_bytes_per_second", Math.Round(row.ObservationBytesPerSecond));
                json.WriteNumber("allocated_bytes_per_step", Math.Round(row.AllocatedBytesPerStep));
                json.WriteNumber("garbage_collections", row.GarbageCollections);
                WriteOptional(json, "observation_write_bytes_per_second", row.ObservationWriteBytesPerSecond, 0);
                WriteOptional(json, "speedup_over_pogema", row.SpeedupOverPogema, 1);
                WriteOptional(json, "scaling_over_one_thread", row.ScalingOverOneThread, 2);
                WriteOptional(json, "scaling_per_thread", row.ScalingPerThread, 3);
                WriteOptional(json, "copy_bandwidth_over_observation_write", row.CopyBandwidthOverObservationWrite, 2);
                WriteTimeline(json, row.Timeline);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// The report as Markdown: the machine (hardware, system and CPU limits) and its copy bandwidth, the
    /// synchronization line, a summary with one line per configuration, preset and setup (one thread beside the
    /// all-core runs: the same environments, threads x the environments, and threads independent copies), and every
    /// run in detail.
    /// </summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"{Machine.HardwareLine()}\n");
        md.Append(CultureInfo.InvariantCulture, $"{Machine.SystemLine()}\n");
        md.Append(CultureInfo.InvariantCulture, $"Machine: {ProcessorCount} logical processors; all-core runs use {Threads} threads; {SecondsPerRun:0.#} s per run; {RoundsText()}.\n");
        md.Append(CultureInfo.InvariantCulture, $"Memory copy: {Gb(CopyBytesPerSecondOneThread)} GB/s on one thread, {Gb(CopyBytesPerSecondAllThreads)} GB/s on {Threads}.\n");
        md.Append(CultureInfo.InvariantCulture, $"{SynchronizationLine()}\n");
        md.Append("All cores, same envs: the one-thread run's environments spread over the threads (strong scaling). ");
        md.Append("All cores, same work per thread: threads x the environments, each thread stepping what the one thread did (weak scaling). ");
        md.Append("Independent copies: each thread steps its own copy of the one-thread run, never waiting for the others (the machine's ceiling for the same work per thread).\n\n");
        md.Append("| config | preset | setup | envs x agents | agent-steps/s, 1 thread | x POGEMA | ");
        md.Append("agent-steps/s, all cores, same envs | threads | scaling | scaling / thread | ");
        md.Append("agent-steps/s, all cores, same work per thread | envs | scaling | scaling / thread | ");
        md.Append("agent-steps/s, independent copies | scaling / thread | same work / copies | ");
        md.Append("copy / obs writing, 1 thread | copy / obs writing, same envs | copy / obs writing, same work per thread |\n");
        md.Append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (BenchSummaryLine line in Summary())
        {
            BenchRow one = line.OneThread;
            BenchRow? same = line.SameEnvs;
            BenchRow? weak = line.SameWorkPerThread;
            BenchRow? copies = line.IndependentCopies;
            md.Append(CultureInfo.InvariantCulture, $"| {one.Scenario} | {PresetLabel(one)} | {SetupLabel(same ?? weak ?? one)} | {one.NumEnvs} x {one.NumAgents / one.NumEnvs} | ");
            md.Append(CultureInfo.InvariantCulture, $"{RateRange(one)} | {Opt(one.SpeedupOverPogema, "0")} | ");
            md.Append(CultureInfo.InvariantCulture, $"{RateRange(same)} | {Count(same?.Threads)} | {Opt(same?.ScalingOverOneThread, "0.00")} | {Opt(same?.ScalingPerThread, "0.00")} | ");
            md.Append(CultureInfo.InvariantCulture, $"{RateRange(weak)} | {Count(weak?.NumEnvs)} | {Opt(weak?.ScalingOverOneThread, "0.00")} | {Opt(weak?.ScalingPerThread, "0.00")} | ");
            md.Append(CultureInfo.InvariantCulture, $"{RateRange(copies)} | {Opt(copies?.ScalingPerThread, "0.00")} | {Opt(OverCopies(line), "0.00")} | ");
            md.Append(CultureInfo.InvariantCulture, $"{Opt(one.CopyBandwidthOverObservationWrite, "0.0")} | {Opt(same?.CopyBandwidthOverObservationWrite, "0.0")} | {Opt(weak?.CopyBandwidthOverObservationWrite, "0.0")} |\n");
        }

        md.Append("\nEvery run:\n\n");
        md.Append("| config | preset | setup | engine | workload | threads | slices / worker | envs x agents | agent-steps/s | lowest round | highest round | env-steps/s | x POGEMA | scaling | scaling / thread | obs GB/s (stepping) | obs GB/s (writing only) | copy / obs writing | allocated B/step | GCs |\n");
        md.Append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (BenchRow r in Rows)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Preset} | {SetupLabel(r)} | {r.Engine} | {WorkloadLabel(r.Workload)} | {r.Threads} | {r.SlicesPerWorker} | {r.NumEnvs} x {r.NumAgents / r.NumEnvs} | ");
            md.Append(CultureInfo.InvariantCulture, $"{r.AgentStepsPerSecond:N0} | {r.AgentStepsPerSecondMin:N0} | {r.AgentStepsPerSecondMax:N0} | {r.EnvStepsPerSecond:N0} | {Opt(r.SpeedupOverPogema, "0")} | {Opt(r.ScalingOverOneThread, "0.00")} | {Opt(r.ScalingPerThread, "0.00")} | ");
            md.Append(CultureInfo.InvariantCulture, $"{Gb(r.ObservationBytesPerSecond)} | {Opt(r.ObservationWriteBytesPerSecond / 1e9, "0.00")} | {Opt(r.CopyBandwidthOverObservationWrite, "0.0")} | {r.AllocatedBytesPerStep:N0} | {r.GarbageCollections} |\n");
        }

        if (Rows.Any(r => r.Timeline is not null))
        {
            md.Append("\nStep timeline (a run of its own after each all-core run; means per step, microseconds from the step's start on the caller's thread):\n\n");
            md.Append("| ").AppendJoin(" | ", TimelineHeader).Append(" |\n|");
            md.Insert(md.Length, "---|", TimelineHeader.Count).Append('\n');
            foreach (BenchRow r in Rows.Where(r => r.Timeline is not null))
            {
                md.Append("| ").AppendJoin(" | ", TimelineCells(r)).Append(" |\n");
            }
        }

        return md.ToString();
    }

    /// <summary>The columns of the step timeline table (<see cref="TimelineCells"/>).</summary>
    public static IReadOnlyList<string> TimelineHeader { get; } =
    [
        "config", "preset", "workload", "threads", "steps timed", "us per step", "workers busy", "caller steps from",
        "helpers step from (mean)", "last helper steps from", "last slice after the mean", "after the last slice",
    ];

    /// <summary>A row's <see cref="BenchRow.Timeline"/> as the timeline table shows it.</summary>
    public static IReadOnlyList<string> TimelineCells(BenchRow row)
    {
        StepTimelineSummary t = row.Timeline ?? throw new ArgumentException("the row has no timeline", nameof(row));
        return
        [
            row.Scenario, row.Preset, WorkloadLabel(row.Workload), Count(row.Threads), Count((int)t.Steps),
            Us(t.StepMicroseconds), t.BusyShare.ToString("0.0 %", CultureInfo.InvariantCulture), Us(t.CallerStartMicroseconds),
            Us(t.HelperStartMicroseconds), Us(t.LatestHelperStartMicroseconds), Us(t.LastFinishAfterMeanMicroseconds), Us(t.ReportWaitMicroseconds),
        ];
    }

    /// <summary>
    /// One line per configuration, preset, engine and all-core setup: the single-thread run and independent copies of
    /// its store mode beside the setup's all-core runs, in report order. A store mode measured on one thread only
    /// (one thread, or no all-core run asked for) is a line of its own.
    /// </summary>
    public IReadOnlyList<BenchSummaryLine> Summary()
    {
        var lines = new List<BenchSummaryLine>();
        foreach (BenchRow one in Rows.Where(r => r.Workload == BenchWorkload.OneThread))
        {
            var group = Rows.Where(r => SameStoreMode(one, r)).ToList();
            BenchRow? copies = group.Find(r => r.Workload == BenchWorkload.IndependentCopies);
            var setups = group.Where(r => r.Workload is BenchWorkload.SameEnvs or BenchWorkload.SameWorkPerThread).Select(r => r.Setup).Distinct().ToList();
            if (setups.Count == 0)
            {
                lines.Add(new BenchSummaryLine(one, null, null, copies));
                continue;
            }

            foreach (BenchSetup? setup in setups)
            {
                lines.Add(new BenchSummaryLine(
                    one,
                    group.Find(r => r.Workload == BenchWorkload.SameEnvs && r.Setup == setup),
                    group.Find(r => r.Workload == BenchWorkload.SameWorkPerThread && r.Setup == setup),
                    copies));
            }
        }

        return lines;
    }

    /// <summary>The same work per thread over independent copies of the one-thread run: the share of the machine's ceiling the vector env reaches.</summary>
    public static double? OverCopies(BenchSummaryLine line) =>
        line.SameWorkPerThread is { } weak && line.IndependentCopies is { } copies ? weak.AgentStepsPerSecond / copies.AgentStepsPerSecond : null;

    /// <summary>One line: microseconds per vector step of trivial work on one thread and on all threads with each spin and pinning measured.</summary>
    public string SynchronizationLine()
    {
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"Step of trivial work (one 1-agent env per worker): {TrivialStepSecondsOneThread * 1e6:0.00} us on one thread");
        foreach (TrivialStep step in TrivialSteps)
        {
            line.Append(CultureInfo.InvariantCulture, $", {step.Seconds * 1e6:0.00} us on {Threads} ({step.Setup.WorkersLabel}; the pool alone {step.PoolRunSeconds * 1e6:0.00} us)");
        }

        return line.Append('.').ToString();
    }


    /// <summary>"1 round" or "median of N rounds".</summary>
    public string RoundsText() => Rounds == 1 ? "1 round" : string.Create(CultureInfo.InvariantCulture, $"median of {Rounds} rounds run in turn");

    /// <summary>The preset as the summary shows it (the single environment is marked).</summary>
    public static string PresetLabel(BenchRow row) => row.Engine == "single" ? $"{row.Preset} (single env)" : row.Preset;

    /// <summary>
    /// The row's setup: the store mode alone where there are no helper threads (one thread, independent copies),
    /// everything for the all-core runs, a dash for the single environment.
    /// </summary>
    public static string SetupLabel(BenchRow row) => row.Setup switch
    {
        null => "-",
        { } setup when row.Workload is BenchWorkload.OneThread or BenchWorkload.IndependentCopies => setup.StoresName,
        { } setup => setup.Label,
    };

    /// <summary>The workload's name in JSON: <c>one_thread</c>, <c>same_envs</c> or <c>same_work_per_thread</c>.</summary>
    public static string WorkloadName(BenchWorkload workload) => workload switch
    {
        BenchWorkload.SameEnvs => "same_envs",
        BenchWorkload.SameWorkPerThread => "same_work_per_thread",
        BenchWorkload.IndependentCopies => "independent_copies",
        _ => "one_thread",
    };

    /// <summary>The workload as the tables show it.</summary>
    public static string WorkloadLabel(BenchWorkload workload) => workload switch
    {
        BenchWorkload.SameEnvs => "all cores, same envs",
        BenchWorkload.SameWorkPerThread => "all cores, same work per thread",
        BenchWorkload.IndependentCopies => "all cores, independent copies",
        _ => "1 thread",
    };

    /// <summary>Agent-steps per second of an optional run, or a dash.</summary>
    public static string Rate(BenchRow? row) => row is null ? "-" : row.AgentStepsPerSecond.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary><see cref="SetupLabel"/> in <see cref="BenchSetup.ShortLabel"/> form, for the console.</summary>
    public static string ShortSetupLabel(BenchRow row) => row.Setup switch
    {
        null => "-",
        { } setup when row.Workload is BenchWorkload.OneThread or BenchWorkload.IndependentCopies => setup.StoresName,
        { } setup => setup.ShortLabel,
    };

    /// <summary>Agent-steps per second of an optional run with its range over the rounds when there were several, or a dash.</summary>
    public static string RateRange(BenchRow? row) => row switch
    {
        null => "-",
        { Rounds: > 1 } r => string.Create(CultureInfo.InvariantCulture, $"{r.AgentStepsPerSecond:N0} ({r.AgentStepsPerSecondMin / 1e6:0.0}-{r.AgentStepsPerSecondMax / 1e6:0.0} M)"),
        { } r => r.AgentStepsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
    };

    /// <summary>An optional count, or a dash.</summary>
    public static string Count(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "-";

    /// <summary>Bytes per second as GB/s with two decimals.</summary>
    public static string Gb(double bytesPerSecond) => (bytesPerSecond / 1e9).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>An optional figure in <paramref name="format"/>, or a dash.</summary>
    public static string Opt(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static bool SameStoreMode(BenchRow a, BenchRow b) =>
        a.Scenario == b.Scenario && a.Preset == b.Preset && a.Engine == b.Engine && a.Setup?.StreamingStores == b.Setup?.StreamingStores;

    /// <summary>The setup's fields: <c>streaming_stores</c>, <c>spin_us</c>, <c>pinned</c>, <c>slices_per_worker</c>.</summary>
    private static void WriteSetup(Utf8JsonWriter json, BenchSetup setup)
    {
        json.WriteBoolean("streaming_stores", setup.StreamingStores);
        json.WriteNumber("spin_us", setup.SpinMicroseconds);
        json.WriteBoolean("pinned", setup.PinThreads);
        json.WriteNumber("slices_per_worker", setup.SlicesPerWorker);
    }

    private static string Us(double microseconds) => microseconds.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>The row's <c>timeline</c>: null, or its means per step in microseconds (<see cref="StepTimelineSummary"/>).</summary>
    private static void WriteTimeline(Utf8JsonWriter json, StepTimelineSummary? timeline)
    {
        if (timeline is null)
        {
            json.WriteNull("timeline");
            return;
        }

        json.WriteStartObject("timeline");
        json.WriteNumber("steps", timeline.Steps);
        json.WriteNumber("step_us", Math.Round(timeline.StepMicroseconds, 2));
        json.WriteNumber("busy_share", Math.Round(timeline.BusyShare, 4));
        json.WriteNumber("caller_start_us", Math.Round(timeline.CallerStartMicroseconds, 2));
        json.WriteNumber("helper_start_us", Math.Round(timeline.HelperStartMicroseconds, 2));
        json.WriteNumber("latest_helper_start_us", Math.Round(timeline.LatestHelperStartMicroseconds, 2));
        json.WriteNumber("last_finish_after_mean_us", Math.Round(timeline.LastFinishAfterMeanMicroseconds, 2));
        json.WriteNumber("report_wait_us", Math.Round(timeline.ReportWaitMicroseconds, 2));
        json.WriteEndObject();
    }

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
