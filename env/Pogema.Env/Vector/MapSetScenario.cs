using Pogema.Env.Maps;

namespace Pogema.Env.Vector;

/// <summary>A map drawn uniformly per episode from a list (a registry set such as <c>training-mazes</c>).</summary>
internal sealed class MapSetScenario : ScenarioSource
{
    private readonly NamedMap[] _maps;

    public MapSetScenario(IReadOnlyList<NamedMap> maps)
    {
        ArgumentNullException.ThrowIfNull(maps);
        if (maps.Count == 0)
        {
            throw new PogemaInputException("map set: no maps selected; name a set, a map or a pattern that matches at least one map");
        }

        _maps = [.. maps];
    }

    public override string Description => _maps.Length == 1 ? _maps[0].Name : $"{_maps.Length} maps ({_maps[0].Name} ...)";

    internal override int VariantCount => _maps.Length;

    internal override GridConfig CreateConfig(int variant, VectorEnvOptions options) =>
        ApplyRules(new GridConfig { Map = _maps[variant].Text }, options);
}
