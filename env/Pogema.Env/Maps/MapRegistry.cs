using System.Text.RegularExpressions;

namespace Pogema.Env.Maps;

/// <summary>
/// Names to maps. Holds the built-in sets (the benchmark's <c>random</c>, <c>mazes</c> and <c>warehouse</c>, the
/// SRMT <c>bottleneck</c> and <c>bottleneck-train</c>, and <c>training-mazes</c>) and any maps added from files.
/// Maps are selected by exact name, by set name, or by a regular expression matched from the start of the name
/// (Python's <c>re.match</c>, as POGEMA's tools do). Safe to use from several threads.
/// </summary>
public sealed class MapRegistry
{
    /// <summary>Set name of maps added without a set.</summary>
    public const string UserSetName = "user";

    /// <summary>Environment variable listing extra map files or folders (separated by the path separator) for <see cref="Default"/>.</summary>
    public const string MapsPathVariable = "POGEMA_MAPS";

    private static readonly Lazy<MapRegistry> DefaultRegistry = new(CreateDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly object _gate = new();
    private readonly List<MapSet> _sets = [];
    private readonly Dictionary<string, (NamedMap Map, MapSet Set)> _byName = new(StringComparer.Ordinal);
    private readonly List<MapSet> _unindexed = [];

    /// <summary>The built-in sets plus the files named by <c>POGEMA_MAPS</c>.</summary>
    public static MapRegistry Default => DefaultRegistry.Value;

    /// <summary>A registry with the built-in sets only.</summary>
    public static MapRegistry CreateBuiltIn()
    {
        var registry = new MapRegistry();
        foreach (var set in BuiltInMapSets.Create())
        {
            registry.AddSet(set);
        }

        return registry;
    }

    /// <summary>All sets, in the order they were added.</summary>
    public IReadOnlyList<MapSet> Sets
    {
        get
        {
            lock (_gate)
            {
                return [.. _sets];
            }
        }
    }

    /// <summary>Every map of every set, set by set.</summary>
    public IReadOnlyList<NamedMap> AllMaps
    {
        get
        {
            var maps = new List<NamedMap>();
            foreach (var set in Sets)
            {
                maps.AddRange(set.Maps);
            }

            return maps;
        }
    }

    /// <summary>Adds a set; its maps are indexed when first looked up.</summary>
    /// <exception cref="PogemaInputException">A set of that name exists.</exception>
    public void AddSet(MapSet set)
    {
        lock (_gate)
        {
            if (_sets.Exists(s => s.Name == set.Name))
            {
                throw new PogemaInputException($"map set '{set.Name}' already exists; choose another set name");
            }

            _sets.Add(set);
            _unindexed.Add(set);
        }
    }

    /// <summary>
    /// Adds the maps of a toolbox YAML file (set named after the file) or a MovingAI <c>.map</c> file, optionally
    /// cut into the benchmark's 64 x 64 tiles (set <c>movingai</c> protocol). Returns the new set.
    /// </summary>
    /// <exception cref="PogemaInputException">The file is malformed or a map name is taken.</exception>
    public MapSet AddFile(string path, bool tile = false, string? setName = null)
    {
        var maps = MapFile.Read(path, tile);
        var name = setName ?? Path.GetFileNameWithoutExtension(path);
        var protocol = tile ? MapSetProtocol.MovingAi : MapSetProtocol.User;
        var set = new MapSet(name, $"maps from {Path.GetFileName(path)}", protocol, maps);
        lock (_gate)
        {
            IndexPending();
            foreach (var map in maps)
            {
                if (_byName.ContainsKey(map.Name))
                {
                    throw new PogemaInputException($"{path}: map name '{map.Name}' is already registered; rename it in the file");
                }
            }

            AddSet(set);
        }

        return set;
    }

    /// <summary>The map named exactly <paramref name="name"/>, or false.</summary>
    public bool TryGet(string name, out NamedMap map)
    {
        lock (_gate)
        {
            IndexPending();
            if (_byName.TryGetValue(name, out var entry))
            {
                map = entry.Map;
                return true;
            }
        }

        map = null!;
        return false;
    }

    /// <summary>The map named exactly <paramref name="name"/>.</summary>
    /// <exception cref="PogemaInputException">No map has that name.</exception>
    public NamedMap Get(string name)
    {
        if (TryGet(name, out var map))
        {
            return map;
        }

        throw new PogemaInputException($"map_name '{name}': no such map; {Hint()}");
    }

    /// <summary>The set that holds the map named <paramref name="name"/>, or null.</summary>
    public MapSet? SetOf(string name)
    {
        lock (_gate)
        {
            IndexPending();
            return _byName.TryGetValue(name, out var entry) ? entry.Set : null;
        }
    }

    /// <summary>The set named <paramref name="setName"/>, or false.</summary>
    public bool TryGetSet(string setName, out MapSet set)
    {
        lock (_gate)
        {
            var found = _sets.Find(s => s.Name == setName);
            set = found!;
            return found is not null;
        }
    }

    /// <summary>The set named <paramref name="setName"/>.</summary>
    /// <exception cref="PogemaInputException">No set has that name.</exception>
    public MapSet GetSet(string setName)
    {
        if (TryGetSet(setName, out var set))
        {
            return set;
        }

        throw new PogemaInputException($"map set '{setName}': no such set; sets: {string.Join(", ", SetNames())}");
    }

    /// <summary>
    /// Maps whose names match <paramref name="pattern"/> from their start (Python's <c>re.match</c>), in ordinal
    /// name order as POGEMA's tools sort them.
    /// </summary>
    /// <exception cref="PogemaInputException">The pattern is not a valid regular expression.</exception>
    public IReadOnlyList<NamedMap> Match(string pattern)
    {
        Regex regex;
        try
        {
            regex = new Regex($"^(?:{pattern})", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw new PogemaInputException($"map pattern '{pattern}': not a valid regular expression ({ex.Message})", ex);
        }

        var matches = new List<NamedMap>();
        foreach (var map in AllMaps)
        {
            if (regex.IsMatch(map.Name))
            {
                matches.Add(map);
            }
        }

        matches.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return matches;
    }

    /// <summary>
    /// Resolves a selector the way users write one: an exact map name, else a set name (its maps in set order),
    /// else a regular expression (see <see cref="Match"/>).
    /// </summary>
    /// <exception cref="PogemaInputException">Nothing matches, or the pattern is invalid.</exception>
    public IReadOnlyList<NamedMap> Select(string selector)
    {
        if (TryGet(selector, out var map))
        {
            return [map];
        }

        if (TryGetSet(selector, out var set))
        {
            return set.Maps;
        }

        var matches = Match(selector);
        if (matches.Count == 0)
        {
            throw new PogemaInputException($"maps '{selector}': no map name, set name or pattern match; {Hint()}");
        }

        return matches;
    }

    /// <summary>
    /// The map text for a config's <c>map_name</c>: a registered name, or a path to a <c>.map</c> file or a
    /// one-map toolbox YAML file (or <c>file.yaml#name</c> to pick one map of a file).
    /// </summary>
    /// <exception cref="PogemaInputException">No such map or file, or the file is malformed.</exception>
    public string Resolve(string mapName)
    {
        return TryResolve(mapName) ?? Get(mapName).Text;
    }

    /// <summary>
    /// Like <see cref="Resolve"/>, but null when <paramref name="mapName"/> is neither a registered name nor a map
    /// file path (the contract of the environment's <c>map_name</c> resolver).
    /// </summary>
    /// <exception cref="PogemaInputException">It names a map file that is missing or malformed.</exception>
    public string? TryResolve(string mapName)
    {
        if (TryGet(mapName, out var map))
        {
            return map.Text;
        }

        return MapFile.TryResolvePath(mapName);
    }

    private static MapRegistry CreateDefault()
    {
        var registry = CreateBuiltIn();
        var extra = Environment.GetEnvironmentVariable(MapsPathVariable);
        if (!string.IsNullOrWhiteSpace(extra))
        {
            foreach (var entry in extra.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Directory.Exists(entry))
                {
                    foreach (var file in Directory.GetFiles(entry).Order(StringComparer.Ordinal))
                    {
                        if (MapFile.IsMapFile(file))
                        {
                            registry.AddFile(file);
                        }
                    }
                }
                else
                {
                    registry.AddFile(entry);
                }
            }
        }

        return registry;
    }

    private IEnumerable<string> SetNames()
    {
        lock (_gate)
        {
            return _sets.ConvertAll(s => s.Name);
        }
    }

    private string Hint()
    {
        return $"sets: {string.Join(", ", SetNames())} (see 'pogema maps list')";
    }

    // Called under _gate: generates pending sets' maps and indexes their names.
    private void IndexPending()
    {
        foreach (var set in _unindexed)
        {
            foreach (var map in set.Maps)
            {
                if (!_byName.TryAdd(map.Name, (map, set)))
                {
                    throw new PogemaInputException($"map set '{set.Name}': map name '{map.Name}' is already used by set '{_byName[map.Name].Set.Name}'");
                }
            }
        }

        _unindexed.Clear();
    }
}
