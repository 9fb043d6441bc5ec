using Pogema.Cli.Signals;

namespace Pogema.Env.Tests.Cli;

public sealed class InterruptGateTests
{
    [Fact]
    public void CopiesOfTheFirstInterruptStopCleanlyALaterOneAborts()
    {
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var gate = new InterruptGate(() => now);
        Assert.False(gate.StopRequested);

        Assert.True(gate.OnInterrupt());
        Assert.True(gate.StopRequested);

        // timeout -s INT delivers the signal to the process and then to its group: the same stop request.
        now += TimeSpan.FromMilliseconds(3);
        Assert.True(gate.OnInterrupt());
        now += TimeSpan.FromMilliseconds(900);
        Assert.True(gate.OnInterrupt());

        // A person pressing Ctrl+C again while the run finishes its update wants it to end now.
        now += TimeSpan.FromSeconds(2);
        Assert.False(gate.OnInterrupt());
    }
}
