namespace Pogema.Cli.Signals;

/// <summary>
/// Decides what an interrupt (Ctrl+C, SIGINT) means for a long run: the first asks it to stop cleanly (finish the
/// current step, write its files); one that comes later aborts at once. Interrupts within <see cref="Echo"/> of
/// the first count as that first one: <c>timeout -s INT</c> and <c>kill -INT -- -group</c> deliver one stop
/// request to a process several times within milliseconds (to the process, then to its whole group), and a
/// scripted stop must never become an abort that loses the run's last checkpoint.
/// </summary>
public sealed class InterruptGate
{
    /// <summary>How long after the first interrupt repeats are taken as copies of it.</summary>
    public static readonly TimeSpan Echo = TimeSpan.FromSeconds(1);

    private readonly Func<DateTime> _clock;
    private DateTime? _first;

    public InterruptGate(Func<DateTime>? clock = null)
    {
        _clock = clock ?? (() => DateTime.UtcNow);
    }

    /// <summary>True once an interrupt has asked the run to stop.</summary>
    public bool StopRequested => _first is not null;

    /// <summary>
    /// Records an interrupt; returns true when the process should keep running (a clean stop is under way), false
    /// when it should abort now.
    /// </summary>
    public bool OnInterrupt()
    {
        var now = _clock();
        if (_first is not { } first)
        {
            _first = now;
            return true;
        }

        return now - first < Echo;
    }
}
