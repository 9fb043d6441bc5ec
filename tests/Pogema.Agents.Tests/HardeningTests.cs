using System.Text;
using Pogema.Agents.Configuration;
using Pogema.Agents.Environments;
using Pogema.Agents.Models;
using Pogema.Agents.Rewards;
using Pogema.Agents.Training;
using Pogema.Env;
using Serilog;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Pogema.Agents.Tests;

/// <summary>
/// Checkpoints that are cut, damaged, of another version or of another model size give one-line errors; a NaN or
/// infinite loss stops the update before the optimizer steps and keeps the last good checkpoint, which resumes;
/// metrics.csv keeps only whole, unique rows up to the checkpoint when a run resumes.
/// </summary>
public sealed class HardeningTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pogema-harden-" + Guid.NewGuid().ToString("N"));

    private readonly ITestOutputHelper _output;

    public HardeningTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_dir);
    }

    public void Dispose()
    {
        Directory.Delete(_dir, true);
    }

    private static TrainConfig SmallConfig() => SmallTrainConfig.Create(dropout: 0.0);

    [Fact]
    public void DamagedCheckpointsLoadOrGiveOneLineErrors()
    {
        var config = SmallConfig();
        using var env = new CorridorFakeEnv(config.Env.NumEnvs, 2);
        using var model = new ActorCritic(config.Model, env.ObservationChannels, env.ObservationSize);
        using var trainer = new PpoTrainer(env, model, config.Ppo, RewardFunction.Create("sparse"), CPU, seed: 3);
        trainer.Update();
        var good = Path.Combine(_dir, "good.pgm");
        Checkpoint.Save(good, config, model, trainer);
        var bytes = File.ReadAllBytes(good);

        var random = new Random(20261128);
        var path = Path.Combine(_dir, "fuzz.pgm");
        int loaded = 0, rejected = 0;
        const int Cases = 300;
        for (var k = 0; k < Cases; k++)
        {
            byte[] damaged = (k % 3) switch
            {
                0 => bytes[..random.Next(bytes.Length)],
                1 => Flip(bytes, random),
                _ => [.. bytes[..random.Next(bytes.Length)], .. RandomBytes(random, random.Next(1, 64))],
            };
            File.WriteAllBytes(path, damaged);
            try
            {
                var contents = Checkpoint.Load(path);
                using var restored = contents.CreateModel(CPU);
                loaded++;
            }
            catch (PogemaInputException ex)
            {
                Assert.DoesNotContain('\n', ex.Message);
                Assert.Contains("checkpoint", ex.Message);
                rejected++;
            }
        }

        _output.WriteLine($"checkpoints: {Cases} damaged, {loaded} loaded, {rejected} rejected");
        Assert.Equal(Cases, loaded + rejected);
        Assert.True(rejected > Cases * 9 / 10, $"{rejected} of {Cases} damaged checkpoints rejected");
    }

    [Fact]
    public void CheckpointOfAnotherVersionNamesTheVersion()
    {
        var config = SmallConfig();
        using var model = new ActorCritic(config.Model, 3, 5);
        var path = Path.Combine(_dir, Checkpoint.FileName);
        Checkpoint.Save(path, config, model, null);
        var bytes = File.ReadAllBytes(path);
        bytes[7] = (byte)'2';
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<PogemaInputException>(() => Checkpoint.Load(path));
        Assert.Equal($"checkpoint '{path}': format version 2 is not supported (this build reads version 1)", ex.Message);
    }

    [Fact]
    public void WeightsOfAnotherModelSizeAreAOneLineError()
    {
        // The file's config says hidden 16 but the weights come from a hidden-32 model.
        var config = SmallConfig();
        var bigger = SmallConfig();
        bigger.Model.Hidden = 32;
        using var model = new ActorCritic(bigger.Model, 3, 5);
        var path = Path.Combine(_dir, Checkpoint.FileName);
        Checkpoint.Save(path, config, model, null);

        var contents = Checkpoint.Load(path);
        var ex = Assert.Throws<PogemaInputException>(() => contents.CreateModel(CPU));
        Assert.StartsWith($"checkpoint: its weights do not fit the {config.Model.Core} model its config describes (hidden {config.Model.Hidden}", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void NonFiniteLossStopsTheUpdateBeforeTheOptimizerSteps()
    {
        var config = SmallConfig();
        torch.manual_seed(2);
        using var env = new InfiniteRewardEnv(new CorridorFakeEnv(config.Env.NumEnvs, 2), fromStep: 0);
        using var model = new ActorCritic(config.Model, env.ObservationChannels, env.ObservationSize);
        using var trainer = new PpoTrainer(env, model, config.Ppo, RewardFunction.Create("sparse"), CPU, seed: 3);
        var before = model.parameters().Select(p => p.detach().clone()).ToArray();

        var ex = Assert.Throws<NonFiniteLossException>(() => trainer.Update());

        Assert.Equal(1, ex.Update);
        Assert.Equal(0, trainer.UpdateCount);
        var after = model.parameters().ToArray();
        for (var i = 0; i < after.Length; i++)
        {
            Assert.True(before[i].equal(after[i]).all().item<bool>(), $"parameter {i} changed");
        }
    }

    [Fact]
    public void DivergedRunKeepsTheLastGoodCheckpointAndResumes()
    {
        var config = SmallConfig();
        config.Run.RunsDir = _dir;
        config.Run.Name = "diverges";
        config.Run.Device = "cpu";
        config.Run.CheckpointEvery = 1;
        config.Run.TotalSteps = 1_000_000;
        var stepsPerUpdate = config.Ppo.RolloutLength;
        using var log = new LoggerConfiguration().CreateLogger();

        // Three good updates, then infinite rewards.
        var run = TrainingRun.Start(config);
        Assert.Throws<NonFiniteLossException>(() => run.Train(
            c => new InfiniteRewardEnv(new CorridorFakeEnv(c.Env.NumEnvs, c.Env.NumAgents), fromStep: 3 * stepsPerUpdate),
            log,
            CancellationToken.None));

        var checkpoint = Checkpoint.Load(run.CheckpointPath);
        Assert.Equal(3, checkpoint.Updates);
        var csv = File.ReadAllLines(Path.Combine(run.RunDirectory, TrainingRun.MetricsFile));
        Assert.Equal(4, csv.Length);

        // Resuming with a healthy environment continues from update 3.
        var resumed = TrainingRun.Resume(run.RunDirectory, [$"run.total_steps={(5 * stepsPerUpdate * config.Env.NumEnvs * config.Env.NumAgents)}"]);
        using var policy = resumed.Train(c => new CorridorFakeEnv(c.Env.NumEnvs, c.Env.NumAgents), log, CancellationToken.None);
        Assert.Equal(5, Checkpoint.Load(run.CheckpointPath).Updates);
        var rows = File.ReadAllLines(Path.Combine(run.RunDirectory, TrainingRun.MetricsFile)).Skip(1).Select(l => l[..l.IndexOf(',')]).ToArray();
        Assert.Equal(["1", "2", "3", "4", "5"], rows);
    }

    [Fact]
    public void ResumedMetricsKeepWholeUniqueRowsUpToTheCheckpoint()
    {
        var columns = MetricsCsv.Header.Split(',').Length;
        string Row(int update) => update + string.Concat(Enumerable.Repeat(",1", columns - 1));
        var text = MetricsCsv.Header + "\n" + Row(1) + "\n" + Row(2) + "\n" + Row(2) + "\n" + "3,1,1\n" + Row(3) + "\n" + Row(4) + "\n" + Row(5)[..7];

        var kept = new StringBuilder();
        MetricsCsv.AppendKeptRows(text, lastUpdate: 3, kept);
        Assert.Equal(Row(1) + "\n" + Row(2) + "\n" + Row(3) + "\n", kept.ToString());

        var path = Path.Combine(_dir, "metrics.csv");
        File.WriteAllText(path, text);
        using (new MetricsCsv(path, resume: true, lastUpdate: 4))
        {
        }

        Assert.Equal(MetricsCsv.Header + "\n" + Row(1) + "\n" + Row(2) + "\n" + Row(3) + "\n" + Row(4) + "\n", File.ReadAllText(path));
    }

    private static byte[] Flip(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Passes another environment through, but from step <c>fromStep</c> on every reward is +infinity.</summary>
    private sealed class InfiniteRewardEnv(IVectorEnv inner, int fromStep) : IVectorEnv
    {
        private int _steps;

        public int NumEnvs => inner.NumEnvs;

        public int AgentsPerEnv => inner.AgentsPerEnv;

        public int NumAgents => inner.NumAgents;

        public int ObservationChannels => inner.ObservationChannels;

        public int ObservationSize => inner.ObservationSize;

        public float[] Observations => inner.Observations;

        public float[] Rewards => inner.Rewards;

        public bool[] Terminated => inner.Terminated;

        public bool[] Truncated => inner.Truncated;

        public bool[] EpisodeStarted => inner.EpisodeStarted;

        public bool[] MadePathProgress => inner.MadePathProgress;

        public void Reset() => inner.Reset();

        public void Step(ReadOnlySpan<int> actions)
        {
            inner.Step(actions);
            if (_steps++ >= fromStep)
            {
                Array.Fill(inner.Rewards, float.PositiveInfinity);
            }
        }

        public int DrainEpisodes(List<EpisodeSummary> sink) => inner.DrainEpisodes(sink);

        public void Dispose() => inner.Dispose();
    }
}
