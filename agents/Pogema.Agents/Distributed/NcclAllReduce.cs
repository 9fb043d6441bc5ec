using TorchSharp;

namespace Pogema.Agents.Distributed;

/// <summary>
/// <see cref="IGradientAllReduce"/> over NCCL for CUDA tensors, one communicator per process and one GPU per rank.
/// </summary>
/// <remarks>
/// NCCL binds a communicator to the calling thread's current CUDA device, and TorchSharp offers no
/// <c>cudaSetDevice</c>, so each worker process sees exactly its own GPU (CUDA_VISIBLE_DEVICES, arranged by
/// <see cref="CudaDeviceIsolation"/>) and that GPU is <c>cuda:0</c> inside it. TorchSharp exposes no current stream
/// either: collectives run on the default (legacy) stream, the one libtorch uses too, after a
/// <c>torch.cuda.synchronize()</c>, so they are ordered after the backward pass that produced the gradients and
/// before the optimizer step that reads them.
/// </remarks>
public sealed class NcclAllReduce : IGradientAllReduce
{
    private readonly NcclLibrary _nccl;
    private readonly torch.Device _device;
    private readonly torch.Tensor _barrierToken;
    private IntPtr _comm;

    /// <summary>
    /// Joins the communicator named by <paramref name="id"/> as <paramref name="rank"/> of <paramref name="worldSize"/>
    /// on <paramref name="device"/> (which must be <c>cuda:0</c>, see remarks). Blocks until every rank has joined.
    /// </summary>
    public NcclAllReduce(NcclUniqueId id, int rank, int worldSize, torch.Device device)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(worldSize, 1);
        if (rank < 0 || rank >= worldSize)
        {
            throw new ArgumentOutOfRangeException(nameof(rank), rank, $"rank must be in [0, {worldSize})");
        }

        if (device.type != DeviceType.CUDA)
        {
            throw new ArgumentException($"NCCL needs a CUDA device, got {device}", nameof(device));
        }

        if (device.index > 0)
        {
            throw new ArgumentException(
                $"NCCL uses the current CUDA device, which is cuda:0 here; give each worker process its own GPU through CUDA_VISIBLE_DEVICES instead of {device}",
                nameof(device));
        }

        _nccl = NcclLibrary.Shared;
        _device = device;
        Rank = rank;
        WorldSize = worldSize;

        // Creates the CUDA context on this device before NCCL looks for the current device.
        _barrierToken = torch.zeros(1, torch.ScalarType.Float32, device);
        torch.cuda.synchronize(device);
        _comm = _nccl.CommInitRank(worldSize, id, rank);
    }

    /// <summary>Makes a fresh communicator id; rank 0 calls this and shares the bytes through the rendezvous.</summary>
    public static NcclUniqueId CreateUniqueId() => NcclLibrary.Shared.GetUniqueId();

    /// <inheritdoc />
    public int Rank { get; }

    /// <inheritdoc />
    public int WorldSize { get; }

    /// <summary>The loaded NCCL library (path and version), for the run log.</summary>
    public NcclLibrary Library => _nccl;

    /// <inheritdoc />
    public void AllReduceMean(torch.Tensor flatGradients)
    {
        var pointer = Prepare(flatGradients, nameof(flatGradients));
        var op = _nccl.SupportsAverage ? NcclReduction.Average : NcclReduction.Sum;
        _nccl.AllReduce(pointer, pointer, flatGradients.numel(), NcclDataType.Float32, op, _comm, IntPtr.Zero);
        if (op == NcclReduction.Sum)
        {
            flatGradients.div_(WorldSize);
        }
    }

    /// <inheritdoc />
    public void Broadcast(torch.Tensor flatParameters, int root = 0)
    {
        FlatBufferChecks.RequireRoot(root, WorldSize);
        var pointer = Prepare(flatParameters, nameof(flatParameters));
        _nccl.Broadcast(pointer, pointer, flatParameters.numel(), NcclDataType.Float32, root, _comm, IntPtr.Zero);
    }

    /// <inheritdoc />
    public void Barrier()
    {
        AllReduceMean(_barrierToken);
        torch.cuda.synchronize(_device);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_comm != IntPtr.Zero)
        {
            torch.cuda.synchronize(_device);
            var comm = _comm;
            _comm = IntPtr.Zero;
            _nccl.CommDestroy(comm);
        }

        _barrierToken.Dispose();
    }

    private IntPtr Prepare(torch.Tensor buffer, string name)
    {
        ObjectDisposedException.ThrowIf(_comm == IntPtr.Zero, this);
        FlatBufferChecks.Require(buffer, name);
        if (buffer.device_type != DeviceType.CUDA)
        {
            throw new ArgumentException($"NCCL buffers live on the GPU, got a tensor on {buffer.device}", name);
        }

        torch.cuda.synchronize(_device);
        return TensorMemory.DataPointer(buffer);
    }
}
