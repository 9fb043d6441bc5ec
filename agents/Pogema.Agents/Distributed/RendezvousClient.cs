using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Pogema.Agents.Distributed;

/// <summary>
/// A non-zero rank's side of the rendezvous: connects to rank 0 (retrying while it starts), says who it is, and
/// waits for the payload rank 0 sends once every rank has joined.
/// </summary>
public static class RendezvousClient
{
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Joins the rendezvous at <paramref name="masterAddress"/>:<paramref name="port"/> as <paramref name="rank"/>
    /// and returns rank 0's payload; throws <see cref="RendezvousException"/> after <paramref name="timeout"/>.
    /// </summary>
    public static byte[] Join(string masterAddress, int port, int rank, int worldSize, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var where = $"{masterAddress}:{port}";
        using var socket = Connect(masterAddress, port, deadline, timeout, where);
        try
        {
            socket.Send(RendezvousProtocol.Hello(rank, worldSize));
            var remaining = deadline - DateTime.UtcNow;
            socket.ReceiveTimeout = (int)Math.Clamp(remaining.TotalMilliseconds, 1, int.MaxValue);

            Span<byte> header = stackalloc byte[8];
            if (!RendezvousProtocol.ReadExactly(socket, header))
            {
                throw new RendezvousException($"rank {rank}: rank 0 at {where} closed the rendezvous without an answer");
            }

            var status = BinaryPrimitives.ReadInt32LittleEndian(header);
            var length = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
            if (length < 0 || length > RendezvousProtocol.MaxReplyLength)
            {
                throw new RendezvousException($"rank {rank}: {where} is not a pogema rendezvous (reply of {length} bytes)");
            }

            var body = new byte[length];
            if (!RendezvousProtocol.ReadExactly(socket, body))
            {
                throw new RendezvousException($"rank {rank}: rank 0 at {where} closed the rendezvous mid-answer");
            }

            if (status != RendezvousProtocol.StatusOk)
            {
                throw new RendezvousException(Encoding.UTF8.GetString(body));
            }

            return body;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut || ex.SocketErrorCode == SocketError.WouldBlock)
        {
            throw new RendezvousException(
                $"rank {rank}: rank 0 at {where} did not start the run within {timeout.TotalSeconds:0.#} s (some other rank has not joined yet?)", ex);
        }
        catch (SocketException ex)
        {
            throw new RendezvousException($"rank {rank}: rendezvous with {where} failed: {ex.Message}", ex);
        }
    }

    private static Socket Connect(string masterAddress, int port, DateTime deadline, TimeSpan timeout, string where)
    {
        SocketException? last = null;
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new RendezvousException(
                    $"could not reach rank 0 at {where} (MASTER_ADDR:MASTER_PORT) within {timeout.TotalSeconds:0.#} s: {last?.Message ?? "no answer"}", last!);
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var cancel = new CancellationTokenSource(remaining);
                socket.ConnectAsync(masterAddress, port, cancel.Token).AsTask().GetAwaiter().GetResult();
                return socket;
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch (OperationCanceledException)
            {
                socket.Dispose();
                continue;
            }

            Thread.Sleep(s_retryDelay < remaining ? s_retryDelay : remaining);
        }
    }
}
