using System.Text.Json;
using CsCheck;
using Pogema.Env;
using Pogema.Env.Tracing;

namespace Pogema.Env.Tests.Fuzz;

/// <summary>
/// Action files for <c>pogema trace</c>: wrong counts, actions outside 0..4, wrong types, nesting, huge numbers and
/// damaged text, through the same file-reading path as the command. A trace that is written must be valid JSON.
/// </summary>
public sealed class ActionFileFuzzTests : IDisposable
{
    private const string Config = """{"map": "..#.\n....\n.#..", "num_agents": 3, "seed": 7, "obs_radius": 2, "max_episode_steps": 6}""";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"pogema-fuzz-actions-{Guid.NewGuid():N}");

    private static readonly Gen<string> Action = Gen.Frequency(
        (30, Gen.Int[0, 4].Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (2, FuzzGen.JsonNumber),
        (1, FuzzGen.JsonValue(1)));

    private static readonly Gen<string> Step = Gen.Frequency(
        (12, Action.Array[3]),
        (1, Action.Array[0, 5]))
        .Select(actions => "[" + string.Join(",", actions) + "]");

    private static readonly Gen<string> Steps = Gen.Frequency(
        (12, Step),
        (1, FuzzGen.JsonValue(2)))
        .Array[0, 8]
        .Select(steps => "[" + string.Join(",", steps) + "]");

    private static readonly Gen<string> Text = Gen.Frequency(
        (6, Steps),
        (3, FuzzGen.Damage(Steps)),
        (1, FuzzGen.JsonValue(3)));

    public ActionFileFuzzTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "config.json"), Config);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void GeneratedActionFilesTraceOrGiveOneLineErrors()
    {
        string configPath = Path.Combine(_folder, "config.json");
        string actionsPath = Path.Combine(_folder, "fuzz-actions.json");
        string outputPath = Path.Combine(_folder, "trace.json");
        FuzzTally tally = FuzzRun.Check(
            "action-file",
            Text,
            600,
            "fuzz-actions.json",
            text =>
            {
                File.Delete(outputPath);
                File.WriteAllText(actionsPath, text);
                TraceRunner.RunFiles(configPath, actionsPath, outputPath, observations: false);
                using JsonDocument trace = JsonDocument.Parse(File.ReadAllBytes(outputPath));
            },
            FuzzRun.Show);

        Assert.True(tally.Loaded > tally.Total / 10, $"only {tally.Loaded} of {tally.Total} action files traced");
        Assert.Contains(tally.Messages, m => m.Contains("is not allowed", StringComparison.Ordinal));
        Assert.Contains(tally.Messages, m => m.Contains("agents", StringComparison.Ordinal));
    }
}
