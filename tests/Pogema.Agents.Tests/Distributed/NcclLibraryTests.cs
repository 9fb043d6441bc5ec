using Pogema.Agents.Distributed;

namespace Pogema.Agents.Tests.Distributed;

public sealed class NcclLibraryTests
{
    [Fact]
    public void AMissingConfiguredLibraryNamesTheVariable()
    {
        var ex = Assert.Throws<NcclException>(() => NcclLibrary.Load("/nonexistent/libnccl.so.2", trySystem: false, extraDirectories: []));
        Assert.StartsWith("POGEMA_NCCL_LIBRARY=/nonexistent/libnccl.so.2: no such file", ex.Message);
    }

    [Fact]
    public void AFolderWithoutNcclNamesTheVariable()
    {
        var folder = Directory.CreateTempSubdirectory("pogema-nccl-").FullName;
        try
        {
            var ex = Assert.Throws<NcclException>(() => NcclLibrary.Load(folder, trySystem: false, extraDirectories: []));
            Assert.Contains($"POGEMA_NCCL_LIBRARY={folder}: no such file", ex.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AFileThatIsNotALibraryIsRejected()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "not an ELF file");
            var ex = Assert.Throws<NcclException>(() => NcclLibrary.Load(file, trySystem: false, extraDirectories: []));
            Assert.StartsWith($"POGEMA_NCCL_LIBRARY={file}: could not load it as NCCL", ex.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void NothingFoundTellsHowToPointAtNccl()
    {
        var folder = Directory.CreateTempSubdirectory("pogema-nccl-").FullName;
        try
        {
            var ex = Assert.Throws<NcclException>(() => NcclLibrary.Load(null, trySystem: false, extraDirectories: [folder]));
            Assert.Contains("set POGEMA_NCCL_LIBRARY", ex.Message);
            Assert.Contains(Path.Combine(folder, "libnccl.so.2"), ex.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void PyTorchsNcclIsLookedForBesideTorchLib()
    {
        var candidates = NcclLibrary.CandidatesIn("/opt/py/lib/python3.12/site-packages/torch/lib").ToArray();
        Assert.Equal(
            ["/opt/py/lib/python3.12/site-packages/torch/lib/libnccl.so.2", "/opt/py/lib/python3.12/site-packages/nvidia/nccl/lib/libnccl.so.2"],
            candidates);
    }

    [Fact]
    public void ASingleWorkerNeverLoadsNccl()
    {
        using var backend = DistributedBackend.Connect(DistributedSettings.Single, TorchSharp.torch.CPU);
        Assert.IsType<LocalAllReduce>(backend);
        Assert.False(NcclLibrary.SharedLoaded);
    }

    [Fact]
    public void SeveralWorkersOnTheCpuAreAClearError()
    {
        var settings = new DistributedSettings { WorldSize = 2, Rank = 0, IsWorker = true };
        var ex = Assert.Throws<Pogema.Env.PogemaInputException>(() => DistributedBackend.Connect(settings, TorchSharp.torch.CPU));
        Assert.Contains("NCCL on CUDA devices", ex.Message);
    }

    [Fact]
    public void UniqueIdRoundTripsItsBytes()
    {
        var bytes = Enumerable.Range(0, NcclUniqueId.Size).Select(i => (byte)(255 - i)).ToArray();
        Assert.Equal(bytes, NcclUniqueId.FromBytes(bytes).ToArray());
        Assert.Equal(NcclUniqueId.Size, System.Runtime.InteropServices.Marshal.SizeOf<NcclUniqueId>());
        Assert.Throws<ArgumentException>(() => NcclUniqueId.FromBytes(new byte[127]));
    }
}
