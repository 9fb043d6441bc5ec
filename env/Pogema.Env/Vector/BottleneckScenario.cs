using Pogema.Env.Maps;
using Pogema.Env.Random;

namespace Pogema.Env.Vector;

/// <summary>
/// SRMT's bottleneck task: per episode a corridor length drawn uniformly from a list, then a new task (agent 0 from
/// room A to room B, agent 1 the reverse) drawn by <see cref="BottleneckSampler"/>. Needs two agents per environment.
/// </summary>
internal sealed class BottleneckScenario : ScenarioSource
{
    private readonly int[] _lengths;
    private readonly BottleneckSampler[] _samplers;

    public BottleneckScenario(IReadOnlyList<int> corridorLengths)
    {
        ArgumentNullException.ThrowIfNull(corridorLengths);
        if (corridorLengths.Count == 0)
        {
            throw new PogemaInputException("bottleneck: no corridor lengths given; give at least one length >= 1");
        }

        _lengths = [.. corridorLengths];
        _samplers = new BottleneckSampler[_lengths.Length];
        for (int k = 0; k < _lengths.Length; k++)
        {
            _samplers[k] = new BottleneckSampler(_lengths[k]);
        }
    }

    public override string Description => _lengths.Length == 1 ? $"bottleneck L={_lengths[0]}" : $"bottleneck L in {{{string.Join(',', _lengths)}}}";

    internal override int VariantCount => _lengths.Length;

    internal override bool DrawsTasks => true;

    internal override GridConfig CreateConfig(int variant, VectorEnvOptions options)
    {
        if (options.AgentsPerEnv != 2)
        {
            throw new PogemaInputException($"bottleneck: agents per env {options.AgentsPerEnv}: the bottleneck task has exactly 2 agents");
        }

        var config = ApplyRules(new GridConfig { Map = BottleneckMap.Generate(_lengths[variant]) }, options);

        // A placeholder task so the config places agents explicitly; every episode replaces it.
        var h = BottleneckMap.Height(_lengths[variant]);
        config.AgentsXy = [new GridPosition(0, 0), new GridPosition(h - 1, 0)];
        config.TargetsXy = [new GridPosition(h - 1, 0), new GridPosition(0, 0)];
        return config;
    }

    internal override void DrawTask(int variant, NumpyRandom rng, Span<GridPosition> starts, Span<GridPosition> goals)
    {
        BottleneckTask task = _samplers[variant].Sample(rng);
        starts[0] = task.Agent0Start;
        starts[1] = task.Agent1Start;
        goals[0] = task.Agent0Goal;
        goals[1] = task.Agent1Goal;
    }
}
