using TorchSharp;
using TorchSharp.Modules;

namespace Pogema.Agents.Distributed;

/// <summary>
/// One persistent contiguous float32 buffer with a view per trainable parameter, so a collective moves all gradients
/// (or all parameters) in a single call instead of one call per tensor. Copying in and out costs two device copies
/// per parameter; the buffer itself is allocated once.
/// </summary>
public sealed class FlatParameterBuffer : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly torch.Tensor[] _views;

    /// <summary>Creates the buffer for the parameters that require gradients, on their device.</summary>
    public FlatParameterBuffer(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var trainable = new List<Parameter>();
        foreach (var parameter in parameters)
        {
            if (parameter.requires_grad)
            {
                if (parameter.dtype != torch.ScalarType.Float32)
                {
                    throw new ArgumentException($"data-parallel training averages float32 parameters, got {parameter.dtype}", nameof(parameters));
                }

                trainable.Add(parameter);
            }
        }

        if (trainable.Count == 0)
        {
            throw new ArgumentException("no trainable parameters", nameof(parameters));
        }

        _parameters = trainable.ToArray();
        long total = 0;
        foreach (var parameter in _parameters)
        {
            total += parameter.numel();
        }

        Flat = torch.zeros(total, torch.ScalarType.Float32, _parameters[0].device);
        _views = new torch.Tensor[_parameters.Length];
        long offset = 0;
        for (var i = 0; i < _parameters.Length; i++)
        {
            var count = _parameters[i].numel();
            _views[i] = Flat.narrow(0, offset, count).view(_parameters[i].shape);
            offset += count;
        }
    }

    /// <summary>The flat buffer (length = number of trainable scalars).</summary>
    public torch.Tensor Flat { get; }

    /// <summary>Number of parameter tensors covered.</summary>
    public int Count => _parameters.Length;

    /// <summary>Copies every gradient into the buffer; a parameter without a gradient contributes zeros.</summary>
    public void GatherGradients()
    {
        using var _ = torch.no_grad();
        for (var i = 0; i < _parameters.Length; i++)
        {
            var grad = _parameters[i].grad;
            if (grad is null)
            {
                _views[i].zero_();
            }
            else
            {
                _views[i].copy_(grad);
            }
        }
    }

    /// <summary>Copies the buffer back into the gradients, creating a gradient where a parameter had none.</summary>
    public void ScatterGradients()
    {
        using var _ = torch.no_grad();
        for (var i = 0; i < _parameters.Length; i++)
        {
            var grad = _parameters[i].grad;
            if (grad is null)
            {
                _parameters[i].grad = _views[i].clone();
            }
            else
            {
                grad.copy_(_views[i]);
            }
        }
    }

    /// <summary>Copies every parameter's values into the buffer.</summary>
    public void GatherParameters()
    {
        using var _ = torch.no_grad();
        for (var i = 0; i < _parameters.Length; i++)
        {
            _views[i].copy_(_parameters[i]);
        }
    }

    /// <summary>Copies the buffer into the parameters' values.</summary>
    public void ScatterParameters()
    {
        using var _ = torch.no_grad();
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].copy_(_views[i]);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var view in _views)
        {
            view.Dispose();
        }

        Flat.Dispose();
    }
}
