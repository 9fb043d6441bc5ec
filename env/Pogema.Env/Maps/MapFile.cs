namespace Pogema.Env.Maps;

/// <summary>Reads a map file by its extension: <c>.map</c> (MovingAI) or <c>.yaml</c>/<c>.yml</c> (pogema-toolbox).</summary>
public static class MapFile
{
    /// <summary>True when <paramref name="path"/> has an extension this reader knows.</summary>
    public static bool IsMapFile(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".map", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Reads the maps of a file. A MovingAI map is one map named after the file, or with <paramref name="tile"/> its
    /// 64 x 64 tiles as the benchmark cuts them.
    /// </summary>
    /// <exception cref="PogemaInputException">Unknown extension, missing or malformed file.</exception>
    public static IReadOnlyList<NamedMap> Read(string path, bool tile = false)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".map", StringComparison.OrdinalIgnoreCase))
        {
            var map = MovingAiMap.Read(path);
            return tile ? MovingAiMap.Tiles(map) : [map];
        }

        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            var maps = ToolboxYaml.Read(path);
            if (!tile)
            {
                return maps;
            }

            var tiles = new List<NamedMap>();
            foreach (var map in maps)
            {
                tiles.AddRange(MovingAiMap.Tiles(map));
            }

            return tiles;
        }

        throw new PogemaInputException($"{path}: unknown map file type '{extension}'; allowed: .map (MovingAI), .yaml or .yml (pogema-toolbox)");
    }

    /// <summary>
    /// The map text for a <c>map_name</c> that names a file: <c>city.map</c>, <c>maps.yaml</c> holding one map, or
    /// <c>maps.yaml#name</c>. Null when <paramref name="mapName"/> does not look like a map file.
    /// </summary>
    /// <exception cref="PogemaInputException">The file is missing or malformed, or the name is not in it.</exception>
    public static string? TryResolvePath(string mapName)
    {
        var hash = mapName.LastIndexOf('#');
        var path = hash >= 0 ? mapName[..hash] : mapName;
        var inner = hash >= 0 ? mapName[(hash + 1)..] : null;
        if (!IsMapFile(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new PogemaInputException($"map_name '{mapName}': file '{path}' does not exist");
        }

        var maps = Read(path);
        if (inner is null)
        {
            if (maps.Count != 1)
            {
                throw new PogemaInputException($"map_name '{mapName}': the file holds {maps.Count} maps; write '{path}#<name>' to pick one");
            }

            return maps[0].Text;
        }

        foreach (var map in maps)
        {
            if (map.Name == inner)
            {
                return map.Text;
            }
        }

        throw new PogemaInputException($"map_name '{mapName}': no map named '{inner}' in '{path}'");
    }
}
