using System.Globalization;
using Pogema.Agents.Configuration;
using Pogema.Agents.Distributed;
using Pogema.Agents.Environments;
using Pogema.Agents.Inference;
using Pogema.Agents.Models;
using Pogema.Agents.Rewards;
using Pogema.Agents.Runtime;
using Pogema.Env;
using Pogema.Env.IO;
using Serilog;
using TorchSharp;
using static TorchSharp.torch;

namespace Pogema.Agents.Training;

/// <summary>
/// A training run and its folder runs/&lt;name&gt;/: config.yaml (resolved config), train.log (written by the
/// caller's logger), metrics.csv (one row per update), tb/ (TensorBoard events), learning_curve.png, and
/// checkpoint.pgm (every N updates, on cancellation and at the end) with policy.pgm beside it (the same without the
/// optimizer state). <see cref="Resume"/> continues from the checkpoint with the same model, optimizer, counters
/// and random streams.
/// </summary>
public sealed partial class TrainingRun
{
    /// <summary>File names inside a run folder.</summary>
    public const string ConfigFile = "config.yaml";

    public const string LogFile = "train.log";

    public const string MetricsFile = "metrics.csv";

    public const string PlotFile = "learning_curve.png";

    public const string TensorBoardDir = "tb";

    /// <summary>The run folder of <paramref name="config"/>.</summary>
    public static string Directory(TrainConfig config) => Path.Combine(config.Run.RunsDir, config.Run.Name);

    /// <summary>Creates a run; a folder that already holds a checkpoint must be resumed instead.</summary>
    public static TrainingRun Start(TrainConfig config)
    {
        config.Validate();
        var dir = Directory(config);
        if (File.Exists(Path.Combine(dir, Checkpoint.FileName)))
        {
            throw new PogemaInputException($"run '{dir}' already has a checkpoint: pass --resume to continue it, or choose another run.name");
        }

        System.IO.Directory.CreateDirectory(dir);
        return new TrainingRun(config, dir, null);
    }

    /// <summary>Opens the run folder <paramref name="dir"/> and its checkpoint to continue training.</summary>
    public static TrainingRun Resume(string dir, IEnumerable<string> overrides)
    {
        var contents = Checkpoint.Load(Path.Combine(dir, Checkpoint.FileName));
        var config = contents.Config;
        foreach (var o in overrides)
        {
            // Only the budget and the outputs may change on resume; the learning problem must stay the same.
            if (!o.StartsWith("run.", StringComparison.Ordinal) || o.StartsWith("run.seed", StringComparison.Ordinal) || o.StartsWith("run.name", StringComparison.Ordinal))
            {
                throw new PogemaInputException($"--set {o}: a resumed run keeps its config; only run.* fields other than seed and name may change");
            }

            config.Set(o);
        }

        config.Validate();
        return new TrainingRun(config, dir, contents);
    }

    private readonly Checkpoint.Contents? _resumeFrom;

    private TrainingRun(TrainConfig config, string dir, Checkpoint.Contents? resumeFrom)
    {
        Config = config;
        RunDirectory = dir;
        _resumeFrom = resumeFrom;
    }

    /// <summary>The resolved config.</summary>
    public TrainConfig Config { get; }

    /// <summary>The run folder.</summary>
    public string RunDirectory { get; }

    /// <summary>True when continuing from a checkpoint.</summary>
    public bool IsResumed => _resumeFrom is not null;

    /// <summary>Path of the run's checkpoint.</summary>
    public string CheckpointPath => Path.Combine(RunDirectory, Checkpoint.FileName);

    /// <summary>Path of the run's policy-only checkpoint.</summary>
    public string PolicyPath => Path.Combine(RunDirectory, Checkpoint.PolicyFileName);

    /// <summary>
    /// Trains until <see cref="RunOptions.TotalSteps"/> agent-steps or until <paramref name="cancel"/> fires, then
    /// writes the final checkpoint and plot and returns the trained policy. <paramref name="onUpdate"/> sees every
    /// update's metrics (progress display). With <paramref name="parallel"/>, this process is one worker of a
    /// data-parallel run: only rank 0 writes the run folder.
    /// </summary>
    public TrainedPolicy Train(Func<TrainConfig, IVectorEnv> createEnv, ILogger log, CancellationToken cancel, Action<UpdateMetrics>? onUpdate = null, DataParallelOptions? parallel = null)
    {
        TorchRuntime.Initialize();
        var config = Config;
        var device = DeviceSelector.Resolve(config.Run.Device);
        using var workers = ConnectWorkers(parallel, device);
        var primary = workers.Rank == 0;
        if (config.Run.TorchThreads > 0)
        {
            torch.set_num_threads(config.Run.TorchThreads);
        }

        if (device.type == DeviceType.CUDA)
        {
            var tf32 = config.Run.Precision == "tf32";
            torch.backends.cuda.matmul.allow_tf32 = tf32;
            torch.backends.cudnn.allow_tf32 = tf32;
        }

        if (primary)
        {
            AtomicFile.WriteAllBytes(Path.Combine(RunDirectory, ConfigFile), System.Text.Encoding.UTF8.GetBytes(config.ToYaml()));
        }

        torch.manual_seed(config.Run.Seed);
        using var env = ForWorker(createEnv, workers.Rank, workers.WorldSize, parallel?.Settings.GpusPerNode ?? 1, parallel?.ReplicateEnvironments ?? false)(config);
        var model = _resumeFrom is not null
            ? _resumeFrom.CreateModel(device)
            : new ActorCritic(config.Model, env.ObservationChannels, env.ObservationSize);
        model.to(device);
        if (model.ObservationChannels != env.ObservationChannels || model.ObservationSize != env.ObservationSize)
        {
            throw new PogemaInputException(
                $"checkpoint observation {model.ObservationChannels}x{model.ObservationSize} does not match the environment's {env.ObservationChannels}x{env.ObservationSize}");
        }

        using var trainer = new PpoTrainer(env, model, config.Ppo, RewardFunction.Create(config.Run.Reward), device, DataParallelOptions.SeedForRank(config.Run.Seed, workers.Rank));
        _resumeFrom?.RestoreTrainer(trainer);
        using var sync = JoinWorkers(workers, model, trainer, parallel, config.Run.Seed);

        var parameters = model.parameters().Sum(p => p.numel());
        log.Information(
            "{Verb} run {Dir}: {Core} core, {Parameters:N0} parameters, {Envs} envs x {Agents} agents, device {Device}, {Total:N0} agent-steps",
            IsResumed ? "resuming" : "starting", RunDirectory, config.Model.Core, parameters, env.NumEnvs, env.AgentsPerEnv, device, config.Run.TotalSteps);

        var csvPath = Path.Combine(RunDirectory, MetricsFile);
        using var csv = primary ? new MetricsCsv(csvPath, IsResumed, trainer.UpdateCount) : null;
        var tensorboard = primary ? torch.utils.tensorboard.SummaryWriter(Path.Combine(RunDirectory, TensorBoardDir)) : null;
        var diverged = false;
        try
        {
            while (trainer.EnvSteps < config.Run.TotalSteps && !StopRequested(cancel, sync))
            {
                var m = trainer.Update();
                csv?.Append(m);
                if (tensorboard is not null)
                {
                    WriteTensorBoard(tensorboard, m);
                }

                log.Information(
                    "update {Update} steps {Steps:N0} sps {Sps:N0} csr {Csr} isr {Isr} return {Return} pi {Pi:F4} v {V:F4} ent {Ent:F3} kl {Kl:F5} clip {Clip:F3} ev {Ev:F3} lr {Lr:G3}",
                    m.Update, m.EnvSteps, m.StepsPerSecond, Show(m.Csr), Show(m.Isr), Show(m.EpisodeReturn), m.PolicyLoss, m.ValueLoss,
                    m.Entropy, m.ApproxKl, m.ClipFraction, m.ExplainedVariance, m.LearningRate);
                onUpdate?.Invoke(m);
                if (primary && m.Update % config.Run.CheckpointEvery == 0)
                {
                    SaveCheckpoints(config, model, trainer);
                }

                if (primary && m.Update % config.Run.PlotEvery == 0)
                {
                    LearningCurvePlot.Write(csvPath, Path.Combine(RunDirectory, PlotFile), config.Run.Name);
                }
            }
        }
        catch (NonFiniteLossException ex)
        {
            // Earlier minibatches of this update may have stepped: its weights are not saved, the last checkpoint stays.
            diverged = true;
            log.Error(
                "{Problem}; stopped without saving this update; the last good checkpoint is {Path}; continue with pogema train --resume {Dir}",
                ex.Message, File.Exists(CheckpointPath) ? CheckpointPath : "none yet", RunDirectory);
            throw;
        }
        finally
        {
            // Also on Ctrl+C and on errors after at least one update: never lose more than the current update.
            if (primary && trainer.UpdateCount > 0 && !diverged)
            {
                SaveCheckpoints(config, model, trainer);
                LearningCurvePlot.Write(csvPath, Path.Combine(RunDirectory, PlotFile), config.Run.Name);
                log.Information("checkpoint written: {Path} and {Policy} (update {Update}, {Steps:N0} agent-steps)", CheckpointPath, PolicyPath, trainer.UpdateCount, trainer.EnvSteps);
            }

        }

        ReportReplicas(log, sync);
        return TrainedPolicy.FromModel(model, config, device);
    }

    private void SaveCheckpoints(TrainConfig config, ActorCritic model, PpoTrainer trainer)
    {
        // The policy first: a kill between the two writes leaves a policy at least as new as the checkpoint.
        Checkpoint.Save(PolicyPath, config, model, trainer, includeOptimizer: false);
        Checkpoint.Save(CheckpointPath, config, model, trainer);
    }

    private static void WriteTensorBoard(TorchSharp.Modules.SummaryWriter writer, UpdateMetrics m)
    {
        var step = (int)Math.Min(int.MaxValue, m.EnvSteps);
        void Add(string tag, double value)
        {
            if (!double.IsNaN(value))
            {
                writer.add_scalar(tag, (float)value, step);
            }
        }

        Add("perf/sps", m.StepsPerSecond);
        Add("episode/return", m.EpisodeReturn);
        Add("episode/csr", m.Csr);
        Add("episode/isr", m.Isr);
        Add("episode/throughput", m.Throughput);
        Add("losses/policy", m.PolicyLoss);
        Add("losses/value", m.ValueLoss);
        Add("losses/entropy", m.Entropy);
        Add("losses/approx_kl", m.ApproxKl);
        Add("losses/clip_fraction", m.ClipFraction);
        Add("losses/explained_variance", m.ExplainedVariance);
        Add("charts/learning_rate", m.LearningRate);
    }

    private static string Show(double v) => double.IsNaN(v) ? "-" : v.ToString("F3", CultureInfo.InvariantCulture);
}
