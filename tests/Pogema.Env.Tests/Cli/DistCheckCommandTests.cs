using Pogema.Cli;

namespace Pogema.Env.Tests.Cli;

/// <summary>The hidden multi-GPU check runs end to end on one CPU worker, and bad multi-GPU flags are one-line errors.</summary>
[Collection("Console")]
public sealed class DistCheckCommandTests
{
    [Fact]
    public void OneCpuWorkerPassesTheCollectiveAndReplicaChecks()
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            Assert.Equal(0, Program.Main(["dist-check", "--device", "cpu", "--megabytes", "1"]));
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Contains("collectives correct on 1 worker(s); replicas identical after 20 optimizer steps", output.ToString());
    }

    [Fact]
    public void SeveralNodesWithoutTheAddressOfNodeZeroIsAnInputError()
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(Program.InputErrorExitCode, Program.Main(["dist-check", "--device", "cpu", "--gpus", "2", "--nodes", "2"]));
        }
        finally
        {
            Console.SetError(original);
        }

        // Console.Error is the process's: tests running beside this one may write their progress into it too.
        Assert.Contains(error.ToString().Split('\n'), line => line.StartsWith("error: --nodes 2: give --master-addr", StringComparison.Ordinal));
    }
}
