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
/// per thread; see <see cref="BenchScaling"/>), the latter beside threads independent copies of the single-thread run
/// (1.25 times the duration), the scaling the machine itself allows. The <c>pogema+distances</c> variant gets no weak-scaling run: it
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

    /// <summary>
    /// Runs every configuration with every variant of <paramref name="plan"/>: the single-env baseline, then per
    /// store mode the single-thread run and threads independent copies of it, and per setup the all-core runs, all of
    /// it <see cref="BenchPlan.Rounds"/> times in turn.
    /// </summary>
    public BenchReport Run(IReadOnlyList<BenchScenario> scenarios, BenchPlan plan)
    {
        if (plan.Rounds < 1)
        {
            throw new PogemaInputException($"--rounds {plan.Rounds}: must be at least 1");
        }

        if (plan.Setups.Count == 0)
        {
            throw new PogemaInputException("bench: no vector env setup to measure");
        }

        // First, so the clock read is the one before the measurements heat the cores.
        MachineInfo machine = MachineInfo.Read();
        _progress("memory copy bandwidth");
        double copyOne = MemoryBandwidth.Measure(1, _duration / 2);
        double copyAll = _threads == 1 ? copyOne : MemoryBandwidth.Measure(_threads, _duration / 2);
        _progress("step of trivial work (synchronization)");
        double syncOne = TrivialStepSeconds(1, BenchSetup.Default);
        var sync = new List<TrivialStep>();
        foreach (BenchSetup setup in SynchronizationSetups(plan.Setups))
        {
            sync.Add(new TrivialStep(setup, TrivialStepSeconds(_threads, setup), PoolRunSeconds(_threads, setup)));
        }

        var rows = new List<BenchRow>();
        foreach (BenchScenario scenario in scenarios)
        {
            if (plan.Baseline)
            {
                _progress($"{scenario.Name}: single environment");
                rows.Add(MeasureSingle(scenario));
            }

            foreach (BenchVariant variant in plan.Variants)
            {
                rows.AddRange(MeasureVariant(scenario, variant, plan, copyOne, copyAll));
            }
        }

        return new BenchReport
        {
            Machine = machine,
            ProcessorCount = Environment.ProcessorCount,
            Threads = _threads,
            SecondsPerRun = _duration.TotalSeconds,
            Rounds = plan.Rounds,
            CopyBytesPerSecondOneThread = copyOne,
            CopyBytesPerSecondAllThreads = copyAll,
            TrivialStepSecondsOneThread = syncOne,
            TrivialSteps = _threads == 1 ? [] : sync,
            Rows = rows,
        };
    }

    /// <summary>
    /// The worker setups the synchronization line times: every spin and pinning of the plan (store modes do not
    /// matter to a 3 x 3 map, nor slices to one environment per worker).
    /// </summary>
    private static List<BenchSetup> SynchronizationSetups(IReadOnlyList<BenchSetup> setups)
    {
        var result = new List<BenchSetup>();
        foreach (BenchSetup setup in setups)
        {
            var candidate = setup with { StreamingStores = false, SlicesPerWorker = 1 };
            if (!result.Contains(candidate))
            {
                result.Add(candidate);
            }
        }

        return result;
    }

    /// <summary>
    /// Every run of one configuration and variant, the rounds in turn, reduced to one row per run (the median round)
    /// with its scaling over the single-thread run of the same store mode.
    /// </summary>
    private List<BenchRow> MeasureVariant(BenchScenario scenario, BenchVariant variant, BenchPlan plan, double copyOne, double copyAll)
    {
        bool sameEnvs = _threads > 1 && plan.Scaling != BenchScaling.PerThread;

        // pogema+distances differs from pogema only by per-agent work that scales like it: no weak-scaling runs.
        bool perThread = _threads > 1 && plan.Scaling != BenchScaling.Fixed && variant != BenchVariant.PogemaDistances;
        var storeModes = plan.Setups.Select(s => s.StreamingStores).Distinct().ToList();

        // Runs in report order: per store mode its one-thread run, the all-core runs of its setups, its copies.
        var runs = new List<(BenchWorkload Workload, BenchSetup Setup)>();
        foreach (bool streaming in storeModes)
        {
            BenchSetup oneThreadSetup = plan.Setups.First(s => s.StreamingStores == streaming);
            runs.Add((BenchWorkload.OneThread, oneThreadSetup));
            foreach (BenchSetup setup in plan.Setups.Where(s => s.StreamingStores == streaming))
            {
                if (sameEnvs)
                {
                    runs.Add((BenchWorkload.SameEnvs, setup));
                }

                if (perThread)
                {
                    runs.Add((BenchWorkload.SameWorkPerThread, setup));
                }
            }

            if (perThread)
            {
                runs.Add((BenchWorkload.IndependentCopies, oneThreadSetup));
            }
        }

        var measured = new List<BenchRow>[runs.Count];
        for (int r = 0; r < runs.Count; r++)
        {
            measured[r] = new List<BenchRow>(plan.Rounds);
        }

        for (int round = 0; round < plan.Rounds; round++)
        {
            for (int r = 0; r < runs.Count; r++)
            {
                (BenchWorkload workload, BenchSetup setup) = runs[r];
                string name = $"{scenario.Name}: {variant.Name}, {WorkloadProgress(workload, setup)}" + (plan.Rounds > 1 ? $", round {round + 1}/{plan.Rounds}" : "");
                _progress(name);
                measured[r].Add(workload == BenchWorkload.IndependentCopies
                    ? MeasureIndependentCopies(scenario, variant, setup)
                    : MeasureVector(scenario, variant, setup, workload, workload == BenchWorkload.OneThread ? 1 : _threads, workload == BenchWorkload.OneThread ? copyOne : copyAll, plan.Timeline));
            }
        }

        var rows = new List<BenchRow>(runs.Count);
        var oneThread = new Dictionary<bool, double>();
        for (int r = 0; r < runs.Count; r++)
        {
            BenchRow row = MedianRound(measured[r]);
            if (row.Workload == BenchWorkload.OneThread)
            {
                oneThread[row.Setup!.StreamingStores] = row.AgentStepsPerSecond;
            }
            else
            {
                double scaling = row.AgentStepsPerSecond / oneThread[row.Setup!.StreamingStores];
                row = row with { ScalingOverOneThread = scaling, ScalingPerThread = scaling / row.Threads };
            }

            rows.Add(row);
        }

        return rows;
    }

    private string WorkloadProgress(BenchWorkload workload, BenchSetup setup) => workload switch
    {
        BenchWorkload.OneThread => $"{setup.StoresName} stores, 1 thread",
        BenchWorkload.SameEnvs => $"{setup.Label}, {_threads} threads, same envs",
        BenchWorkload.SameWorkPerThread => $"{setup.Label}, {_threads} threads, {_threads} x the envs",
        _ => $"{setup.StoresName} stores, {_threads} independent copies",
    };

    /// <summary>The round with the median agent-steps per second (the lower of the two middle ones), with the range over all rounds.</summary>
    private static BenchRow MedianRound(List<BenchRow> rounds)
    {
        var sorted = rounds.OrderBy(r => r.AgentStepsPerSecond).ToList();
        return sorted[(sorted.Count - 1) / 2] with
        {
            Rounds = sorted.Count,
            AgentStepsPerSecondMin = sorted[0].AgentStepsPerSecond,
            AgentStepsPerSecondMax = sorted[^1].AgentStepsPerSecond,
        };
    }

    private VectorEnvOptions VectorOptions(BenchScenario scenario, BenchVariant variant, BenchSetup setup, int numEnvs, int workers, ulong seed)
    {
        VectorEnvOptions options = scenario.Options();
        options.NumEnvs = numEnvs;
        options.Observation = variant.Observation;
        options.TrackDistances = variant.TrackDistances;
        options.Workers = workers;
        setup.Apply(options);
        options.Seed = seed;
        return options;
    }

    private BenchRow MeasureVector(BenchScenario scenario, BenchVariant variant, BenchSetup setup, BenchWorkload workload, int workers, double copyBandwidth, bool timeline)
    {
        int numEnvs = workload == BenchWorkload.SameWorkPerThread ? workers * scenario.NumEnvs : scenario.NumEnvs;
        using var vec = new VectorEnv(VectorOptions(scenario, variant, setup, numEnvs, workers, seed: 0));
        vec.Reset();
        (long steps, double seconds, long allocated, int collections) = MeasureSteps(StepAndDrain(vec));
        (long writes, double writeSeconds) = Time(_duration / 2, _ => vec.RewriteObservations());

        // Reading every worker's stamps after each step costs the caller a cache line per worker, so the timeline gets
        // a run of its own.
        StepTimelineSummary? summary = null;
        if (timeline && workload != BenchWorkload.OneThread)
        {
            vec.Timeline = new StepTimeline(vec.Workers);
            Time(_duration / 2, StepAndDrain(vec));
            summary = vec.Timeline.Summary();
            vec.Timeline = null;
        }

        double observationBytes = vec.Observations.Length * 4.0;
        double agentSteps = steps * (double)vec.NumAgents / seconds;
        double writeRate = writes * observationBytes / writeSeconds;
        return new BenchRow
        {
            Scenario = scenario.Name,
            Preset = variant.Name,
            Engine = "vector",
            Workload = workload,
            Setup = setup,
            SlicesPerWorker = vec.SlicesPerWorker,
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
            CopyBandwidthOverObservationWrite = copyBandwidth / writeRate,
            Timeline = summary,
        };
    }

    /// <summary>
    /// Threads copies of the single-thread run, each a one-worker vector env (its own seed) built and stepped on its own
    /// thread, started and stopped together but never waiting for one another while stepping: what the machine
    /// gives threads that share nothing but the hardware.
    /// </summary>
    private BenchRow MeasureIndependentCopies(BenchScenario scenario, BenchVariant variant, BenchSetup setup)
    {
        var steps = new long[_threads];
        var seconds = new double[_threads];
        var allocated = new long[_threads];
        var observationBytes = new double[_threads];
        var agents = new int[_threads];
        var failures = new Exception?[_threads];
        using var ready = new Barrier(_threads);
        int collectionsBefore = 0;
        var threads = new Thread[_threads];
        for (int t = 0; t < _threads; t++)
        {
            int copy = t;
            threads[t] = new Thread(() =>
            {
                VectorEnv? vec = null;
                try
                {
                    vec = new VectorEnv(VectorOptions(scenario, variant, setup, scenario.NumEnvs, workers: 1, seed: (ulong)copy));
                    vec.Reset();
                    Action<long> stepOnce = StepAndDrain(vec);

                    ready.SignalAndWait();
                    Time(_duration / 4, stepOnce);
                    ready.SignalAndWait();
                    if (copy == 0)
                    {
                        collectionsBefore = GC.CollectionCount(0);
                    }

                    long before = GC.GetAllocatedBytesForCurrentThread();
                    (steps[copy], seconds[copy]) = Time(_duration, stepOnce);
                    allocated[copy] = GC.GetAllocatedBytesForCurrentThread() - before;
                    agents[copy] = vec.NumAgents;
                    observationBytes[copy] = vec.Observations.Length * 4.0;
                }
                catch (Exception ex)
                {
                    failures[copy] = ex;
                    ready.RemoveParticipant();
                }
                finally
                {
                    vec?.Dispose();
                }
            })
            { IsBackground = true, Name = $"bench-copy-{t}" };
            threads[t].Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            throw new InvalidOperationException($"an independent copy of {scenario.Name} failed: {failure.Message}", failure);
        }

        double agentSteps = 0, envSteps = 0, bytes = 0, stepsInAll = 0;
        for (int t = 0; t < _threads; t++)
        {
            agentSteps += steps[t] * (double)agents[t] / seconds[t];
            envSteps += steps[t] * (double)scenario.NumEnvs / seconds[t];
            bytes += steps[t] * observationBytes[t] / seconds[t];
            stepsInAll += steps[t];
        }

        return new BenchRow
        {
            Scenario = scenario.Name,
            Preset = variant.Name,
            Engine = "vector",
            Workload = BenchWorkload.IndependentCopies,
            Setup = setup,
            Threads = _threads,
            NumEnvs = _threads * scenario.NumEnvs,
            NumAgents = agents.Sum(),
            AgentStepsPerSecond = agentSteps,
            EnvStepsPerSecond = envSteps,
            ObservationBytesPerSecond = bytes,
            AllocatedBytesPerStep = allocated.Sum() / stepsInAll,
            GarbageCollections = GC.CollectionCount(0) - collectionsBefore,
            SpeedupOverPogema = scenario.PogemaAgentStepsPerSecond is { } pogema ? agentSteps / pogema : null,
        };
    }

    /// <summary>
    /// Seconds per step of one one-agent environment per worker on a 3 x 3 map: nearly all of it is starting the
    /// workers and waiting for them, the fixed cost every vector step pays.
    /// </summary>
    private double TrivialStepSeconds(int workers, BenchSetup setup)
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
        };
        setup.Apply(options);
        using var vec = new VectorEnv(options);
        vec.Reset();
        int[][] actions = RandomActions(vec.NumAgents);
        Time(_duration / 16, k => vec.Step(actions[k % ActionPatterns]));
        (long steps, double seconds) = Time(_duration / 4, k => vec.Step(actions[k % ActionPatterns]));
        return seconds / steps;
    }

    /// <summary>Seconds per run of a worker pool with no work, on <paramref name="workers"/> threads with the setup's spinning and pinning.</summary>
    private double PoolRunSeconds(int workers, BenchSetup setup)
    {
        using var pool = new WorkerPool(workers, static _ => { }, new WorkerPoolTuning(setup.SpinMicroseconds, setup.PinThreads));
        Time(_duration / 16, _ => pool.Run());
        (long runs, double seconds) = Time(_duration / 4, _ => pool.Run());
        return seconds / runs;
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
            AgentStepsPerSecondMin = agentSteps,
            AgentStepsPerSecondMax = agentSteps,
            EnvStepsPerSecond = steps / seconds,
            ObservationBytesPerSecond = steps * observations.Length * 4.0 / seconds,
            AllocatedBytesPerStep = allocated / (double)steps,
            GarbageCollections = collections,
            SpeedupOverPogema = scenario.PogemaAgentStepsPerSecond is { } pogema ? agentSteps / pogema : null,
        };
    }

    /// <summary>
    /// A step of <paramref name="vec"/> with the k-th random action pattern, then its finished episodes drained, as a
    /// trainer does after every step (a step ends at most one episode per environment).
    /// </summary>
    private static Action<long> StepAndDrain(VectorEnv vec)
    {
        int[][] actions = RandomActions(vec.NumAgents);
        var finished = new List<EpisodeMetrics>(vec.NumEnvs);
        return k =>
        {
            vec.Step(actions[k % ActionPatterns]);
            vec.DrainEpisodes(finished);
            finished.Clear();
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
