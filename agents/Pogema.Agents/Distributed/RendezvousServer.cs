using System.Net;
using System.Net.Sockets;

namespace Pogema.Agents.Distributed;

/// <summary>
/// Rank 0's side of the rendezvous: listens on MASTER_ADDR:MASTER_PORT, waits until ranks 1..WORLD_SIZE-1 have all
/// connected, then hands each of them the same payload (NCCL's unique id). Fails with a message that lists the
/// ranks that did not come.
/// </summary>
public sealed class RendezvousServer : IDisposable
{
    private static readonly TimeSpan s_helloTimeout = TimeSpan.FromSeconds(10);

    private readonly Socket _listener;
    private readonly string _address;

    private RendezvousServer(Socket listener, string address, int worldSize)
    {
        _listener = listener;
        _address = address;
        WorldSize = worldSize;
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    /// <summary>The port actually bound (useful when asked for port 0).</summary>
    public int Port { get; }

    /// <summary>Number of ranks, rank 0 included.</summary>
    public int WorldSize { get; }

    /// <summary>
    /// Starts listening on <paramref name="port"/>: on the loopback interface when <paramref name="masterAddress"/>
    /// is a loopback address (single node), else on every interface so other nodes can reach it.
    /// </summary>
    public static RendezvousServer Listen(string masterAddress, int port, int worldSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(worldSize, 1);
        var bindAddress = IsLoopback(masterAddress) ? IPAddress.Loopback : IPAddress.Any;
        var listener = new Socket(bindAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            AllowRebindAfterRestart(listener);
            listener.Bind(new IPEndPoint(bindAddress, port));
            listener.Listen(Math.Max(worldSize, 16));
        }
        catch (SocketException ex)
        {
            listener.Dispose();
            throw new RendezvousException($"rank 0 cannot listen on {bindAddress}:{port} (MASTER_PORT): {ex.Message}; choose another --master-port", ex);
        }

        return new RendezvousServer(listener, $"{masterAddress}:{port}", worldSize);
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for every other rank, then sends each <paramref name="payload"/>.
    /// On failure the ranks already connected receive the same error message.
    /// </summary>
    public void Distribute(ReadOnlySpan<byte> payload, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var peers = new Socket?[WorldSize];
        var joined = 0;
        try
        {
            while (joined < WorldSize - 1)
            {
                var remaining = deadline - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero || !_listener.Poll(Microseconds(remaining), SelectMode.SelectRead))
                {
                    throw new RendezvousException(
                        $"rendezvous at {_address}: rank(s) {Missing(peers)} of WORLD_SIZE={WorldSize} did not join within {timeout.TotalSeconds:0.#} s; " +
                        "check that every node runs the same command with the right --node-rank and can reach MASTER_ADDR:MASTER_PORT");
                }

                var socket = _listener.Accept();
                var rank = ReadHello(socket);
                if (rank is null)
                {
                    socket.Dispose();
                    continue;
                }

                peers[rank.Value] = socket;
                joined++;
            }

            foreach (var peer in peers)
            {
                if (peer is not null)
                {
                    RendezvousProtocol.SendReply(peer, RendezvousProtocol.StatusOk, payload);
                }
            }
        }
        catch (Exception ex) when (ex is RendezvousException or SocketException)
        {
            foreach (var peer in peers)
            {
                if (peer is not null)
                {
                    TrySendError(peer, ex.Message);
                }
            }

            if (ex is SocketException socketError)
            {
                throw new RendezvousException($"rendezvous at {_address}: {socketError.Message}", socketError);
            }

            throw;
        }
        finally
        {
            foreach (var peer in peers)
            {
                peer?.Dispose();
            }
        }

        int? ReadHello(Socket socket)
        {
            socket.ReceiveTimeout = (int)s_helloTimeout.TotalMilliseconds;
            var hello = new byte[RendezvousProtocol.HelloSize];
            try
            {
                if (!RendezvousProtocol.ReadExactly(socket, hello))
                {
                    return null;
                }
            }
            catch (SocketException)
            {
                // Something that is not one of our ranks (a port scanner, a health check): ignore it.
                return null;
            }

            var parsed = RendezvousProtocol.ParseHello(hello, out var problem);
            if (parsed is null)
            {
                TrySendError(socket, $"rendezvous at {_address}: {problem}");
                return null;
            }

            var (rank, worldSize) = parsed.Value;
            string? error = null;
            if (worldSize != WorldSize)
            {
                error = $"rendezvous at {_address}: rank {rank} was started with WORLD_SIZE={worldSize}, rank 0 with {WorldSize}; start every node with the same --nodes and --gpus";
            }
            else if (rank < 1 || rank >= WorldSize)
            {
                error = $"rendezvous at {_address}: a worker claims RANK={rank}, expected 1..{WorldSize - 1}";
            }
            else if (peers[rank] is not null)
            {
                error = $"rendezvous at {_address}: two workers claim RANK={rank}; check --node-rank on each node";
            }

            if (error is not null)
            {
                TrySendError(socket, error);
                socket.Dispose();
                throw new RendezvousException(error);
            }

            return rank;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    internal static bool IsLoopback(string address)
    {
        if (string.Equals(address, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(address, out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>
    /// Plain SO_REUSEADDR on Linux, so a restarted run can bind while old connections sit in TIME_WAIT.
    /// (.NET's ReuseAddress option also sets SO_REUSEPORT there, which would let two runs share the port.)
    /// </summary>
    private static void AllowRebindAfterRestart(Socket socket)
    {
        if (OperatingSystem.IsLinux())
        {
            const int solSocket = 1;
            const int soReuseAddr = 2;
            socket.SetRawSocketOption(solSocket, soReuseAddr, BitConverter.GetBytes(1));
        }
    }

    private static int Microseconds(TimeSpan span) => (int)Math.Min(int.MaxValue, Math.Max(1, span.Ticks / 10));

    private static string Missing(Socket?[] peers)
    {
        var missing = new List<int>();
        for (var rank = 1; rank < peers.Length; rank++)
        {
            if (peers[rank] is null)
            {
                missing.Add(rank);
            }
        }

        return string.Join(", ", missing);
    }

    private static void TrySendError(Socket socket, string message)
    {
        try
        {
            RendezvousProtocol.SendError(socket, message);
        }
        catch (SocketException)
        {
            // The peer is gone already; it will see its own error.
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
