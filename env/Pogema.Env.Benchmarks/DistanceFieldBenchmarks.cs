using BenchmarkDotNet.Attributes;
using Pogema.Env.Maps;
using Pogema.Env.Vector;

namespace Pogema.Env.Benchmarks;

/// <summary>One BFS distance field on a 65 x 65 training maze (padded by r = 5): the cost of a distance-cache miss.</summary>
[MemoryDiagnoser]
public class DistanceFieldBenchmarks
{
    private byte[] _obstacles = null!;
    private int[] _distance = null!;
    private int[] _queue = null!;
    private int _width;
    private int _goal;

    [GlobalSetup]
    public void Setup()
    {
        var env = new PogemaEnv(new GridConfig { Map = TrainingMazeGenerator.Generate(0), NumAgents = 1, ObsRadius = 5 });
        env.Reset(0);
        _obstacles = env.PaddedObstacles.ToArray();
        _width = env.PaddedWidth;
        _goal = env.PaddedTargets[0];
        _distance = new int[_obstacles.Length];
        _queue = new int[_obstacles.Length];
    }

    [Benchmark]
    public void Bfs() => DistanceField.Compute(_obstacles, _width, _goal, _distance, _queue);
}
