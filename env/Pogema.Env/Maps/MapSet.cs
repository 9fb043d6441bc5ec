namespace Pogema.Env.Maps;

/// <summary>
/// A named set of maps with the protocol it is evaluated under. Built-in sets generate their maps on first use.
/// </summary>
public sealed class MapSet
{
    private readonly Lazy<IReadOnlyList<NamedMap>> _maps;

    /// <summary>A set whose maps are made by <paramref name="generate"/> when first needed.</summary>
    public MapSet(string name, string description, MapSetProtocol protocol, Func<IReadOnlyList<NamedMap>> generate)
    {
        Name = name;
        Description = description;
        Protocol = protocol;
        _maps = new Lazy<IReadOnlyList<NamedMap>>(generate, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>A set of maps already at hand.</summary>
    public MapSet(string name, string description, MapSetProtocol protocol, IReadOnlyList<NamedMap> maps)
        : this(name, description, protocol, () => maps)
    {
    }

    /// <summary>The set's name (<c>random</c>, <c>mazes</c>, <c>warehouse</c>, <c>bottleneck</c>, ...).</summary>
    public string Name { get; }

    /// <summary>One line on what the set is.</summary>
    public string Description { get; }

    /// <summary>How the set is evaluated.</summary>
    public MapSetProtocol Protocol { get; }

    /// <summary>The maps, in the set's order.</summary>
    public IReadOnlyList<NamedMap> Maps => _maps.Value;
}
