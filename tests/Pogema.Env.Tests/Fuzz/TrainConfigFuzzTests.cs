using CsCheck;
using Pogema.Agents.Configuration;

namespace Pogema.Env.Tests.Fuzz;

/// <summary>
/// Training configs as YAML (the only config read from YAML) and <c>--set</c> overrides: every field replaced by
/// wrong types, out-of-range, infinite and huge values, unknown keys and sections, broken YAML. A config that loads
/// must also validate or be rejected naming the file, line or field.
/// </summary>
public sealed class TrainConfigFuzzTests
{
    private const string Source = "fuzz-train.yaml";

    private static readonly string[] Values =
    [
        "0", "-1", "1", "3", "0.5", "1e-4", "1e400", "-1e400", ".inf", "-.inf", ".nan", "2147483648", "99999999999999999999",
        "null", "~", "yes", "no", "true", "'x'", "\"\"", "[1, 2]", "[]", "{a: b}", "&a 1", "*a", "0x10", "1_000", "srmt", "gru",
        "bottleneck", "mazes", "follower", "pogema", "cpu", "cuda:7", "sparse", "kl_adaptive", "constant", "|\n  x",
    ];

    private static readonly string Valid = TrainConfig.Preset("bottleneck").ToYaml();

    private static readonly string[] Lines = Valid.Split('\n');

    /// <summary>The preset's YAML with some lines' values replaced, keys renamed, lines dropped or garbage added.</summary>
    private static readonly Gen<string> Edited = Gen.Select(Gen.Int[0, Lines.Length - 1], Gen.OneOf(Values), Gen.Int[0, 3])
        .Array[1, 4]
        .Select(edits =>
        {
            string[] lines = (string[])Lines.Clone();
            foreach ((int line, string value, int kind) in edits)
            {
                string text = lines[line];
                int colon = text.IndexOf(':');
                lines[line] = kind switch
                {
                    0 when colon > 0 => text[..(colon + 1)] + " " + value,
                    1 when colon > 0 => text[..colon] + "_x" + text[colon..],
                    2 => string.Empty,
                    _ => text + "\n" + new string(' ', text.Length - text.TrimStart().Length) + "extra: " + value,
                };
            }

            return string.Join('\n', lines);
        });

    private static readonly Gen<string> Text = Gen.Frequency(
        (6, Edited),
        (2, FuzzGen.Damage(Gen.Const(Valid))),
        (1, Gen.String[0, 40]));

    private static readonly Gen<string> Assignment = Gen.Frequency(
        (4, Gen.Select(Gen.OneOf("env.num_envs", "env.corridor_lengths", "model.hidden", "model.core", "ppo.learning_rate", "ppo.gamma", "run.seed", "run.total_steps", "run.device", "x.y", "env.nope", "env", ".x", "ppo."), Gen.OneOf(Values))
            .Select(t => t.Item1 + "=" + t.Item2)),
        (1, Gen.String[0, 20]));

    [Fact]
    public void GeneratedTrainConfigsLoadOrGiveOneLineErrors()
    {
        FuzzTally tally = FuzzRun.Check(
            "train-config-yaml",
            Text,
            800,
            Source,
            text => TrainConfig.Parse(text, Source).Validate(),
            FuzzRun.Show,
            NamesFileOrField);

        Assert.True(tally.Loaded > tally.Total / 20, $"only {tally.Loaded} of {tally.Total} configs loaded");
        Assert.Contains(tally.Messages, m => m.Contains(Source, StringComparison.Ordinal));
    }

    [Fact]
    public void GeneratedOverridesApplyOrGiveOneLineErrors()
    {
        FuzzTally tally = FuzzRun.Check(
            "train-set-override",
            Assignment,
            800,
            "--set",
            assignment =>
            {
                TrainConfig config = TrainConfig.Preset("bottleneck");
                config.Set(assignment);
                config.Validate();
            },
            FuzzRun.Show,
            NamesFileOrField);

        Assert.True(tally.Loaded > 0 && tally.Rejected > 0, $"{tally.Loaded} loaded, {tally.Rejected} rejected");
    }

    private static bool NamesFileOrField(string message) =>
        message.Contains(Source, StringComparison.Ordinal) || message.Contains("--set", StringComparison.Ordinal)
        || message.StartsWith("env:", StringComparison.Ordinal) || message.StartsWith("model:", StringComparison.Ordinal) || message.StartsWith("ppo:", StringComparison.Ordinal) || message.StartsWith("run:", StringComparison.Ordinal)
        || message.StartsWith("env.", StringComparison.Ordinal) || message.StartsWith("model.", StringComparison.Ordinal)
        || message.StartsWith("ppo.", StringComparison.Ordinal) || message.StartsWith("run.", StringComparison.Ordinal);
}
