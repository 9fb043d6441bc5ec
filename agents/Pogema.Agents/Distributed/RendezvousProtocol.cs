using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Pogema.Agents.Distributed;

/// <summary>
/// The bytes the rendezvous exchanges over TCP, all integers little-endian. A joining rank sends
/// <c>"PGMR", version, rank, worldSize</c>; rank 0 answers <c>status, length, bytes</c> once everyone is there,
/// where status 0 carries the payload (NCCL's unique id) and status 1 an error message.
/// </summary>
internal static class RendezvousProtocol
{
    public const int Version = 1;
    public const int HelloSize = 16;
    public const int StatusOk = 0;
    public const int StatusError = 1;

    /// <summary>A payload or message larger than this is not from our peer.</summary>
    public const int MaxReplyLength = 1 << 16;

    private static ReadOnlySpan<byte> Magic => "PGMR"u8;

    public static byte[] Hello(int rank, int worldSize)
    {
        var hello = new byte[HelloSize];
        Magic.CopyTo(hello);
        BinaryPrimitives.WriteInt32LittleEndian(hello.AsSpan(4), Version);
        BinaryPrimitives.WriteInt32LittleEndian(hello.AsSpan(8), rank);
        BinaryPrimitives.WriteInt32LittleEndian(hello.AsSpan(12), worldSize);
        return hello;
    }

    /// <summary>Parses a hello; returns null (and the reason) when it is not one of ours.</summary>
    public static (int Rank, int WorldSize)? ParseHello(ReadOnlySpan<byte> hello, out string? problem)
    {
        problem = null;
        if (hello.Length != HelloSize || !hello[..4].SequenceEqual(Magic))
        {
            problem = "not a pogema rendezvous client";
            return null;
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(hello[4..]);
        if (version != Version)
        {
            problem = $"rendezvous protocol version {version}, rank 0 speaks {Version} (mixed pogema builds?)";
            return null;
        }

        return (BinaryPrimitives.ReadInt32LittleEndian(hello[8..]), BinaryPrimitives.ReadInt32LittleEndian(hello[12..]));
    }

    public static void SendReply(Socket socket, int status, ReadOnlySpan<byte> body)
    {
        var reply = new byte[8 + body.Length];
        BinaryPrimitives.WriteInt32LittleEndian(reply, status);
        BinaryPrimitives.WriteInt32LittleEndian(reply.AsSpan(4), body.Length);
        body.CopyTo(reply.AsSpan(8));
        socket.Send(reply);
    }

    public static void SendError(Socket socket, string message) => SendReply(socket, StatusError, Encoding.UTF8.GetBytes(message));

    /// <summary>Reads exactly <paramref name="buffer"/>.Length bytes; false when the peer closed first.</summary>
    public static bool ReadExactly(Socket socket, Span<byte> buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = socket.Receive(buffer[read..]);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
