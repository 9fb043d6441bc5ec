using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Pogema.Agents.Models;

/// <summary>
/// The part of the policy between the encoder and the heads. A core turns the current encoder outputs [N, H] and
/// the carried <see cref="RecurrentState"/> into the features the heads read [N, H] and the next state.
/// Agents of one environment are contiguous (N = E * A, environment-major), which cores that let agents
/// exchange information rely on.
/// </summary>
public abstract class PolicyCore : Module
{
    protected PolicyCore(string name)
        : base(name)
    {
    }

    /// <summary>One step for all agents. <paramref name="agentsPerEnv"/> groups the N rows into environments.</summary>
    public abstract (Tensor Features, RecurrentState Next) Step(Tensor encoded, RecurrentState state, int agentsPerEnv);
}
