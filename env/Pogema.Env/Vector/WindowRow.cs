using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pogema.Env.Vector;

/// <summary>Byte grid rows to float observation rows: the one inner loop every observation channel runs.</summary>
internal static class WindowRow
{
    /// <summary>Writes each byte as a float (any non-zero byte as 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Widen(ReadOnlySpan<byte> source, Span<float> destination)
    {
        ref byte src = ref MemoryMarshal.GetReference(source);
        ref float dst = ref MemoryMarshal.GetReference(destination);
        for (int i = 0; i < source.Length; i++)
        {
            Unsafe.Add(ref dst, i) = Unsafe.Add(ref src, i) != 0 ? 1f : 0f;
        }
    }

    /// <summary>Writes each byte as 0 (free) or -1 (obstacle).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(ReadOnlySpan<byte> source, Span<float> destination)
    {
        ref byte src = ref MemoryMarshal.GetReference(source);
        ref float dst = ref MemoryMarshal.GetReference(destination);
        for (int i = 0; i < source.Length; i++)
        {
            Unsafe.Add(ref dst, i) = Unsafe.Add(ref src, i) != 0 ? -1f : 0f;
        }
    }
}
