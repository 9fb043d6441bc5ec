using System.Runtime.InteropServices;
using Pogema.Env;

namespace Pogema.Agents.Distributed;

/// <summary>
/// Gives a worker process exactly one GPU by narrowing CUDA_VISIBLE_DEVICES to its LOCAL_RANK-th entry before CUDA
/// starts, so that the GPU is <c>cuda:0</c> inside the process and is the current device NCCL binds to.
/// </summary>
public static unsafe class CudaDeviceIsolation
{
    /// <summary>The CUDA variable that lists the GPUs a process may see.</summary>
    public const string VisibleDevicesVariable = "CUDA_VISIBLE_DEVICES";

    /// <summary>
    /// The CUDA_VISIBLE_DEVICES value for local rank <paramref name="localRank"/> given the current value
    /// <paramref name="visibleDevices"/>, or null when the process already sees exactly one GPU.
    /// </summary>
    public static string? VisibleDevicesFor(int localRank, string? visibleDevices)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(localRank);
        if (string.IsNullOrWhiteSpace(visibleDevices))
        {
            return localRank.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var devices = visibleDevices.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (devices.Length == 1)
        {
            return null;
        }

        if (localRank >= devices.Length)
        {
            throw new PogemaInputException(
                $"LOCAL_RANK={localRank}: {VisibleDevicesVariable}={visibleDevices} lists only {devices.Length} GPU(s); use --gpus {devices.Length} or fewer per node");
        }

        return devices[localRank];
    }

    /// <summary>
    /// Narrows CUDA_VISIBLE_DEVICES of this process for <paramref name="localRank"/>. Must run before the first CUDA
    /// call: CUDA reads the variable once, when it initializes. Sets the native environment (setenv), which
    /// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach on Unix.
    /// </summary>
    public static void Apply(int localRank)
    {
        var value = VisibleDevicesFor(localRank, Environment.GetEnvironmentVariable(VisibleDevicesVariable));
        if (value is null)
        {
            return;
        }

        Environment.SetEnvironmentVariable(VisibleDevicesVariable, value);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var libc = NativeLibrary.Load(OperatingSystem.IsLinux() ? "libc.so.6" : "libc.dylib");
        var setenv = (delegate* unmanaged<byte*, byte*, int, int>)NativeLibrary.GetExport(libc, "setenv");
        fixed (byte* name = System.Text.Encoding.UTF8.GetBytes(VisibleDevicesVariable + "\0"))
        fixed (byte* text = System.Text.Encoding.UTF8.GetBytes(value + "\0"))
        {
            if (setenv(name, text, 1) != 0)
            {
                throw new InvalidOperationException($"setenv({VisibleDevicesVariable}) failed");
            }
        }
    }
}
