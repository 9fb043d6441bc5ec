using System.Runtime.InteropServices;
using TorchSharp;

namespace Pogema.Agents.Distributed;

/// <summary>
/// The address of a tensor's first element (host memory for CPU tensors, a device pointer for CUDA tensors), which
/// collective libraries take instead of a tensor. TorchSharp 0.107 keeps its <c>THSTensor_data</c> entry point
/// (which returns <c>at::Tensor::data_ptr()</c>, storage offset included) internal, so it is looked up once in the
/// LibTorchSharp library that TorchSharp itself loaded.
/// </summary>
public static unsafe class TensorMemory
{
    private static delegate* unmanaged<IntPtr, IntPtr> s_tensorData;

    /// <summary>Address of element 0 of <paramref name="tensor"/>; valid while the tensor (and its storage) lives.</summary>
    public static IntPtr DataPointer(torch.Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (s_tensorData == null)
        {
            s_tensorData = (delegate* unmanaged<IntPtr, IntPtr>)ResolveTensorData();
        }

        var pointer = s_tensorData(tensor.Handle);
        if (pointer == IntPtr.Zero && tensor.numel() > 0)
        {
            throw new InvalidOperationException("libtorch returned no data pointer for a non-empty tensor");
        }

        return pointer;
    }

    /// <summary>The elements of a contiguous float32 CPU tensor as a span over its own memory (no copy).</summary>
    public static Span<float> CpuFloats(torch.Tensor tensor)
    {
        FlatBufferChecks.Require(tensor, nameof(tensor));
        if (tensor.device_type != DeviceType.CPU)
        {
            throw new ArgumentException($"expected a CPU tensor, got {tensor.device}", nameof(tensor));
        }

        return new Span<float>((void*)DataPointer(tensor), checked((int)tensor.numel()));
    }

    private static IntPtr ResolveTensorData()
    {
        // Any TorchSharp call loads the native libraries; the lookup below then finds the already loaded copy.
        using (torch.empty(0))
        {
        }

        var library = NativeLibrary.Load("LibTorchSharp", typeof(torch).Assembly, null);
        return NativeLibrary.GetExport(library, "THSTensor_data");
    }
}
