using static TorchSharp.torch;

namespace Pogema.Agents.Training;

/// <summary>The scalar terms of one PPO minibatch loss, as 0-dimensional tensors on the training device.</summary>
public readonly record struct PpoLossTerms(Tensor Total, Tensor Policy, Tensor Value, Tensor Entropy, Tensor ApproxKl, Tensor ClipFraction);
