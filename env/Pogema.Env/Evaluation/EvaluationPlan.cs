using Pogema.Env.Maps;
using Pogema.Env.Random;

namespace Pogema.Env.Evaluation;

/// <summary>
/// Turns an <see cref="EvaluationRequest"/> into episodes through the map registry and each map's set protocol:
/// for the benchmark sets, every map x agent count x seed with the mode's episode length; for bottleneck maps, the
/// SRMT test (2 agents, a start/goal task drawn by <see cref="BottleneckSampler"/> from <c>default_rng(seed)</c>,
/// 2L + 100 steps, reported per corridor length L).
/// </summary>
public static class EvaluationPlan
{
    /// <summary>Builds the episodes in a fixed order: agent count, then map, then seed.</summary>
    /// <exception cref="PogemaInputException">No maps match, or a value is out of range.</exception>
    public static IReadOnlyList<EvaluationEpisode> Build(EvaluationRequest request, MapRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(registry);
        IReadOnlyList<NamedMap> maps = registry.Select(request.Maps);
        if (request.CorridorLengths is { } lengths)
        {
            maps = maps.Where(m => BottleneckMap.CorridorLengthFromName(m.Name) is int length && lengths.Contains(length)).ToList();
            if (maps.Count == 0)
            {
                throw new PogemaInputException(
                    $"--corridor-lengths {string.Join(',', lengths)}: no bottleneck map of maps '{request.Maps}' has such a corridor (the bottleneck set has L = 3..50 and 100..1000 step 100)");
            }
        }

        if (request.MaxMaps is int maxMaps)
        {
            if (maxMaps < 1)
            {
                throw new PogemaInputException($"--max-maps {maxMaps}: must be at least 1");
            }

            maps = maps.Take(maxMaps).ToList();
        }

        var perMap = new List<(NamedMap Map, MapSetProtocol Protocol, bool Lifelong, IReadOnlyList<int> Agents)>();
        var agentCounts = new SortedSet<int>();
        foreach (NamedMap map in maps)
        {
            MapSetProtocol protocol = registry.SetOf(map.Name)?.Protocol ?? MapSetProtocol.User;
            bool lifelong = request.Lifelong ?? (protocol.LmapfMaxEpisodeSteps is not null);
            IReadOnlyList<int> agents = request.AgentCounts ?? protocol.AgentCounts;
            perMap.Add((map, protocol, lifelong, agents));
            foreach (int a in agents)
            {
                if (a < 1)
                {
                    throw new PogemaInputException($"--agents {a}: must be at least 1");
                }

                agentCounts.Add(a);
            }
        }

        var episodes = new List<EvaluationEpisode>();
        foreach (int numAgents in agentCounts)
        {
            foreach (var (map, protocol, lifelong, agents) in perMap)
            {
                if (!agents.Contains(numAgents))
                {
                    continue;
                }

                foreach (long seed in request.Seeds ?? protocol.Seeds.Select(s => (long)s).ToList())
                {
                    episodes.Add(CreateEpisode(request, map, protocol, lifelong, numAgents, seed));
                }
            }
        }

        return episodes;
    }

    /// <summary>POGEMA's <c>on_target</c> name to the enum.</summary>
    public static OnTarget ParseOnTarget(string name, string source) => name switch
    {
        "finish" => OnTarget.Finish,
        "nothing" => OnTarget.Nothing,
        "restart" => OnTarget.Restart,
        _ => throw new PogemaInputException($"{source} '{name}': use finish, nothing or restart"),
    };

    /// <summary>POGEMA's <c>collision_system</c> name to the enum.</summary>
    public static CollisionSystem ParseCollisionSystem(string name, string source) => name switch
    {
        "priority" => CollisionSystem.Priority,
        "block_both" => CollisionSystem.BlockBoth,
        "soft" => CollisionSystem.Soft,
        _ => throw new PogemaInputException($"{source} '{name}': use priority, block_both or soft"),
    };

    private static EvaluationEpisode CreateEpisode(
        EvaluationRequest request, NamedMap map, MapSetProtocol protocol, bool lifelong, int numAgents, long seed)
    {
        if (seed < 0)
        {
            throw new PogemaInputException($"--seeds {seed}: seeds are 0 or more");
        }

        OnTarget onTarget = request.OnTarget
            ?? ParseOnTarget(lifelong ? protocol.LmapfOnTarget : protocol.MapfOnTarget, $"map set of '{map.Name}': on_target");
        int maxSteps = request.MaxEpisodeSteps ?? protocol.MaxEpisodeSteps(map, lifelong);
        var episode = new EvaluationEpisode
        {
            MapName = map.Name,
            MapText = map.Text,
            NumAgents = numAgents,
            Seed = seed,
            MaxEpisodeSteps = maxSteps,
            OnTarget = onTarget,
            CollisionSystem = request.CollisionSystem ?? ParseCollisionSystem(protocol.CollisionSystem, $"map set of '{map.Name}': collision_system"),
            ObsRadius = request.ObsRadius ?? protocol.ObsRadius,
            X = numAgents,
        };

        if (BottleneckMap.CorridorLengthFromName(map.Name) is int length && numAgents == 2)
        {
            BottleneckTask task = new BottleneckSampler(length).Sample(NumpyRandom.DefaultRng((ulong)seed));
            episode = episode with
            {
                XName = "corridor_length",
                X = length,
                AgentsXy = new[] { new GridPosition(task.Agent0Start.Row, task.Agent0Start.Col), new GridPosition(task.Agent1Start.Row, task.Agent1Start.Col) },
                TargetsXy = new[] { new GridPosition(task.Agent0Goal.Row, task.Agent0Goal.Col), new GridPosition(task.Agent1Goal.Row, task.Agent1Goal.Col) },
            };
        }

        return episode;
    }
}
