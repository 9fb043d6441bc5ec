using Pogema.Env;
using Pogema.Env.Policies;
using Pogema.Env.Vector;

namespace Pogema.Agents.Inference;

/// <summary>
/// One episode of a trained network on a single <see cref="PogemaEnv"/>: writes the observation preset the network
/// was trained on (POGEMA's default, or the Follower-style one with each agent's shortest path), takes the most
/// likely action (or, when sampling, draws it from a generator seeded by the episode seed), and carries memory and
/// history from step to step (zero at the episode's first step), as the training rollout does.
/// </summary>
public sealed class CheckpointPolicy : IPolicy, IDisposable
{
    private readonly PolicySession _session;
    private readonly bool _follower;
    private readonly float[] _observations;
    private readonly bool[] _started;
    private readonly byte[] _goalGrid;
    private readonly int[][] _distance;
    private readonly int[] _distanceGoal;
    private readonly int[] _queue;
    private readonly int _stride;

    /// <summary>A policy for the episode of <paramref name="env"/> that was reset with <paramref name="seed"/>.</summary>
    public CheckpointPolicy(TrainedPolicy policy, PogemaEnv env, ulong seed, bool sample = false)
    {
        var agents = env.NumAgents;

        // The generator takes the seed's 64 bits as they are, so every episode seed has its own action stream.
        _session = policy.NewSession(1, agents, greedy: !sample, seed: unchecked((long)seed));
        _follower = policy.Config.Env.Observation == "follower";
        _stride = PogemaEnv.ObservationChannels * env.WindowSize * env.WindowSize;
        _observations = new float[agents * _stride];
        _started = new bool[agents];
        Array.Fill(_started, true);
        var cells = env.PaddedHeight * env.PaddedWidth;
        _goalGrid = new byte[cells];
        _distance = new int[agents][];
        _distanceGoal = new int[agents];
        Array.Fill(_distanceGoal, -1);
        _queue = new int[cells];
    }

    /// <summary>The observations [A, C, D, D] written for the last <see cref="Act"/>, in the network's input layout.</summary>
    public ReadOnlySpan<float> Observations => _observations;

    /// <summary>The action logits [A, 5] of the last <see cref="Act"/>.</summary>
    public ReadOnlySpan<float> Logits => _session.Logits;

    public void Act(PogemaEnv env, Span<int> actions)
    {
        if (_follower)
        {
            WriteFollower(env);
        }
        else
        {
            env.WriteObservations(_observations);
        }

        _session.Act(_observations, _started, actions);
        Array.Clear(_started);
    }

    private void WriteFollower(PogemaEnv env)
    {
        var targets = env.PaddedTargets;
        var positions = env.PaddedPositions;
        var obstacles = env.PaddedObstacles;
        var width = env.PaddedWidth;
        foreach (var goal in targets)
        {
            _goalGrid[goal] = 1;
        }

        for (var i = 0; i < env.NumAgents; i++)
        {
            // The BFS field depends only on the goal; lifelong goals change, so recompute when it moves.
            if (_distanceGoal[i] != targets[i])
            {
                _distance[i] ??= new int[_goalGrid.Length];
                DistanceField.Compute(obstacles, width, targets[i], _distance[i], _queue);
                _distanceGoal[i] = targets[i];
            }

            FollowerObservation.Write(obstacles, env.PaddedOccupancy, _goalGrid, _distance[i], width, env.ObsRadius, positions[i], targets[i],
                _observations.AsSpan(i * _stride, _stride));
        }

        foreach (var goal in targets)
        {
            _goalGrid[goal] = 0;
        }
    }

    public void Dispose()
    {
        _session.Dispose();
    }
}
