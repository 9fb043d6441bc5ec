using Pogema.Agents.Configuration;
using Pogema.Agents.Environments;
using Pogema.Agents.Inference;
using Pogema.Agents.Models;
using Pogema.Agents.Training;
using Pogema.Env;
using Pogema.Env.Evaluation;
using Pogema.Env.Maps;
using Pogema.Env.Policies;
using Pogema.Env.Vector;
using TorchSharp;
using static TorchSharp.torch;

namespace Pogema.Agents.Tests;

/// <summary>
/// A trained network must see and compute at evaluation exactly what it saw and computed in training. The same
/// Bottleneck episodes run side by side through (a) the training path: the vector env's observations and
/// <see cref="ActorCritic.Step"/> over all environments with the trainer's keep mask (0 where an episode starts), and
/// (b) the evaluation path: a checkpoint resolved as <c>pogema eval --policy path@cpu</c> does, acting through a
/// <see cref="CheckpointPolicy"/> on one <see cref="PogemaEnv"/> per episode built from the evaluation episode's
/// config. Both get the same scripted actions, so they stay in the same states; observations must be identical and
/// logits equal to 1e-5 at every step, after an agent finished, and across episode boundaries.
/// </summary>
public sealed class EvaluationParityTests : IDisposable
{
    private const int Envs = 4;
    private const int Agents = 2;
    private const int Steps = 110;
    private const float LogitTolerance = 1e-5f;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pogema-parity-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    [Theory]
    [InlineData("srmt", "follower")]
    [InlineData("gru", "follower")]
    [InlineData("srmt", "pogema")]
    [InlineData("gru", "pogema")]
    public void AnUntrainedNetworkSeesAndComputesTheSameAtEvaluationAsInTraining(string core, string observation)
    {
        torch.manual_seed(7);
        var config = TrainConfig.Preset("bottleneck");
        config.Model.Core = core;
        config.Env.Observation = observation;
        using var model = new ActorCritic(config.Model, 3, 5);
        using (no_grad())
        {
            // A trained policy's logits span a few units; the initial head (gain 0.01) keeps them near 1e-2, where a
            // wrong memory or observation could hide below the tolerance. Scale the head up to trained magnitudes.
            var scaled = 0;
            foreach (var (name, parameter) in model.named_parameters())
            {
                if (name.StartsWith("_policyHead.", StringComparison.Ordinal))
                {
                    parameter.mul_(100);
                    scaled++;
                }
            }

            Assert.Equal(2, scaled);
        }

        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, Checkpoint.FileName);
        Checkpoint.Save(path, config, model, null);
        RunSideBySide(model, config, path);
    }

    [Theory]
    [InlineData("bottleneck-srmt-sparse")]
    [InlineData("bottleneck-gru-sparse")]
    public void ACommittedCheckpointSeesAndComputesTheSameAtEvaluationAsInTraining(string run)
    {
        var path = Path.Combine(RepositoryRoot(), "agents", "pretrained", run, Checkpoint.FileName);
        var contents = Checkpoint.Load(path);
        using var model = contents.CreateModel(CPU);
        RunSideBySide(model, contents.Config, path);
    }

    /// <summary>
    /// Runs <see cref="Steps"/> steps of <see cref="Envs"/> training environments (the config's observation preset,
    /// short Bottleneck corridors, 24-step episodes) and mirrors every episode on the evaluation path of the
    /// checkpoint at <paramref name="checkpointPath"/>, which holds <paramref name="model"/>'s weights.
    /// </summary>
    private static void RunSideBySide(ActorCritic model, TrainConfig config, string checkpointPath)
    {
        model.eval();
        config.Env.NumEnvs = Envs;
        config.Env.CorridorLengths = new[] { 3, 4, 6 };
        config.Env.MaxEpisodeSteps = 24;
        config.Env.WorkerThreads = 1;
        config.Run.Seed = 11;
        var factory = new CheckpointPolicyResolver().TryResolve(checkpointPath + "@cpu");
        Assert.NotNull(factory);

        using var vector = (PogemaVectorEnv)VectorEnvFactory.CreateTraining(config);
        var n = vector.NumAgents;
        var stride = vector.ObservationChannels * vector.ObservationSize * vector.ObservationSize;
        var episodes = new EvalEpisode[Envs];
        var script = new ScriptedActions(seed: 5);
        var actions = new int[n];
        var evalActions = new int[Agents];
        var keep = new float[n];
        var state = model.InitialState(n, CPU);
        var coverage = new Coverage();

        vector.Reset();
        for (var e = 0; e < Envs; e++)
        {
            episodes[e] = EvalEpisode.Start(factory!, vector.Inner, e, config.Env.CorridorLengths, config.Env.MaxEpisodeSteps);
        }

        for (var t = 0; t < Steps; t++)
        {
            // (a) The trainer's rollout step: every environment in one batch, memory and history zeroed where an
            // episode starts.
            float[] trainingLogits;
            using (no_grad())
            using (NewDisposeScope())
            {
                for (var i = 0; i < n; i++)
                {
                    keep[i] = vector.EpisodeStarted[i] ? 0f : 1f;
                }

                var obs = tensor(vector.Observations, new long[] { n, vector.ObservationChannels, vector.ObservationSize, vector.ObservationSize });
                var (logits, _, next) = model.Step(obs, state.Masked(tensor(keep)), Agents);
                trainingLogits = logits.data<float>().ToArray();
                var old = state;
                state = next.DetachFromDisposeScope();
                old.Dispose();
            }

            // (b) The evaluation path, one episode per environment, compared agent by agent.
            for (var e = 0; e < Envs; e++)
            {
                var episode = episodes[e];
                for (var a = 0; a < Agents; a++)
                {
                    Assert.True(vector.EpisodeStarted[e * Agents + a] == episode.Fresh, $"step {t} env {e} agent {a}: episode start flags differ");
                }

                episode.Policy.Act(episode.Env, evalActions);
                AssertSameObservations(vector.Observations.AsSpan(e * Agents * stride, Agents * stride), episode.Policy.Observations, t, e, stride);
                AssertSameLogits(trainingLogits.AsSpan(e * Agents * ActorCritic.ActionCount, Agents * ActorCritic.ActionCount), episode.Policy.Logits, t, e);
                coverage.Observe(episode.Env, episode.Fresh && episode.FollowsAnother);
                episode.Fresh = false;
            }

            script.Next(vector.Inner, actions);
            vector.Step(actions);
            for (var e = 0; e < Envs; e++)
            {
                var episode = episodes[e];
                episode.Env.Step(actions.AsSpan(e * Agents, Agents));
                Assert.True(episode.Env.EpisodeEnded == vector.EpisodeStarted[e * Agents], $"step {t} env {e}: the episodes did not end together");
                if (episode.Env.EpisodeEnded)
                {
                    coverage.Ended(episode.Env);
                    episode.Dispose();
                    episodes[e] = EvalEpisode.Start(factory!, vector.Inner, e, config.Env.CorridorLengths, config.Env.MaxEpisodeSteps, followsAnother: true);
                }
            }
        }

        foreach (var episode in episodes)
        {
            episode.Dispose();
        }

        state.Dispose();

        // The comparison must have covered what it claims to: steps after one agent finished while the other still
        // acts, episodes that ended with every agent at its goal and episodes cut by the step limit, and the first
        // steps of episodes that follow another in the same environment.
        Assert.True(coverage.StepsAfterAFinish >= 10, $"only {coverage.StepsAfterAFinish} steps compared after an agent finished");
        Assert.True(coverage.SolvedEpisodes >= 2, $"only {coverage.SolvedEpisodes} episodes ended with every agent at its goal");
        Assert.True(coverage.TruncatedEpisodes >= 2, $"only {coverage.TruncatedEpisodes} episodes were cut by the step limit");
        Assert.True(coverage.LaterEpisodeStarts >= Envs, $"only {coverage.LaterEpisodeStarts} episodes started after another one");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pogema.Net.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Pogema.Net.sln not found above the test binaries");
    }

    private static void AssertSameObservations(ReadOnlySpan<float> training, ReadOnlySpan<float> evaluation, int step, int env, int stride)
    {
        Assert.Equal(training.Length, evaluation.Length);
        for (var k = 0; k < training.Length; k++)
        {
            if (training[k] != evaluation[k])
            {
                var cell = k % stride;
                Assert.Fail($"step {step} env {env} agent {k / stride} channel {cell / 25} cell {cell % 25}: training observed {training[k]}, evaluation {evaluation[k]}");
            }
        }
    }

    private static void AssertSameLogits(ReadOnlySpan<float> training, ReadOnlySpan<float> evaluation, int step, int env)
    {
        Assert.Equal(training.Length, evaluation.Length);
        for (var k = 0; k < training.Length; k++)
        {
            if (!(Math.Abs(training[k] - evaluation[k]) <= LogitTolerance))
            {
                Assert.Fail($"step {step} env {env} agent {k / ActorCritic.ActionCount} action {k % ActorCritic.ActionCount}: training logit {training[k]}, evaluation {evaluation[k]}");
            }
        }
    }

    /// <summary>One evaluation episode mirroring the current episode of one vector-env slot.</summary>
    private sealed class EvalEpisode : IDisposable
    {
        private EvalEpisode(PogemaEnv env, CheckpointPolicy policy)
        {
            Env = env;
            Policy = policy;
        }

        public PogemaEnv Env { get; }

        public CheckpointPolicy Policy { get; }

        public bool Fresh { get; set; } = true;

        /// <summary>True for an episode that follows another in the same environment.</summary>
        public bool FollowsAnother { get; init; }

        /// <summary>
        /// The evaluation episode <c>pogema eval</c> would build for the slot's current episode (the test map of its
        /// corridor length, its starts and goals, its seed), reset and handed to a new policy as the engine does.
        /// </summary>
        public static EvalEpisode Start(IPolicyFactory factory, VectorEnv vector, int slot, int[] lengths, int maxSteps, bool followsAnother = false)
        {
            var training = vector.GetEnvironment(slot);
            var length = lengths[vector.GetVariant(slot)];
            var map = BottleneckMap.CreateTest(length);
            var episode = new EvaluationEpisode
            {
                MapName = map.Name,
                MapText = map.Text,
                NumAgents = Agents,
                Seed = (long)vector.GetEpisodeSeed(slot),
                MaxEpisodeSteps = maxSteps,
                OnTarget = OnTarget.Finish,
                CollisionSystem = CollisionSystem.BlockBoth,
                ObsRadius = 2,
                XName = "corridor_length",
                X = length,
                AgentsXy = new[] { training.GetStart(0), training.GetStart(1) },
                TargetsXy = new[] { training.GetTarget(0), training.GetTarget(1) },
            };
            var env = new PogemaEnv(episode.ToConfig(), map.Name);
            var seed = (ulong)episode.Seed;
            env.Reset(seed);
            return new EvalEpisode(env, (CheckpointPolicy)factory.Create(env, seed)) { FollowsAnother = followsAnother };
        }

        public void Dispose() => Policy.Dispose();
    }

    /// <summary>
    /// Deterministic actions that reach both outcomes: agent 0 mostly follows its shortest path and agent 1 wanders
    /// until agent 0 has finished, then heads for its own goal.
    /// </summary>
    private sealed class ScriptedActions
    {
        private readonly System.Random _random;
        private readonly int[] _field = new int[4096];
        private readonly int[] _queue = new int[4096];

        public ScriptedActions(int seed)
        {
            _random = new System.Random(seed);
        }

        public void Next(VectorEnv vector, int[] actions)
        {
            for (var e = 0; e < vector.NumEnvs; e++)
            {
                var env = vector.GetEnvironment(e);
                for (var a = 0; a < Agents; a++)
                {
                    var greedy = a == 0 ? 0.8 : env.Active[0] ? 0.1 : 0.9;
                    if (_random.NextDouble() < greedy)
                    {
                        DistanceField.Compute(env.PaddedObstacles, env.PaddedWidth, env.PaddedTargets[a], _field, _queue);
                        actions[e * Agents + a] = DistanceField.Move(_field, env.PaddedPositions[a]);
                    }
                    else
                    {
                        actions[e * Agents + a] = _random.Next(PogemaEnv.NumActions);
                    }
                }
            }
        }
    }

    /// <summary>Counts the situations the comparison went through.</summary>
    private sealed class Coverage
    {
        public int StepsAfterAFinish { get; private set; }

        public int SolvedEpisodes { get; private set; }

        public int TruncatedEpisodes { get; private set; }

        public int LaterEpisodeStarts { get; private set; }

        public void Observe(PogemaEnv env, bool laterEpisodeStart)
        {
            if (env.Active[0] != env.Active[1])
            {
                StepsAfterAFinish++;
            }

            if (laterEpisodeStart)
            {
                LaterEpisodeStarts++;
            }
        }

        public void Ended(PogemaEnv env)
        {
            if (env.Metrics!.Value.Csr == 1)
            {
                SolvedEpisodes++;
            }
            else
            {
                TruncatedEpisodes++;
            }
        }
    }
}
