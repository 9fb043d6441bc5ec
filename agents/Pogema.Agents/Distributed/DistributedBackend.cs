using TorchSharp;

namespace Pogema.Agents.Distributed;

/// <summary>Connects a worker to its peers and returns the collective backend for its device.</summary>
public static class DistributedBackend
{
    /// <summary>
    /// One worker: <see cref="LocalAllReduce"/>, nothing loaded. Several: the TCP rendezvous shares a fresh NCCL id
    /// from rank 0, then every rank joins the NCCL communicator on <paramref name="device"/> (cuda:0 of the worker,
    /// see <see cref="CudaDeviceIsolation"/>). <paramref name="log"/> receives one line about the connection.
    /// </summary>
    public static IGradientAllReduce Connect(DistributedSettings settings, torch.Device device, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.IsDistributed)
        {
            return new LocalAllReduce();
        }

        if (device.type != DeviceType.CUDA)
        {
            throw new Pogema.Env.PogemaInputException(
                $"--gpus/WORLD_SIZE={settings.WorldSize}: data-parallel training averages gradients with NCCL on CUDA devices, but this worker's device is {device}; use --device cuda");
        }

        NcclUniqueId id;
        if (settings.Rank == 0)
        {
            using var server = RendezvousServer.Listen(settings.MasterAddress, settings.MasterPort, settings.WorldSize);
            id = NcclAllReduce.CreateUniqueId();
            server.Distribute(id.ToArray(), settings.RendezvousTimeout);
        }
        else
        {
            var bytes = RendezvousClient.Join(settings.MasterAddress, settings.MasterPort, settings.Rank, settings.WorldSize, settings.RendezvousTimeout);
            id = NcclUniqueId.FromBytes(bytes);
        }

        var backend = new NcclAllReduce(id, settings.Rank, settings.WorldSize, device);
        log?.WriteLine(
            $"rank {settings.Rank}/{settings.WorldSize}: NCCL {backend.Library.VersionText} ({backend.Library.Path}) on {device}, " +
            $"CUDA_VISIBLE_DEVICES={Environment.GetEnvironmentVariable(CudaDeviceIsolation.VisibleDevicesVariable) ?? "unset"}");
        return backend;
    }
}
