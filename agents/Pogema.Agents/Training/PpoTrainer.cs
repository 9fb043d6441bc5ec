using System.Diagnostics;
using Pogema.Agents.Environments;
using Pogema.Agents.Models;
using Pogema.Agents.Rewards;
using TorchSharp;
using static TorchSharp.torch;

namespace Pogema.Agents.Training;

/// <summary>
/// PPO for recurrent multi-agent policies, in the order of CleanRL's ppo.py: storage, rollout, advantages, update.
/// One <see cref="Update"/> collects <see cref="PpoOptions.RolloutLength"/> steps of every agent, computes GAE and
/// trains on them. The rollout is cut into windows of <see cref="PpoOptions.Recurrence"/> steps; each window is
/// re-run from the memory and history it started with, so the memory is learned by back-propagation through time.
/// </summary>
public sealed partial class PpoTrainer : IDisposable
{
    private readonly IVectorEnv _env;
    private readonly ActorCritic _model;
    private readonly PpoOptions _options;
    private readonly RewardFunction _reward;
    private readonly Device _device;
    private readonly TorchSharp.Modules.Adam _optimizer;
    private readonly Generator _generator;
    private readonly long _seed;
    private readonly int _agents;
    private readonly int _agentsPerEnv;
    private readonly int _steps;
    private readonly int _recurrence;
    private readonly int _windows;

    // Rollout storage, allocated once on the device: [T, N, ...].
    private readonly Tensor _obs;
    private readonly Tensor _actions;
    private readonly Tensor _logProbs;
    private readonly Tensor _values;
    private readonly Tensor _rewards;
    private readonly Tensor _dones;
    private readonly Tensor _timeouts;
    private readonly Tensor _valid;
    private readonly Tensor _keep;

    // The recurrent state at the start of each BPTT window, [W, N, H] and [W, N, K, H].
    private readonly Tensor _windowStartMemory;
    private readonly Tensor _windowStartHistory;

    // Host staging buffers, one batched copy per step in each direction.
    private readonly Tensor _hostObs;
    private readonly float[] _hostRewards;
    private readonly float[] _hostDones;
    private readonly float[] _hostTimeouts;
    private readonly float[] _hostValid;
    private readonly float[] _hostKeep;
    private readonly Tensor _hostKeepStep;
    private readonly long[] _hostActionsLong;
    private readonly int[] _hostActions;
    private readonly bool[] _acting;
    private readonly float[] _episodeReturn;
    private readonly List<EpisodeSummary> _finishedEpisodes = new();

    private RecurrentState _state;
    private bool _started;

    public PpoTrainer(IVectorEnv env, ActorCritic model, PpoOptions options, RewardFunction reward, Device device, long seed)
    {
        options.Validate(env.NumEnvs);
        _env = env;
        _model = model;
        _options = options;
        _reward = reward;
        _device = device;
        _agents = env.NumAgents;
        _agentsPerEnv = env.AgentsPerEnv;
        _steps = options.RolloutLength;
        _recurrence = options.Recurrence;
        _windows = _steps / _recurrence;
        LearningRate = options.LearningRate;
        _optimizer = optim.Adam(model.parameters(), options.LearningRate, eps: options.AdamEpsilon);
        _seed = seed;
        // A CPU generator: the same draws on every device, and CUDA generators are not reliably exposed by TorchSharp.
        _generator = new Generator((ulong)seed, CPU);

        long t = _steps, n = _agents, c = env.ObservationChannels, d = env.ObservationSize;
        _obs = zeros(new[] { t, n, c, d, d }, device: device);
        _actions = zeros(new[] { t, n }, ScalarType.Int64, device: device);
        _logProbs = zeros(t, n, device: device);
        _values = zeros(t, n, device: device);
        _rewards = zeros(t, n, device: device);
        _dones = zeros(t, n, device: device);
        _timeouts = zeros(t, n, device: device);
        _valid = zeros(t, n, device: device);
        _keep = zeros(t, n, device: device);
        _windowStartMemory = zeros(new long[] { _windows, n, model.Options.Hidden }, device: device);
        _windowStartHistory = zeros(new long[] { _windows, n, model.HistoryLength, model.Options.Hidden }, device: device);

        _hostObs = zeros(new[] { n, c, d, d });
        _hostRewards = new float[_steps * _agents];
        _hostDones = new float[_steps * _agents];
        _hostTimeouts = new float[_steps * _agents];
        _hostValid = new float[_steps * _agents];
        _hostKeep = new float[_steps * _agents];
        _hostKeepStep = zeros(n);
        _hostActionsLong = new long[_agents];
        _hostActions = new int[_agents];
        _acting = new bool[_agents];
        _episodeReturn = new float[_agents];
        _state = model.InitialState(_agents, device);
    }

    /// <summary>Updates done so far.</summary>
    public long UpdateCount { get; private set; }

    /// <summary>Agent-steps collected so far.</summary>
    public long EnvSteps { get; private set; }

    /// <summary>Current learning rate (changes under the KL-adaptive schedule).</summary>
    public double LearningRate { get; private set; }

    /// <summary>The optimizer (for checkpoints).</summary>
    internal TorchSharp.Modules.Adam Optimizer => _optimizer;

    /// <summary>Restores counters from a checkpoint; the environment restarts its episodes on the next update.</summary>
    internal void RestoreCounters(long updates, long envSteps, double learningRate)
    {
        UpdateCount = updates;
        EnvSteps = envSteps;
        SetLearningRate(learningRate);
        _started = false;
    }

    /// <summary>Makes the next update start fresh episodes (as a resumed run does).</summary>
    internal void RestartEpisodes()
    {
        _started = false;
    }

    /// <summary>One rollout of every agent followed by one learning phase.</summary>
    public UpdateMetrics Update()
    {
        var clock = Stopwatch.StartNew();

        // Every random stream of an update (action sampling, minibatch order, dropout) is seeded from the run seed
        // and the update index, so a resumed run draws exactly what the uninterrupted run would have drawn.
        var updateSeed = UpdateSeed(_seed, UpdateCount);
        _generator.manual_seed((long)(updateSeed >> 1));
        torch.random.manual_seed((long)(updateSeed >> 2));
        if (!_started)
        {
            _env.Reset();
            Array.Fill(_acting, true);
            Array.Clear(_episodeReturn);
            _state.Dispose();
            _state = _model.InitialState(_agents, _device);
            _started = true;
        }

        // ---- Rollout: T steps of every agent under no_grad, the policy in eval mode (no dropout). ----
        var (envSeconds, returns, agentEpisodes) = CollectRollout();

        // ---- Advantages: time-out bootstrap, then GAE in one backward loop. ----
        Tensor advantages, targets;
        using (no_grad())
        {
            if (_options.BootstrapTimeouts)
            {
                _rewards.add_(_values * _timeouts * _options.Gamma);
            }

            using var nextValue = BootstrapValue();
            advantages = ComputeAdvantages(_rewards, _values, _dones, nextValue, _options.Gamma, _options.GaeLambda);
            targets = advantages + _values;
        }

        // ---- Learning: minibatches of whole environments, each re-run through the T-step window. ----
        var learnStats = Learn(advantages, targets);
        advantages.Dispose();
        targets.Dispose();

        UpdateCount++;
        EnvSteps += (long)_steps * _agents * WorldSize;
        var seconds = clock.Elapsed.TotalSeconds;
        var summary = SummarizeEpisodes();
        CombineAcrossWorkers(learnStats, ref returns, ref agentEpisodes, ref summary);
        var metrics = new UpdateMetrics
        {
            Update = UpdateCount,
            EnvSteps = EnvSteps,
            StepsPerSecond = (double)_steps * _agents * WorldSize / seconds,
            EnvSeconds = envSeconds,
            NetworkSeconds = seconds - envSeconds,
            AgentEpisodes = agentEpisodes,
            EpisodeReturn = agentEpisodes > 0 ? returns / agentEpisodes : double.NaN,
            Episodes = summary.Count,
            Csr = summary.Csr,
            Isr = summary.Isr,
            Throughput = summary.Throughput,
            PolicyLoss = learnStats[0],
            ValueLoss = learnStats[1],
            Entropy = learnStats[2],
            ApproxKl = learnStats[3],
            ClipFraction = learnStats[4],
            ExplainedVariance = learnStats[5],
            LearningRate = LearningRate,
        };
        if (_options.LearningRateSchedule == "kl_adaptive")
        {
            AdaptLearningRate(metrics.ApproxKl);
        }

        return metrics;
    }

    private static ulong UpdateSeed(long seed, long update)
    {
        // SplitMix64 of the pair: well-mixed, distinct seeds for every (run seed, update).
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)update + 1UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    private (double EnvSeconds, double ReturnSum, int AgentEpisodes) CollectRollout()
    {
        _model.eval();
        var envClock = new Stopwatch();
        double returnSum = 0;
        var agentEpisodes = 0;
        using var _ = no_grad();
        for (var t = 0; t < _steps; t++)
        {
            using var scope = NewDisposeScope();
            if (t % _recurrence == 0)
            {
                // The state before this step's episode-start mask: the learning phase applies the same mask.
                _windowStartMemory[t / _recurrence].copy_(_state.Memory);
                _windowStartHistory[t / _recurrence].copy_(_state.History);
            }

            var row = t * _agents;
            var started = _env.EpisodeStarted;
            for (var i = 0; i < _agents; i++)
            {
                if (started[i])
                {
                    _acting[i] = true;
                    _episodeReturn[i] = 0f;
                }

                _hostKeep[row + i] = started[i] ? 0f : 1f;
                _hostValid[row + i] = _acting[i] ? 1f : 0f;
            }

            _hostObs.data<float>().CopyFrom(_env.Observations, 0, 0);
            var obs = _obs[t];
            obs.copy_(_hostObs);
            _hostKeepStep.data<float>().CopyFrom(_hostKeep.AsSpan(row, _agents), 0, 0);
            var keep = _keep[t];
            keep.copy_(_hostKeepStep);
            var state = _state.Masked(keep);
            var (logits, values, next) = _model.Step(obs, state, _agentsPerEnv);
            var logProbsAll = nn.functional.log_softmax(logits, 1);
            var action = SampleActions(logProbsAll);
            _actions[t].copy_(action.squeeze(1));
            _logProbs[t].copy_(logProbsAll.gather(1, action).squeeze(1));
            _values[t].copy_(values);

            var old = _state;
            _state = next.DetachFromDisposeScope();
            old.Dispose();

            action.cpu().data<long>().CopyTo(_hostActionsLong, 0, 0);
            for (var i = 0; i < _agents; i++)
            {
                _hostActions[i] = (int)_hostActionsLong[i];
            }

            envClock.Start();
            _env.Step(_hostActions);
            envClock.Stop();

            var rewards = _hostRewards.AsSpan(row, _agents);
            _reward.Compute(_env.Rewards, _hostActions, _env.MadePathProgress, rewards);
            var terminated = _env.Terminated;
            var truncated = _env.Truncated;
            for (var i = 0; i < _agents; i++)
            {
                var done = terminated[i] || truncated[i];
                _hostDones[row + i] = done ? 1f : 0f;
                _hostTimeouts[row + i] = truncated[i] && !terminated[i] ? 1f : 0f;
                if (!_acting[i])
                {
                    continue;
                }

                _episodeReturn[i] += rewards[i];
                if (done)
                {
                    returnSum += _episodeReturn[i];
                    agentEpisodes++;
                    _acting[i] = false;
                }
            }

            _env.DrainEpisodes(_finishedEpisodes);
        }

        // Whole-rollout host -> device copies.
        long[] shape = { _steps, _agents };
        _rewards.copy_(tensor(_hostRewards, shape));
        _dones.copy_(tensor(_hostDones, shape));
        _timeouts.copy_(tensor(_hostTimeouts, shape));
        _valid.copy_(tensor(_hostValid, shape));
        return (envClock.Elapsed.TotalSeconds, returnSum, agentEpisodes);
    }

    /// <summary>Inverse-CDF sampling of one action per row from uniforms drawn on the CPU generator; [N, 1] int64.</summary>
    private Tensor SampleActions(Tensor logProbs)
    {
        var uniform = rand(new long[] { logProbs.shape[0], 1 }, generator: _generator).to(_device);
        var cdf = logProbs.exp().cumsum(1);
        return (cdf < uniform).sum(1, keepdim: true).clamp_max(logProbs.shape[1] - 1).to(ScalarType.Int64);
    }

    /// <summary>V of the observation after the rollout, with the state the next rollout will start from.</summary>
    private Tensor BootstrapValue()
    {
        using var scope = NewDisposeScope();
        var started = _env.EpisodeStarted;
        var keepHost = new float[_agents];
        for (var i = 0; i < _agents; i++)
        {
            keepHost[i] = started[i] ? 0f : 1f;
        }

        _hostObs.data<float>().CopyFrom(_env.Observations, 0, 0);
        var obs = _hostObs.to(_device);
        var (_, values, _) = _model.Step(obs, _state.Masked(tensor(keepHost, device: _device)), _agentsPerEnv);
        return values.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// GAE over a [T, N] rollout: delta = r + gamma V' (1 - done) - V, A = delta + gamma lambda (1 - done) A'.
    /// <paramref name="nextValue"/> [N] is V of the observation after the last step. The result is on the rollout's
    /// device.
    /// </summary>
    /// <remarks>
    /// The recursion runs backwards one step at a time: on the device that was T rounds of five tiny kernels, each
    /// with scalars TorchSharp creates implicitly and frees through finalizers (one such round crashed in libtorch
    /// with a freed scalar); on the host it is one pass over T x N floats between four copies out and one back.
    /// </remarks>
    internal static Tensor ComputeAdvantages(Tensor rewards, Tensor values, Tensor dones, Tensor nextValue, double gamma, double lambda)
    {
        var steps = (int)rewards.shape[0];
        var n = (int)rewards.shape[1];
        var r = HostCopy(rewards);
        var v = HostCopy(values);
        var d = HostCopy(dones);
        var next = HostCopy(nextValue);
        var advantages = new float[steps * n];
        var g = (float)gamma;
        var gl = (float)(gamma * lambda);
        for (var i = 0; i < n; i++)
        {
            var nextV = next[i];
            var last = 0f;
            for (var t = steps - 1; t >= 0; t--)
            {
                var k = (t * n) + i;
                var notDone = 1f - d[k];
                var delta = r[k] + (g * nextV * notDone) - v[k];
                last = delta + (gl * notDone * last);
                advantages[k] = last;
                nextV = v[k];
            }
        }

        var host = tensor(advantages, new long[] { steps, n });
        if (rewards.device_type == DeviceType.CPU)
        {
            return host;
        }

        using (host)
        {
            return host.to(rewards.device);
        }
    }

    private static float[] HostCopy(Tensor t)
    {
        // Both handles disposed here: an intermediate left to the finalizer is what this method's caller avoids.
        using var host = t.to(CPU);
        using var contiguous = host.contiguous();
        return contiguous.data<float>().ToArray();
    }

    private double[] Learn(Tensor advantages, Tensor targets)
    {
        _model.train();
        using var windows = new RolloutWindows(this, advantages, targets);
        var groups = (long)_env.NumEnvs * _windows;
        var groupsPerBatch = groups / _options.NumMinibatches;
        var offsets = arange(_agentsPerEnv, dtype: ScalarType.Int64, device: _device);
        var sums = zeros(5, device: _device);
        var batches = 0;
        for (var epoch = 0; epoch < _options.Epochs; epoch++)
        {
            using var order = randperm(groups, generator: _generator).to(_device);
            for (var b = 0; b < _options.NumMinibatches; b++)
            {
                using var scope = NewDisposeScope();
                // A group is one window of one environment; its agents stay together so cross-attention groups
                // stay intact. Group g = w * E + e owns the columns g * A .. g * A + A - 1 of the window tensors.
                var chosen = order.narrow(0, b * groupsPerBatch, groupsPerBatch);
                var idx = (chosen.unsqueeze(1) * _agentsPerEnv + offsets.unsqueeze(0)).flatten();
                var terms = MinibatchLoss(windows, idx);

                _optimizer.zero_grad();
                terms.Total.backward();
                AverageGradientsAcrossWorkers();

                // Checked after averaging, so every worker sees the same norm and all of them stop together.
                var gradientNorm = nn.utils.clip_grad_norm_(_model.parameters(), _options.MaxGradNorm);
                if (!double.IsFinite(gradientNorm))
                {
                    // A NaN or infinite gradient would poison every weight and the optimizer's moments: stop first.
                    _optimizer.zero_grad();
                    throw new NonFiniteLossException(UpdateCount + 1, epoch, b, terms.Total.item<float>(), gradientNorm);
                }

                _optimizer.step();
                AfterOptimizerStepAcrossWorkers();
                if (_options.LearningRateSchedule == "kl_adaptive_minibatch")
                {
                    AdaptLearningRate(MinibatchKlAcrossWorkers(terms.ApproxKl.item<float>()));
                }

                sums.add_(stack(new[] { terms.Policy, terms.Value, terms.Entropy, terms.ApproxKl, terms.ClipFraction }).detach());
                batches++;
            }
        }

        double explained;
        using (no_grad())
        {
            explained = ExplainedVariance(_values, targets, _valid).item<float>();
        }

        var host = (sums / batches).cpu().data<float>().ToArray();
        sums.Dispose();
        offsets.Dispose();
        return new[] { host[0], host[1], host[2], host[3], host[4], explained };
    }

    /// <summary>Re-runs one window for the agent columns <paramref name="idx"/> from their start state and returns the PPO loss.</summary>
    private PpoLossTerms MinibatchLoss(RolloutWindows w, Tensor idx)
    {
        var state = new RecurrentState(w.StartMemory.index_select(0, idx), w.StartHistory.index_select(0, idx));
        var obs = w.Observations.index_select(1, idx);
        var keep = w.KeepMask.index_select(1, idx);
        var actions = w.Actions.index_select(1, idx);
        var logProbs = new Tensor[_recurrence];
        var entropies = new Tensor[_recurrence];
        var values = new Tensor[_recurrence];
        for (var t = 0; t < _recurrence; t++)
        {
            var (logits, v, next) = _model.Step(obs[t], state.Masked(keep[t]), _agentsPerEnv);
            var logProbsAll = nn.functional.log_softmax(logits, 1);
            logProbs[t] = logProbsAll.gather(1, actions[t].unsqueeze(1)).squeeze(1);
            entropies[t] = -(logProbsAll.exp() * logProbsAll).sum(1);
            values[t] = v;
            state = next;
        }

        return ComputeLosses(
            stack(logProbs), stack(entropies), stack(values),
            w.LogProbs.index_select(1, idx), w.Values.index_select(1, idx),
            w.Advantages.index_select(1, idx), w.Targets.index_select(1, idx), w.Valid.index_select(1, idx), _options);
    }

    /// <summary>
    /// The rollout's [T, N, ...] tensors regrouped as [R, W * N, ...] (window w of agent n is column w * N + n) and
    /// the window start states as [W * N, ...], so a minibatch of windows is one index_select per tensor.
    /// </summary>
    private sealed class RolloutWindows : IDisposable
    {
        private readonly List<Tensor> _owned = new(10);

        public RolloutWindows(PpoTrainer trainer, Tensor advantages, Tensor targets)
        {
            using var scope = NewDisposeScope();
            var r = trainer._recurrence;
            var w = trainer._windows;
            Tensor Keep(Tensor x)
            {
                x.DetachFromDisposeScope();
                _owned.Add(x);
                return x;
            }

            Tensor Regroup(Tensor x)
            {
                var shape = x.shape;
                var grouped = new long[shape.Length + 1];
                grouped[0] = w;
                grouped[1] = r;
                Array.Copy(shape, 1, grouped, 2, shape.Length - 1);
                var flat = new long[shape.Length];
                flat[0] = r;
                flat[1] = w * shape[1];
                Array.Copy(shape, 2, flat, 2, shape.Length - 2);
                // One window per update is a plain view; several are one copy per tensor per update.
                return Keep(w == 1 ? x.alias() : x.view(grouped).transpose(0, 1).reshape(flat));
            }

            Observations = Regroup(trainer._obs);
            Actions = Regroup(trainer._actions);
            LogProbs = Regroup(trainer._logProbs);
            Values = Regroup(trainer._values);
            Valid = Regroup(trainer._valid);
            KeepMask = Regroup(trainer._keep);
            Advantages = Regroup(advantages);
            Targets = Regroup(targets);
            StartMemory = Keep(trainer._windowStartMemory.flatten(0, 1));
            StartHistory = Keep(trainer._windowStartHistory.flatten(0, 1));
        }

        public Tensor Observations { get; }
        public Tensor Actions { get; }
        public Tensor LogProbs { get; }
        public Tensor Values { get; }
        public Tensor Valid { get; }
        public Tensor KeepMask { get; }
        public Tensor Advantages { get; }
        public Tensor Targets { get; }
        public Tensor StartMemory { get; }
        public Tensor StartHistory { get; }

        public void Dispose()
        {
            foreach (var t in _owned)
            {
                t.Dispose();
            }
        }
    }

    /// <summary>
    /// The clipped PPO loss over the transitions where <paramref name="mask"/> is 1 (finished agents are 0):
    /// per-minibatch advantage normalization, clipped surrogate, clipped value loss, entropy bonus, and the
    /// approx_kl / clip-fraction diagnostics.
    /// </summary>
    internal static PpoLossTerms ComputeLosses(
        Tensor newLogProbs, Tensor entropy, Tensor newValues,
        Tensor oldLogProbs, Tensor oldValues, Tensor advantages, Tensor returns, Tensor mask, PpoOptions o)
    {
        var count = mask.sum().clamp_min(1.0);
        Tensor Mean(Tensor x) => (x * mask).sum() / count;

        if (o.NormalizeAdvantages)
        {
            var mean = Mean(advantages);
            var variance = ((advantages - mean).square() * mask).sum() / (count - 1.0).clamp_min(1.0);
            advantages = (advantages - mean) / (variance.sqrt() + 1e-8);
        }

        var logRatio = newLogProbs - oldLogProbs;
        var ratio = logRatio.exp();
        var surrogate = maximum(-advantages * ratio, -advantages * ratio.clamp(1.0 - o.ClipRatio, 1.0 + o.ClipRatio));
        var policyLoss = Mean(surrogate);

        var clippedValues = oldValues + (newValues - oldValues).clamp(-o.ValueClip, o.ValueClip);
        var valueLoss = Mean(maximum((newValues - returns).square(), (clippedValues - returns).square()));

        var entropyMean = Mean(entropy);
        var total = policyLoss - o.EntropyCoef * entropyMean + o.ValueCoef * valueLoss;

        using var _ = no_grad();
        var approxKl = Mean((ratio - 1.0) - logRatio);
        var clipFraction = Mean(((ratio - 1.0).abs() > o.ClipRatio).to(ScalarType.Float32));
        return new PpoLossTerms(total, policyLoss, valueLoss, entropyMean, approxKl, clipFraction);
    }

    /// <summary>1 - Var(returns - values) / Var(returns) over valid transitions.</summary>
    internal static Tensor ExplainedVariance(Tensor values, Tensor returns, Tensor mask)
    {
        var count = mask.sum().clamp_min(1.0);
        var meanReturn = (returns * mask).sum() / count;
        var varReturn = ((returns - meanReturn).square() * mask).sum() / count;
        var residual = (returns - values) * mask;
        var meanResidual = residual.sum() / count;
        var varResidual = ((returns - values - meanResidual).square() * mask).sum() / count;
        return 1.0 - varResidual / varReturn.clamp_min(1e-12);
    }

    private void AdaptLearningRate(double approxKl)
    {
        if (double.IsNaN(approxKl))
        {
            return;
        }

        if (approxKl > 2.0 * _options.TargetKl)
        {
            SetLearningRate(Math.Max(LearningRate / 1.5, _options.MinLearningRate));
        }
        else if (approxKl < 0.5 * _options.TargetKl)
        {
            SetLearningRate(Math.Min(LearningRate * 1.5, _options.MaxLearningRate));
        }
    }

    private void SetLearningRate(double lr)
    {
        LearningRate = lr;
        foreach (var group in _optimizer.ParamGroups)
        {
            group.LearningRate = lr;
        }
    }

    private (int Count, double Csr, double Isr, double Throughput) SummarizeEpisodes()
    {
        var count = _finishedEpisodes.Count;
        if (count == 0)
        {
            return (0, double.NaN, double.NaN, double.NaN);
        }

        double csr = 0, isr = 0, throughput = 0;
        foreach (var e in _finishedEpisodes)
        {
            csr += e.CooperativeSuccess;
            isr += e.IndividualSuccess;
            throughput += e.Throughput;
        }

        _finishedEpisodes.Clear();
        return (count, csr / count, isr / count, throughput / count);
    }

    public void Dispose()
    {
        _state.Dispose();
        foreach (var t in new[] { _obs, _actions, _logProbs, _values, _rewards, _dones, _timeouts, _valid, _keep, _windowStartMemory, _windowStartHistory, _hostObs, _hostKeepStep })
        {
            t.Dispose();
        }

        _optimizer.Dispose();
        _generator.Dispose();
    }
}
