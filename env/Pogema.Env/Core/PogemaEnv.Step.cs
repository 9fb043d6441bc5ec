namespace Pogema.Env;

/// <summary>The step and what happens at a goal in each <c>on_target</c> mode.</summary>
public sealed partial class PogemaEnv
{
    private readonly int[] _moveTarget;
    private readonly int[] _actions;

    /// <summary>
    /// Advances one step: moves by the collision system, then the goal rule of the mode, the time limit and the
    /// metrics. <paramref name="actions"/> holds one action 0..4 per agent (ignored for hidden agents).
    /// Read the results from <see cref="Rewards"/>, <see cref="Terminated"/>, <see cref="Truncated"/>,
    /// <see cref="Active"/> and <see cref="WriteObservations(Span{float})"/>.
    /// </summary>
    public void Step(ReadOnlySpan<int> actions)
    {
        if (!_hasReset)
        {
            throw new InvalidOperationException("Reset the environment before the first step.");
        }

        if (_episodeEnded)
        {
            throw new InvalidOperationException("The episode has ended; call Reset before stepping again.");
        }

        if (actions.Length != _numAgents)
        {
            throw new ArgumentException($"expected {_numAgents} actions, got {actions.Length}", nameof(actions));
        }

        for (int i = 0; i < actions.Length; i++)
        {
            if ((uint)actions[i] >= NumActions)
            {
                throw new ArgumentOutOfRangeException(nameof(actions), $"action {actions[i]} of agent {i} is not in 0..4");
            }
        }

        switch (_config.CollisionSystem)
        {
            case CollisionSystem.Priority:
                MovePriority(actions);
                break;
            case CollisionSystem.BlockBoth:
                MoveBlockBoth(actions);
                break;
            default:
                MoveSoft(actions);
                break;
        }

        MarkAgentsOnGoal();
        switch (_config.OnTarget)
        {
            case OnTarget.Finish:
                ApplyOnTargetFinish();
                break;
            case OnTarget.Nothing:
                ApplyOnTargetNothing();
                break;
            default:
                ApplyOnTargetRestart();
                break;
        }

        int stepIndex = _stepCount++;
        bool timeUp = _stepCount >= _config.MaxEpisodeSteps;
        _truncated.AsSpan().Fill(timeUp);
        bool finished = timeUp || AllTerminated();
        UpdateMetrics(stepIndex, finished);
        _episodeEnded = finished;
    }

    /// <summary>POGEMA's <c>was_on_goal</c>: active and standing on the goal after the moves.</summary>
    private void MarkAgentsOnGoal()
    {
        for (int i = 0; i < _numAgents; i++)
        {
            _onGoal[i] = _active[i] && _position[i] == _target[i];
        }
    }

    /// <summary><c>finish</c>: reward 1 on arrival; terminated while on the goal; arrived agents are hidden.</summary>
    private void ApplyOnTargetFinish()
    {
        for (int i = 0; i < _numAgents; i++)
        {
            bool atGoal = _position[i] == _target[i];
            _rewards[i] = _onGoal[i] ? 1f : 0f;
            _terminated[i] = atGoal;
        }

        for (int i = 0; i < _numAgents; i++)
        {
            if (_onGoal[i])
            {
                HideAgent(i);
            }
        }
    }

    /// <summary><c>nothing</c>: reward 1 and terminated for everyone only on a step when all stand on their goals.</summary>
    private void ApplyOnTargetNothing()
    {
        bool solved = true;
        for (int i = 0; i < _numAgents; i++)
        {
            solved &= _onGoal[i];
        }

        _rewards.AsSpan().Fill(solved ? 1f : 0f);
        _terminated.AsSpan().Fill(solved);
    }

    /// <summary><c>restart</c>: reward 1 per arrival and a new goal in the same step; never terminates.</summary>
    private void ApplyOnTargetRestart()
    {
        for (int i = 0; i < _numAgents; i++)
        {
            _rewards[i] = _onGoal[i] ? 1f : 0f;
            if (_position[i] == _target[i])
            {
                SetTarget(i, DrawLifelongGoal(i));
            }
        }
    }

    private bool AllTerminated()
    {
        for (int i = 0; i < _numAgents; i++)
        {
            if (!_terminated[i])
            {
                return false;
            }
        }

        return true;
    }

    private void HideAgent(int agent)
    {
        _active[agent] = false;
        int cell = _position[agent];
        ClearOccupied(cell);
        if (_agentAt[cell] == agent)
        {
            _agentAt[cell] = -1;
        }
    }

    private void MoveAgent(int agent, int to)
    {
        int from = _position[agent];
        ClearOccupied(from);
        _agentAt[from] = -1;
        MarkOccupied(to);
        _agentAt[to] = agent;
        SetPosition(agent, to);
    }
}
