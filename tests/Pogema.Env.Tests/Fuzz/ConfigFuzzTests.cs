using System.Globalization;
using System.Text.Json;
using CsCheck;
using Pogema.Env;

namespace Pogema.Env.Tests.Fuzz;

/// <summary>
/// Grid configs as JSON: every field with valid values, wrong types, out-of-range and huge numbers, nulls, nested
/// garbage and unknown keys, then damaged text. A config that loads must also build an environment, reset and step.
/// </summary>
public sealed class ConfigFuzzTests
{
    private const string Source = "fuzz-config.json";

    private static readonly Gen<string> Pair = Gen.Select(Gen.Int[-2, 9], Gen.Int[-2, 9]).Select(p => $"[{p.Item1},{p.Item2}]");

    private static readonly Gen<string> Pairs = Gen.Frequency(
        (4, Pair.Array[0, 6].Select(ps => "[" + string.Join(",", ps) + "]")),
        (1, FuzzGen.JsonValue(2)));

    private static readonly Gen<string> SmallMap = Gen.Frequency(
        (3, FuzzGen.Grid("..........##@$!aAbB", 6).Select(s => JsonSerializer.Serialize(s))),
        (2, Gen.Int[0, 1].Array[1, 6].Array[1, 6].Select(rows => JsonSerializer.Serialize(rows))),
        (1, FuzzGen.JsonValue(2)));

    /// <summary>A plausible value for each field, so that loading gets past the first check often.</summary>
    private static readonly Dictionary<string, Gen<string>> ValidValues = new()
    {
        ["num_agents"] = Gen.Int[1, 6].Select(Text),
        ["size"] = Gen.Int[2, 12].Select(Text),
        ["width"] = Gen.Int[1, 12].Select(Text),
        ["height"] = Gen.Int[1, 12].Select(Text),
        ["density"] = Gen.Double.Unit.Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        ["seed"] = Gen.Long[0, 1000].Select(l => l.ToString(CultureInfo.InvariantCulture)),
        ["obs_radius"] = Gen.Int[1, 6].Select(Text),
        ["max_episode_steps"] = Gen.Int[1, 20].Select(Text),
        ["collision_system"] = Gen.OneOf("\"priority\"", "\"block_both\"", "\"soft\""),
        ["on_target"] = Gen.OneOf("\"finish\"", "\"nothing\"", "\"restart\""),
        ["observation_type"] = Gen.OneOf("\"default\"", "\"POMAPF\"", "\"MAPF\""),
        ["map"] = SmallMap,
        ["map_name"] = Gen.OneOf("\"validation-mazes-seed-000\"", "\"validation-random-seed-001\"", "\"no-such-map\"", "\"missing.map\"", "\"missing.yaml#a\"", "\"\"", "null"),
        ["agents_xy"] = Pairs,
        ["targets_xy"] = Pairs,
        ["possible_agents_xy"] = Pairs,
        ["possible_targets_xy"] = Pairs,
        ["persistent"] = Gen.OneOf("true", "false"),
        ["integration"] = Gen.OneOf("null", "\"SampleFactory\""),
        ["auto_reset"] = Gen.OneOf("null", "true"),
    };

    private static readonly Gen<string> Key = Gen.Frequency(
        (12, Gen.OneOf(GridConfigJson.FieldNames.ToArray())),
        (1, Gen.OneOf("NUM_AGENTS", "numAgents", "agents", "size ", "", "\u0000", "map\nname", "obs-radius", "__proto__")),
        (1, Gen.String[0, 12]));

    private static readonly Gen<string> Field = Key.SelectMany(key =>
    {
        Gen<string> value = ValidValues.TryGetValue(key, out Gen<string>? valid)
            ? Gen.Frequency((3, valid), (1, FuzzGen.JsonValue(2)))
            : FuzzGen.JsonValue(2);
        return value.Select(v => JsonSerializer.Serialize(key) + ":" + v);
    });

    private static readonly Gen<string> ConfigText = Gen.Frequency(
        (8, Field.Array[0, 9].Select(fields => "{" + string.Join(",", fields) + "}")),
        (2, FuzzGen.Damage(Field.Array[0, 9].Select(fields => "{" + string.Join(",", fields) + "}"))),
        (1, FuzzGen.JsonValue(3)));

    [Fact]
    public void GeneratedConfigsLoadOrGiveOneLineErrors()
    {
        FuzzTally tally = FuzzRun.Check("config-json", ConfigText, 1500, Source, LoadAndRun, FuzzRun.Show);

        // The generator must reach both outcomes and the checks behind the parser, or the test proves nothing.
        Assert.True(tally.Loaded > tally.Total / 20, $"only {tally.Loaded} of {tally.Total} configs loaded");
        Assert.Contains(tally.Messages, m => m.Contains("unknown config key", StringComparison.Ordinal));
        Assert.Contains(tally.Messages, m => m.Contains("out of range", StringComparison.Ordinal));
        Assert.Contains(tally.Messages, m => m.Contains("not valid JSON", StringComparison.Ordinal));
        Assert.Contains(tally.Messages, m => m.Contains(": map", StringComparison.Ordinal));
    }

    /// <summary>Parses the config, builds the environment and runs a short episode with random actions.</summary>
    internal static void LoadAndRun(string json)
    {
        GridConfig config = GridConfigJson.Parse(json, Source);
        var env = new PogemaEnv(config, Source);
        var random = new System.Random(json.Length);
        env.Reset();
        var actions = new int[env.NumAgents];
        float[] observations = new float[Math.Min(env.NumAgents, 64) * env.ObservationSize];
        for (int t = 0; t < 4 && !env.EpisodeEnded; t++)
        {
            for (int i = 0; i < actions.Length; i++)
            {
                actions[i] = random.Next(PogemaEnv.NumActions);
            }

            env.Step(actions);
            env.WriteObservations(0, Math.Min(env.NumAgents, 64), observations);
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
