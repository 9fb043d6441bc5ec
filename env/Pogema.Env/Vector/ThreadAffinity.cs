using System.Runtime.InteropServices;

namespace Pogema.Env.Vector;

/// <summary>
/// Reads the CPUs the calling thread may run on and pins the calling thread to one of them (Linux
/// <c>sched_getaffinity</c>/<c>sched_setaffinity</c> with pid 0, which acts on the calling thread alone). Elsewhere
/// nothing is known and nothing is pinned. A pinned worker keeps its caches and is never moved onto a core where
/// another worker spins.
/// </summary>
internal static partial class ThreadAffinity
{
    // 1,024 CPUs: glibc's cpu_set_t; a machine with more is left unpinned (the call fails with EINVAL).
    private const int MaskWords = 1024 / 64;

    /// <summary>The CPUs the calling thread may run on, ascending; empty where this is not Linux or the call fails.</summary>
    public static int[] AllowedCpus()
    {
        if (!OperatingSystem.IsLinux())
        {
            return [];
        }

        Span<ulong> mask = stackalloc ulong[MaskWords];
        try
        {
            if (GetAffinity(0, (nuint)(MaskWords * sizeof(ulong)), ref MemoryMarshal.GetReference(mask)) != 0)
            {
                return [];
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without these calls: nothing is known, nothing will be pinned.
            return [];
        }

        var cpus = new List<int>();
        for (int cpu = 0; cpu < MaskWords * 64; cpu++)
        {
            if ((mask[cpu >> 6] & (1UL << (cpu & 63))) != 0)
            {
                cpus.Add(cpu);
            }
        }

        return [.. cpus];
    }

    /// <summary>Pins the calling thread to <paramref name="cpu"/>; false where it cannot be done (then nothing changed).</summary>
    public static bool PinCurrentThread(int cpu)
    {
        if (!OperatingSystem.IsLinux() || cpu < 0 || cpu >= MaskWords * 64)
        {
            return false;
        }

        Span<ulong> mask = stackalloc ulong[MaskWords];
        mask.Clear();
        mask[cpu >> 6] = 1UL << (cpu & 63);
        try
        {
            return SetAffinity(0, (nuint)(MaskWords * sizeof(ulong)), ref MemoryMarshal.GetReference(mask)) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "sched_getaffinity")]
    private static partial int GetAffinity(int pid, nuint size, ref ulong mask);

    [LibraryImport("libc", EntryPoint = "sched_setaffinity")]
    private static partial int SetAffinity(int pid, nuint size, ref ulong mask);
}
