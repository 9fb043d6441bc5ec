using Pogema.Agents.Configuration;
using Pogema.Agents.Rewards;
using Pogema.Env;
using Pogema.Env.Maps;
using Pogema.Env.Vector;

namespace Pogema.Agents.Environments;

/// <summary>Builds the training and evaluation environments an <see cref="EnvOptions"/> section describes.</summary>
public static class VectorEnvFactory
{
    /// <summary>
    /// The training environments: E x A agents, the task drawn per episode, seeded by the run seed; distances are
    /// tracked only when the run's reward reads the path-progress flags.
    /// </summary>
    public static IVectorEnv CreateTraining(TrainConfig config)
    {
        var env = config.Env;
        var scenario = env.Task == "bottleneck"
            ? ScenarioSource.Bottleneck(env.CorridorLengths)
            : ScenarioSource.FromRegistry(BuiltInMapSets.TrainingMazes);
        var trackDistances = RewardFunction.Create(config.Run.Reward).UsesPathProgress;
        return Create(env, scenario, env.NumEnvs, env.MaxEpisodeSteps, (ulong)config.Run.Seed, trackDistances);
    }

    /// <summary>
    /// The evaluation groups of the task: Bottleneck corridors L = 3..30 with 10 episodes each (max steps 2L+100,
    /// as SRMT's test); mazes: the first <paramref name="episodesPerGroup"/> maps of the POGEMA benchmark maze
    /// validation set, one episode per map. No training reward is
    /// computed there, so no distances are tracked.
    /// </summary>
    public static IEnumerable<(string Name, IVectorEnv Env, int MaxSteps)> CreateEvaluation(TrainConfig config, int episodesPerGroup = 10)
    {
        var env = config.Env;
        if (env.Task == "bottleneck")
        {
            for (var length = 3; length <= 30; length++)
            {
                var maxSteps = 2 * length + 100;
                yield return ($"L={length}", Create(env, ScenarioSource.Bottleneck(new[] { length }), episodesPerGroup, maxSteps, (ulong)length, trackDistances: false), maxSteps);
            }
        }
        else
        {
            // The first maps of the benchmark's mazes, one episode each: a check at the end of training, not the
            // benchmark (pogema eval runs that), so a CPU run does not spend longer evaluating than training.
            var all = MapRegistry.Default.Select(BuiltInMapSets.Mazes);
            var maps = all.Take(Math.Clamp(episodesPerGroup, 1, all.Count)).ToList();
            yield return ("mazes", Create(env, ScenarioSource.Maps(maps), maps.Count, env.MaxEpisodeSteps, 0, trackDistances: false), env.MaxEpisodeSteps);
        }
    }

    private static IVectorEnv Create(EnvOptions env, ScenarioSource scenario, int numEnvs, int maxSteps, ulong seed, bool trackDistances)
    {
        var options = new VectorEnvOptions
        {
            NumEnvs = numEnvs,
            AgentsPerEnv = env.NumAgents,
            Scenario = scenario,
            CollisionSystem = ParseCollision(env.CollisionSystem),
            OnTarget = ParseOnTarget(env.OnTarget),
            ObsRadius = env.ObsRadius,
            Observation = env.Observation == "follower" ? ObservationPreset.Follower : ObservationPreset.Pogema,
            MaxEpisodeSteps = maxSteps,
            Seed = seed,
            Workers = env.WorkerThreads > 0 ? env.WorkerThreads : Math.Max(1, System.Environment.ProcessorCount),
            TrackDistances = trackDistances,
        };
        return new PogemaVectorEnv(new VectorEnv(options));
    }

    /// <summary>POGEMA's collision_system names.</summary>
    public static CollisionSystem ParseCollision(string name) => name switch
    {
        "block_both" => CollisionSystem.BlockBoth,
        "priority" => CollisionSystem.Priority,
        "soft" => CollisionSystem.Soft,
        _ => throw new PogemaInputException($"env.collision_system '{name}': expected block_both, priority or soft"),
    };

    /// <summary>POGEMA's on_target names.</summary>
    public static OnTarget ParseOnTarget(string name) => name switch
    {
        "finish" => OnTarget.Finish,
        "nothing" => OnTarget.Nothing,
        "restart" => OnTarget.Restart,
        _ => throw new PogemaInputException($"env.on_target '{name}': expected finish, nothing or restart"),
    };
}
