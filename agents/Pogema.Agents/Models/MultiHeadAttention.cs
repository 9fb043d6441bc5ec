using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Pogema.Agents.Models;

/// <summary>
/// Batch-first multi-head attention over [B, Lq, H] queries and [B, Lk, H] keys/values, through
/// scaled_dot_product_attention. No mask: every query sees every key (the memory token reads the observations).
/// </summary>
public sealed class MultiHeadAttention : Module<Tensor, Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Linear _query;
    private readonly TorchSharp.Modules.Linear _key;
    private readonly TorchSharp.Modules.Linear _value;
    private readonly TorchSharp.Modules.Linear _output;
    private readonly int _heads;
    private readonly double _dropout;

    public MultiHeadAttention(int hidden, int heads, double dropout)
        : base(nameof(MultiHeadAttention))
    {
        if (hidden % heads != 0)
        {
            throw new ArgumentException($"hidden size {hidden} is not a multiple of the head count {heads}");
        }

        _heads = heads;
        _dropout = dropout;
        _query = LayerInit.Linear(hidden, hidden, 1.0);
        _key = LayerInit.Linear(hidden, hidden, 1.0);
        _value = LayerInit.Linear(hidden, hidden, 1.0);
        _output = LayerInit.Linear(hidden, hidden, 1.0);
        RegisterComponents();
    }

    public override Tensor forward(Tensor queries, Tensor keysValues)
    {
        using var scope = NewDisposeScope();
        var b = queries.shape[0];
        var lq = queries.shape[1];
        var lk = keysValues.shape[1];
        var h = queries.shape[2];
        var d = h / _heads;
        var q = _query.forward(queries).view(b, lq, _heads, d).transpose(1, 2);
        var k = _key.forward(keysValues).view(b, lk, _heads, d).transpose(1, 2);
        var v = _value.forward(keysValues).view(b, lk, _heads, d).transpose(1, 2);
        var p = training ? _dropout : 0.0;
        var attended = functional.scaled_dot_product_attention(q, k, v, null, p, false);
        var merged = attended.transpose(1, 2).reshape(b, lq, h);
        return _output.forward(merged).MoveToOuterDisposeScope();
    }
}
