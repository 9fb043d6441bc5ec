using System.Globalization;

namespace Pogema.Agents.Training;

/// <summary>
/// The PPO loss or the gradient norm of a minibatch was NaN or infinite. The optimizer did not step on it; the
/// update is abandoned, and a training run keeps its last checkpoint instead of saving weights touched by it.
/// </summary>
public sealed class NonFiniteLossException : Exception
{
    public NonFiniteLossException(long update, int epoch, int minibatch, double loss, double gradientNorm)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"update {update} (epoch {epoch}, minibatch {minibatch}): the loss ({loss}) or gradient norm ({gradientNorm}) is not finite; the optimizer did not step"))
    {
        Update = update;
        Loss = loss;
        GradientNorm = gradientNorm;
    }

    /// <summary>The update (1-based) that was abandoned.</summary>
    public long Update { get; }

    /// <summary>The minibatch's total loss.</summary>
    public double Loss { get; }

    /// <summary>The gradient norm before clipping.</summary>
    public double GradientNorm { get; }
}
