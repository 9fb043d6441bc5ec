using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Pogema.Agents.Models;

/// <summary>[ReLU, Conv3x3, ReLU, Conv3x3] plus the skip connection.</summary>
public sealed class ResidualBlock : Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Conv2d _conv1;
    private readonly TorchSharp.Modules.Conv2d _conv2;

    public ResidualBlock(long channels)
        : base(nameof(ResidualBlock))
    {
        _conv1 = LayerInit.Conv3x3(channels, channels, LayerInit.ReluGain);
        _conv2 = LayerInit.Conv3x3(channels, channels, LayerInit.ReluGain);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = _conv1.forward(functional.relu(x));
        var h2 = _conv2.forward(functional.relu(h));
        return (h2 + x).MoveToOuterDisposeScope();
    }
}
