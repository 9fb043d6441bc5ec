using System.Diagnostics;
using Pogema.Env.Random;
using Pogema.Env.Vector;

namespace Pogema.Env.Benchmarking;

/// <summary>
/// Measures agent-steps per second of the vector env (one thread and all threads) and of one <see cref="PogemaEnv"/>
/// on the standard configurations, with random actions drawn in advance so the policy costs nothing, and the
/// machine's memory-copy bandwidth in the same run. Each vector run takes 1.75 times the measured duration (a quarter
/// of warm-up, the stepping, half for writing observations alone) plus building the environments. The all-core runs
/// step the single-thread run's environments (strong scaling) and/or threads x as many (weak scaling: the same work
/// per thread); see <see cref="BenchScaling"/>. The <c>pogema+distances</c> variant gets no weak-scaling run: it
/// differs from <c>pogema</c> only by per-agent work that scales like it, and leaving it out keeps a full run short.
/// </summary>
public sealed class BenchRunner
{
    private const int ActionPatterns = 32;

    private readonly TimeSpan _duration;
    private readonly int _threads;
    private readonly Action<string> _progress;

    /// <summary>A runner measuring each run for <paramref name="duration"/>, all-core runs on <paramref name="threads"/> threads.</summary>
    public BenchRunner(TimeSpan duration, int threads, Action<string>? progress = null)
    {
        if (duration <= TimeSpan.Zero)
        {
            throw new PogemaInputException($"--seconds {duration.TotalSeconds}: must be above 0");
        }

        if (threads < 1)
        {
            throw new PogemaInputException($"--threads {threads}: must be at least 1");
        }

        _duration = duration;
        _threads = threads;
        _progress = progress ?? (_ => { });
    }

    /// <summary>Runs every configuration with every variant, single thread and all threads, plus the single-env baseline.</summary>
    public BenchReport Run(IReadOnlyList<BenchScenario> scenarios, IReadOnlyList<BenchVariant> variants, bool baseline = true, BenchScaling scaling = BenchScaling.Both, IReadOnlyList<bool>? streamingStores = null)
    {
        streamingStores ??= [new VectorEnvOptions().StreamingObservationStores];
        bool sameEnvs = scaling != BenchScaling.PerThread;
        bool perThread = scaling != BenchScaling.Fixed;
        // First, so the clock read is the one before the measurements heat the cores.
        MachineInfo machine = MachineInfo.Read();
        _progress("memory copy bandwidth");
        double copyOne = MemoryBandwidth.Measure(1, _duration / 2);
        double copyAll = _threads == 1 ? copyOne : MemoryBandwidth.Measure(_threads, _duration / 2);
        _progress("step of trivial work (synchronization)");
        double syncOne = TrivialStepSeconds(1, WorkerSignalling.Events);
        double? syncEvents = _threads == 1 ? null : TrivialStepSeconds(_threads, WorkerSignalling.Events);
        double? syncGeneration = _threads == 1 ? null : TrivialStepSeconds(_threads, WorkerSignalling.Generation);
        var rows = new List<BenchRow>();
        foreach (BenchScenario scenario in scenarios)
        {
            if (baseline)
            {
                _progress($"{scenario.Name}: single environment");
                rows.Add(MeasureSingle(scenario));
            }

            foreach (BenchVariant variant in variants)
            {
                foreach (bool streaming in streamingStores)
                {
                    rows.AddRange(MeasureVariant(scenario, variant, streaming, sameEnvs, perThread, copyOne, copyAll));
                }
            }
        }

        return new BenchReport
        {
            Machine = machine,
            ProcessorCount = Environment.ProcessorCount,
            Threads = _threads,
            SecondsPerRun = _duration.TotalSeconds,
            CopyBytesPerSecondOneThread = copyOne,
            CopyBytesPerSecondAllThreads = copyAll,
            TrivialStepSecondsOneThread = syncOne,
            TrivialStepSecondsEvents = syncEvents,
            TrivialStepSecondsGeneration = syncGeneration,
            Rows = rows,
        };
    }

    private List<BenchRow> MeasureVariant(BenchScenario scenario, BenchVariant variant, bool streaming, bool sameEnvs, bool perThread, double copyOne, double copyAll)
    {
        string name = $"{scenario.Name}: {variant.Name}, {(streaming ? "streaming" : "normal")} stores";
        _progress($"{name}, 1 thread");
        BenchRow one = MeasureVector(scenario, variant, streaming, BenchWorkload.OneThread, 1, copyOne, null);
        var rows = new List<BenchRow> { one };
        if (_threads > 1 && sameEnvs)
        {
            _progress($"{name}, {_threads} threads, same envs");
            rows.Add(MeasureVector(scenario, variant, streaming, BenchWorkload.SameEnvs, _threads, copyAll, one.AgentStepsPerSecond));
        }

        if (_threads > 1 && perThread && variant != BenchVariant.PogemaDistances)
        {
            _progress($"{name}, {_threads} threads, {_threads} x the envs");
            rows.Add(MeasureVector(scenario, variant, streaming, BenchWorkload.SameWorkPerThread, _threads, copyAll, one.AgentStepsPerSecond));
        }

        return rows;
    }

    private BenchRow MeasureVector(BenchScenario scenario, BenchVariant variant, bool streaming, BenchWorkload workload, int workers, double copyBandwidth, double? oneThread)
    {
        VectorEnvOptions options = scenario.Options();
        options.NumEnvs = workload == BenchWorkload.SameWorkPerThread ? workers * scenario.NumEnvs : scenario.NumEnvs;
        options.Observation = variant.Observation;
        options.TrackDistances = variant.TrackDistances;
        options.Workers = workers;
        options.StreamingObservationStores = streaming;
        options.Seed = 0;
        using var vec = new VectorEnv(options);
        vec.Reset();
        int[][] actions = RandomActions(vec.NumAgents);

        // Finished episodes are drained after every step, as a trainer does (a step ends at most one per env).
        var finished = new List<EpisodeMetrics>(vec.NumEnvs);
        void StepOnce(long k)
        {
            vec.Step(actions[k % ActionPatterns]);
            vec.DrainEpisodes(finished);
            finished.Clear();
        }

        (long steps, double seconds, long allocated, int collections) = MeasureSteps(StepOnce);
        (long writes, double writeSeconds) = Time(_duration / 2, _ => vec.RewriteObservations());

        double observationBytes = vec.Observations.Length * 4.0;
        double agentSteps = steps * (double)vec.NumAgents / seconds;
        double writeRate = writes * observationBytes / writeSeconds;
        return new BenchRow
        {
            Scenario = scenario.Name,
            Preset = variant.Name,
            Engine = "vector",
            Workload = workload,
            StreamingStores = streaming,
            Threads = vec.Workers,
            NumEnvs = vec.NumEnvs,
            NumAgents = vec.NumAgents,
            AgentStepsPerSecond = agentSteps,
            EnvStepsPerSecond = steps * (double)vec.NumEnvs / seconds,
            ObservationBytesPerSecond = steps * observationBytes / seconds,
            ObservationWriteBytesPerSecond = writeRate,
            AllocatedBytesPerStep = allocated / (double)steps,
            GarbageCollections = collections,
            SpeedupOverPogema = scenario.PogemaAgentStepsPerSecond is { } pogema ? agentSteps / pogema : null,
            ScalingOverOneThread = oneThread is { } one ? agentSteps / one : null,
            ScalingPerThread = oneThread is { } perOne ? agentSteps / perOne / vec.Workers : null,
            CopyBandwidthOverObservationWrite = copyBandwidth / writeRate,
        };
    }

    /// <summary>
    /// Seconds per step of one one-agent environment per worker on a 3 x 3 map: nearly all of it is starting the
    /// workers and waiting for them, the fixed cost every vector step pays.
    /// </summary>
    private double TrivialStepSeconds(int workers, WorkerSignalling signalling)
    {
        var options = new VectorEnvOptions
        {
            NumEnvs = workers,
            AgentsPerEnv = 1,
            Scenario = ScenarioSource.Fixed(new GridConfig { Size = 3, Density = 0 }),
            OnTarget = OnTarget.Nothing,
            ObsRadius = 1,
            MaxEpisodeSteps = 1 << 20,
            TrackDistances = false,
            Workers = workers,
            Signalling = signalling,
        };
        using var vec = new VectorEnv(options);
        vec.Reset();
        int[][] actions = RandomActions(vec.NumAgents);
        Time(_duration / 16, k => vec.Step(actions[k % ActionPatterns]));
        (long steps, double seconds) = Time(_duration / 4, k => vec.Step(actions[k % ActionPatterns]));
        return seconds / steps;
    }

    /// <summary>One <see cref="PogemaEnv"/>, writing the <c>default</c> observations every step as POGEMA does, resets included.</summary>
    private BenchRow MeasureSingle(BenchScenario scenario)
    {
        var env = new PogemaEnv(scenario.SingleConfig());
        var observations = new float[env.NumAgents * env.ObservationSize];
        int[][] actions = RandomActions(env.NumAgents);
        ulong seed = 0;
        env.Reset(seed);
        void StepOnce(long k)
        {
            if (env.EpisodeEnded)
            {
                env.Reset(++seed);
            }

            env.Step(actions[k % ActionPatterns]);
            env.WriteObservations(observations);
        }

        (long steps, double seconds, long allocated, int collections) = MeasureSteps(StepOnce);
        double agentSteps = steps * (double)env.NumAgents / seconds;
        return new BenchRow
        {
            Scenario = scenario.Name,
            Preset = "pogema",
            Engine = "single",
            Threads = 1,
            NumEnvs = 1,
            NumAgents = env.NumAgents,
            AgentStepsPerSecond = agentSteps,
            EnvStepsPerSecond = steps / seconds,
            ObservationBytesPerSecond = steps * observations.Length * 4.0 / seconds,
            AllocatedBytesPerStep = allocated / (double)steps,
            GarbageCollections = collections,
            SpeedupOverPogema = scenario.PogemaAgentStepsPerSecond is { } pogema ? agentSteps / pogema : null,
        };
    }

    private static int[][] RandomActions(int agents)
    {
        var rng = NumpyRandom.DefaultRng(12345);
        var patterns = new int[ActionPatterns][];
        for (int k = 0; k < ActionPatterns; k++)
        {
            patterns[k] = new int[agents];
            for (int i = 0; i < agents; i++)
            {
                patterns[k][i] = (int)rng.Integers(PogemaEnv.NumActions);
            }
        }

        return patterns;
    }

    /// <summary>Calls <paramref name="body"/> until <paramref name="duration"/> has passed; returns calls and seconds.</summary>
    /// <summary>
    /// A quarter of the run's duration to warm up (JIT tiers, map and distance caches), then the timed steps with
    /// the bytes they allocated and the gen-0 collections they caused.
    /// </summary>
    private (long Steps, double Seconds, long Allocated, int Collections) MeasureSteps(Action<long> step)
    {
        Time(_duration / 4, step);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        int collectionsBefore = GC.CollectionCount(0);
        (long steps, double seconds) = Time(_duration, step);
        return (steps, seconds, GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore, GC.CollectionCount(0) - collectionsBefore);
    }

    private static (long Calls, double Seconds) Time(TimeSpan duration, Action<long> body)
    {
        var stopwatch = Stopwatch.StartNew();
        long calls = 0;
        do
        {
            body(calls++);
        }
        while (stopwatch.Elapsed < duration);
        return (calls, stopwatch.Elapsed.TotalSeconds);
    }
}
