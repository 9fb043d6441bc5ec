using BenchmarkDotNet.Attributes;
using Pogema.Env.Random;
using Pogema.Env.Vector;

namespace Pogema.Env.Benchmarks;

/// <summary>
/// Writing every observation of a vector env (16 envs x 64 agents on random 64 x 64 maps, r = 5) per preset, without
/// stepping: the part of a step bounded by memory bandwidth. Also a whole vector step for comparison.
/// </summary>
[MemoryDiagnoser]
public class ObservationBenchmarks
{
    private VectorEnv _vec = null!;
    private int[][] _actions = null!;
    private int _step;

    [Params(ObservationPreset.Pogema, ObservationPreset.Follower)]
    public ObservationPreset Preset { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _vec = new VectorEnv(new VectorEnvOptions
        {
            NumEnvs = 16,
            AgentsPerEnv = 64,
            Scenario = ScenarioSource.Fixed(new GridConfig { Size = 64, Density = 0.3 }),
            CollisionSystem = CollisionSystem.Soft,
            OnTarget = OnTarget.Restart,
            ObsRadius = 5,
            MaxEpisodeSteps = 256,
            Observation = Preset,
        });
        _vec.Reset();
        var rng = NumpyRandom.DefaultRng(1);
        _actions = new int[32][];
        for (int k = 0; k < _actions.Length; k++)
        {
            _actions[k] = new int[_vec.NumAgents];
            for (int i = 0; i < _vec.NumAgents; i++)
            {
                _actions[k][i] = (int)rng.Integers(PogemaEnv.NumActions);
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _vec.Dispose();

    /// <summary>Observations of 1,024 agents (1.5 MB of floats).</summary>
    [Benchmark]
    public void WriteObservations() => _vec.RewriteObservations();

    /// <summary>A whole step of 1,024 agents: moves, flags, distances, observations.</summary>
    [Benchmark]
    public void VectorStep() => _vec.Step(_actions[_step++ % _actions.Length]);
}
