using Pogema.Agents.Models;
using Pogema.Env;
using TorchSharp;
using static TorchSharp.torch;

namespace Pogema.Agents.Inference;

/// <summary>
/// Acts for a fixed set of agents (E environments x A agents, environment-major) step after step, carrying each
/// agent's memory and history and resetting them where an episode starts.
/// </summary>
public sealed class PolicySession : IDisposable
{
    private readonly TrainedPolicy _policy;
    private readonly int _agents;
    private readonly int _agentsPerEnv;
    private readonly bool _greedy;
    private readonly Generator _generator;
    private readonly Tensor _hostObs;
    private readonly float[] _keep;
    private readonly float[] _logits;
    private readonly float[] _hostRows;
    private RecurrentState _state;

    internal PolicySession(TrainedPolicy policy, int numEnvs, int agentsPerEnv, bool greedy, long seed)
    {
        _policy = policy;
        _agents = numEnvs * agentsPerEnv;
        _agentsPerEnv = agentsPerEnv;
        _greedy = greedy;
        _generator = new Generator((ulong)seed, CPU);
        _hostObs = zeros(new long[] { _agents, policy.ObservationChannels, policy.ObservationSize, policy.ObservationSize });
        _keep = new float[_agents];
        _logits = new float[_agents * ActorCritic.ActionCount];
        _hostRows = new float[_agents * (ActorCritic.ActionCount + 1)];
        _state = policy.Model.InitialState(_agents, policy.Device);
    }

    /// <summary>The action logits [E*A, 5] of the last <see cref="Act"/> (what greedy and sampled actions are chosen from).</summary>
    public ReadOnlySpan<float> Logits => _logits;

    /// <summary>
    /// Chooses one action per agent. <paramref name="observations"/> is [E*A, C, D, D]; where
    /// <paramref name="episodeStarted"/> is true the agent's memory and history restart from zero.
    /// Greedy sessions take the most likely action; others sample.
    /// </summary>
    public void Act(ReadOnlySpan<float> observations, ReadOnlySpan<bool> episodeStarted, Span<int> actions)
    {
        var expected = _hostObs.numel();
        if (observations.Length != expected || episodeStarted.Length != _agents || actions.Length != _agents)
        {
            throw new PogemaInputException(
                $"policy input: expected {expected} observation floats and {_agents} agents, got {observations.Length} floats, {episodeStarted.Length} flags, {actions.Length} actions");
        }

        using var _ = no_grad();
        using var scope = NewDisposeScope();
        for (var i = 0; i < _agents; i++)
        {
            _keep[i] = episodeStarted[i] ? 0f : 1f;
        }

        _hostObs.data<float>().CopyFrom(observations, 0, 0);
        var obs = _hostObs.to(_policy.Device);
        var keep = tensor(_keep, device: _policy.Device);
        var (logits, _, next) = _policy.Model.Step(obs, _state.Masked(keep), _agentsPerEnv);
        var chosen = _greedy ? logits.argmax(1) : Sample(logits);
        // One device-to-host copy per step: each row is the agent's logits followed by its action.
        var rows = cat(new[] { logits, chosen.unsqueeze(1).to(ScalarType.Float32) }, 1).cpu();
        rows.data<float>().CopyTo(_hostRows, 0, 0);
        const int width = ActorCritic.ActionCount + 1;
        for (var i = 0; i < _agents; i++)
        {
            _hostRows.AsSpan(i * width, ActorCritic.ActionCount).CopyTo(_logits.AsSpan(i * ActorCritic.ActionCount));
            actions[i] = (int)_hostRows[(i * width) + ActorCritic.ActionCount];
        }

        var old = _state;
        _state = next.DetachFromDisposeScope();
        old.Dispose();
    }

    private Tensor Sample(Tensor logits)
    {
        var uniform = rand(new long[] { logits.shape[0], 1 }, generator: _generator).to(_policy.Device);
        var cdf = nn.functional.softmax(logits, 1).cumsum(1);
        return (cdf < uniform).sum(1).clamp_max(logits.shape[1] - 1);
    }

    /// <summary>Forgets every agent's memory and history.</summary>
    public void Reset()
    {
        _state.Dispose();
        _state = _policy.Model.InitialState(_agents, _policy.Device);
    }

    public void Dispose()
    {
        _state.Dispose();
        _hostObs.Dispose();
        _generator.Dispose();
    }
}
