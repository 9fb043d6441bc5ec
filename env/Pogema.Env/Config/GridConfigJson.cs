using System.Text.Json;

namespace Pogema.Env;

/// <summary>
/// Reads a <see cref="GridConfig"/> from JSON with POGEMA's snake_case field names. Each mistake (unknown key,
/// wrong type, bad value) is one <see cref="PogemaInputException"/> naming the source and the field.
/// </summary>
public static class GridConfigJson
{
    /// <summary>The field names a config object may contain.</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
    [
        "num_agents", "size", "width", "height", "density", "seed", "obs_radius", "max_episode_steps",
        "collision_system", "on_target", "observation_type", "map", "map_name", "agents_xy", "targets_xy",
        "possible_agents_xy", "possible_targets_xy", "persistent", "integration", "auto_reset",
    ];

    /// <summary>Parses a JSON text holding one config object.</summary>
    public static GridConfig Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            throw new PogemaInputException($"{source}: not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            return FromElement(document.RootElement, source);
        }
    }

    /// <summary>Reads a config from a JSON object element (for example the <c>config</c> of a trace case).</summary>
    public static GridConfig FromElement(JsonElement element, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PogemaInputException($"{source}: the config must be a JSON object of GridConfig fields, not {Kind(element)}");
        }

        var config = new GridConfig();
        foreach (JsonProperty property in element.EnumerateObject())
        {
            JsonElement value = property.Value;
            string name = property.Name;
            switch (name)
            {
                case "num_agents":
                    config.NumAgents = ReadInt(value, source, name);
                    break;
                case "size":
                    config.Size = ReadInt(value, source, name);
                    break;
                case "width":
                    config.Width = IsNull(value) ? null : ReadInt(value, source, name);
                    break;
                case "height":
                    config.Height = IsNull(value) ? null : ReadInt(value, source, name);
                    break;
                case "density":
                    config.Density = ReadDouble(value, source, name);
                    break;
                case "seed":
                    config.Seed = IsNull(value) ? null : ReadLong(value, source, name);
                    break;
                case "obs_radius":
                    config.ObsRadius = ReadInt(value, source, name);
                    break;
                case "max_episode_steps":
                    config.MaxEpisodeSteps = ReadInt(value, source, name);
                    break;
                case "collision_system":
                    config.CollisionSystem = ReadString(value, source, name) switch
                    {
                        "priority" => CollisionSystem.Priority,
                        "block_both" => CollisionSystem.BlockBoth,
                        "soft" => CollisionSystem.Soft,
                        var other => throw Error(source, name, $"'{other}' is not allowed; use priority, block_both or soft"),
                    };
                    break;
                case "on_target":
                    config.OnTarget = ReadString(value, source, name) switch
                    {
                        "finish" => OnTarget.Finish,
                        "nothing" => OnTarget.Nothing,
                        "restart" => OnTarget.Restart,
                        var other => throw Error(source, name, $"'{other}' is not allowed; use finish, nothing or restart"),
                    };
                    break;
                case "observation_type":
                    config.ObservationType = ReadString(value, source, name) switch
                    {
                        "default" => ObservationType.Default,
                        "POMAPF" => ObservationType.POMAPF,
                        "MAPF" => ObservationType.MAPF,
                        var other => throw Error(source, name, $"'{other}' is not allowed; use default, POMAPF or MAPF"),
                    };
                    break;
                case "map":
                    ReadMap(value, source, config);
                    break;
                case "map_name":
                    config.MapName = IsNull(value) ? null : ReadString(value, source, name);
                    break;
                case "agents_xy":
                    config.AgentsXy = ReadPositions(value, source, name);
                    break;
                case "targets_xy":
                    config.TargetsXy = ReadPositions(value, source, name);
                    break;
                case "possible_agents_xy":
                    config.PossibleAgentsXy = ReadPositions(value, source, name);
                    break;
                case "possible_targets_xy":
                    config.PossibleTargetsXy = ReadPositions(value, source, name);
                    break;
                case "persistent":
                    // POGEMA's persistent mode only records history for rendering; the dynamics are the same.
                    if (!IsNull(value) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        throw Error(source, name, $"expected true or false, got {Kind(value)}");
                    }

                    break;
                case "integration":
                case "auto_reset":
                    // Selects a Python framework wrapper in POGEMA; it does not change the task.
                    break;
                default:
                    throw new PogemaInputException(
                        $"{source}: unknown config key '{name}'; allowed keys: {string.Join(", ", FieldNames)}");
            }
        }

        return config;
    }

    private static bool IsNull(JsonElement value) => value.ValueKind == JsonValueKind.Null;

    private static PogemaInputException Error(string source, string field, string problem) =>
        new($"{source}: {field}: {problem}");

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static long ReadLong(JsonElement value, string source, string field)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt64(out long result))
            {
                return result;
            }

            // Accept integral floats such as 8.0, as Python's int fields do.
            if (value.TryGetDouble(out double d) && d == Math.Floor(d) && Math.Abs(d) < 9.2e18)
            {
                return (long)d;
            }
        }

        throw Error(source, field, $"expected an integer, got {Kind(value)}");
    }

    private static int ReadInt(JsonElement value, string source, string field)
    {
        long result = ReadLong(value, source, field);
        if (result is < int.MinValue or > int.MaxValue)
        {
            throw Error(source, field, $"{result} is out of range");
        }

        return (int)result;
    }

    private static double ReadDouble(JsonElement value, string source, string field)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double result))
        {
            return result;
        }

        throw Error(source, field, $"expected a number, got {Kind(value)}");
    }

    private static string ReadString(JsonElement value, string source, string field)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!;
        }

        throw Error(source, field, $"expected a string, got {Kind(value)}");
    }

    private static void ReadMap(JsonElement value, string source, GridConfig config)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                config.Map = null;
                config.MapMatrix = null;
                return;
            case JsonValueKind.String:
                config.Map = value.GetString();
                config.MapMatrix = null;
                return;
            case JsonValueKind.Array:
                var rows = new List<int[]>();
                int r = 0;
                foreach (JsonElement row in value.EnumerateArray())
                {
                    if (row.ValueKind != JsonValueKind.Array)
                    {
                        throw Error(source, "map", $"row {r} must be an array of 0/1, got {Kind(row)}");
                    }

                    var cells = new List<int>();
                    foreach (JsonElement cell in row.EnumerateArray())
                    {
                        cells.Add(cell.ValueKind switch
                        {
                            JsonValueKind.Number when cell.TryGetInt32(out int v) => v,
                            JsonValueKind.True => 1,
                            JsonValueKind.False => 0,
                            _ => throw Error(source, "map", $"row {r}, column {cells.Count}: expected 0 or 1, got {Kind(cell)}"),
                        });
                    }

                    rows.Add(cells.ToArray());
                    r++;
                }

                config.Map = null;
                config.MapMatrix = rows.ToArray();
                return;
            default:
                throw Error(source, "map", $"expected a string map or an array of 0/1 rows, got {Kind(value)}");
        }
    }

    private static GridPosition[]? ReadPositions(JsonElement value, string source, string field)
    {
        if (IsNull(value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(source, field, $"expected an array of [row, col] pairs, got {Kind(value)}");
        }

        var positions = new List<GridPosition>();
        foreach (JsonElement pair in value.EnumerateArray())
        {
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
            {
                throw Error(source, field, $"position {positions.Count} must be a [row, col] pair of integers, got {Kind(pair)}");
            }

            int row = ReadInt(pair[0], source, $"{field}[{positions.Count}][0]");
            int col = ReadInt(pair[1], source, $"{field}[{positions.Count}][1]");
            positions.Add(new GridPosition(row, col));
        }

        return positions.ToArray();
    }
}
