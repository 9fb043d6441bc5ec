using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Pogema.Env;

/// <summary>
/// 0/1 byte grid windows to float observation channels: the one inner loop every observation channel of both presets
/// runs. The grids hold only 0 and 1, so a plain conversion is exact and has no branch to mispredict on randomly
/// placed agents. A window row is short (2r + 1 cells: 5 at r = 2, 11 at r = 5), so a call to a general copy routine
/// costs more than the row itself, and so does choosing how to convert it: rows of 4 to 16 cells are written as two
/// whole vectors, the second overlapping the first (it writes the same values again), with that choice made once per
/// window, and the window's bounds checked once rather than per row.
/// </summary>
internal static class WindowRow
{
    /// <summary>
    /// Writes the <paramref name="size"/> x <paramref name="size"/> window of <paramref name="grid"/> whose top-left
    /// cell is <paramref name="corner"/> (rows <paramref name="stride"/> cells apart) row by row into
    /// <paramref name="destination"/>, each 0/1 byte as 0f/1f.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WidenWindow(ReadOnlySpan<byte> grid, int corner, int stride, int size, Span<float> destination) =>
        ConvertWindow(grid, corner, stride, size, destination, negate: false);

    /// <summary>As <see cref="WidenWindow"/>, each 0/1 byte as 0f (free) or -1f (obstacle).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NegateWindow(ReadOnlySpan<byte> grid, int corner, int stride, int size, Span<float> destination) =>
        ConvertWindow(grid, corner, stride, size, destination, negate: true);

    // Inlined into the callers with a constant `negate`, so the JIT drops the branch on it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ConvertWindow(ReadOnlySpan<byte> grid, int corner, int stride, int size, Span<float> destination, bool negate)
    {
        // One check for the whole window: its last row ends inside the grid, and the destination holds every row.
        long lastRowEnd = corner + ((long)(size - 1) * stride) + size;
        if (corner < 0 || size < 1 || lastRowEnd > grid.Length)
        {
            ThrowOutside();
        }

        if ((long)size * size > destination.Length)
        {
            ThrowTooShort();
        }

        ref byte src = ref Unsafe.Add(ref MemoryMarshal.GetReference(grid), corner);
        ref float dst = ref MemoryMarshal.GetReference(destination);
        if (Avx2.IsSupported && size >= 8 && size <= 16)
        {
            int last = size - 8;
            for (int row = 0; row < size; row++)
            {
                ref byte rowSrc = ref Unsafe.Add(ref src, row * stride);
                ref float rowDst = ref Unsafe.Add(ref dst, row * size);
                Widen8(ref rowSrc, ref rowDst, negate);
                Widen8(ref Unsafe.Add(ref rowSrc, last), ref Unsafe.Add(ref rowDst, last), negate);
            }

            return;
        }

        // The same loop as above with 4-wide vectors. Kept as a copy: one helper taking the width as a constant
        // measured 10 % slower per window (the JIT did not fold the width through two levels of inlining).
        if (Sse41.IsSupported && size >= 4 && size <= 8)
        {
            int last = size - 4;
            for (int row = 0; row < size; row++)
            {
                ref byte rowSrc = ref Unsafe.Add(ref src, row * stride);
                ref float rowDst = ref Unsafe.Add(ref dst, row * size);
                Widen4(ref rowSrc, ref rowDst, negate);
                Widen4(ref Unsafe.Add(ref rowSrc, last), ref Unsafe.Add(ref rowDst, last), negate);
            }

            return;
        }

        for (int row = 0; row < size; row++)
        {
            ConvertRow(ref Unsafe.Add(ref src, row * stride), ref Unsafe.Add(ref dst, row * size), size, negate);
        }
    }

    /// <summary>Any row length: whole vectors, the last one overlapping, or cell by cell below 4 cells.</summary>
    private static void ConvertRow(ref byte src, ref float dst, int length, bool negate)
    {
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

    private static void ThrowOutside() => throw new ArgumentOutOfRangeException("corner", "the window is not inside the grid");

    private static void ThrowTooShort() => throw new ArgumentException("destination is shorter than the window", "destination");
}
