using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pogema.Env.Vector;

/// <summary>
/// 0/1 byte grid rows to float observation rows: the one inner loop every observation channel runs. The grids hold
/// only 0 and 1, so a plain conversion is exact and has no branch to mispredict on randomly placed agents.
/// </summary>
internal static class WindowRow
{
    /// <summary>Writes each 0/1 byte as 0f/1f.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Widen(ReadOnlySpan<byte> source, Span<float> destination)
    {
        ref byte src = ref MemoryMarshal.GetReference(source);
        ref float dst = ref MemoryMarshal.GetReference(destination);
        for (int i = 0; i < source.Length; i++)
        {
            Unsafe.Add(ref dst, i) = Unsafe.Add(ref src, i);
        }
    }

    /// <summary>Writes each 0/1 byte as 0f (free) or -1f (obstacle).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(ReadOnlySpan<byte> source, Span<float> destination)
    {
        ref byte src = ref MemoryMarshal.GetReference(source);
        ref float dst = ref MemoryMarshal.GetReference(destination);
        for (int i = 0; i < source.Length; i++)
        {
            Unsafe.Add(ref dst, i) = -(int)Unsafe.Add(ref src, i);
        }
    }
}
