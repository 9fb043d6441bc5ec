namespace Pogema.Env.Vector;

/// <summary>
/// What a <see cref="VectorEnv"/> runs: how many environments and agents, where each episode's map and task come
/// from, and the episode rules. The rule fields here apply to every scenario and override those of a fixed config.
/// </summary>
public sealed class VectorEnvOptions
{
    /// <summary>Number of environments E stepped together (at least 1).</summary>
    public int NumEnvs { get; set; } = 1;

    /// <summary>Agents in each environment A (at least 1); every scenario must give exactly this many.</summary>
    public int AgentsPerEnv { get; set; } = 1;

    /// <summary>Where each episode's map and starts/goals come from (a fixed config, a map set, the bottleneck).</summary>
    public ScenarioSource Scenario { get; set; } = ScenarioSource.Fixed(new GridConfig());

    /// <summary><c>collision_system</c> of every environment.</summary>
    public CollisionSystem CollisionSystem { get; set; } = CollisionSystem.Soft;

    /// <summary><c>on_target</c> of every environment.</summary>
    public OnTarget OnTarget { get; set; } = OnTarget.Restart;

    /// <summary><c>obs_radius</c> r (1..128); observation windows are (2r+1) x (2r+1).</summary>
    public int ObsRadius { get; set; } = 5;

    /// <summary>Observation written for each agent: <c>pogema</c> or <c>follower</c>.</summary>
    public ObservationPreset Observation { get; set; } = ObservationPreset.Pogema;

    /// <summary><c>max_episode_steps</c>: every agent is truncated after this many steps (at least 1).</summary>
    public int MaxEpisodeSteps { get; set; } = 512;

    /// <summary>Master seed: every environment's episode seeds (and map and task draws) derive from it.</summary>
    public ulong Seed { get; set; }

    /// <summary>Threads stepping environments (1 = the caller's thread only); each owns a fixed slice of environments.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>
    /// Bytes each worker holds for cached BFS distance fields, split evenly among its slices (per map, per goal cell;
    /// the least recently used field is overwritten first), allocated up front. 16 MiB holds about 740 fields of a
    /// 65 x 65 map with r = 5. A slice's cache is made larger when needed to hold twice the goals of its agents (each
    /// live goal keeps a field).
    /// </summary>
    public long DistanceCacheBytes { get; set; } = 16L << 20;

    /// <summary>
    /// Whether <see cref="VectorEnv.DistanceToGoal"/> and <see cref="VectorEnv.MadePathProgress"/> are computed (they
    /// need a BFS field per goal). Turn off with the <c>pogema</c> preset when no shaped reward uses them, to save
    /// the BFS and the field reads; the <c>follower</c> preset needs the fields anyway.
    /// </summary>
    public bool TrackDistances { get; set; } = true;

    /// <summary>
    /// Whether observations are written through a small per-worker staging buffer and streamed into
    /// <see cref="VectorEnv.Observations"/> with non-temporal stores, so writing a buffer far larger than the caches
    /// does not first read every line it writes (read for ownership). The observations are identical either way;
    /// only the speed differs (x86 only; elsewhere the staging is a plain copy).
    /// </summary>
    public bool StreamingObservationStores { get; set; }

    /// <summary>
    /// How the worker threads wait between and within steps (<see cref="WorkerPoolTuning"/>: pure spinning before
    /// yielding, pinning to CPUs). Internal: the bench measures the choices side by side, and neither has yet paid
    /// off on the GPU test machine (docs/performance.md).
    /// </summary>
    internal WorkerPoolTuning PoolTuning { get; set; }

    /// <summary>
    /// Slices of environments each worker owns (each with its own scratch and a share of
    /// <see cref="DistanceCacheBytes"/>). With more than one, a worker that has finished its own slices steps the
    /// slices other workers have not begun, so one slow core does not hold up every step; results are identical
    /// either way. At most <see cref="SliceClaims.MaxSlicesPerWorker"/>, and never more than leaves each slice one
    /// environment and <see cref="MinAgentsPerSlice"/> agents. Internal: the bench compares the choices.
    /// </summary>
    internal int SlicesPerWorker { get; set; } = 16;

    /// <summary>
    /// The fewest agents a slice may have when a worker's environments are split into several: smaller slices share
    /// cache lines of the result arrays with their neighbours, and on 16 cores stealing slices of 16 agents made the
    /// small Bottleneck steps slower (docs/performance.md). Internal (tests lower it to exercise stealing on small runs).
    /// </summary>
    internal int MinAgentsPerSlice { get; set; } = 64;
}
