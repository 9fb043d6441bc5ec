using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Pogema.Agents.Models;

/// <summary>A GRU cell whose hidden state is the memory part of <see cref="RecurrentState"/>.</summary>
public sealed class GruCore : PolicyCore
{
    private readonly TorchSharp.Modules.GRUCell _cell;

    public GruCore(int hidden)
        : base(nameof(GruCore))
    {
        _cell = nn.GRUCell(hidden, hidden);
        RegisterComponents();
    }

    public override (Tensor Features, RecurrentState Next) Step(Tensor encoded, RecurrentState state, int agentsPerEnv)
    {
        var next = _cell.forward(encoded, state.Memory);
        return (next, new RecurrentState(next.alias(), state.History.alias()));
    }
}
