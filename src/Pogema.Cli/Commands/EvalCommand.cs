using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Pogema.Cli.Output;
using Pogema.Env;
using Pogema.Env.Evaluation;
using Pogema.Env.Maps;
using Pogema.Env.Policies;
using Spectre.Console;

namespace Pogema.Cli.Commands;

/// <summary>
/// <c>pogema eval</c>: runs one or more policies over a map set under the set's benchmark protocol (or flags),
/// prints the comparison table and writes per-episode rows, the summary and plots into the output folder.
/// </summary>
public sealed class EvalCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build()
    {
        var policy = new Option<string>("--policy", "-p") { Description = "Policies, comma separated: random, astar, pibt, or a checkpoint path.", DefaultValueFactory = _ => "astar" };
        var maps = new Option<string>("--maps", "-m") { Description = "A set (random, mazes, warehouse, bottleneck, ...), a map name or a regular expression.", DefaultValueFactory = _ => "mazes" };
        var preset = new Option<string?>("--preset") { Description = "'bottleneck': the SRMT generalization test (L = 3..50, 100..1000 step 100; seeds 0..9; 2L+100 steps)." };
        var mode = new Option<string?>("--mode") { Description = "'lifelong' (on_target restart) or 'mapf' (one-shot); default: lifelong when the set has a lifelong protocol." };
        var onTarget = new Option<string?>("--on-target") { Description = "Override on_target: finish, nothing or restart." };
        var agents = new Option<string?>("--agents", "-a") { Description = "Agent counts, e.g. 8,16,32 (default: the set's)." };
        var seeds = new Option<string?>("--seeds") { Description = "Seeds, e.g. 0..9 or 0,3,7 (default: the set's)." };
        var maxSteps = new Option<int?>("--max-steps") { Description = "Episode length (default: the set's for the mode)." };
        var collision = new Option<string?>("--collision") { Description = "Override collision_system: priority, block_both or soft." };
        var obsRadius = new Option<int?>("--obs-radius") { Description = "Override obs_radius." };
        var maxMaps = new Option<int?>("--max-maps") { Description = "Only the first N selected maps (a quick look)." };
        var threads = new Option<int>("--threads", "-j") { Description = "Worker threads (results do not depend on it).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<string>("--output", "-o") { Description = "Folder for episodes.csv/json, summary.csv/json and plots.", DefaultValueFactory = _ => "eval-results" };
        var record = new Option<string?>("--record") { Description = "Write every episode as a recording (.pogrec) into this folder, one subfolder per policy." };
        var recordLimit = new Option<int?>("--record-limit") { Description = "With --record: at most this many episodes per policy." };
        var noPlot = new Option<bool>("--no-plot") { Description = "Do not draw plots." };
        var sample = new Option<bool>("--sample") { Description = "Checkpoint policies draw each action from their distribution (seeded by the episode seed) instead of taking the most likely one." };
        var corridorLengths = new Option<string?>("--corridor-lengths") { Description = "Only the bottleneck maps with these corridor lengths, e.g. 3..30." };

        var command = new Command("eval", "Evaluate policies on a map set with the benchmark protocol: table with 95% intervals, CSV/JSON, plots, recordings.");
        foreach (Option option in new Option[] { policy, maps, preset, mode, onTarget, agents, seeds, maxSteps, collision, obsRadius, maxMaps, corridorLengths, threads, output, record, recordLimit, noPlot, sample })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            string mapSelector = parse.GetValue(maps)!;
            if (parse.GetValue(preset) is { } p)
            {
                mapSelector = p == "bottleneck" ? "bottleneck" : throw new PogemaInputException($"--preset '{p}': the only preset is 'bottleneck'");
            }

            var request = new EvaluationRequest
            {
                Maps = mapSelector,
                Lifelong = parse.GetValue(mode) switch
                {
                    null => null,
                    "lifelong" => true,
                    "mapf" => false,
                    var m => throw new PogemaInputException($"--mode '{m}': use lifelong or mapf"),
                },
                OnTarget = parse.GetValue(onTarget) is { } ot ? EvaluationPlan.ParseOnTarget(ot, "--on-target") : null,
                AgentCounts = parse.GetValue(agents) is { } a ? ParseIntList(a, "--agents").Select(v => checked((int)v)).ToList() : null,
                Seeds = parse.GetValue(seeds) is { } s ? ParseIntList(s, "--seeds") : null,
                MaxEpisodeSteps = Positive(parse.GetValue(maxSteps), "--max-steps"),
                CollisionSystem = parse.GetValue(collision) is { } c ? EvaluationPlan.ParseCollisionSystem(c, "--collision") : null,
                ObsRadius = Positive(parse.GetValue(obsRadius), "--obs-radius"),
                MaxMaps = parse.GetValue(maxMaps),
                CorridorLengths = parse.GetValue(corridorLengths) is { } l ? ParseIntList(l, "--corridor-lengths").Select(v => checked((int)v)).ToList() : null,
            };
            int threadCount = parse.GetValue(threads);
            if (threadCount < 1)
            {
                throw new PogemaInputException($"--threads {threadCount}: must be at least 1");
            }

            var resolvers = PolicyResolvers.Discover();
            var policies = parse.GetValue(policy)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(name => PolicyCatalog.Resolve(name, resolvers))
                .ToList();
            if (policies.Count == 0)
            {
                throw new PogemaInputException("--policy: give at least one policy");
            }

            if (parse.GetValue(sample))
            {
                policies = WithSampling(policies);
            }

            GridConfig.MapResolver ??= MapRegistry.Default.TryResolve;
            IReadOnlyList<EvaluationEpisode> episodes = EvaluationPlan.Build(request, MapRegistry.Default);
            return Run(episodes, policies, threadCount, parse.GetValue(output)!, parse.GetValue(record), parse.GetValue(recordLimit), !parse.GetValue(noPlot));
        });
        return command;
    }

    private static int Run(
        IReadOnlyList<EvaluationEpisode> episodes, List<IPolicyFactory> policies, int threads, string outputDir, string? recordDir, int? recordLimit, bool plot)
    {
        int total = episodes.Count * policies.Count;
        var first = episodes[0];
        Console.WriteLine(
            $"eval: {string.Join(", ", policies.Select(p => p.Name))} on {episodes.Select(e => e.MapName).Distinct().Count()} maps, "
            + $"{string.Join("/", episodes.Select(e => e.NumAgents).Distinct())} agents, {episodes.Select(e => e.Seed).Distinct().Count()} seeds, "
            + $"on_target {Pogema.Env.Recording.EpisodeRecorder.Name(first.OnTarget)}: {total} episodes on {threads} threads");
        var options = new EvaluationOptions { Threads = threads, RecordDirectory = recordDir, RecordLimit = recordLimit ?? int.MaxValue };
        var watch = Stopwatch.StartNew();
        IReadOnlyList<EpisodeResult> results;
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            int lastReported = 0;
            var gate = new object();
            results = EvaluationEngine.Run(episodes, policies, new EvaluationOptions
            {
                Threads = options.Threads,
                RecordDirectory = options.RecordDirectory,
                RecordLimit = options.RecordLimit,
                Progress = done =>
                {
                    lock (gate)
                    {
                        // Plain lines for logs: about every tenth of the run.
                        if (done == total || done - lastReported >= Math.Max(1, total / 10))
                        {
                            lastReported = done;
                            Console.WriteLine($"eval: {done}/{total} episodes, {watch.Elapsed.TotalSeconds:0.0} s");
                        }
                    }
                },
            });
        }
        else
        {
            results = [];
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    ProgressTask task = ctx.AddTask("episodes", maxValue: total);
                    results = EvaluationEngine.Run(episodes, policies, new EvaluationOptions
                    {
                        Threads = options.Threads,
                        RecordDirectory = options.RecordDirectory,
                        RecordLimit = options.RecordLimit,
                        Progress = done => task.Value = done,
                    });
                });
        }

        IReadOnlyList<string> metrics = EvaluationMetrics.ForMode(first.OnTarget);
        IReadOnlyList<SummaryRow> summary = EvaluationSummary.Summarize(results, EvaluationMetrics.All);
        var shown = summary.Where(s => metrics.Contains(s.Metric)).ToList();
        if (Console.IsOutputRedirected)
        {
            // Logs are read in editors, not 80-column terminals: keep each table row on one line.
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 40 + (32 * policies.Count));
        }

        foreach (var table in EvaluationTable.Build(shown, metrics, policies.Select(p => p.Name).ToList()))
        {
            AnsiConsole.Write(table);
        }
        EvaluationReport.Write(outputDir, results, summary);
        if (plot)
        {
            foreach (string metric in metrics)
            {
                EvaluationPlot.Save(Path.Combine(outputDir, $"plot-{metric}.png"), summary, metric);
            }
        }

        Console.WriteLine($"eval: {total} episodes in {watch.Elapsed.TotalSeconds:0.0} s; wrote {outputDir}{Path.DirectorySeparatorChar}episodes.csv, episodes.json, summary.csv, summary.json{(plot ? ", plot-*.png" : "")}");
        return 0;
    }

    /// <summary>Switches every checkpoint policy to sampled actions; the others have no distribution to sample.</summary>
    private static List<IPolicyFactory> WithSampling(List<IPolicyFactory> policies)
    {
        if (!policies.Any(p => p is ISamplingPolicyFactory))
        {
            throw new PogemaInputException(
                $"--sample: applies to checkpoint policies; {string.Join(", ", policies.Select(p => p.Name))} choose their actions without a distribution to sample");
        }

        return policies.Select(p => p is ISamplingPolicyFactory s ? s.WithSampling() : p).ToList();
    }

    private static int? Positive(int? value, string option)
    {
        if (value is int v && v < 1)
        {
            throw new PogemaInputException($"{option} {v}: must be at least 1");
        }

        return value;
    }

    /// <summary>Parses "1,2,5" and ranges "0..9" (inclusive) into a list.</summary>
    internal static IReadOnlyList<long> ParseIntList(string text, string option)
    {
        var values = new List<long>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int dots = part.IndexOf("..", StringComparison.Ordinal);
            if (dots > 0
                && long.TryParse(part[..dots], NumberStyles.None, CultureInfo.InvariantCulture, out long from)
                && long.TryParse(part[(dots + 2)..], NumberStyles.None, CultureInfo.InvariantCulture, out long to)
                && from <= to && to - from < 1_000_000)
            {
                for (long v = from; v <= to; v++)
                {
                    values.Add(v);
                }
            }
            else if (long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out long single))
            {
                values.Add(single);
            }
            else
            {
                throw new PogemaInputException($"{option} '{text}': '{part}' is not a number or a range like 0..9");
            }
        }

        if (values.Count == 0)
        {
            throw new PogemaInputException($"{option} '{text}': give at least one value");
        }

        return values;
    }
}
