using System.Diagnostics;

namespace Pogema.Env.Vector;

/// <summary>
/// Where the time of a vector env's steps goes, recorded while <see cref="VectorEnv.Timeline"/> holds it: when each
/// worker began stepping slices (after the step's action check) and when it ran out of slices, against the step's
/// start and end on the caller's thread. Each worker writes its own two stamps, in their own cache lines; the caller
/// reads them all once the step is over (every worker has reported by then) and adds them up. That read costs a
/// cache line per worker per step, which is why the bench times steps with a timeline only in a run of their own.
/// </summary>
internal sealed class StepTimeline
{
    private readonly PaddedCounter[] _started;
    private readonly PaddedCounter[] _finished;
    private long _steps;
    private double _stepTicks;
    private double _busyTicks;
    private double _callerStartTicks;
    private double _helperStartTicks;
    private double _latestHelperStartTicks;
    private double _lastFinishAfterMeanTicks;
    private double _reportWaitTicks;

    /// <summary>A timeline for a vector env of <paramref name="workers"/> workers.</summary>
    public StepTimeline(int workers)
    {
        _started = new PaddedCounter[workers];
        _finished = new PaddedCounter[workers];
    }

    /// <summary>Worker <paramref name="worker"/> begins stepping slices.</summary>
    public void Started(int worker) => _started[worker].Value = Stopwatch.GetTimestamp();

    /// <summary>Worker <paramref name="worker"/> has no slice left.</summary>
    public void Finished(int worker) => _finished[worker].Value = Stopwatch.GetTimestamp();

    /// <summary>Adds a step that began at <paramref name="begin"/> and returned at <paramref name="end"/> (stopwatch ticks), every worker's stamps written.</summary>
    public void EndStep(long begin, long end)
    {
        int workers = _started.Length;
        double busy = 0, finishedSum = 0, helperStarts = 0;
        long latestStart = 0, lastFinish = 0;
        for (int w = 0; w < workers; w++)
        {
            long started = _started[w].Value - begin;
            long finished = _finished[w].Value - begin;
            busy += finished - started;
            finishedSum += finished;
            lastFinish = Math.Max(lastFinish, finished);
            if (w > 0)
            {
                helperStarts += started;
                latestStart = Math.Max(latestStart, started);
            }
        }

        _steps++;
        _stepTicks += end - begin;
        _busyTicks += busy / workers;
        _callerStartTicks += _started[0].Value - begin;
        _helperStartTicks += workers > 1 ? helperStarts / (workers - 1) : 0;
        _latestHelperStartTicks += latestStart;
        _lastFinishAfterMeanTicks += lastFinish - (finishedSum / workers);
        _reportWaitTicks += end - begin - lastFinish;
    }

    /// <summary>The means per step so far.</summary>
    public StepTimelineSummary Summary()
    {
        double steps = Math.Max(1, _steps);
        double microseconds = 1e6 / Stopwatch.Frequency / steps;
        return new StepTimelineSummary(
            _steps,
            _stepTicks * microseconds,
            _stepTicks > 0 ? _busyTicks / _stepTicks : 0,
            _callerStartTicks * microseconds,
            _helperStartTicks * microseconds,
            _latestHelperStartTicks * microseconds,
            _lastFinishAfterMeanTicks * microseconds,
            _reportWaitTicks * microseconds);
    }
}

/// <summary>
/// Where the time of a vector env's steps went (<c>pogema bench --timeline</c>): means per step, in microseconds from
/// the start of the step on the caller's thread unless said otherwise.
/// </summary>
/// <param name="Steps">Steps timed.</param>
/// <param name="StepMicroseconds">A whole step, as the caller sees it.</param>
/// <param name="BusyShare">The share of a step the average worker spent stepping slices (0..1).</param>
/// <param name="CallerStartMicroseconds">When the caller's own share began stepping slices (the action check is before it).</param>
/// <param name="HelperStartMicroseconds">When the helper threads began stepping slices, on average over the helpers.</param>
/// <param name="LatestHelperStartMicroseconds">When the last helper to wake began (its slices are stepped by others meanwhile).</param>
/// <param name="LastFinishAfterMeanMicroseconds">How long after the average worker the last one ran out of slices: the step's last slice.</param>
/// <param name="ReportWaitMicroseconds">From the last worker running out of slices to the step's return: reporting and joining.</param>
public sealed record StepTimelineSummary(
    long Steps,
    double StepMicroseconds,
    double BusyShare,
    double CallerStartMicroseconds,
    double HelperStartMicroseconds,
    double LatestHelperStartMicroseconds,
    double LastFinishAfterMeanMicroseconds,
    double ReportWaitMicroseconds);
