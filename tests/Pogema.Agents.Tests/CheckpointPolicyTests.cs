using Pogema.Agents.Configuration;
using Pogema.Agents.Environments;
using Pogema.Agents.Inference;
using Pogema.Agents.Models;
using Pogema.Agents.Training;
using Pogema.Env;
using Pogema.Env.Evaluation;
using Pogema.Env.Maps;
using Pogema.Env.Policies;
using TorchSharp;

namespace Pogema.Agents.Tests;

public sealed class CheckpointPolicyTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pogema-policy-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    [Theory]
    [InlineData("follower")]
    [InlineData("pogema")]
    public void EvalResolverActsOnAPogemaEnvAsTheVectorEnvWouldObserve(string observation)
    {
        torch.manual_seed(2);
        var config = TrainConfig.Preset("bottleneck");
        config.Env.Observation = observation;
        config.Env.NumEnvs = 1;
        config.Ppo.NumMinibatches = 1;
        using var model = new ActorCritic(config.Model, 3, 5);
        Directory.CreateDirectory(_dir);
        Checkpoint.Save(Path.Combine(_dir, Checkpoint.FileName), config, model, null);

        var factory = new CheckpointPolicyResolver().TryResolve(_dir + "@cpu");
        Assert.NotNull(factory);
        Assert.Null(new CheckpointPolicyResolver().TryResolve("astar"));

        // The same bottleneck episode through the vector env: the policy must see the same observation and act alike.
        using var vector = (PogemaVectorEnv)VectorEnvFactory.CreateEvaluation(config).First().Env;
        vector.Reset();
        var env = vector.Inner.GetEnvironment(0);
        var policy = factory!.Create(env, 0);
        var actions = new int[2];
        policy.Act(env, actions);

        using var trained = TrainedPolicy.Load(Path.Combine(_dir, Checkpoint.FileName), "cpu");
        using var session = trained.NewSession(1, 2);
        var expected = new int[2];
        session.Act(vector.Observations.AsSpan(0, 2 * 75), new[] { true, true }, expected);
        Assert.Equal(expected, actions);
        ((IDisposable)policy).Dispose();
    }

    [Fact]
    public void EvaluationAveragesTheFirstEpisodeOfEveryEnvironment()
    {
        torch.manual_seed(4);
        var config = TrainConfig.Preset("bottleneck");
        using var model = new ActorCritic(config.Model, 3, 5);
        using var policy = TrainedPolicy.FromModel(model, config, torch.CPU);
        var (_, env, maxSteps) = VectorEnvFactory.CreateEvaluation(config, episodesPerGroup: 6).First();
        using (env)
        {
            var summary = PolicyEvaluation.Run(policy, env, 3 * maxSteps);
            Assert.Equal(6, summary.Episodes);
            Assert.InRange(summary.Isr, 0.0, 1.0);
        }
    }

    [Fact]
    public void SampledActionsFollowTheEpisodeSeedAndTheNameSaysTheMode()
    {
        torch.manual_seed(3);
        var config = TrainConfig.Preset("bottleneck");
        using var model = new ActorCritic(config.Model, 3, 5);
        using var trained = TrainedPolicy.FromModel(model, config, torch.CPU);
        var greedy = new CheckpointPolicyFactory(trained, "run");
        var sampling = greedy.WithSampling();
        Assert.Equal("run (greedy)", greedy.Name);
        Assert.Equal("run (sample)", sampling.Name);
        Assert.False(greedy.Samples);
        Assert.True(((ISamplingPolicyFactory)sampling).Samples);

        Assert.Equal(Actions(sampling, 5), Actions(sampling, 5));
        Assert.NotEqual(Actions(sampling, 5), Actions(sampling, 6));
        Assert.NotEqual(Actions(sampling, 5), Actions(greedy, 5));
        Assert.Equal(Actions(greedy, 5), Actions(greedy, 6));
    }

    [Fact]
    public void SampledActionsFollowTheSoftmaxOfTheLogits()
    {
        torch.manual_seed(8);
        var config = TrainConfig.Preset("bottleneck");
        using var model = new ActorCritic(config.Model, 3, 5);
        using (torch.no_grad())
        {
            // Spread the initial near-uniform distribution, so a sampler drawing from the wrong one would show.
            foreach (var (name, parameter) in model.named_parameters())
            {
                if (name.StartsWith("_policyHead.", StringComparison.Ordinal))
                {
                    parameter.mul_(150);
                }
            }
        }

        using var trained = TrainedPolicy.FromModel(model, config, torch.CPU);
        var episode = EvaluationPlan.Build(new EvaluationRequest { Maps = "bottlenecks9-v_corr-3_len", Seeds = [0] }, MapRegistry.Default).Single();
        var env = new PogemaEnv(episode.ToConfig());
        env.Reset(0);
        var one = new float[env.ObservationSize];
        env.WriteObservation(0, one);

        // Every agent sees agent 0's first observation with a fresh memory, so all share one distribution.
        const int agents = 1024;
        var observations = new float[agents * one.Length];
        for (var i = 0; i < agents; i++)
        {
            one.CopyTo(observations, i * one.Length);
        }

        var started = Enumerable.Repeat(true, agents).ToArray();
        var actions = new int[agents];
        var counts = new double[ActorCritic.ActionCount];
        using var session = trained.NewSession(agents / 2, 2, greedy: false, seed: 1);
        const int rounds = 8;
        for (var r = 0; r < rounds; r++)
        {
            session.Act(observations, started, actions);
            foreach (var a in actions)
            {
                counts[a]++;
            }
        }

        var logits = session.Logits[..ActorCritic.ActionCount].ToArray();
        var max = logits.Max();
        var weights = logits.Select(l => Math.Exp(l - max)).ToArray();
        var probabilities = weights.Select(w => w / weights.Sum()).ToArray();
        Assert.True(probabilities.Max() - probabilities.Min() > 0.2, $"the distribution is too flat to test: {string.Join(", ", probabilities)}");
        for (var a = 0; a < ActorCritic.ActionCount; a++)
        {
            // 8192 draws: the standard error of a frequency is at most 0.0055.
            Assert.InRange(counts[a] / (rounds * agents), probabilities[a] - 0.025, probabilities[a] + 0.025);
        }
    }

    /// <summary>40 steps of actions of both agents on the L = 3 bottleneck (seed 0) with the policy's episode seed <paramref name="seed"/>.</summary>
    private static int[] Actions(IPolicyFactory factory, ulong seed)
    {
        var episode = EvaluationPlan.Build(new EvaluationRequest { Maps = "bottlenecks9-v_corr-3_len", Seeds = [0] }, MapRegistry.Default).Single();
        var env = new PogemaEnv(episode.ToConfig());
        env.Reset(0);
        var policy = factory.Create(env, seed);
        var all = new List<int>();
        var actions = new int[env.NumAgents];
        for (var t = 0; t < 40 && !env.EpisodeEnded; t++)
        {
            policy.Act(env, actions);
            all.AddRange(actions);
            env.Step(actions);
        }

        ((IDisposable)policy).Dispose();
        return all.ToArray();
    }
}
