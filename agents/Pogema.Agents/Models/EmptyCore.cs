using static TorchSharp.torch;

namespace Pogema.Agents.Models;

/// <summary>No core: the heads read the encoder output directly; the state passes through unchanged.</summary>
public sealed class EmptyCore : PolicyCore
{
    public EmptyCore()
        : base(nameof(EmptyCore))
    {
        RegisterComponents();
    }

    public override (Tensor Features, RecurrentState Next) Step(Tensor encoded, RecurrentState state, int agentsPerEnv)
    {
        return (encoded.alias(), new RecurrentState(state.Memory.alias(), state.History.alias()));
    }
}
