using Pogema.Env;
using Pogema.Env.Policies;

namespace Pogema.Agents.Inference;

/// <summary>Hands each evaluation episode a <see cref="CheckpointPolicy"/> over one shared trained network.</summary>
public sealed class CheckpointPolicyFactory : IPolicyFactory
{
    private readonly TrainedPolicy _policy;

    public CheckpointPolicyFactory(TrainedPolicy policy, string name)
    {
        _policy = policy;
        Name = name;
    }

    public string Name { get; }

    public IPolicy Create(PogemaEnv env, ulong seed)
    {
        if (env.WindowSize != _policy.ObservationSize)
        {
            throw new PogemaInputException(
                $"policy '{Name}': trained with obs_radius {(_policy.ObservationSize - 1) / 2}, the environment has obs_radius {env.ObsRadius}");
        }

        return new CheckpointPolicy(_policy, env, seed);
    }
}
