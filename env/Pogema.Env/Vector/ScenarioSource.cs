using Pogema.Env.Maps;
using Pogema.Env.Random;

namespace Pogema.Env.Vector;

/// <summary>
/// Where a <see cref="VectorEnv"/> takes each episode's map and task from. A source has one or more variants (maps);
/// every episode draws a variant uniformly, and some sources also draw the episode's starts and goals. The rule
/// fields of <see cref="VectorEnvOptions"/> (collision system, on_target, radius, steps, agents) apply to every variant.
/// </summary>
public abstract class ScenarioSource
{
    /// <summary>A fixed config: its map (or random-map size and density) and placement; the episode seed varies.</summary>
    public static ScenarioSource Fixed(GridConfig config) => new FixedConfigScenario(config);

    /// <summary>A map drawn uniformly per episode from <paramref name="maps"/>; agents placed as the map says (random pairs, pools or letters).</summary>
    public static ScenarioSource Maps(IReadOnlyList<NamedMap> maps) => new MapSetScenario(maps);

    /// <summary>The maps a registry selector names (a set name, an exact map name or a regular expression).</summary>
    public static ScenarioSource FromRegistry(string selector, MapRegistry? registry = null) =>
        new MapSetScenario((registry ?? MapRegistry.Default).Select(selector));

    /// <summary>SRMT's bottleneck: a corridor length drawn per episode from <paramref name="corridorLengths"/>, a new two-agent task every episode.</summary>
    public static ScenarioSource Bottleneck(IReadOnlyList<int> corridorLengths) => new BottleneckScenario(corridorLengths);

    /// <summary>A short description for logs and reports.</summary>
    public abstract string Description { get; }

    /// <summary>Number of variants (maps) an episode is drawn from.</summary>
    internal abstract int VariantCount { get; }

    /// <summary>True when every episode also draws its own starts and goals (<see cref="DrawTask"/>).</summary>
    internal virtual bool DrawsTasks => false;

    /// <summary>The full config of variant <paramref name="variant"/> under the options' rules.</summary>
    internal abstract GridConfig CreateConfig(int variant, VectorEnvOptions options);

    /// <summary>The variant of the next episode.</summary>
    internal int DrawVariant(NumpyRandom rng) => VariantCount == 1 ? 0 : (int)rng.Integers(VariantCount);

    /// <summary>The next episode's starts and goals on variant <paramref name="variant"/>.</summary>
    internal virtual void DrawTask(int variant, NumpyRandom rng, Span<GridPosition> starts, Span<GridPosition> goals)
    {
        throw new NotSupportedException("this scenario does not draw tasks");
    }

    /// <summary>Applies the options' rules to a variant's config; the episode seed comes from the vector env.</summary>
    internal static GridConfig ApplyRules(GridConfig config, VectorEnvOptions options)
    {
        config.NumAgents = options.AgentsPerEnv;
        config.CollisionSystem = options.CollisionSystem;
        config.OnTarget = options.OnTarget;
        config.ObsRadius = options.ObsRadius;
        config.MaxEpisodeSteps = options.MaxEpisodeSteps;
        config.ObservationType = ObservationType.Default;
        config.Seed = null;
        return config;
    }
}
