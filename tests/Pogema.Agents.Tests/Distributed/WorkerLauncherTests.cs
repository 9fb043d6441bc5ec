using System.Diagnostics;
using Pogema.Agents.Distributed;

namespace Pogema.Agents.Tests.Distributed;

public sealed class WorkerLauncherTests
{
    [Fact]
    public void WorkersGetTheirRankAndOneGpuEach()
    {
        var settings = new DistributedSettings { Nodes = 2, NodeRank = 1, GpusPerNode = 3, WorldSize = 6, MasterAddress = "node0", MasterPort = 29501 };
        var launcher = new WorkerLauncher(settings, TextWriter.Null);
        var environment = launcher.WorkerEnvironment(2, 29501, "0,1,2,3");
        Assert.Equal("5", environment["RANK"]);
        Assert.Equal("2", environment["LOCAL_RANK"]);
        Assert.Equal("6", environment["WORLD_SIZE"]);
        Assert.Equal("3", environment["LOCAL_WORLD_SIZE"]);
        Assert.Equal("1", environment["NODE_RANK"]);
        Assert.Equal("node0", environment["MASTER_ADDR"]);
        Assert.Equal("29501", environment["MASTER_PORT"]);
        Assert.Equal("2", environment["CUDA_VISIBLE_DEVICES"]);
    }

    [Fact]
    public void AllWorkersRunWithTheSameArguments()
    {
        if (!File.Exists("/bin/sh"))
        {
            return;
        }

        var folder = Directory.CreateTempSubdirectory("pogema-launch-").FullName;
        try
        {
            var settings = new DistributedSettings { GpusPerNode = 2, WorldSize = 2, MasterPort = 0 };
            var code = new WorkerLauncher(settings, TextWriter.Null).Run(
                "/bin/sh",
                ["-c", "echo \"$1 $RANK $LOCAL_RANK $WORLD_SIZE $CUDA_VISIBLE_DEVICES\" > \"$0/$RANK\"", folder, "same-args"]);
            Assert.Equal(0, code);
            Assert.Equal("same-args 0 0 2 0", File.ReadAllText(Path.Combine(folder, "0")).Trim());
            Assert.Equal("same-args 1 1 2 1", File.ReadAllText(Path.Combine(folder, "1")).Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AFailingWorkerStopsTheOthersAndItsCodeIsReturned()
    {
        if (!File.Exists("/bin/sh"))
        {
            return;
        }

        var settings = new DistributedSettings { GpusPerNode = 2, WorldSize = 2, MasterPort = 0 };
        var log = new StringWriter();
        var clock = Stopwatch.StartNew();

        // Rank 1 fails at once; rank 0 would wait for it for a minute, as a worker stuck in a collective would.
        var code = new WorkerLauncher(settings, log).Run("/bin/sh", ["-c", "if [ \"$RANK\" = 1 ]; then exit 3; fi; sleep 60"]);
        Assert.Equal(3, code);
        Assert.Contains("worker 1 (rank 1) exited with code 3; stopping the others", log.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(50), "the waiting worker was not stopped");
    }
}
