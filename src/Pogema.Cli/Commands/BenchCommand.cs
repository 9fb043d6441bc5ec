using System.CommandLine;
using System.Globalization;
using System.Text;
using Pogema.Env;
using Pogema.Env.Benchmarking;
using Pogema.Env.IO;
using Pogema.Env.Vector;
using Spectre.Console;

namespace Pogema.Cli.Commands;

/// <summary>
/// <c>pogema bench</c>: agent-steps per second of the vector env on the standard configurations (POGEMA's work alone,
/// with distance tracking, and the follower preset; one thread and all cores; random actions drawn in advance), the
/// single environment beside it, and the machine's memory-copy bandwidth, so the report shows the speed-up over
/// POGEMA, the scaling over cores and how close observation writing is to the copy limit.
/// </summary>
public sealed class BenchCommand : ICliCommand
{
    public Command Build()
    {
        var configs = new Option<string[]>("--config")
        {
            Description = $"configurations to run (repeatable): {string.Join(", ", StandardBenchScenarios.All.Select(s => s.Name))}",
            DefaultValueFactory = _ => [.. StandardBenchScenarios.All.Select(s => s.Name)],
            AllowMultipleArgumentsPerToken = true,
        };
        var preset = new Option<string>("--preset")
        {
            Description = "what to run: pogema (POGEMA's work: its observation, no distances), distances (pogema plus distance tracking), follower, or all",
            DefaultValueFactory = _ => "all",
        };
        var threads = new Option<int>("--threads")
        {
            Description = "threads of the all-core runs (default: every logical processor)",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var seconds = new Option<double>("--seconds")
        {
            Description = "seconds measured per run (after a quarter of that as warm-up, and half of it again writing observations alone)",
            DefaultValueFactory = _ => 2.0,
        };
        var scaling = new Option<string>("--scaling")
        {
            Description = "all-core runs: fixed (the one-thread run's envs spread over the threads), per-thread (threads x the envs: the same work per thread), or both",
            DefaultValueFactory = _ => "both",
        };
        var streamingStores = new Option<string>("--streaming-stores")
        {
            Description = "observation stores of the vector env: on (staged and streamed past the caches), off (stored directly), or both (every vector run twice)",
            DefaultValueFactory = _ => new VectorEnvOptions().StreamingObservationStores ? "on" : "off",
        };
        BenchSetup defaults = BenchSetup.Default;
        var spin = new Option<string>("--spin-us")
        {
            Description = "microseconds a waiting worker spins before yielding its core; several comma-separated values measure each (e.g. 0,50)",
            DefaultValueFactory = _ => defaults.SpinMicroseconds.ToString(CultureInfo.InvariantCulture),
        };
        var pin = new Option<string>("--pin")
        {
            Description = "pin each worker thread to its own CPU (Linux): on, off, or both",
            DefaultValueFactory = _ => defaults.PinThreads ? "on" : "off",
        };
        var slices = new Option<string>("--slices")
        {
            Description = "slices of environments per worker; above 1, a worker done with its own slices steps slices others have not begun; several comma-separated values measure each (e.g. 1,4)",
            DefaultValueFactory = _ => defaults.SlicesPerWorker.ToString(CultureInfo.InvariantCulture),
        };
        var rounds = new Option<int>("--rounds")
        {
            Description = "measure every run this many times, the runs of a configuration in turn, and report the median (for hosts whose speed drifts)",
            DefaultValueFactory = _ => 1,
        };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "skip the single-environment baseline runs" };
        var timeline = new Option<bool>("--timeline")
        {
            Description = "after each all-core run, time where its steps go in a run of its own: when the workers begin and end their share, the last slice, the join",
        };
        var json = new Option<string?>("--json") { Description = "also write the report as JSON to this file" };
        var markdown = new Option<string?>("--markdown") { Description = "also write the report as a Markdown table to this file" };

        var command = new Command("bench", "Measure agent-steps per second of the vector env on standard configurations, beside one environment and the memory-copy bandwidth.");
        command.Options.Add(configs);
        command.Options.Add(preset);
        command.Options.Add(threads);
        command.Options.Add(seconds);
        command.Options.Add(scaling);
        command.Options.Add(streamingStores);
        command.Options.Add(spin);
        command.Options.Add(pin);
        command.Options.Add(slices);
        command.Options.Add(rounds);
        command.Options.Add(noBaseline);
        command.Options.Add(timeline);
        command.Options.Add(json);
        command.Options.Add(markdown);
        command.SetAction(parseResult =>
        {
            BenchScenario[] scenarios = [.. parseResult.GetValue(configs)!.Select(StandardBenchScenarios.Get)];
            IReadOnlyList<BenchVariant> variants = BenchVariant.Parse(parseResult.GetValue(preset)!);
            BenchScaling scalingMode = BenchOptionParser.Scaling(parseResult.GetValue(scaling)!);
            IReadOnlyList<BenchSetup> setups = BenchSetup.Combine(
                BenchOptionParser.StreamingStores(parseResult.GetValue(streamingStores)!),
                BenchOptionParser.SpinMicroseconds(parseResult.GetValue(spin)!),
                BenchOptionParser.Pin(parseResult.GetValue(pin)!),
                BenchOptionParser.SlicesPerWorker(parseResult.GetValue(slices)!));
            double duration = parseResult.GetValue(seconds);
            if (!(duration > 0) || duration > 3600)
            {
                throw new PogemaInputException($"--seconds {duration.ToString(CultureInfo.InvariantCulture)}: must be above 0 and at most 3600");
            }

            var runner = new BenchRunner(
                TimeSpan.FromSeconds(duration),
                parseResult.GetValue(threads),
                message => Console.Error.WriteLine($"bench: {message}"));
            var plan = new BenchPlan
            {
                Variants = variants,
                Baseline = !parseResult.GetValue(noBaseline),
                Scaling = scalingMode,
                Setups = setups,
                Rounds = parseResult.GetValue(rounds),
                Timeline = parseResult.GetValue(timeline),
            };
            BenchReport report = runner.Run(scenarios, plan);
            Print(report);
            if (parseResult.GetValue(json) is { } jsonPath)
            {
                AtomicFile.WriteAllBytes(jsonPath, Encoding.UTF8.GetBytes(report.ToJson()));
            }

            if (parseResult.GetValue(markdown) is { } markdownPath)
            {
                AtomicFile.WriteAllBytes(markdownPath, Encoding.UTF8.GetBytes(report.ToMarkdown()));
            }

            return 0;
        });
        return command;
    }

    private static void Print(BenchReport report)
    {
        if (Console.IsOutputRedirected)
        {
            // A file or pipe has no width; the default 80 columns would wrap every figure of the 20-column table.
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 300);
        }

        AnsiConsole.WriteLine(report.Machine.HardwareLine());
        AnsiConsole.WriteLine(report.Machine.SystemLine());
        AnsiConsole.MarkupLine(
            $"memory copy: [bold]{BenchReport.Gb(report.CopyBytesPerSecondOneThread)}[/] GB/s on 1 thread, " +
            $"[bold]{BenchReport.Gb(report.CopyBytesPerSecondAllThreads)}[/] GB/s on {report.Threads} ({report.ProcessorCount} logical processors)");
        AnsiConsole.WriteLine(report.SynchronizationLine());
        AnsiConsole.MarkupLine("x POGEMA: over POGEMA's own speed on the same configuration (2 cores, random actions); only [bold]pogema[/] rows do POGEMA's work.");
        AnsiConsole.MarkupLine("same envs: the 1-thread run's envs over all threads (strong scaling); same work/thread: threads x the envs (weak scaling); copies: threads independent copies of the 1-thread run (the machine's ceiling).");
        AnsiConsole.WriteLine($"{report.RoundsText()} of every run" + (report.Rounds > 1 ? "; each round's range is in the --markdown and --json reports." : "."));
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("config", "preset", "setup", "envs x agents", "1 thread", "x POGEMA", "same envs", "threads", "scaling", "/ thread", "same work/thread", "envs", "scaling", "/ thread", "copies", "/ thread", "work/copies", "copy/obs 1", "copy/obs same", "copy/obs work");
        foreach (BenchSummaryLine line in report.Summary())
        {
            BenchRow one = line.OneThread;
            BenchRow? same = line.SameEnvs;
            BenchRow? weak = line.SameWorkPerThread;
            BenchRow? copies = line.IndependentCopies;
            table.AddRow(
                one.Scenario,
                Markup.Escape(BenchReport.PresetLabel(one)),
                Markup.Escape(BenchReport.ShortSetupLabel(same ?? weak ?? one)),
                $"{one.NumEnvs} x {one.NumAgents / one.NumEnvs}",
                BenchReport.Rate(one),
                BenchReport.Opt(one.SpeedupOverPogema, "0"),
                BenchReport.Rate(same),
                BenchReport.Count(same?.Threads),
                BenchReport.Opt(same?.ScalingOverOneThread, "0.00"),
                BenchReport.Opt(same?.ScalingPerThread, "0.00"),
                BenchReport.Rate(weak),
                BenchReport.Count(weak?.NumEnvs),
                BenchReport.Opt(weak?.ScalingOverOneThread, "0.00"),
                BenchReport.Opt(weak?.ScalingPerThread, "0.00"),
                BenchReport.Rate(copies),
                BenchReport.Opt(copies?.ScalingPerThread, "0.00"),
                BenchReport.Opt(BenchReport.OverCopies(line), "0.00"),
                BenchReport.Opt(one.CopyBandwidthOverObservationWrite, "0.0"),
                BenchReport.Opt(same?.CopyBandwidthOverObservationWrite, "0.0"),
                BenchReport.Opt(weak?.CopyBandwidthOverObservationWrite, "0.0"));
        }

        AnsiConsole.Write(table);
        if (report.Rows.Any(r => r.Timeline is not null))
        {
            AnsiConsole.WriteLine("step timeline (means per step, us from the step's start):");
            var timeline = new Table().Border(TableBorder.Rounded);
            timeline.AddColumns([.. BenchReport.TimelineHeader]);
            foreach (BenchRow row in report.Rows.Where(r => r.Timeline is not null))
            {
                timeline.AddRow([.. BenchReport.TimelineCells(row).Select(Markup.Escape)]);
            }

            AnsiConsole.Write(timeline);
        }
    }
}
