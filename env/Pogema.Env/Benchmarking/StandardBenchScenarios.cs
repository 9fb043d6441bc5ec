using Pogema.Env.Maps;
using Pogema.Env.Random;
using Pogema.Env.Vector;

namespace Pogema.Env.Benchmarking;

/// <summary>
/// The configurations <c>pogema bench</c> measures: SRMT's bottleneck, POGEMA's random 64 x 64 speed test, the 65 x 65
/// training mazes and the warehouse. POGEMA's own speeds (2-core machine, random actions, reset excluded) are kept
/// beside them for the speed-up column.
/// </summary>
public static class StandardBenchScenarios
{
    /// <summary>All standard configurations, in report order.</summary>
    public static IReadOnlyList<BenchScenario> All { get; } =
    [
        new BenchScenario
        {
            Name = "bottleneck",
            Description = "bottleneck L=20 (9 x 24), 2 agents, r=2, block_both, finish",
            NumEnvs = 512,
            Options = () => new VectorEnvOptions
            {
                AgentsPerEnv = 2,
                Scenario = ScenarioSource.Bottleneck([20]),
                CollisionSystem = CollisionSystem.BlockBoth,
                OnTarget = OnTarget.Finish,
                ObsRadius = 2,
                MaxEpisodeSteps = 512,
            },
            SingleConfig = () =>
            {
                var config = new GridConfig
                {
                    Map = BottleneckMap.Generate(20),
                    CollisionSystem = CollisionSystem.BlockBoth,
                    OnTarget = OnTarget.Finish,
                    ObsRadius = 2,
                    MaxEpisodeSteps = 512,
                };
                new BottleneckSampler(20).Sample(NumpyRandom.DefaultRng(0)).ApplyTo(config);
                return config;
            },
            PogemaAgentStepsPerSecond = 35_800,
        },
        new BenchScenario
        {
            Name = "random64",
            Description = "random 64 x 64 density 0.3, 64 agents, r=5, soft, restart",
            NumEnvs = 32,
            Options = () => new VectorEnvOptions
            {
                AgentsPerEnv = 64,
                Scenario = ScenarioSource.Fixed(new GridConfig { Size = 64, Density = 0.3 }),
                CollisionSystem = CollisionSystem.Soft,
                OnTarget = OnTarget.Restart,
                ObsRadius = 5,
                MaxEpisodeSteps = 256,
            },
            SingleConfig = () => new GridConfig
            {
                Size = 64,
                Density = 0.3,
                NumAgents = 64,
                CollisionSystem = CollisionSystem.Soft,
                OnTarget = OnTarget.Restart,
                ObsRadius = 5,
                MaxEpisodeSteps = 256,
            },
            PogemaAgentStepsPerSecond = 60_400,
        },
        new BenchScenario
        {
            Name = "mazes65",
            Description = "training mazes 65 x 65, 64 agents, r=5, soft, restart",
            NumEnvs = 32,
            Options = () => new VectorEnvOptions
            {
                AgentsPerEnv = 64,
                Scenario = ScenarioSource.FromRegistry(BuiltInMapSets.TrainingMazes),
                CollisionSystem = CollisionSystem.Soft,
                OnTarget = OnTarget.Restart,
                ObsRadius = 5,
                MaxEpisodeSteps = 512,
            },
            SingleConfig = () => new GridConfig
            {
                Map = TrainingMazeGenerator.Generate(0),
                NumAgents = 64,
                CollisionSystem = CollisionSystem.Soft,
                OnTarget = OnTarget.Restart,
                ObsRadius = 5,
                MaxEpisodeSteps = 512,
            },
        },
        new BenchScenario
        {
            Name = "warehouse",
            Description = "wfi_warehouse (33 x 46), 192 agents, r=5, soft, restart",
            NumEnvs = 12,
            Options = () => new VectorEnvOptions
            {
                AgentsPerEnv = 192,
                Scenario = ScenarioSource.Maps([WarehouseMap.Create()]),
                CollisionSystem = CollisionSystem.Soft,
                OnTarget = OnTarget.Restart,
                ObsRadius = 5,
                MaxEpisodeSteps = 256,
            },
            SingleConfig = () => new GridConfig
            {
                Map = WarehouseMap.Generate(),
                NumAgents = 192,
                CollisionSystem = CollisionSystem.Soft,
                OnTarget = OnTarget.Restart,
                ObsRadius = 5,
                MaxEpisodeSteps = 256,
            },
        },
    ];

    /// <summary>The configuration named <paramref name="name"/>.</summary>
    /// <exception cref="PogemaInputException">No configuration has that name.</exception>
    public static BenchScenario Get(string name)
    {
        foreach (BenchScenario scenario in All)
        {
            if (scenario.Name == name)
            {
                return scenario;
            }
        }

        throw new PogemaInputException($"--config '{name}': no such configuration; allowed: {string.Join(", ", All.Select(s => s.Name))}");
    }
}
