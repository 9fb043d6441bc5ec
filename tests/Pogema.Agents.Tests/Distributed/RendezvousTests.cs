using Pogema.Agents.Distributed;

namespace Pogema.Agents.Tests.Distributed;

public sealed class RendezvousTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task RankZeroHandsItsIdToEveryRankOnLoopback()
    {
        var id = new byte[NcclUniqueId.Size];
        for (var i = 0; i < id.Length; i++)
        {
            id[i] = (byte)(i * 7 + 3);
        }

        using var server = RendezvousServer.Listen("127.0.0.1", 0, worldSize: 3);
        var joins = new[] { 1, 2 }
            .Select(rank => Task.Run(() => RendezvousClient.Join("127.0.0.1", server.Port, rank, 3, s_timeout)))
            .ToArray();
        server.Distribute(id, s_timeout);

        foreach (var join in joins)
        {
            Assert.Equal(id, await join);
        }

        Assert.Equal(id, NcclUniqueId.FromBytes(await joins[0]).ToArray());
    }

    [Fact]
    public async Task AClientThatStartsBeforeRankZeroWaitsForIt()
    {
        var port = WorkerLauncher.FreeLoopbackPort();
        var join = Task.Run(() => RendezvousClient.Join("localhost", port, 1, 2, s_timeout));
        await Task.Delay(300);
        using var server = RendezvousServer.Listen("localhost", port, worldSize: 2);
        server.Distribute([1, 2, 3], s_timeout);
        Assert.Equal([1, 2, 3], await join);
    }

    [Fact]
    public async Task RankZeroNamesThePeersThatDidNotCome()
    {
        using var server = RendezvousServer.Listen("127.0.0.1", 0, worldSize: 4);
        var join = Task.Run(() => RendezvousClient.Join("127.0.0.1", server.Port, 2, 4, s_timeout));
        var ex = Assert.Throws<RendezvousException>(() => server.Distribute([9], TimeSpan.FromSeconds(1)));
        Assert.Contains("rank(s) 1, 3 of WORLD_SIZE=4 did not join within 1 s", ex.Message);

        // The peer that did come hears the same reason instead of hanging.
        var clientError = await Assert.ThrowsAsync<RendezvousException>(() => join);
        Assert.Contains("did not join", clientError.Message);
    }

    [Fact]
    public async Task MismatchedWorldSizesFailOnBothSides()
    {
        using var server = RendezvousServer.Listen("127.0.0.1", 0, worldSize: 2);
        var join = Task.Run(() => RendezvousClient.Join("127.0.0.1", server.Port, 1, 3, s_timeout));
        var ex = Assert.Throws<RendezvousException>(() => server.Distribute([9], s_timeout));
        Assert.Contains("rank 1 was started with WORLD_SIZE=3, rank 0 with 2", ex.Message);
        var clientError = await Assert.ThrowsAsync<RendezvousException>(() => join);
        Assert.Contains("WORLD_SIZE=3", clientError.Message);
    }

    [Fact]
    public void AnUnreachableRankZeroIsAClearError()
    {
        var port = WorkerLauncher.FreeLoopbackPort();
        var ex = Assert.Throws<RendezvousException>(() => RendezvousClient.Join("127.0.0.1", port, 1, 2, TimeSpan.FromMilliseconds(500)));
        Assert.Contains($"could not reach rank 0 at 127.0.0.1:{port}", ex.Message);
        Assert.IsAssignableFrom<IOException>(ex);
    }

    [Fact]
    public void APortInUseIsAClearError()
    {
        using var first = RendezvousServer.Listen("127.0.0.1", 0, worldSize: 2);
        var ex = Assert.Throws<RendezvousException>(() => RendezvousServer.Listen("127.0.0.1", first.Port, worldSize: 2));
        Assert.Contains($"{first.Port}", ex.Message);
        Assert.Contains("--master-port", ex.Message);
    }
}
