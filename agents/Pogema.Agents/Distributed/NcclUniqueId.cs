using System.Runtime.InteropServices;

namespace Pogema.Agents.Distributed;

/// <summary>
/// NCCL's <c>ncclUniqueId</c>: 128 opaque bytes made by rank 0 and handed to every rank (through the rendezvous)
/// so that they join the same communicator. Passed by value to <c>ncclCommInitRank</c>, as in the C API.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = Size)]
public unsafe struct NcclUniqueId
{
    /// <summary>Size of the id in bytes (<c>NCCL_UNIQUE_ID_BYTES</c>).</summary>
    public const int Size = 128;

    private fixed byte _bytes[Size];

    /// <summary>Builds an id from the bytes received from rank 0.</summary>
    public static NcclUniqueId FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"an NCCL unique id has {Size} bytes, got {bytes.Length}", nameof(bytes));
        }

        var id = default(NcclUniqueId);
        bytes.CopyTo(new Span<byte>(id._bytes, Size));
        return id;
    }

    /// <summary>The id's bytes, to send to the other ranks.</summary>
    public readonly byte[] ToArray()
    {
        var result = new byte[Size];
        fixed (byte* bytes = _bytes)
        {
            new ReadOnlySpan<byte>(bytes, Size).CopyTo(result);
        }

        return result;
    }
}
