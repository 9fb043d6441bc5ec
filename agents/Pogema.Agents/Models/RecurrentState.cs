using static TorchSharp.torch;

namespace Pogema.Agents.Models;

/// <summary>
/// What a policy carries from one step to the next, per agent: the memory vector (SRMT/RMT memory, or the GRU
/// hidden state) [N, H] and the last <c>K</c> encoder outputs [N, K, H]. Cores ignore the parts they do not use.
/// Both start at zero and are zeroed again for an agent whose episode starts.
/// </summary>
public sealed class RecurrentState : IDisposable
{
    public RecurrentState(Tensor memory, Tensor history)
    {
        Memory = memory;
        History = history;
    }

    /// <summary>[N, H] memory per agent.</summary>
    public Tensor Memory { get; }

    /// <summary>[N, K, H] last K encoder outputs per agent, oldest first.</summary>
    public Tensor History { get; }

    /// <summary>All-zero state for <paramref name="agents"/> agents.</summary>
    public static RecurrentState Zeros(long agents, long hidden, long historyLength, Device device)
    {
        return new RecurrentState(zeros(agents, hidden, device: device), zeros(agents, historyLength, hidden, device: device));
    }

    /// <summary>
    /// The state with agents whose <paramref name="keep"/> is 0 reset to zero (new episode); keep is [N] float.
    /// Differentiable, so a reset inside a back-propagated window cuts the gradient path exactly there.
    /// </summary>
    public RecurrentState Masked(Tensor keep)
    {
        return new RecurrentState(Memory * keep.unsqueeze(1), History * keep.view(-1, 1, 1));
    }

    /// <summary>A copy detached from the autograd graph.</summary>
    public RecurrentState Detach()
    {
        return new RecurrentState(Memory.detach(), History.detach());
    }

    /// <summary>Moves both tensors to the enclosing dispose scope of the caller.</summary>
    public RecurrentState MoveToOuterDisposeScope()
    {
        Memory.MoveToOuterDisposeScope();
        History.MoveToOuterDisposeScope();
        return this;
    }

    /// <summary>Detaches both tensors from every dispose scope (for state kept across steps).</summary>
    public RecurrentState DetachFromDisposeScope()
    {
        Memory.DetachFromDisposeScope();
        History.DetachFromDisposeScope();
        return this;
    }

    public void Dispose()
    {
        Memory.Dispose();
        History.Dispose();
    }
}
