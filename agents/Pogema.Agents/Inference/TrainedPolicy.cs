using Pogema.Agents.Configuration;
using Pogema.Agents.Models;
using Pogema.Agents.Runtime;
using Pogema.Agents.Training;
using static TorchSharp.torch;

namespace Pogema.Agents.Inference;

/// <summary>
/// A trained network loaded from a checkpoint, ready to act. Open a <see cref="PolicySession"/> per batch of
/// environments to carry the per-agent memory and history between steps.
/// </summary>
public sealed class TrainedPolicy : IDisposable
{
    private TrainedPolicy(ActorCritic model, TrainConfig config, Device device)
    {
        Model = model;
        Config = config;
        Device = device;
        model.eval();
    }

    /// <summary>The config the checkpoint was trained with (env section: observation preset, radius, rules).</summary>
    public TrainConfig Config { get; }

    /// <summary>The network (eval mode).</summary>
    public ActorCritic Model { get; }

    /// <summary>Where the network runs.</summary>
    public Device Device { get; }

    /// <summary>Observation channels C the policy expects.</summary>
    public int ObservationChannels => Model.ObservationChannels;

    /// <summary>Observation side D = 2r+1 the policy expects.</summary>
    public int ObservationSize => Model.ObservationSize;

    /// <summary>Loads a checkpoint written by training; <paramref name="device"/> is auto, cpu, cuda or cuda:N.</summary>
    public static TrainedPolicy Load(string checkpointPath, string device = "auto")
    {
        TorchRuntime.Initialize();
        var contents = Checkpoint.Load(checkpointPath);
        var target = DeviceSelector.Resolve(device);
        return new TrainedPolicy(contents.CreateModel(target), contents.Config, target);
    }

    /// <summary>Wraps an in-memory network (e.g. at the end of training).</summary>
    public static TrainedPolicy FromModel(ActorCritic model, TrainConfig config, Device device) => new(model, config, device);

    /// <summary>A session for <paramref name="numEnvs"/> x <paramref name="agentsPerEnv"/> agents, environment-major.</summary>
    public PolicySession NewSession(int numEnvs, int agentsPerEnv, bool greedy = true, long seed = 0)
    {
        return new PolicySession(this, numEnvs, agentsPerEnv, greedy, seed);
    }

    public void Dispose()
    {
        Model.Dispose();
    }
}
