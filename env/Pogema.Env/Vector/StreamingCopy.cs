using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Pogema.Env.Vector;

/// <summary>
/// Copies floats into memory that will not be read again soon with non-temporal (streaming) stores: a store to a
/// cache line that is not cached would otherwise first read the line from memory (read for ownership), doubling the
/// memory traffic of writing a buffer far larger than the caches. The aligned middle is streamed, the unaligned head
/// and tail are stored normally. Where the processor has no streaming stores (not x86), this is a plain copy.
/// </summary>
internal static class StreamingCopy
{
    /// <summary>Whether <see cref="Copy"/> streams (x86 with SSE2); otherwise it copies plainly.</summary>
    public static bool IsStreaming => Sse2.IsSupported;

    /// <summary>
    /// Copies <paramref name="source"/> into <paramref name="destination"/> (the same length). Streamed stores are
    /// weakly ordered: call <see cref="Fence"/> before another thread may read the destination.
    /// </summary>
    public static unsafe void Copy(ReadOnlySpan<float> source, Span<float> destination)
    {
        if (!Sse2.IsSupported || source.Length < 16)
        {
            source.CopyTo(destination);
            return;
        }

        fixed (float* from = source)
        fixed (float* to = destination)
        {
            int length = source.Length;
            int alignment = Avx.IsSupported ? 32 : 16;

            // Floats are 4-byte aligned, so a whole number of floats reaches the next aligned address.
            int head = (int)(((nuint)alignment - ((nuint)to & (nuint)(alignment - 1))) & (nuint)(alignment - 1)) / sizeof(float);
            int i = 0;
            for (; i < head; i++)
            {
                to[i] = from[i];
            }

            if (Avx.IsSupported)
            {
                for (; i + 8 <= length; i += 8)
                {
                    Avx.StoreAlignedNonTemporal(to + i, Avx.LoadVector256(from + i));
                }
            }
            else
            {
                for (; i + 4 <= length; i += 4)
                {
                    Sse.StoreAlignedNonTemporal(to + i, Sse.LoadVector128(from + i));
                }
            }

            for (; i < length; i++)
            {
                to[i] = from[i];
            }
        }
    }

    /// <summary>Orders this thread's streamed stores before its later stores (an <c>sfence</c>); nothing elsewhere.</summary>
    public static void Fence()
    {
        if (Sse.IsSupported)
        {
            Sse.StoreFence();
        }
    }
}
