namespace Pogema.Env.Vector;

/// <summary>One config for every episode; only the episode seed changes (a new random map per seed when the config has no map).</summary>
internal sealed class FixedConfigScenario : ScenarioSource
{
    private readonly GridConfig _config;

    public FixedConfigScenario(GridConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config.Clone();
    }

    public override string Description => _config.MapName ?? (_config.Map is null && _config.MapMatrix is null
        ? $"random {_config.Height ?? _config.Size}x{_config.Width ?? _config.Size} density {GridConfig.Describe(_config.Density)}"
        : "fixed map");

    internal override int VariantCount => 1;

    internal override GridConfig CreateConfig(int variant, VectorEnvOptions options) => ApplyRules(_config.Clone(), options);
}
