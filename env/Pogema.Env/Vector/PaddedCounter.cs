using System.Runtime.InteropServices;

namespace Pogema.Env.Vector;

/// <summary>
/// A counter alone in its cache line (64 bytes of padding on each side, for the adjacent-line prefetcher too), so
/// threads that write neighbouring counters do not contend for one line.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 192)]
internal struct PaddedCounter
{
    [FieldOffset(64)]
    public long Value;
}
