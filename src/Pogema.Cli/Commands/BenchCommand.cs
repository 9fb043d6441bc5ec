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
/// <c>pogema bench</c>: agent-steps per second of the vector env on the standard configurations (both observation
/// presets, one thread and all cores, random actions drawn in advance), the single environment beside it, and the
/// machine's memory-copy bandwidth, so the report shows how close observation writing is to that limit.
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
            Description = "observation preset: pogema, follower or both",
            DefaultValueFactory = _ => "both",
        };
        var threads = new Option<int>("--threads")
        {
            Description = "threads of the all-core runs (default: every logical processor)",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var seconds = new Option<double>("--seconds")
        {
            Description = "seconds measured per run (after a quarter of that as warm-up)",
            DefaultValueFactory = _ => 2.0,
        };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "skip the single-environment baseline runs" };
        var noDistances = new Option<bool>("--no-distances")
        {
            Description = "pogema preset without DistanceToGoal/MadePathProgress (no BFS fields), as when no shaped reward needs them",
        };
        var json = new Option<string?>("--json") { Description = "also write the report as JSON to this file" };
        var markdown = new Option<string?>("--markdown") { Description = "also write the report as a Markdown table to this file" };

        var command = new Command("bench", "Measure agent-steps per second of the vector env on standard configurations, beside one environment and the memory-copy bandwidth.");
        command.Options.Add(configs);
        command.Options.Add(preset);
        command.Options.Add(threads);
        command.Options.Add(seconds);
        command.Options.Add(noBaseline);
        command.Options.Add(noDistances);
        command.Options.Add(json);
        command.Options.Add(markdown);
        command.SetAction(parseResult =>
        {
            BenchScenario[] scenarios = [.. parseResult.GetValue(configs)!.Select(StandardBenchScenarios.Get)];
            ObservationPreset[] presets = ParsePreset(parseResult.GetValue(preset)!);
            double duration = parseResult.GetValue(seconds);
            if (!(duration > 0) || duration > 3600)
            {
                throw new PogemaInputException($"--seconds {duration.ToString(CultureInfo.InvariantCulture)}: must be above 0 and at most 3600");
            }

            var runner = new BenchRunner(
                TimeSpan.FromSeconds(duration),
                parseResult.GetValue(threads),
                message => Console.Error.WriteLine($"bench: {message}"),
                trackDistances: !parseResult.GetValue(noDistances));
            BenchReport report = runner.Run(scenarios, presets, !parseResult.GetValue(noBaseline));
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

    private static ObservationPreset[] ParsePreset(string value) => value switch
    {
        "pogema" => [ObservationPreset.Pogema],
        "follower" => [ObservationPreset.Follower],
        "both" => [ObservationPreset.Pogema, ObservationPreset.Follower],
        _ => throw new PogemaInputException($"--preset '{value}': allowed pogema, follower or both"),
    };

    private static void Print(BenchReport report)
    {
        AnsiConsole.MarkupLine(
            $"memory copy: [bold]{BenchReport.Gb(report.CopyBytesPerSecondOneThread)}[/] GB/s on 1 thread, " +
            $"[bold]{BenchReport.Gb(report.CopyBytesPerSecondAllThreads)}[/] GB/s on {report.Threads} ({report.ProcessorCount} logical processors)");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("config", "preset", "engine", "threads", "envs x agents", "agent-steps/s", "env-steps/s", "x POGEMA", "scaling", "obs GB/s step", "obs GB/s write", "copy/obs");
        foreach (BenchRow r in report.Rows)
        {
            table.AddRow(
                r.Scenario,
                r.Preset,
                r.Engine,
                r.Threads.ToString(CultureInfo.InvariantCulture),
                $"{r.NumEnvs} x {r.NumAgents / r.NumEnvs}",
                r.AgentStepsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                r.EnvStepsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                BenchReport.Opt(r.SpeedupOverPogema, "0"),
                BenchReport.Opt(r.ScalingOverOneThread, "0.00"),
                BenchReport.Gb(r.ObservationBytesPerSecond),
                BenchReport.Opt(r.ObservationWriteBytesPerSecond / 1e9, "0.00"),
                BenchReport.Opt(r.CopyBandwidthOverObservationWrite, "0.0"));
        }

        AnsiConsole.Write(table);
    }
}
