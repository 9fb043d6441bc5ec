using Pogema.Agents.Environments;

namespace Pogema.Agents.Tests;

/// <summary>
/// A test double of the vectorized environment: every agent walks a private 1-D corridor and must move right
/// <see cref="GoalDistance"/> cells within <see cref="MaxSteps"/> steps (action 4 = right, 3 = left, others stay).
/// Finish semantics: an agent that arrives is terminated and inactive; the environment restarts when every agent
/// has arrived or the step limit cuts the episode. The observation shows the direction of the goal in channel 0
/// and the remaining distance in channel 1.
/// </summary>
internal sealed class CorridorFakeEnv : IVectorEnv
{
    public const int GoalDistance = 3;
    public const int MaxSteps = 8;

    private readonly int[] _position;
    private readonly bool[] _active;
    private readonly int[] _envStep;

    public CorridorFakeEnv(int numEnvs, int agentsPerEnv)
    {
        NumEnvs = numEnvs;
        AgentsPerEnv = agentsPerEnv;
        NumAgents = numEnvs * agentsPerEnv;
        Observations = new float[NumAgents * ObservationChannels * ObservationSize * ObservationSize];
        Rewards = new float[NumAgents];
        Terminated = new bool[NumAgents];
        Truncated = new bool[NumAgents];
        EpisodeStarted = new bool[NumAgents];
        MadePathProgress = new bool[NumAgents];
        _position = new int[NumAgents];
        _active = new bool[NumAgents];
        _envStep = new int[numEnvs];
    }

    public int NumEnvs { get; }

    public int AgentsPerEnv { get; }

    public int NumAgents { get; }

    public int ObservationChannels => 2;

    public int ObservationSize => 3;

    public float[] Observations { get; }

    public float[] Rewards { get; }

    public bool[] Terminated { get; }

    public bool[] Truncated { get; }

    public bool[] EpisodeStarted { get; }

    public bool[] MadePathProgress { get; }

    public List<EpisodeSummary> Finished { get; } = new();

    public void Reset()
    {
        for (var e = 0; e < NumEnvs; e++)
        {
            ResetEnv(e);
        }

        Array.Clear(Rewards);
        Array.Clear(Terminated);
        Array.Clear(Truncated);
        WriteObservations();
    }

    public void Step(ReadOnlySpan<int> actions)
    {
        Array.Clear(EpisodeStarted);
        for (var e = 0; e < NumEnvs; e++)
        {
            var allDoneBefore = true;
            for (var a = 0; a < AgentsPerEnv; a++)
            {
                allDoneBefore &= !_active[e * AgentsPerEnv + a];
            }

            if (allDoneBefore || _envStep[e] >= MaxSteps)
            {
                ResetEnv(e);
                for (var a = 0; a < AgentsPerEnv; a++)
                {
                    var i = e * AgentsPerEnv + a;
                    Rewards[i] = 0f;
                    Terminated[i] = false;
                    Truncated[i] = false;
                    MadePathProgress[i] = false;
                }

                continue;
            }

            _envStep[e]++;
            var arrived = 0;
            for (var a = 0; a < AgentsPerEnv; a++)
            {
                var i = e * AgentsPerEnv + a;
                Rewards[i] = 0f;
                Terminated[i] = false;
                Truncated[i] = false;
                MadePathProgress[i] = false;
                if (!_active[i])
                {
                    arrived++;
                    continue;
                }

                var move = actions[i] == 4 ? 1 : actions[i] == 3 ? -1 : 0;
                _position[i] = Math.Max(0, _position[i] + move);
                MadePathProgress[i] = move == 1;
                if (_position[i] >= GoalDistance)
                {
                    Rewards[i] = 1f;
                    Terminated[i] = true;
                    _active[i] = false;
                    arrived++;
                }
                else if (_envStep[e] >= MaxSteps)
                {
                    Truncated[i] = true;
                }
            }

            if (arrived == AgentsPerEnv || _envStep[e] >= MaxSteps)
            {
                Finished.Add(new EpisodeSummary(_envStep[e], arrived == AgentsPerEnv ? 1 : 0, (double)arrived / AgentsPerEnv, 0, _envStep[e], 0));
            }
        }

        WriteObservations();
    }

    public int DrainEpisodes(List<EpisodeSummary> sink)
    {
        sink.AddRange(Finished);
        var count = Finished.Count;
        Finished.Clear();
        return count;
    }

    public void Dispose()
    {
    }

    private void ResetEnv(int e)
    {
        _envStep[e] = 0;
        for (var a = 0; a < AgentsPerEnv; a++)
        {
            var i = e * AgentsPerEnv + a;
            _position[i] = 0;
            _active[i] = true;
            EpisodeStarted[i] = true;
        }
    }

    private void WriteObservations()
    {
        var cells = ObservationSize * ObservationSize;
        for (var i = 0; i < NumAgents; i++)
        {
            var o = Observations.AsSpan(i * ObservationChannels * cells, ObservationChannels * cells);
            o.Clear();
            o[5] = 1f; // the goal lies to the right of the centre cell
            o.Slice(cells).Fill((GoalDistance - _position[i]) / (float)GoalDistance);
        }
    }
}
