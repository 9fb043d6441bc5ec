using Pogema.Agents.Distributed;
using Pogema.Env;

namespace Pogema.Agents.Tests.Distributed;

public sealed class DistributedSettingsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name);
    }

    [Fact]
    public void NoFlagsNoVariablesIsOneProcess()
    {
        var settings = DistributedSettings.Resolve(new DistributedFlags(), Env());
        Assert.False(settings.IsDistributed);
        Assert.False(settings.NeedsLaunch);
        Assert.True(settings.IsPrimary);
        Assert.Equal(1, settings.WorldSize);
    }

    [Fact]
    public void GpusOnOneNodeLaunchesWithAnAutomaticPort()
    {
        var settings = DistributedSettings.Resolve(new DistributedFlags(Gpus: 2), Env());
        Assert.True(settings.NeedsLaunch);
        Assert.Equal(2, settings.WorldSize);
        Assert.Equal(2, settings.GpusPerNode);
        Assert.Equal("127.0.0.1", settings.MasterAddress);
        Assert.Equal(0, settings.MasterPort);
    }

    [Fact]
    public void SeveralNodesNeedTheAddressOfNodeZero()
    {
        var ex = Assert.Throws<PogemaInputException>(() => DistributedSettings.Resolve(new DistributedFlags(Gpus: 8, Nodes: 2, NodeRank: 1), Env()));
        Assert.Contains("--master-addr", ex.Message);

        var settings = DistributedSettings.Resolve(new DistributedFlags(Gpus: 8, Nodes: 2, NodeRank: 1, MasterAddress: "10.0.0.5"), Env());
        Assert.Equal(16, settings.WorldSize);
        Assert.Equal(8, settings.Rank);
        Assert.Equal(DistributedSettings.DefaultPort, settings.MasterPort);
    }

    [Fact]
    public void TheEnvironmentMakesAWorkerAndFlagsWinOverVariables()
    {
        var settings = DistributedSettings.Resolve(
            new DistributedFlags(Gpus: 4, MasterPort: 7000),
            Env(("RANK", "5"), ("WORLD_SIZE", "8"), ("LOCAL_RANK", "1"), ("MASTER_ADDR", "node0"), ("MASTER_PORT", "6000")));
        Assert.True(settings.IsWorker);
        Assert.False(settings.NeedsLaunch);
        Assert.False(settings.IsPrimary);
        Assert.Equal((5, 8, 1), (settings.Rank, settings.WorldSize, settings.LocalRank));
        Assert.Equal(("node0", 7000), (settings.MasterAddress, settings.MasterPort));
        Assert.Equal(1, settings.NodeRank);
    }

    [Fact]
    public void BadValuesAreOneLineInputErrors()
    {
        Assert.Contains("RANK='9'", Assert.Throws<PogemaInputException>(() =>
            DistributedSettings.Resolve(new DistributedFlags(), Env(("RANK", "9"), ("WORLD_SIZE", "2"), ("MASTER_ADDR", "a")))).Message);
        Assert.Contains("--gpus 0", Assert.Throws<PogemaInputException>(() =>
            DistributedSettings.Resolve(new DistributedFlags(Gpus: 0), Env())).Message);
        Assert.Contains("--node-rank 2", Assert.Throws<PogemaInputException>(() =>
            DistributedSettings.Resolve(new DistributedFlags(Nodes: 2, NodeRank: 2, MasterAddress: "h"), Env())).Message);
        Assert.Contains("MASTER_PORT='http'", Assert.Throws<PogemaInputException>(() =>
            DistributedSettings.Resolve(new DistributedFlags(), Env(("MASTER_PORT", "http")))).Message);
        Assert.Contains("MASTER_ADDR", Assert.Throws<PogemaInputException>(() =>
            DistributedSettings.Resolve(new DistributedFlags(), Env(("RANK", "1"), ("WORLD_SIZE", "2")))).Message);
    }

    [Fact]
    public void EnvironmentSeedsDifferPerRankAndRankZeroKeepsTheBase()
    {
        var rank0 = new DistributedSettings { Rank = 0, WorldSize = 2 };
        var rank1 = new DistributedSettings { Rank = 1, WorldSize = 2 };
        Assert.Equal(42, rank0.EnvironmentSeed(42));
        Assert.NotEqual(rank0.EnvironmentSeed(42), rank1.EnvironmentSeed(42));
    }

    [Theory]
    [InlineData(1, null, "1")]
    [InlineData(1, "", "1")]
    [InlineData(1, "4,5,6", "5")]
    [InlineData(0, " 7 , 3", "7")]
    [InlineData(3, "2", null)]
    public void EachWorkerSeesOnlyItsGpu(int localRank, string? visible, string? expected)
    {
        Assert.Equal(expected, CudaDeviceIsolation.VisibleDevicesFor(localRank, visible));
    }

    [Fact]
    public void MoreWorkersThanVisibleGpusIsAnInputError()
    {
        var ex = Assert.Throws<PogemaInputException>(() => CudaDeviceIsolation.VisibleDevicesFor(2, "0,1"));
        Assert.Contains("CUDA_VISIBLE_DEVICES=0,1 lists only 2 GPU(s)", ex.Message);
    }
}
