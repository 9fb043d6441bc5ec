using Pogema.Agents.Configuration;
using Pogema.Agents.Inference;
using Pogema.Agents.Models;
using Pogema.Agents.Rewards;
using Pogema.Agents.Training;
using Pogema.Env;
using TorchSharp;
using static TorchSharp.torch;

namespace Pogema.Agents.Tests;

public sealed class CheckpointTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pogema-ckpt-" + Guid.NewGuid().ToString("N"));

    public CheckpointTests()
    {
        Directory.CreateDirectory(_dir);
    }

    public void Dispose()
    {
        Directory.Delete(_dir, true);
    }

    private static TrainConfig SmallConfig() => SmallTrainConfig.Create(dropout: 0.1);

    [Fact]
    public void RoundTripGivesIdenticalOutputs()
    {
        torch.manual_seed(5);
        var config = SmallConfig();
        using var model = new ActorCritic(config.Model, 3, 5);
        var path = Path.Combine(_dir, Checkpoint.FileName);
        Checkpoint.Save(path, config, model, trainer: null);

        using var policy = TrainedPolicy.Load(path, "cpu");
        model.eval();
        var obs = randn(4, 3, 5, 5);
        var state = model.InitialState(4, CPU);
        var (a, va, _) = model.Step(obs, state, 2);
        var (b, vb, _) = policy.Model.Step(obs, state, 2);
        Assert.True(a.equal(b).all().item<bool>());
        Assert.True(va.equal(vb).all().item<bool>());
        Assert.Equal(config.ToYaml(), policy.Config.ToYaml());

        // A session acts on flat buffers and resets memory where episodes start.
        using var session = policy.NewSession(numEnvs: 2, agentsPerEnv: 2);
        var actions = new int[4];
        session.Act(obs.data<float>().ToArray(), new[] { true, true, true, true }, actions);
        var greedy = a.argmax(1).data<long>().ToArray().Select(x => (int)x).ToArray();
        Assert.Equal(greedy, actions);
    }

    [Fact]
    public void PolicyOnlyCheckpointKeepsWeightsAndCountersButCannotResume()
    {
        var config = SmallConfig();
        torch.manual_seed(12);
        using var env = new CorridorFakeEnv(config.Env.NumEnvs, 2);
        using var model = new ActorCritic(config.Model, env.ObservationChannels, env.ObservationSize);
        using var trainer = new PpoTrainer(env, model, config.Ppo, RewardFunction.Create("sparse"), CPU, seed: 3);
        trainer.Update();
        var full = Path.Combine(_dir, Checkpoint.FileName);
        var policyOnly = Path.Combine(_dir, Checkpoint.PolicyFileName);
        Checkpoint.Save(full, config, model, trainer);
        Checkpoint.Save(policyOnly, config, model, trainer, includeOptimizer: false);

        // Adam keeps two moments per weight: without them the file is about a third of the checkpoint.
        Assert.True(new FileInfo(policyOnly).Length * 2 < new FileInfo(full).Length);
        var contents = Checkpoint.Load(policyOnly);
        Assert.Equal(trainer.UpdateCount, contents.Updates);
        Assert.Equal(trainer.EnvSteps, contents.EnvSteps);
        using var restored = contents.CreateModel(CPU);
        var expected = model.parameters().ToArray();
        var actual = restored.parameters().ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i].equal(actual[i]).all().item<bool>(), $"param {i}");
        }

        using var trainerB = new PpoTrainer(env, restored, config.Ppo, RewardFunction.Create("sparse"), CPU, seed: 3);
        var error = Assert.Throws<PogemaInputException>(() => contents.RestoreTrainer(trainerB));
        Assert.Contains("policy only", error.Message);
    }

    [Fact]
    public void ResumeContinuesExactly()
    {
        var config = SmallConfig();
        var path = Path.Combine(_dir, Checkpoint.FileName);

        torch.manual_seed(11);
        using var envA = new CorridorFakeEnv(config.Env.NumEnvs, 2);
        using var modelA = new ActorCritic(config.Model, envA.ObservationChannels, envA.ObservationSize);
        using var trainerA = new PpoTrainer(envA, modelA, config.Ppo, RewardFunction.Create("sparse"), CPU, seed: 3);
        trainerA.Update();
        trainerA.Update();
        Checkpoint.Save(path, config, modelA, trainerA);

        var contents = Checkpoint.Load(path);
        using var envB = new CorridorFakeEnv(config.Env.NumEnvs, 2);
        using var modelB = contents.CreateModel(CPU);
        using var trainerB = new PpoTrainer(envB, modelB, config.Ppo, RewardFunction.Create("sparse"), CPU, seed: 3); // the run seed comes from the checkpoint's config
        contents.RestoreTrainer(trainerB);
        Assert.Equal(trainerA.UpdateCount, trainerB.UpdateCount);
        Assert.Equal(trainerA.EnvSteps, trainerB.EnvSteps);

        // A resumed run restarts the episodes that were in flight; the original does the same here.
        trainerA.RestartEpisodes();
        var p0a = modelA.parameters().ToArray();
        var p0b = modelB.parameters().ToArray();
        for (var i = 0; i < p0a.Length; i++)
        {
            Assert.True(p0a[i].equal(p0b[i]).all().item<bool>(), $"param {i} before");
        }

        var ma = trainerA.Update();
        var mb = trainerB.Update();
        Assert.Equal(ma.EpisodeReturn, mb.EpisodeReturn);
        Assert.Equal(ma.Entropy, mb.Entropy);
        Assert.Equal(ma.PolicyLoss, mb.PolicyLoss);
        Assert.Equal(ma.LearningRate, mb.LearningRate);
        var pa = modelA.parameters().ToArray();
        var pb = modelB.parameters().ToArray();
        for (var i = 0; i < pa.Length; i++)
        {
            Assert.True(pa[i].equal(pb[i]).all().item<bool>());
        }
    }

    [Fact]
    public void MissingOrCorruptCheckpointIsAClearError()
    {
        var missing = Assert.Throws<PogemaInputException>(() => Checkpoint.Load(Path.Combine(_dir, "nope.pgm")));
        Assert.Contains("file not found", missing.Message);

        var config = SmallConfig();
        using var model = new ActorCritic(config.Model, 3, 5);
        var path = Path.Combine(_dir, Checkpoint.FileName);
        Checkpoint.Save(path, config, model, null);
        var bytes = File.ReadAllBytes(path);

        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray());
        Assert.Contains("truncated", Assert.Throws<PogemaInputException>(() => Checkpoint.Load(path)).Message);

        bytes[^10] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        Assert.Contains("checksum", Assert.Throws<PogemaInputException>(() => Checkpoint.Load(path)).Message);

        File.WriteAllText(path, "hello");
        Assert.Contains("not a Pogema.Net checkpoint", Assert.Throws<PogemaInputException>(() => Checkpoint.Load(path)).Message);
    }
}
