using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Pogema.Agents.Models;

/// <summary>
/// Per-agent observation encoder: Conv3x3(C->F), <c>n</c> residual _blocks, ReLU, flatten, Linear(F*D*D->H), ReLU.
/// Maps [N, C, D, D] to [N, H].
/// </summary>
public sealed class ObservationEncoder : Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Conv2d _stem;
    private readonly TorchSharp.Modules.ModuleList<ResidualBlock> _blocks;
    private readonly TorchSharp.Modules.Linear _projection;

    public ObservationEncoder(int channels, int size, int filters, int residualBlocks, int hidden)
        : base(nameof(ObservationEncoder))
    {
        _stem = LayerInit.Conv3x3(channels, filters, LayerInit.ReluGain);
        _blocks = new TorchSharp.Modules.ModuleList<ResidualBlock>();
        for (var i = 0; i < residualBlocks; i++)
        {
            _blocks.Add(new ResidualBlock(filters));
        }

        _projection = LayerInit.Linear((long)filters * size * size, hidden, LayerInit.ReluGain);
        RegisterComponents();
    }

    public override Tensor forward(Tensor observations)
    {
        using var scope = NewDisposeScope();
        var x = _stem.forward(observations);
        foreach (var block in _blocks)
        {
            x = block.forward(x);
        }

        var flat = functional.relu(x).flatten(1);
        return functional.relu(_projection.forward(flat)).MoveToOuterDisposeScope();
    }
}
