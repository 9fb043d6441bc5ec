namespace Pogema.Env;

/// <summary>POGEMA's metric wrappers for each mode, fed once per step.</summary>
public sealed partial class PogemaEnv
{
    private readonly int[] _solveTime;
    private long _arrivals;

    private void ResetMetrics()
    {
        _solveTime.AsSpan().Fill(-1);
        _arrivals = 0;
    }

    private void UpdateMetrics(int step, bool finished)
    {
        switch (_config.OnTarget)
        {
            case OnTarget.Finish:
                ComputeMetricsFinish(step, finished);
                break;
            case OnTarget.Nothing:
                ComputeMetricsNothing(step, finished);
                break;
            default:
                ComputeMetricsRestart(finished);
                break;
        }
    }

    /// <summary>
    /// <c>finish</c>: ISR = arrivals / n; CSR = 1 when all arrived; ep_length = mean over agents of (the step of
    /// arrival, or the last step) + 1.
    /// </summary>
    private void ComputeMetricsFinish(int step, bool finished)
    {
        for (int i = 0; i < _numAgents; i++)
        {
            if (_onGoal[i])
            {
                _arrivals++;
            }

            if (_solveTime[i] < 0 && (_onGoal[i] || finished))
            {
                _solveTime[i] = step;
            }
        }

        if (!finished)
        {
            return;
        }

        long sum = 0;
        for (int i = 0; i < _numAgents; i++)
        {
            sum += _solveTime[i];
        }

        _metrics = new EpisodeMetrics(
            Csr: _arrivals == _numAgents ? 1.0 : 0.0,
            Isr: (double)_arrivals / _numAgents,
            EpLength: ((double)sum / _numAgents) + 1.0,
            SoC: null,
            Makespan: null,
            AvgThroughput: null);
    }

    /// <summary>
    /// <c>nothing</c>: CSR and ISR from the last step; ep_length = steps; SoC = sum of (T_i + 1) and makespan =
    /// max T_i + 1, where T_i is the step from which agent i stayed on its goal (the last step if it is not on it).
    /// </summary>
    private void ComputeMetricsNothing(int step, bool finished)
    {
        int onGoal = 0;
        for (int i = 0; i < _numAgents; i++)
        {
            if (_onGoal[i])
            {
                onGoal++;
            }

            if (_solveTime[i] < 0 && (_onGoal[i] || finished))
            {
                _solveTime[i] = step;
            }

            if (!_onGoal[i] && !finished)
            {
                _solveTime[i] = -1;
            }
        }

        if (!finished)
        {
            return;
        }

        long sum = 0;
        int max = int.MinValue;
        for (int i = 0; i < _numAgents; i++)
        {
            sum += _solveTime[i];
            max = Math.Max(max, _solveTime[i]);
        }

        _metrics = new EpisodeMetrics(
            Csr: onGoal == _numAgents ? 1.0 : 0.0,
            Isr: (double)onGoal / _numAgents,
            EpLength: step + 1,
            SoC: sum + _numAgents,
            Makespan: max + 1L,
            AvgThroughput: null);
    }

    /// <summary><c>restart</c>: avg_throughput = arrivals / max_episode_steps.</summary>
    private void ComputeMetricsRestart(bool finished)
    {
        for (int i = 0; i < _numAgents; i++)
        {
            if (_onGoal[i])
            {
                _arrivals++;
            }
        }

        if (finished)
        {
            _metrics = new EpisodeMetrics(null, null, null, null, null, (double)_arrivals / _config.MaxEpisodeSteps);
        }
    }
}
