using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Pogema.Agents.Models;

/// <summary>
/// Orthogonal initialization with a constant bias, as in CleanRL's <c>layer_init</c>: every Linear and Conv layer of
/// the policy is created through here so the gain is visible where the layer is made.
/// </summary>
public static class LayerInit
{
    /// <summary>Gain for layers followed by ReLU.</summary>
    public static readonly double ReluGain = Math.Sqrt(2.0);

    /// <summary>Small gain for the policy head so the initial policy is close to uniform.</summary>
    public const double PolicyGain = 0.01;

    /// <summary>Gain for the value head.</summary>
    public const double ValueGain = 1.0;

    /// <summary>A Linear layer with orthogonal weights (gain <paramref name="gain"/>) and constant bias.</summary>
    public static TorchSharp.Modules.Linear Linear(long inputs, long outputs, double gain, double bias = 0.0, bool hasBias = true)
    {
        var layer = nn.Linear(inputs, outputs, hasBias: hasBias);
        Apply(layer.weight!, layer.bias, gain, bias);
        return layer;
    }

    /// <summary>A 3x3, padding 1 convolution with orthogonal weights and constant bias.</summary>
    public static TorchSharp.Modules.Conv2d Conv3x3(long inputs, long outputs, double gain, double bias = 0.0)
    {
        var layer = nn.Conv2d(inputs, outputs, kernel_size: 3, padding: 1);
        Apply(layer.weight!, layer.bias, gain, bias);
        return layer;
    }

    private static void Apply(Tensor weight, Tensor? biasTensor, double gain, double bias)
    {
        using var _ = no_grad();
        init.orthogonal_(weight, gain);
        if (biasTensor is not null)
        {
            init.constant_(biasTensor, bias);
        }
    }
}
