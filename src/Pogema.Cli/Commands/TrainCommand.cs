using System.CommandLine;
using Pogema.Agents.Configuration;
using Pogema.Agents.Distributed;
using Pogema.Agents.Environments;
using Pogema.Agents.Inference;
using Pogema.Agents.Training;
using Pogema.Cli.Signals;
using Pogema.Env;
using Pogema.Env.Evaluation;
using Pogema.Env.Maps;
using Pogema.Env.Policies;
using Serilog;
using Serilog.Events;
using Spectre.Console;

namespace Pogema.Cli.Commands;

/// <summary><c>pogema train</c>: trains an SRMT (or baseline) policy with PPO and prints an evaluation summary.</summary>
public sealed class TrainCommand : ICliCommand
{
    /// <summary>Exit code when the loss or gradient became NaN or infinite (the last good checkpoint is kept).</summary>
    public const int DivergedExitCode = 3;

    public Command Build()
    {
        var preset = new Option<string>("--preset") { Description = "Starting config: bottleneck or lifelong-mazes", DefaultValueFactory = _ => "bottleneck" };
        var config = new Option<FileInfo?>("--config") { Description = "YAML config file (replaces the preset)" };
        var set = new Option<string[]>("--set") { Description = "Override a field, section.field=value (e.g. ppo.learning_rate=1e-4); repeatable", AllowMultipleArgumentsPerToken = false };
        var quick = new Option<bool>("--quick") { Description = "A few-minute CPU run: fewer environments, short corridors and episodes, 1.5e6 agent-steps" };
        var device = new Option<string?>("--device") { Description = "auto (CUDA when available), cpu, cuda or cuda:N (overrides run.device)" };
        var seed = new Option<long?>("--seed") { Description = "Master seed (overrides run.seed)" };
        var name = new Option<string?>("--name") { Description = "Run name; outputs go to runs/<name>/ (overrides run.name)" };
        var resume = new Option<DirectoryInfo?>("--resume") { Description = "Continue the run in this folder from its checkpoint" };

        var command = new Command("train", "Train decentralized agents (SRMT, RMT, attention, GRU or empty core) with PPO; writes runs/<name>/");
        foreach (var o in new Option[] { preset, config, set, quick, device, seed, name, resume })
        {
            command.Options.Add(o);
        }

        var distributed = new DistributedCliOptions();
        distributed.AddTo(command);

        command.SetAction(parse => distributed.RunOrLaunch(parse, workers =>
        {
            var overrides = parse.GetValue(set) ?? Array.Empty<string>();
            TrainingRun run;
            if (parse.GetValue(resume) is { } resumeDir)
            {
                var extra = new List<string>(overrides);
                if (parse.GetValue(device) is { } d)
                {
                    extra.Add($"run.device={d}");
                }

                run = TrainingRun.Resume(resumeDir.FullName, extra);
            }
            else
            {
                var cfg = parse.GetValue(config) is { } file ? TrainConfig.Load(file.FullName) : TrainConfig.Preset(parse.GetValue(preset)!);
                if (parse.GetValue(quick))
                {
                    cfg.MakeQuick();
                }

                foreach (var o in overrides)
                {
                    cfg.Set(o);
                }

                if (parse.GetValue(device) is { } d)
                {
                    cfg.Run.Device = d;
                }

                if (parse.GetValue(seed) is { } s)
                {
                    cfg.Run.Seed = s;
                }

                if (parse.GetValue(name) is { } n)
                {
                    cfg.Run.Name = n;
                }

                run = TrainingRun.Start(cfg);
            }

            try
            {
                return Train(run, workers, parse.GetValue(distributed.CheckReplicas), parse.GetValue(distributed.ReplicateEnvironments));
            }
            catch (NonFiniteLossException ex)
            {
                Console.Error.WriteLine($"error: training stopped at {ex.Message}; the last good checkpoint is kept in {run.RunDirectory} (resume with --resume)");
                return DivergedExitCode;
            }
        }));
        return command;
    }

    private static int Train(TrainingRun run, DistributedSettings workers, bool checkReplicas, bool replicateEnvs)
    {
        // With several GPUs, rank 0 alone shows progress, logs and evaluates; the other workers stay silent.
        var primary = workers.IsPrimary;
        var parallel = workers.IsDistributed
            ? new DataParallelOptions { Settings = workers, CheckReplicas = checkReplicas, ReplicateEnvironments = replicateEnvs, ConnectionLog = Console.Error }
            : null;
        var interactive = primary && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        using var log = primary
            ? new LoggerConfiguration()
                .WriteTo.File(Path.Combine(run.RunDirectory, TrainingRun.LogFile))
                .WriteTo.Console(restrictedToMinimumLevel: interactive ? LogEventLevel.Warning : LogEventLevel.Information)
                .CreateLogger()
            : new LoggerConfiguration().CreateLogger();

        using var cancel = new CancellationTokenSource();
        var interrupts = new InterruptGate();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // First Ctrl+C: finish the current update, write the checkpoint, stop. A second one (not a copy of the
            // first delivered to the process group) kills the process.
            e.Cancel = interrupts.OnInterrupt();
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            TrainedPolicy policy;
            if (interactive)
            {
                policy = null!;
                AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask($"train {run.Config.Run.Name}", maxValue: run.Config.Run.TotalSteps);
                        policy = run.Train(VectorEnvFactory.CreateTraining, log, cancel.Token, m =>
                        {
                            task.Value = Math.Min(m.EnvSteps, run.Config.Run.TotalSteps);
                            task.Description = $"train {run.Config.Run.Name}  upd {m.Update}  sps {m.StepsPerSecond:N0}  csr {Fmt(m.Csr)}  ret {Fmt(m.EpisodeReturn)}";
                        }, parallel);
                    });
            }
            else
            {
                policy = run.Train(VectorEnvFactory.CreateTraining, log, cancel.Token, parallel: parallel);
            }

            using (policy)
            {
                if (!primary)
                {
                    return cancel.IsCancellationRequested ? 130 : 0;
                }

                Console.WriteLine($"run folder: {run.RunDirectory}");
                if (cancel.IsCancellationRequested)
                {
                    Console.WriteLine($"stopped; continue with: pogema train --resume {run.RunDirectory}");
                    return 130;
                }

                Evaluate(run.Config, policy);
            }
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        return 0;
    }

    private static void Evaluate(TrainConfig config, TrainedPolicy policy)
    {
        if (config.Env.Task == "bottleneck")
        {
            EvaluateBottleneck(policy);
            return;
        }

        double csr = 0, isr = 0, throughput = 0;
        var episodes = 0;
        var table = new List<string>();
        foreach (var (group, env, maxSteps) in VectorEnvFactory.CreateEvaluation(config, Math.Max(1, config.Run.EvalSeeds)))
        {
            using (env)
            {
                // Each episode ends by the step limit at the latest; two limits of steps let every environment finish one.
                var s = PolicyEvaluation.Run(policy, env, maxSteps: 2 * maxSteps + 2);
                table.Add($"{group}: CSR {Fmt(s.Csr)} ISR {Fmt(s.Isr)}");
                csr += s.Csr * s.Episodes;
                isr += s.Isr * s.Episodes;
                throughput += s.Throughput * s.Episodes;
                episodes += s.Episodes;
            }
        }

        Console.WriteLine("evaluation (greedy): " + string.Join("  ", table));
        Console.WriteLine($"evaluation summary: {episodes} episodes  CSR {Fmt(csr / episodes)}  ISR {Fmt(isr / episodes)}" +
                          (config.Env.OnTarget == "restart" ? $"  throughput {Fmt(throughput / episodes)}" : string.Empty));
    }

    /// <summary>
    /// The SRMT test maps with L = 3..30, seeds 0..9, greedy: the same episodes as
    /// <c>pogema eval --preset bottleneck --corridor-lengths 3..30</c>, so the figure printed here is the one a user
    /// gets again from the checkpoint.
    /// </summary>
    private static void EvaluateBottleneck(TrainedPolicy policy)
    {
        GridConfig.MapResolver ??= MapRegistry.Default.TryResolve;
        var request = new EvaluationRequest { Maps = "bottleneck", CorridorLengths = Enumerable.Range(3, 28).ToList() };
        var episodes = EvaluationPlan.Build(request, MapRegistry.Default);
        var factory = new CheckpointPolicyFactory(policy, "trained");
        var results = EvaluationEngine.Run(episodes, new IPolicyFactory[] { factory }, new EvaluationOptions());
        var table = new List<string>();
        double csr = 0, isr = 0;
        foreach (var group in results.GroupBy(r => r.Episode.X).OrderBy(g => g.Key))
        {
            var groupCsr = group.Average(r => r.Metrics.Csr ?? 0);
            var groupIsr = group.Average(r => r.Metrics.Isr ?? 0);
            table.Add($"L={group.Key}: CSR {Fmt(groupCsr)} ISR {Fmt(groupIsr)}");
            csr += group.Sum(r => r.Metrics.Csr ?? 0);
            isr += group.Sum(r => r.Metrics.Isr ?? 0);
        }

        Console.WriteLine("evaluation (greedy, SRMT test maps, seeds 0..9): " + string.Join("  ", table));
        Console.WriteLine($"evaluation summary: {results.Count} episodes  CSR {Fmt(csr / results.Count)}  ISR {Fmt(isr / results.Count)}");
    }

    private static string Fmt(double v) => double.IsNaN(v) ? "-" : v.ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
}
