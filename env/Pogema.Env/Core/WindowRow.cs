using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Pogema.Env;

/// <summary>
/// 0/1 byte grid rows to float observation rows: the one inner loop every observation channel of both presets runs.
/// The grids hold only 0 and 1, so a plain conversion is exact and has no branch to mispredict on randomly placed
/// agents. A window row is short (2r + 1 cells, 11 at r = 5), so a call to a general copy routine costs more than the
/// row itself; rows of 4 or more cells are written as whole vectors instead, the last one overlapping the one before
/// (it writes the same values again), so any row length needs no scalar tail.
/// </summary>
internal static class WindowRow
{
    /// <summary>Writes each 0/1 byte as 0f/1f.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Widen(ReadOnlySpan<byte> source, Span<float> destination) => Convert(source, destination, negate: false);

    /// <summary>Writes each 0/1 byte as 0f (free) or -1f (obstacle); never -0f.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(ReadOnlySpan<byte> source, Span<float> destination) => Convert(source, destination, negate: true);

    // Inlined into both callers with a constant `negate`, so the JIT drops the branch on it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Convert(ReadOnlySpan<byte> source, Span<float> destination, bool negate)
    {
        int length = source.Length;
        if ((uint)length > (uint)destination.Length)
        {
            ThrowTooShort();
        }

        ref byte src = ref MemoryMarshal.GetReference(source);
        ref float dst = ref MemoryMarshal.GetReference(destination);
        if (Avx2.IsSupported && length >= 8)
        {
            int last = length - 8;
            for (int i = 0; i < last; i += 8)
            {
                Widen8(ref Unsafe.Add(ref src, i), ref Unsafe.Add(ref dst, i), negate);
            }

            Widen8(ref Unsafe.Add(ref src, last), ref Unsafe.Add(ref dst, last), negate);
            return;
        }

        if (Sse41.IsSupported && length >= 4)
        {
            int last = length - 4;
            for (int i = 0; i < last; i += 4)
            {
                Widen4(ref Unsafe.Add(ref src, i), ref Unsafe.Add(ref dst, i), negate);
            }

            Widen4(ref Unsafe.Add(ref src, last), ref Unsafe.Add(ref dst, last), negate);
            return;
        }

        for (int i = 0; i < length; i++)
        {
            int value = Unsafe.Add(ref src, i);
            Unsafe.Add(ref dst, i) = negate ? -value : value;
        }
    }

    /// <summary>8 bytes to 8 floats; the negation is done on integers so a free cell stays +0f.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Widen8(ref byte src, ref float dst, bool negate)
    {
        Vector128<byte> bytes = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref src)).AsByte();
        Vector256<int> ints = Avx2.ConvertToVector256Int32(bytes);
        if (negate)
        {
            ints = Vector256<int>.Zero - ints;
        }

        Avx.ConvertToVector256Single(ints).StoreUnsafe(ref dst);
    }

    /// <summary>4 bytes to 4 floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Widen4(ref byte src, ref float dst, bool negate)
    {
        Vector128<byte> bytes = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<uint>(ref src)).AsByte();
        Vector128<int> ints = Sse41.ConvertToVector128Int32(bytes);
        if (negate)
        {
            ints = Vector128<int>.Zero - ints;
        }

        Sse2.ConvertToVector128Single(ints).StoreUnsafe(ref dst);
    }

    private static void ThrowTooShort() => throw new ArgumentException("destination is shorter than the source row", "destination");
}
