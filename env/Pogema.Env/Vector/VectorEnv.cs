using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using Pogema.Env.Random;

namespace Pogema.Env.Vector;

/// <summary>
/// E environments x A agents stepped together over the single environment's rules (<see cref="PogemaEnv"/>), with
/// every result in flat arrays allocated once: observations <c>[E*A, C, D, D]</c> (env-major: agent a of env e is
/// row <c>e*A + a</c>), rewards, terminated, truncated, active, episode-start flags, BFS distance to goal and path
/// progress. An environment whose episode ends is reset at once (the observation returned is the new episode's
/// first; the ending step's rewards and flags stay in place) and its metrics are kept for <see cref="DrainEpisodes"/>.
/// Episode seeds come from one master seed, so a run is reproducible, and the results are identical for any number of
/// workers: each worker owns fixed slices of environments, each slice with its own scratch, allocated on the worker's
/// thread, and publishes each slice's rewards and flags once per step; a worker that finishes its slices early steps
/// slices another worker has not begun (<see cref="VectorEnvOptions.SlicesPerWorker"/>), and since an environment's
/// results do not depend on which thread steps it, they stay identical. Stepping allocates nothing.
/// </summary>
public sealed class VectorEnv : IDisposable
{
    private readonly VectorEnvOptions _options;
    private readonly ScenarioSource _scenario;
    private readonly EnvSlot[] _slots;
    private readonly SliceScratch[] _scratch;

    // Per slice, how many of its environments have finished episodes since the last drain, side by side: the caller
    // reads them after every step, and reading a count in each slice's scratch costs a cache line from another core
    // per slice (256 slices on 16 cores).
    private readonly int[] _finishedBySlice;
    private readonly int[] _firstEnv;
    private readonly int _slicesPerWorker;
    private readonly SliceClaims _claims;
    private readonly WorkerPool _pool;

    // Every agent's results of the last step; each worker fills its own AgentOutputs and copies it in here.
    private readonly AgentOutputs _results;
    // The caller's actions, pinned for the duration of one step: the workers read them in place, with no copy.
    private unsafe int* _stepActions;

    // A step's actions are checked by its workers, a chunk at a time, before any of them steps an environment. Done by
    // the caller alone, the check was the serial start of every step (on 16 cores 5-18 us of a Bottleneck step of
    // 230-430 us and 11-33 us of random64's 460-740 us: every action read from memory by one core), and the helpers
    // began to wake only once it was over. The first bad agent found is kept (int.MaxValue: none).
    private readonly int _actionChunks;
    private PaddedCounter _nextActionChunk;
    private PaddedCounter _checkedActionChunks;
    private int _firstInvalidAction = int.MaxValue;
    private readonly int _observationStride;
    private readonly bool _trackDistances;
    private readonly int _maxPaddedCells;
    private readonly bool _staticMaps;

    // Small static maps share one table of fields among all slices; otherwise each slice caches its own.
    private readonly StaticFieldTable? _staticFields;
    private readonly ulong[] _slotSeeds;
    private readonly TaskLayout[] _layouts;
    private WorkerPhase _phase;
    private bool _hasReset;
    private bool _disposed;

    /// <summary>Validates the options and every map of the scenario, then allocates all buffers and starts the workers.</summary>
    /// <exception cref="PogemaInputException">An option is out of range or a map does not fit the options.</exception>
    public VectorEnv(VectorEnvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        _options = options;
        _scenario = options.Scenario;
        _trackDistances = options.TrackDistances;
        NumEnvs = options.NumEnvs;
        AgentsPerEnv = options.AgentsPerEnv;
        NumAgents = checked(NumEnvs * AgentsPerEnv);
        ObservationChannels = 3;
        ObservationSize = (2 * options.ObsRadius) + 1;
        _observationStride = ObservationChannels * ObservationSize * ObservationSize;

        // Each map is parsed and checked once here; every slot's environment loads these shared layouts at resets.
        var layouts = new TaskLayout[_scenario.VariantCount];
        int maxPaddedCells = 0;
        bool staticMaps = true;
        for (int v = 0; v < layouts.Length; v++)
        {
            GridConfig config = _scenario.CreateConfig(v, options);
            var layout = TaskLayout.Build(config, $"{_scenario.Description} (map {v})");
            if (layout.NumAgents != AgentsPerEnv)
            {
                throw new PogemaInputException($"{_scenario.Description} (map {v}): the map places {layout.NumAgents} agents; agents per env is {AgentsPerEnv}");
            }

            staticMaps &= layout.Map is not null;
            maxPaddedCells = Math.Max(maxPaddedCells, layout.PaddedHeight * layout.PaddedWidth);
            layouts[v] = layout;
        }

        // The slots themselves are built by the workers that own them (see RunWorker).
        var master = NumpyRandom.DefaultRng(options.Seed);
        _slots = new EnvSlot[NumEnvs];
        _slotSeeds = new ulong[NumEnvs];
        for (int e = 0; e < NumEnvs; e++)
        {
            _slotSeeds[e] = (ulong)master.Integers(long.MaxValue);
        }

        _layouts = layouts;

        // Each worker owns consecutive slices of environments (each slice with its own scratch); with more than one
        // slice per worker, a worker that is done steps the slices others have not begun.
        int workers = Math.Min(options.Workers, NumEnvs);
        int agentsPerWorker = NumAgents / workers;
        int largestSplit = Math.Min(NumEnvs / workers, agentsPerWorker / Math.Max(1, options.MinAgentsPerSlice));
        _slicesPerWorker = workers == 1 ? 1 : Math.Max(1, Math.Min(options.SlicesPerWorker, largestSplit));
        int slices = workers * _slicesPerWorker;
        _firstEnv = new int[slices + 1];
        _scratch = new SliceScratch[slices];
        _finishedBySlice = new int[slices];
        for (int s = 0; s <= slices; s++)
        {
            _firstEnv[s] = (int)((long)s * NumEnvs / slices);
        }

        _claims = new SliceClaims(workers, _slicesPerWorker, stealing: _slicesPerWorker > 1);

        _actionChunks = (NumAgents + ActionCheckChunk - 1) / ActionCheckChunk;
        Observations = new float[(long)NumAgents * _observationStride];
        _results = new AgentOutputs(0, NumAgents);
        _maxPaddedCells = maxPaddedCells;
        _staticMaps = staticMaps;
        bool needsFields = options.TrackDistances || options.Observation == ObservationPreset.Follower;
        _staticFields = staticMaps && needsFields ? StaticFieldTable.TryCreate(layouts.Length, maxPaddedCells) : null;
        _pool = new WorkerPool(workers, RunWorker, options.PoolTuning);
        _phase = WorkerPhase.Build;
        try
        {
            _pool.Run();
        }
        catch
        {
            _pool.Dispose();
            throw;
        }
    }

    /// <summary>Actions checked as one piece of a step's parallel check: 8 KB, a few microseconds from memory.</summary>
    private const int ActionCheckChunk = 2048;

    /// <summary>How long a worker waiting for the other chunks' checks spins on pause instructions before it yields: 100 us.</summary>
    private static readonly long ActionCheckSpinTicks = Stopwatch.Frequency / 10_000;

    /// <summary>Number of environments E.</summary>
    public int NumEnvs { get; }

    /// <summary>Agents per environment A.</summary>
    public int AgentsPerEnv { get; }

    /// <summary>All agents, E*A; agent a of environment e is index <c>e*A + a</c>.</summary>
    public int NumAgents { get; }

    /// <summary>Observation channels C (3 for both presets).</summary>
    public int ObservationChannels { get; }

    /// <summary>Observation window side D = 2r + 1.</summary>
    public int ObservationSize { get; }

    /// <summary>The options this vector env runs.</summary>
    public VectorEnvOptions Options => _options;

    /// <summary>Number of worker threads (the caller's included).</summary>
    public int Workers => _pool.Count;

    /// <summary>Slices of environments each worker owns (<see cref="VectorEnvOptions.SlicesPerWorker"/>, as far as the environments allow).</summary>
    internal int SlicesPerWorker => _slicesPerWorker;

    /// <summary>
    /// Records where the time of each <see cref="Step"/> goes while set (null: nothing recorded, no cost); set it only
    /// between steps. The bench times steps with it in a run of their own (<c>pogema bench --timeline</c>).
    /// </summary>
    internal StepTimeline? Timeline { get; set; }

    /// <summary>Observations <c>[E*A, C, D, D]</c>, written by <see cref="Reset"/> and <see cref="Step"/>.</summary>
    public float[] Observations { get; }

    /// <summary>Environment reward of the last step (1 on goal arrival, as POGEMA); 0 after <see cref="Reset"/>.</summary>
    public float[] Rewards => _results.Rewards;

    /// <summary><c>terminated</c> of the last step (of the episode that step belonged to).</summary>
    public bool[] Terminated => _results.Terminated;

    /// <summary><c>truncated</c> of the last step (true for every agent of an environment that hit the time limit).</summary>
    public bool[] Truncated => _results.Truncated;

    /// <summary>Whether the agent was active, so its action counted, in the last step (all true after <see cref="Reset"/>).</summary>
    public bool[] Active => _results.Active;

    /// <summary>True where the observation is the first of a new episode (after <see cref="Reset"/> or an auto-reset).</summary>
    public bool[] EpisodeStarted => _results.EpisodeStarted;

    /// <summary>
    /// BFS moves on the static map from the agent's cell after the last step to its goal after that step (the new
    /// goal in <c>restart</c> mode), in the episode the step belonged to; <see cref="DistanceField.Unreachable"/> (-1)
    /// when the goal cannot be reached. After <see cref="Reset"/>, the distance at the episode's start. Always -1
    /// when <see cref="VectorEnvOptions.TrackDistances"/> is off.
    /// </summary>
    public int[] DistanceToGoal => _results.DistanceToGoal;

    /// <summary>
    /// True where the agent, active in the last step, stepped onto the next cell of its shortest path as it stood
    /// before the step (SRMT's directional reward). False after <see cref="Reset"/>, and always false when
    /// <see cref="VectorEnvOptions.TrackDistances"/> is off.
    /// </summary>
    public bool[] MadePathProgress => _results.MadePathProgress;

    /// <summary>The environment running in slot <paramref name="env"/> now; for inspection only (do not step or reset it).</summary>
    public PogemaEnv GetEnvironment(int env) => _slots[env].Env;

    /// <summary>The seed of the current episode of environment <paramref name="env"/>.</summary>
    public ulong GetEpisodeSeed(int env) => _slots[env].EpisodeSeed;

    /// <summary>The scenario variant (index of the map in the source) of the current episode of environment <paramref name="env"/>.</summary>
    public int GetVariant(int env) => _slots[env].Variant;

    /// <summary>
    /// Starts every environment's episode sequence from the master seed: the same options always give the same
    /// episodes. Discards metrics not yet drained.
    /// </summary>
    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _phase = WorkerPhase.Reset;
        RunSlices();
        _hasReset = true;
    }

    /// <summary>
    /// Steps every environment with <paramref name="actions"/> (one action 0..4 per agent, env-major; actions of
    /// inactive agents are ignored), auto-resets the environments whose episode ended, and writes every buffer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An action is not in 0..4; no environment was stepped.</exception>
    public void Step(ReadOnlySpan<int> actions)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_hasReset)
        {
            throw new InvalidOperationException("Reset the vector env before the first step.");
        }

        if (actions.Length != NumAgents)
        {
            throw new ArgumentException($"expected {NumAgents} actions, got {actions.Length}", nameof(actions));
        }

        StepTimeline? timeline = Timeline;
        long begin = timeline is null ? 0 : Stopwatch.GetTimestamp();
        unsafe
        {
            fixed (int* pinned = actions)
            {
                _stepActions = pinned;
                try
                {
                    // The run checks every action first and steps nothing when one is out of range (CheckActions).
                    _nextActionChunk.Value = 0;
                    _checkedActionChunks.Value = 0;
                    _firstInvalidAction = int.MaxValue;
                    _phase = WorkerPhase.Step;
                    RunSlices();
                }
                finally
                {
                    // No worker reads them once the step is over: every worker has reported.
                    _stepActions = null;
                }
            }
        }

        if (_firstInvalidAction != int.MaxValue)
        {
            int bad = _firstInvalidAction;
            throw new ArgumentOutOfRangeException(nameof(actions), $"action {actions[bad]} of agent {bad} is not in 0..4; no environment was stepped");
        }

        timeline?.EndStep(begin, Stopwatch.GetTimestamp());
    }

    /// <summary>
    /// Writes the observations of the current state again (they are already in place after <see cref="Reset"/> and
    /// <see cref="Step"/>); the buffers do not change. Measures observation writing alone.
    /// </summary>
    public void RewriteObservations()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_hasReset)
        {
            throw new InvalidOperationException("Reset the vector env before writing observations.");
        }

        _phase = WorkerPhase.Observe;
        RunSlices();
    }

    /// <summary>Appends the metrics of every episode finished since the last drain, environment by environment; returns how many.</summary>
    public int DrainEpisodes(List<EpisodeMetrics> sink)
    {
        ArgumentNullException.ThrowIfNull(sink);

        // Called after every step by a trainer, on the caller's thread alone, while every slot was last written by
        // another core: visit only the environments that finished episodes, found from one count per slice (side by
        // side) and each slice's list, not every slot of a slice (reading a slot costs a cache line from its core).
        int count = 0;
        for (int s = 0; s < _scratch.Length; s++)
        {
            if (_finishedBySlice[s] == 0)
            {
                continue;
            }

            SliceScratch scratch = _scratch[s];
            Span<int> finished = scratch.FinishedEnvs;

            // Environment by environment, whatever order their episodes finished in.
            finished.Sort();
            foreach (int e in finished)
            {
                count += _slots[e].Drain(sink);
            }

            scratch.ClearFinishedEnvs();
            _finishedBySlice[s] = 0;
        }

        return count;
    }

    /// <summary>Bytes allocated by all workers inside <see cref="Reset"/> and <see cref="Step"/>, each measured on its own thread.</summary>
    internal long WorkerAllocatedBytes
    {
        get
        {
            long total = 0;
            foreach (SliceScratch scratch in _scratch)
            {
                total += scratch.AllocatedBytes;
            }

            return total;
        }
    }

    /// <summary>Stops the worker threads.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _pool.Dispose();
        }
    }

    /// <summary>The index of the first action outside 0..4, or -1 when all are valid.</summary>
    private static int FirstInvalidAction(ReadOnlySpan<int> actions)
    {
        ReadOnlySpan<uint> values = MemoryMarshal.Cast<int, uint>(actions);
        var limit = new Vector<uint>(PogemaEnv.NumActions);
        int i = 0;
        for (; i + Vector<uint>.Count <= values.Length; i += Vector<uint>.Count)
        {
            if (System.Numerics.Vector.GreaterThanOrEqualAny(new Vector<uint>(values[i..]), limit))
            {
                break;
            }
        }

        for (; i < values.Length; i++)
        {
            if (values[i] >= PogemaEnv.NumActions)
            {
                return i;
            }
        }

        return -1;
    }

    private static void Validate(VectorEnvOptions o)
    {
        if (o.Scenario is null)
        {
            throw new PogemaInputException("vector env: scenario: none given; use a fixed config, a map set or the bottleneck");
        }

        if (o.NumEnvs < 1)
        {
            throw new PogemaInputException($"vector env: num_envs {o.NumEnvs}: must be at least 1");
        }

        if (o.AgentsPerEnv < 1)
        {
            throw new PogemaInputException($"vector env: agents_per_env {o.AgentsPerEnv}: must be at least 1");
        }

        if (o.Workers < 1)
        {
            throw new PogemaInputException($"vector env: workers {o.Workers}: must be at least 1");
        }

        if (o.SlicesPerWorker is < 1 or > SliceClaims.MaxSlicesPerWorker)
        {
            throw new PogemaInputException($"vector env: slices_per_worker {o.SlicesPerWorker}: must be 1..{SliceClaims.MaxSlicesPerWorker}");
        }

        if (o.DistanceCacheBytes < 0)
        {
            throw new PogemaInputException($"vector env: distance_cache_bytes {o.DistanceCacheBytes}: must not be negative");
        }

        if ((long)o.NumEnvs * o.AgentsPerEnv > int.MaxValue)
        {
            throw new PogemaInputException($"vector env: {o.NumEnvs} envs x {o.AgentsPerEnv} agents is too many agents; at most {int.MaxValue}");
        }
    }

    private void RunWorker(int worker)
    {
        if (_phase == WorkerPhase.Build)
        {
            // Everything a worker writes while stepping its own slices is allocated on its own thread: together in
            // memory, away from the other workers' data, and on its own NUMA node where there are several.
            for (int s = worker * _slicesPerWorker; s < (worker + 1) * _slicesPerWorker; s++)
            {
                BuildSlice(s);
            }

            return;
        }

        long run = _claims.Run;
        if (_phase == WorkerPhase.Step && !CheckActions())
        {
            return;
        }

        StepTimeline? timeline = _phase == WorkerPhase.Step ? Timeline : null;
        timeline?.Started(worker);
        int scan = 0;
        for (int s = _claims.Claim(worker, run, ref scan); s >= 0; s = _claims.Claim(worker, run, ref scan))
        {
            RunSlice(s);
        }

        timeline?.Finished(worker);
    }

    /// <summary>
    /// A worker's share of checking the step's actions, then its wait for the rest: true when every action is in
    /// 0..4. Workers claim chunks until none is left, so the ones awake first check most of them, and a helper that
    /// wakes late finds the verdict ready. The wait spins on pause instructions (it lasts about as long as checking a
    /// chunk), then yields, for a worker whose core was taken away mid-chunk.
    /// </summary>
    private unsafe bool CheckActions()
    {
        int chunks = _actionChunks;
        while (Volatile.Read(ref _nextActionChunk.Value) < chunks)
        {
            int chunk = (int)Interlocked.Increment(ref _nextActionChunk.Value) - 1;
            if (chunk >= chunks)
            {
                break;
            }

            int start = chunk * ActionCheckChunk;
            int bad = FirstInvalidAction(new ReadOnlySpan<int>(_stepActions + start, Math.Min(ActionCheckChunk, NumAgents - start)));
            if (bad >= 0)
            {
                KeepFirstInvalidAction(start + bad);
            }

            Interlocked.Increment(ref _checkedActionChunks.Value);
        }

        var pure = new PureSpinner(ActionCheckSpinTicks);
        var spinner = default(SpinWait);
        while (Volatile.Read(ref _checkedActionChunks.Value) < chunks)
        {
            if (!pure.Spin())
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }

        return Volatile.Read(ref _firstInvalidAction) == int.MaxValue;
    }

    /// <summary>Keeps <paramref name="agent"/> as the first bad agent unless another worker found an earlier one.</summary>
    private void KeepFirstInvalidAction(int agent)
    {
        int seen = Volatile.Read(ref _firstInvalidAction);
        while (agent < seen)
        {
            int previous = Interlocked.CompareExchange(ref _firstInvalidAction, agent, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    /// <summary>Runs the current phase on every slice: the workers claim slices, and the run ends when every worker has reported.</summary>
    private void RunSlices()
    {
        _claims.BeginRun();
        _pool.Run();
    }

    private void BuildSlice(int slice)
    {
        int begin = _firstEnv[slice];
        int end = _firstEnv[slice + 1];
        _scratch[slice] = new SliceScratch(
            end - begin,
            begin * AgentsPerEnv,
            (end - begin) * AgentsPerEnv,
            _maxPaddedCells,
            _options.DistanceCacheBytes / _slicesPerWorker,
            _scenario.VariantCount,
            _staticMaps,
            sharedFields: _staticFields is not null,
            pathWindow: _options.Observation == ObservationPreset.Follower ? ObservationSize : 0,
            _observationStride,
            _options.StreamingObservationStores);
        for (int e = begin; e < end; e++)
        {
            _slots[e] = new EnvSlot(_scenario, _layouts, _slotSeeds[e], AgentsPerEnv);
        }
    }

    /// <summary>Runs the phase on one slice's environments and publishes their results.</summary>
    private void RunSlice(int slice)
    {
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        SliceScratch scratch = _scratch[slice];
        if (_phase == WorkerPhase.Reset)
        {
            // A full reset discards every slot's undrained metrics.
            scratch.ClearFinishedEnvs();
            _finishedBySlice[slice] = 0;
        }

        int listed = 0;
        for (int e = _firstEnv[slice]; e < _firstEnv[slice + 1]; e++)
        {
            switch (_phase)
            {
                case WorkerPhase.Step:
                    // An environment is listed once however many episodes it finishes before the caller drains it.
                    if (StepEnv(e, scratch) && _slots[e].FinishedCount == 1)
                    {
                        scratch.AddFinishedEnv(e);
                        listed++;
                    }

                    break;
                case WorkerPhase.Reset:
                    ResetEnv(e, scratch);
                    break;
                default:
                    WriteObservations(e, _slots[e], scratch);
                    break;
            }
        }

        if (listed > 0)
        {
            _finishedBySlice[slice] = scratch.FinishedEnvCount;
        }

        if (scratch.Stager is { } stager)
        {
            // Streamed stores are weakly ordered: fence them before the slice's end (a worker's report, or the
            // slice's count) publishes them.
            stager.Flush();
            StreamingCopy.Fence();
        }

        if (_phase != WorkerPhase.Observe)
        {
            scratch.Outputs.CopyTo(_results);
        }

        scratch.AllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
    }

    private void ResetEnv(int e, SliceScratch scratch)
    {
        EnvSlot slot = _slots[e];
        slot.Rewind();
        slot.Drain(scratch.Discard);
        scratch.Discard.Clear();
        AgentOutputs outputs = scratch.Outputs;
        int first = (e * AgentsPerEnv) - outputs.FirstAgent;
        int a = AgentsPerEnv;
        BeginEpisode(slot, scratch, first);
        outputs.Rewards.AsSpan(first, a).Clear();
        outputs.Terminated.AsSpan(first, a).Clear();
        outputs.Truncated.AsSpan(first, a).Clear();
        outputs.Active.AsSpan(first, a).Fill(true);
        outputs.EpisodeStarted.AsSpan(first, a).Fill(true);
        outputs.MadePathProgress.AsSpan(first, a).Clear();
        PogemaEnv env = slot.Env;
        ReadOnlySpan<int> positions = env.PaddedPositions;
        ReadOnlySpan<int> targets = env.PaddedTargets;
        Span<int> hints = scratch.FieldHints.AsSpan(first, a);
        for (int i = 0; _trackDistances && i < a; i++)
        {
            RecordDistance(outputs, first + i, positions[i], Field(slot, scratch, targets[i], ref hints[i]));
        }

        WriteObservations(e, slot, scratch);
    }

    /// <summary>Steps environment <paramref name="e"/>; true when its episode ended (and a new one began).</summary>
    private unsafe bool StepEnv(int e, SliceScratch scratch)
    {
        EnvSlot slot = _slots[e];
        PogemaEnv env = slot.Env;
        AgentOutputs outputs = scratch.Outputs;
        int a = AgentsPerEnv;
        int first = (e * a) - outputs.FirstAgent;
        CopyActive(env, outputs, first);
        env.Step(new ReadOnlySpan<int>(_stepActions + (e * a), a));
        bool started = env.EpisodeEnded;
        CopyStepResults(env, outputs, first, started);

        // Distances and progress belong to the step just taken. When the episode goes on, the observation pass
        // reads the same fields at the same cells and fills them in, so each agent looks its field up once.
        if (started)
        {
            if (_trackDistances)
            {
                TrackStep(first, slot, scratch);
            }

            slot.RecordFinished(env.Metrics!.Value);
            BeginEpisode(slot, scratch, first);
        }

        WriteObservations(e, slot, scratch, trackStep: _trackDistances && !started);
        return started;
    }

    /// <summary>
    /// Which agents are active before the step, into the slice's outputs at <paramref name="first"/>. This and
    /// <see cref="CopyStepResults"/> are loops over the agents rather than span copies: with two agents per
    /// environment (the Bottleneck) a copy costs more in its call than in its bytes.
    /// </summary>
    private static void CopyActive(PogemaEnv env, AgentOutputs outputs, int first)
    {
        ReadOnlySpan<bool> active = env.Active;
        Span<bool> activeOut = outputs.Active.AsSpan(first, active.Length);
        for (int i = 0; i < active.Length; i++)
        {
            activeOut[i] = active[i];
        }
    }

    /// <summary>The step's rewards and flags, and whether a new episode began, into the slice's outputs at <paramref name="first"/>, in one loop.</summary>
    private static void CopyStepResults(PogemaEnv env, AgentOutputs outputs, int first, bool started)
    {
        ReadOnlySpan<float> rewards = env.Rewards;
        ReadOnlySpan<bool> terminated = env.Terminated;
        ReadOnlySpan<bool> truncated = env.Truncated;
        Span<float> rewardsOut = outputs.Rewards.AsSpan(first, rewards.Length);
        Span<bool> terminatedOut = outputs.Terminated.AsSpan(first, rewards.Length);
        Span<bool> truncatedOut = outputs.Truncated.AsSpan(first, rewards.Length);
        Span<bool> startedOut = outputs.EpisodeStarted.AsSpan(first, rewards.Length);
        for (int i = 0; i < rewards.Length; i++)
        {
            rewardsOut[i] = rewards[i];
            terminatedOut[i] = terminated[i];
            truncatedOut[i] = truncated[i];
            startedOut[i] = started;
        }
    }

    /// <summary>Distance to goal and path progress of the step just taken, before an auto-reset replaces the episode.</summary>
    private void TrackStep(int first, EnvSlot slot, SliceScratch scratch)
    {
        AgentOutputs outputs = scratch.Outputs;
        PogemaEnv env = slot.Env;
        ReadOnlySpan<int> positions = env.PaddedPositions;
        ReadOnlySpan<int> targets = env.PaddedTargets;
        Span<int> next = scratch.NextCell.AsSpan(first, positions.Length);
        Span<int> hints = scratch.FieldHints.AsSpan(first, positions.Length);
        for (int i = 0; i < positions.Length; i++)
        {
            RecordStep(outputs, first + i, positions[i], next[i], Field(slot, scratch, targets[i], ref hints[i]));
        }
    }

    /// <summary>
    /// Slice agent <paramref name="agent"/>'s step just taken: whether it was active and stepped onto
    /// <paramref name="plannedCell"/>, its path's next cell before the step, and its distance to goal now.
    /// </summary>
    private static void RecordStep(AgentOutputs outputs, int agent, int position, int plannedCell, ReadOnlySpan<int> field)
    {
        outputs.MadePathProgress[agent] = outputs.Active[agent] && position == plannedCell;
        RecordDistance(outputs, agent, position, field);
    }

    /// <summary>Slice agent <paramref name="agent"/>'s BFS distance to goal from <paramref name="position"/> (<see cref="DistanceField.Unreachable"/> when none).</summary>
    private static void RecordDistance(AgentOutputs outputs, int agent, int position, ReadOnlySpan<int> field) =>
        outputs.DistanceToGoal[agent] = Math.Max(DistanceField.Distance(field, position), DistanceField.Unreachable);

    /// <summary>The BFS field to <paramref name="goal"/> on the slot's current map: from the shared table, or the slice's cache.</summary>
    private ReadOnlySpan<int> Field(EnvSlot slot, SliceScratch scratch, int goal, ref int hint)
    {
        PogemaEnv env = slot.Env;
        return _staticFields is { } table
            ? table.Get(slot.Variant, goal, env.PaddedObstacles, env.PaddedWidth, scratch.BfsQueue)
            : scratch.Distances!.Get(slot.MapKey, goal, env.PaddedObstacles, env.PaddedWidth, ref hint);
    }

    /// <summary>The slot's next episode; its agents (from <paramref name="first"/> in the slice) forget their paths.</summary>
    private void BeginEpisode(EnvSlot slot, SliceScratch scratch, int first)
    {
        slot.BeginEpisode();
        scratch.Paths?.Invalidate(first, AgentsPerEnv);

        // Static maps share fields across episodes and environments of a worker (key = map variant); a random map
        // drawn per seed gets a fresh key so its fields are never confused with another episode's.
        slot.MapKey = slot.Env.HasStaticMap ? slot.Variant : scratch.NextEpisodeMapKey();
    }

    /// <summary>
    /// Observations of one environment, and each agent's next path cell for the progress flag of the next step.
    /// With <paramref name="trackStep"/>, also the distance and progress of the step just taken (from the same field
    /// lookup), which is right only when that step did not end the episode.
    /// </summary>
    private void WriteObservations(int e, EnvSlot slot, SliceScratch scratch, bool trackStep = false)
    {
        PogemaEnv env = slot.Env;
        AgentOutputs outputs = scratch.Outputs;
        int a = AgentsPerEnv;
        int first = (e * a) - outputs.FirstAgent;
        int offset = e * a * _observationStride;
        Span<float> destination = Observations.AsSpan(offset, a * _observationStride);
        ObservationStager? stager = scratch.Stager;
        ReadOnlySpan<int> positions = env.PaddedPositions;
        ReadOnlySpan<int> targets = env.PaddedTargets;
        ReadOnlySpan<byte> obstacles = env.PaddedObstacles;
        int width = env.PaddedWidth;
        Span<int> next = scratch.NextCell.AsSpan(first, a);
        Span<int> hints = scratch.FieldHints.AsSpan(first, a);
        int radius = env.ObsRadius;
        ReadOnlySpan<int> rows = env.AgentRows;
        ReadOnlySpan<int> cols = env.AgentCols;
        ReadOnlySpan<int> targetRows = env.TargetRows;
        ReadOnlySpan<int> targetCols = env.TargetCols;
        bool follower = _options.Observation == ObservationPreset.Follower;
        for (int i = 0; scratch.Distances is not null && (follower || _trackDistances) && i < a; i++)
        {
            scratch.Distances.Prefetch(slot.MapKey, targets[i], hints[i], positions[i]);
        }

        if (follower)
        {
            scratch.MarkGoals(targets);
        }
        else if (stager is null)
        {
            env.WriteObservations(destination);
        }
        else
        {
            int batch = stager.Capacity(_observationStride);
            for (int i = 0; i < a; i += batch)
            {
                int count = Math.Min(batch, a - i);
                env.WriteObservations(i, count, stager.Reserve(Observations, offset + (i * _observationStride), count * _observationStride));
            }
        }

        for (int i = 0; (follower || _trackDistances) && i < a; i++)
        {
            // A follower observation whose kept path is still whole needs no field, unless the step's distance does.
            bool fieldLookedUp = trackStep || !follower;
            ReadOnlySpan<int> field = fieldLookedUp ? Field(slot, scratch, targets[i], ref hints[i]) : default;
            if (trackStep)
            {
                RecordStep(outputs, first + i, positions[i], next[i], field);
            }

            if (!follower)
            {
                next[i] = DistanceField.NextCell(field, width, positions[i]);
                continue;
            }

            Span<float> observation = stager is null
                ? destination.Slice(i * _observationStride, _observationStride)
                : stager.Reserve(Observations, offset + (i * _observationStride), _observationStride);
            AgentPaths paths = scratch.Paths!;
            int row = rows[i] + radius;
            int col = cols[i] + radius;
            if (!paths.TryKept(first + i, positions[i], row, col, targets[i], radius, out ReadOnlySpan<AgentPaths.PathCell> path))
            {
                if (!fieldLookedUp)
                {
                    field = Field(slot, scratch, targets[i], ref hints[i]);
                }

                path = paths.Extend(first + i, positions[i], row, col, targets[i], field, width, radius);
            }

            next[i] = path.Length > 1 ? path[1].Cell : -1;
            if (path.Length > 0)
            {
                FollowerObservation.Write(
                    obstacles,
                    env.PaddedOccupancy,
                    scratch.GoalGrid,
                    path,
                    width,
                    radius,
                    targetRows[i] - rows[i],
                    targetCols[i] - cols[i],
                    observation);
            }
            else
            {
                FollowerObservation.Write(obstacles, env.PaddedOccupancy, scratch.GoalGrid, field, width, env.ObsRadius, positions[i], targets[i], observation);
            }
        }

        if (follower)
        {
            scratch.ClearGoals(targets);
        }
    }

    private enum WorkerPhase
    {
        Build,
        Reset,
        Step,
        Observe,
    }
}
