using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pogema.Agents.Runtime;

/// <summary>
/// Process-wide libtorch settings that must be in place before libtorch runs its first kernel.
/// </summary>
public static class TorchRuntime
{
    /// <summary>
    /// The oneDNN instruction-set cap applied unless the user set <c>DNNL_MAX_CPU_ISA</c> (or <c>ONEDNN_MAX_CPU_ISA</c>)
    /// already. Measured with libtorch-cpu 2.10 on an AVX-512 AMD EPYC: the AVX-512 convolution backward kernel
    /// returned NaN or run-to-run different input gradients for small (5x5) inputs, while the AVX2 kernels give
    /// exact, repeatable gradients. The cap only affects CPU convolutions; CUDA is untouched.
    /// </summary>
    public const string OneDnnCpuIsa = "AVX2";

    private static int _initialized;

    /// <summary>Applies the settings once; safe to call many times. Runs automatically when this assembly loads.</summary>
    public static void Initialize()
    {
        if (Interlocked.Exchange(ref _initialized, 1) == 1)
        {
            return;
        }

        if (OperatingSystem.IsLinux()
            && Environment.GetEnvironmentVariable("DNNL_MAX_CPU_ISA") is null
            && Environment.GetEnvironmentVariable("ONEDNN_MAX_CPU_ISA") is null)
        {
            // .NET keeps its own copy of the environment; native getenv only sees libc's, so set it there.
            setenv("DNNL_MAX_CPU_ISA", OneDnnCpuIsa, 0);
            Environment.SetEnvironmentVariable("DNNL_MAX_CPU_ISA", OneDnnCpuIsa);
        }
    }

#pragma warning disable CA2255 // A module initializer is the only hook that runs before any torch call of a caller.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void OnLoad()
    {
        Initialize();
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int setenv(string name, string value, int overwrite);
}
