using Pogema.Env;
using Pogema.Env.Policies;

namespace Pogema.Agents.Inference;

/// <summary>
/// Hands each evaluation episode a <see cref="CheckpointPolicy"/> over one shared trained network, acting greedily
/// or, after <see cref="WithSampling"/>, drawing actions seeded by the episode seed. The name carries the mode:
/// <c>run (greedy)</c> or <c>run (sample)</c>.
/// </summary>
public sealed class CheckpointPolicyFactory : ISamplingPolicyFactory
{
    private readonly TrainedPolicy _policy;
    private readonly string _run;

    public CheckpointPolicyFactory(TrainedPolicy policy, string name, bool sample = false)
    {
        _policy = policy;
        _run = name;
        Samples = sample;
        Name = $"{name} ({(sample ? "sample" : "greedy")})";
        if (policy.Device.type == TorchSharp.DeviceType.CPU)
        {
            // Evaluation runs its episodes in parallel on its own threads; libtorch's intra-op pool on top of them
            // oversubscribes the cores (a batch-2 forward gains nothing from it) and made CPU evaluation many times
            // slower on a busy machine.
            TorchSharp.torch.set_num_threads(1);
        }
    }

    public string Name { get; }

    public bool Samples { get; }

    public IPolicyFactory WithSampling() => Samples ? this : new CheckpointPolicyFactory(_policy, _run, sample: true);

    public IPolicy Create(PogemaEnv env, ulong seed)
    {
        if (env.WindowSize != _policy.ObservationSize)
        {
            throw new PogemaInputException(
                $"policy '{_run}': trained with obs_radius {(_policy.ObservationSize - 1) / 2}, the environment has obs_radius {env.ObsRadius}");
        }

        return new CheckpointPolicy(_policy, env, seed, Samples);
    }
}
