using Pogema.Agents.Models;
using Pogema.Agents.Rewards;
using Pogema.Agents.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Pogema.Agents.Tests;

public sealed class PpoTests
{
    [Fact]
    public void GaeMatchesHandComputedValues()
    {
        var rewards = tensor(new float[] { 1f, 0f, 2f }).view(3, 1);
        var values = tensor(new float[] { 0.5f, 0.2f, 0.1f }).view(3, 1);
        var dones = tensor(new float[] { 0f, 1f, 0f }).view(3, 1);
        var next = tensor(new float[] { 0.3f });
        var adv = PpoTrainer.ComputeAdvantages(rewards, values, dones, next, 0.9, 0.8).flatten().data<float>().ToArray();
        // t=2: 2 + 0.9*0.3 - 0.1; t=1: done cuts: -0.2; t=0: (1 + 0.9*0.2 - 0.5) + 0.9*0.8*(-0.2).
        Assert.Equal(2.17f, adv[2], 5);
        Assert.Equal(-0.2f, adv[1], 5);
        Assert.Equal(0.536f, adv[0], 5);
    }

    private static PpoLossTerms HandCase(bool normalize)
    {
        var o = new PpoOptions { ClipRatio = 0.2, ValueClip = 0.5, EntropyCoef = 0.01, ValueCoef = 0.5, NormalizeAdvantages = normalize };
        var newLogp = tensor(new[] { MathF.Log(0.5f), MathF.Log(0.225f), MathF.Log(0.9f) });
        var oldLogp = tensor(new[] { MathF.Log(0.4f), MathF.Log(0.25f), MathF.Log(0.1f) });
        var entropy = tensor(new[] { 1.0f, 0.5f, 9f });
        var newValues = tensor(new[] { 1.0f, 0.0f, 3f });
        var oldValues = tensor(new[] { 0.2f, 0.5f, 0f });
        var advantages = tensor(new[] { 1.0f, -2.0f, 5f });
        var returns = tensor(new[] { 2.0f, -1.0f, 0f });
        var mask = tensor(new[] { 1f, 1f, 0f }); // the third agent had finished: masked out
        return PpoTrainer.ComputeLosses(newLogp, entropy, newValues, oldLogp, oldValues, advantages, returns, mask, o);
    }

    [Fact]
    public void PpoLossesMatchHandComputedValues()
    {
        var terms = HandCase(normalize: false);
        // ratios 1.25 and 0.9: max(-1*1.25, -1*1.2) = -1.2; max(2*0.9, 2*0.9) = 1.8.
        Assert.Equal(0.3f, terms.Policy.item<float>(), 5);
        // max(1, (0.7-2)^2) = 1.69; max(1, (0-(-1))^2) = 1.
        Assert.Equal(1.345f, terms.Value.item<float>(), 5);
        Assert.Equal(0.75f, terms.Entropy.item<float>(), 5);
        Assert.Equal(0.3f - 0.01f * 0.75f + 0.5f * 1.345f, terms.Total.item<float>(), 5);
        Assert.Equal((0.25 - Math.Log(1.25) + (-0.1 - Math.Log(0.9))) / 2, terms.ApproxKl.item<float>(), 5);
        Assert.Equal(0.5f, terms.ClipFraction.item<float>(), 5);
    }

    [Fact]
    public void AdvantagesAreNormalizedOverValidTransitions()
    {
        var terms = HandCase(normalize: true);
        // Valid advantages 1 and -2: mean -0.5, unbiased std 2.1213 -> +-0.7071.
        var a = 1.5 / Math.Sqrt(4.5);
        var expected = (Math.Max(-a * 1.25, -a * 1.2) + a * 0.9) / 2;
        Assert.Equal(expected, terms.Policy.item<float>(), 5);
    }

    [Fact]
    public void RewardVariantsFollowTheTable()
    {
        float[] env = { 1f, 0f, 0f, 0f };
        int[] actions = { 4, 0, 4, 3 };
        bool[] progress = { true, false, true, false };
        var output = new float[4];
        float[] Run(string name)
        {
            RewardFunction.Create(name).Compute(env, actions, progress, output);
            return (float[])output.Clone();
        }

        Assert.Equal(new[] { 1f, 0f, 0f, 0f }, Run("sparse"));
        Assert.Equal(new[] { 1f, -0.01f, -0.01f, -0.01f }, Run("dense"));
        Assert.Equal(new[] { 1f, -0.005f, -0.01f, -0.01f }, Run("moving-negative"));
        Assert.Equal(new[] { 1f, 0f, 0.005f, 0f }, Run("directional"));
        Assert.Equal(new[] { 1f, -0.01f, -0.005f, -0.01f }, Run("directional-negative"));
        Assert.Throws<Pogema.Env.PogemaInputException>(() => RewardFunction.Create("shaped"));
    }

    [Fact]
    public void TinyTrainingRunImprovesSuccess()
    {
        torch.manual_seed(1);
        using var env = new CorridorFakeEnv(numEnvs: 32, agentsPerEnv: 2);
        var modelOptions = ModelOptions.Preset("bottleneck");
        modelOptions.Dropout = 0.0;
        using var model = new ActorCritic(modelOptions, env.ObservationChannels, env.ObservationSize);
        var ppo = new PpoOptions { NumMinibatches = 4, Epochs = 2, LearningRate = 3e-3, LearningRateSchedule = "constant", EntropyCoef = 0.0, Gamma = 0.9 };
        using var trainer = new PpoTrainer(env, model, ppo, RewardFunction.Create("sparse"), CPU, seed: 1);
        var csr = new List<double>();
        for (var u = 0; u < 40; u++)
        {
            var m = trainer.Update();
            csr.Add(m.Episodes > 0 ? m.Csr : double.NaN);
            Assert.True(double.IsFinite(m.PolicyLoss) && double.IsFinite(m.ValueLoss));
        }

        var early = csr.Take(4).Where(double.IsFinite).Average();
        var late = csr.Skip(32).Where(double.IsFinite).Average();
        Assert.True(late > early + 0.3, $"CSR early {early:F3}, late {late:F3}");
        Assert.True(late > 0.6, $"CSR late {late:F3}");
    }

    [Theory]
    [InlineData("srmt")]
    [InlineData("gru")]
    public void WindowedLearningReplaysTheRolloutPolicyExactly(string core)
    {
        // With a learning rate too small to move the weights and no dropout, re-running every BPTT window from its
        // stored start state must give back the rollout's own log-probabilities: approx_kl 0, nothing clipped. A
        // wrong start state, window regrouping or episode-start mask (episodes here last at most 8 steps, so they
        // restart inside the 32-step rollout) shows up as a non-zero KL.
        torch.manual_seed(3);
        using var env = new CorridorFakeEnv(numEnvs: 8, agentsPerEnv: 2);
        var modelOptions = ModelOptions.Preset("bottleneck");
        modelOptions.Core = core;
        modelOptions.Dropout = 0.0;
        using var model = new ActorCritic(modelOptions, env.ObservationChannels, env.ObservationSize);
        var ppo = new PpoOptions { RolloutLength = 32, Recurrence = 8, NumMinibatches = 4, LearningRate = 1e-12, LearningRateSchedule = "constant" };
        using var trainer = new PpoTrainer(env, model, ppo, RewardFunction.Create("sparse"), CPU, seed: 2);
        for (var u = 0; u < 2; u++)
        {
            var m = trainer.Update();
            Assert.True(Math.Abs(m.ApproxKl) < 1e-6, $"update {u}: approx_kl {m.ApproxKl}");
            Assert.Equal(0.0, m.ClipFraction);
            Assert.Equal(32L * 16 * (u + 1), m.EnvSteps);
        }
    }

    [Fact]
    public void RecurrenceMustDivideTheRollout()
    {
        var ppo = new PpoOptions { RolloutLength = 20, Recurrence = 8 };
        var error = Assert.Throws<Pogema.Env.PogemaInputException>(() => ppo.Validate(16));
        Assert.Contains("ppo.recurrence = 8", error.Message);
        ppo = new PpoOptions { RolloutLength = 16, Recurrence = 8, NumMinibatches = 3 };
        error = Assert.Throws<Pogema.Env.PogemaInputException>(() => ppo.Validate(16));
        Assert.Contains("ppo.num_minibatches = 3", error.Message);
    }
}
