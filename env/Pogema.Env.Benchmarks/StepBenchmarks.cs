using BenchmarkDotNet.Attributes;
using Pogema.Env.Random;

namespace Pogema.Env.Benchmarks;

/// <summary>
/// One <see cref="PogemaEnv.Step"/> per collision system on POGEMA's speed configuration (random 64 x 64, density
/// 0.3, 64 agents, restart), random actions drawn in advance. Observations are not written here.
/// </summary>
[MemoryDiagnoser]
public class StepBenchmarks
{
    private const int Patterns = 64;
    private PogemaEnv _env = null!;
    private int[][] _actions = null!;
    private int _step;

    [Params(CollisionSystem.Priority, CollisionSystem.BlockBoth, CollisionSystem.Soft)]
    public CollisionSystem Collisions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _env = new PogemaEnv(new GridConfig
        {
            Size = 64,
            Density = 0.3,
            NumAgents = 64,
            CollisionSystem = Collisions,
            OnTarget = OnTarget.Restart,
            ObsRadius = 5,
            MaxEpisodeSteps = int.MaxValue,
        });
        _env.Reset(0);
        var rng = NumpyRandom.DefaultRng(1);
        _actions = new int[Patterns][];
        for (int k = 0; k < Patterns; k++)
        {
            _actions[k] = new int[_env.NumAgents];
            for (int i = 0; i < _env.NumAgents; i++)
            {
                _actions[k][i] = (int)rng.Integers(PogemaEnv.NumActions);
            }
        }
    }

    /// <summary>One step of 64 agents.</summary>
    [Benchmark]
    public void Step() => _env.Step(_actions[_step++ % Patterns]);
}
