using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Pogema.Agents.Models;

/// <summary>
/// One pre-LayerNorm transformer block over the token sequence [memory?, last K encoder outputs, current output],
/// optionally followed by cross-attention to the memories of all agents in the same environment, then a final
/// LayerNorm. Serves the <c>srmt</c> (memory + cross-attention), <c>rmt</c> (memory only) and <c>attention</c>
/// (history only) cores. Self-attention has no causal mask, so the memory token reads the current observation;
/// the position table has exactly one row per token.
/// </summary>
public sealed class TransformerCore : PolicyCore
{
    private readonly TorchSharp.Modules.Parameter _positions;
    private readonly TorchSharp.Modules.LayerNorm _selfNorm;
    private readonly MultiHeadAttention _selfAttention;
    private readonly TorchSharp.Modules.LayerNorm? _crossNorm;
    private readonly MultiHeadAttention? _crossAttention;
    private readonly TorchSharp.Modules.LayerNorm _mlpNorm;
    private readonly TorchSharp.Modules.Linear _mlpIn;
    private readonly TorchSharp.Modules.Linear _mlpOut;
    private readonly TorchSharp.Modules.LayerNorm _finalNorm;
    private readonly TorchSharp.Modules.Linear? _memoryHead;
    private readonly TorchSharp.Modules.Dropout _dropout;
    private readonly bool _useMemory;
    private readonly bool _useHistory;

    public TransformerCore(int hidden, int heads, int historyLength, bool useMemory, bool useCrossAttention, double dropout)
        : base(nameof(TransformerCore))
    {
        if (useCrossAttention && !useMemory)
        {
            throw new ArgumentException("cross-attention reads memories, so it needs the memory token");
        }

        _useMemory = useMemory;
        _useHistory = historyLength > 0;
        var tokens = historyLength + 1 + (useMemory ? 1 : 0);
        _positions = new TorchSharp.Modules.Parameter(normal(0.0, 0.02, new long[] { tokens, hidden }));
        _selfNorm = nn.LayerNorm(hidden);
        _selfAttention = new MultiHeadAttention(hidden, heads, dropout);
        if (useCrossAttention)
        {
            _crossNorm = nn.LayerNorm(hidden);
            _crossAttention = new MultiHeadAttention(hidden, heads, dropout);
        }

        _mlpNorm = nn.LayerNorm(hidden);
        _mlpIn = LayerInit.Linear(hidden, 4 * hidden, LayerInit.ReluGain);
        _mlpOut = LayerInit.Linear(4 * hidden, hidden, 1.0);
        _finalNorm = nn.LayerNorm(hidden);
        if (useMemory)
        {
            _memoryHead = LayerInit.Linear(hidden, hidden, 1.0, hasBias: false);
        }

        _dropout = nn.Dropout(dropout);
        RegisterComponents();
    }

    public override (Tensor Features, RecurrentState Next) Step(Tensor encoded, RecurrentState state, int agentsPerEnv)
    {
        using var scope = NewDisposeScope();
        var n = encoded.shape[0];
        var hidden = encoded.shape[1];
        var current = encoded.unsqueeze(1);
        var parts = new List<Tensor>(3);
        if (_useMemory)
        {
            parts.Add(state.Memory.unsqueeze(1));
        }

        if (_useHistory)
        {
            parts.Add(state.History);
        }

        parts.Add(current);
        var x = (parts.Count == 1 ? current : cat(parts, 1)) + _positions;
        var tokens = x.shape[1];

        var normed = _selfNorm.forward(x);
        x = x + _dropout.forward(_selfAttention.forward(normed, normed));

        if (_crossAttention is not null)
        {
            // Queries of all agents of one environment attend to that environment's memories only:
            // [E, A*T, H] against [E, A, H].
            var environments = n / agentsPerEnv;
            var queries = _crossNorm!.forward(x).reshape(environments, agentsPerEnv * tokens, hidden);
            var memories = state.Memory.reshape(environments, agentsPerEnv, hidden);
            var read = _crossAttention.forward(queries, memories).reshape(n, tokens, hidden);
            x = x + _dropout.forward(read);
        }

        var mlp = _mlpOut.forward(functional.gelu(_mlpIn.forward(_mlpNorm.forward(x))));
        x = _finalNorm.forward(x + _dropout.forward(mlp));

        var features = x.select(1, tokens - 1);
        var memory = _useMemory ? _memoryHead!.forward(x.select(1, 0)) : state.Memory.alias();
        var history = _useHistory ? cat(new[] { state.History.narrow(1, 1, state.History.shape[1] - 1), current }, 1) : state.History.alias();
        features.MoveToOuterDisposeScope();
        return (features, new RecurrentState(memory, history).MoveToOuterDisposeScope());
    }
}
