using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Pogema.Agents.Models;

/// <summary>
/// The shared per-agent policy: encoder, core, a categorical policy head over the 5 POGEMA actions and a value head.
/// All agents use the same weights; the core may let agents of one environment read each other's memory.
/// </summary>
public sealed class ActorCritic : Module
{
    /// <summary>POGEMA's action count: wait, up, down, left, right.</summary>
    public const int ActionCount = 5;

    private readonly ObservationEncoder _encoder;
    private readonly PolicyCore _core;
    private readonly TorchSharp.Modules.Linear _policyHead;
    private readonly TorchSharp.Modules.Linear _valueHead;

    public ActorCritic(ModelOptions options, int observationChannels, int observationSize)
        : base(nameof(ActorCritic))
    {
        options.Validate();
        Options = options;
        ObservationChannels = observationChannels;
        ObservationSize = observationSize;
        _encoder = new ObservationEncoder(observationChannels, observationSize, options.Filters, options.ResidualBlocks, options.Hidden);
        var historyLength = options.Core is "srmt" or "rmt" or "attention" ? options.HistoryLength : 0;
        _core = options.Core switch
        {
            "srmt" => new TransformerCore(options.Hidden, options.Heads, historyLength, useMemory: true, useCrossAttention: true, options.Dropout),
            "rmt" => new TransformerCore(options.Hidden, options.Heads, historyLength, useMemory: true, useCrossAttention: false, options.Dropout),
            "attention" => new TransformerCore(options.Hidden, options.Heads, historyLength, useMemory: false, useCrossAttention: false, options.Dropout),
            "gru" => new GruCore(options.Hidden),
            _ => new EmptyCore(),
        };
        HistoryLength = historyLength;
        _policyHead = LayerInit.Linear(options.Hidden, ActionCount, LayerInit.PolicyGain);
        _valueHead = LayerInit.Linear(options.Hidden, 1, LayerInit.ValueGain);
        RegisterComponents();
    }

    /// <summary>The options the network was built from.</summary>
    public ModelOptions Options { get; }

    /// <summary>Observation channels C the encoder expects.</summary>
    public int ObservationChannels { get; }

    /// <summary>Observation side D = 2r+1 the encoder expects.</summary>
    public int ObservationSize { get; }

    /// <summary>History tokens K carried in the state (0 for cores without history).</summary>
    public int HistoryLength { get; }

    /// <summary>The zero state for <paramref name="agents"/> agents.</summary>
    public RecurrentState InitialState(long agents, Device device)
    {
        return RecurrentState.Zeros(agents, Options.Hidden, HistoryLength, device);
    }

    /// <summary>
    /// One step: observations [N, C, D, D] with N = E * A (environment-major) and the carried state give action
    /// logits [N, 5], values [N] and the next state.
    /// </summary>
    public (Tensor Logits, Tensor Values, RecurrentState Next) Step(Tensor observations, RecurrentState state, int agentsPerEnv)
    {
        using var scope = NewDisposeScope();
        var encoded = _encoder.forward(observations);
        var (features, next) = _core.Step(encoded, state, agentsPerEnv);
        var logits = _policyHead.forward(features);
        var values = _valueHead.forward(features).squeeze(1);
        return (logits.MoveToOuterDisposeScope(), values.MoveToOuterDisposeScope(), next.MoveToOuterDisposeScope());
    }
}
