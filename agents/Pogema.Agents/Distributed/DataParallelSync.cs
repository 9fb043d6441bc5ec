using TorchSharp;
using TorchSharp.Modules;

namespace Pogema.Agents.Distributed;

/// <summary>
/// What a data-parallel trainer calls: <see cref="BroadcastParameters"/> once after building (or loading) the model,
/// so every replica starts from rank 0's weights, and <see cref="AverageGradients"/> after each backward pass and
/// before gradient clipping and the optimizer step, so every replica takes the same step. With one worker both are
/// free.
/// </summary>
public sealed class DataParallelSync : IDisposable
{
    private readonly IGradientAllReduce _allReduce;
    private readonly FlatParameterBuffer? _buffer;
    private readonly FlatParameterBuffer? _check;

    /// <summary>
    /// Synchronizes <paramref name="parameters"/> (the model's trainable parameters) through
    /// <paramref name="allReduce"/>. With <paramref name="checkReplicas"/>, <see cref="AfterOptimizerStep"/> compares
    /// all replicas after every step.
    /// </summary>
    public DataParallelSync(IGradientAllReduce allReduce, IEnumerable<Parameter> parameters, bool checkReplicas = false)
    {
        _allReduce = allReduce ?? throw new ArgumentNullException(nameof(allReduce));
        CheckReplicas = checkReplicas;
        if (allReduce.WorldSize > 1)
        {
            var list = parameters.ToList();
            _buffer = new FlatParameterBuffer(list);
            _check = new FlatParameterBuffer(list);
        }
    }

    /// <summary>The collective backend.</summary>
    public IGradientAllReduce AllReduce => _allReduce;

    /// <summary>Whether <see cref="AfterOptimizerStep"/> compares the replicas.</summary>
    public bool CheckReplicas { get; }

    /// <summary>Optimizer steps taken so far (counted by <see cref="AfterOptimizerStep"/>).</summary>
    public long Steps { get; private set; }

    /// <summary>Steps after which the replicas were compared and found identical.</summary>
    public long StepsChecked { get; private set; }

    /// <summary>True when more than one worker trains.</summary>
    public bool IsDistributed => _allReduce.WorldSize > 1;

    /// <summary>Replaces every gradient with its mean over all workers (one collective on one flat buffer).</summary>
    public void AverageGradients()
    {
        if (_buffer is null)
        {
            return;
        }

        _buffer.GatherGradients();
        _allReduce.AllReduceMean(_buffer.Flat);
        _buffer.ScatterGradients();
    }

    /// <summary>
    /// Replaces <paramref name="values"/> with their means over all workers. Every statistic that steers the update
    /// (the approximate KL behind an adaptive learning rate, an early stop) must go through here, or the replicas
    /// would take different steps.
    /// </summary>
    public void AverageScalars(Span<double> values)
    {
        if (_buffer is null || values.IsEmpty)
        {
            return;
        }

        var host = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            host[i] = (float)values[i];
        }

        using var buffer = torch.tensor(host, device: _buffer.Flat.device);
        _allReduce.AllReduceMean(buffer);
        using var back = buffer.cpu();
        var averaged = back.data<float>();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = averaged[i];
        }
    }

    /// <summary>The mean of <paramref name="value"/> over all workers (see <see cref="AverageScalars"/>).</summary>
    public double AverageScalar(double value)
    {
        Span<double> values = [value];
        AverageScalars(values);
        return values[0];
    }

    /// <summary>Overwrites every replica's parameters with rank 0's.</summary>
    public void BroadcastParameters()
    {
        if (_buffer is null)
        {
            return;
        }

        _buffer.GatherParameters();
        _allReduce.Broadcast(_buffer.Flat);
        _buffer.ScatterParameters();
    }

    /// <summary>
    /// Compares this replica's parameters with rank 0's, element by element, and returns the sum over workers of
    /// each one's largest absolute difference: 0 exactly when all replicas are identical, which they must be, since
    /// every rank applies the same averaged gradients with the same optimizer state. Every rank gets the same value.
    /// </summary>
    public double ReplicaDifference()
    {
        if (_buffer is null || _check is null)
        {
            return 0;
        }

        _buffer.GatherParameters();
        _check.GatherParameters();
        _allReduce.Broadcast(_check.Flat);
        using var local = (_buffer.Flat - _check.Flat).abs_().max();

        // The mean of non-negative values is zero only if all are; times the world size it is their sum.
        using var shared = local.reshape(1).to(torch.ScalarType.Float32).contiguous();
        _allReduce.AllReduceMean(shared);
        return shared.item<float>() * _allReduce.WorldSize;
    }

    /// <summary>
    /// Call after each optimizer step. With replica checking on, compares every replica with rank 0 and throws
    /// <see cref="ReplicaMismatchException"/> on every rank at the first difference.
    /// </summary>
    public void AfterOptimizerStep()
    {
        Steps++;
        if (!CheckReplicas || !IsDistributed)
        {
            return;
        }

        var difference = ReplicaDifference();
        if (difference != 0)
        {
            throw new ReplicaMismatchException(
                $"replicas differ after optimizer step {Steps} (sum over {_allReduce.WorldSize} workers of the largest parameter difference from rank 0: {difference:G6}); " +
                $"they were identical after {StepsChecked} step(s)");
        }

        StepsChecked = Steps;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _buffer?.Dispose();
        _check?.Dispose();
    }
}
