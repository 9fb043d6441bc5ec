using System.Globalization;
using System.Reflection;
using Pogema.Agents.Models;
using Pogema.Agents.Rewards;
using Pogema.Agents.Training;
using Pogema.Env;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Pogema.Agents.Configuration;

/// <summary>
/// Everything a training run needs, as one YAML document with the sections <c>env</c>, <c>model</c>, <c>ppo</c> and
/// <c>run</c> (field names in snake_case). Built from a preset, a YAML file, and <c>section.field=value</c> overrides.
/// </summary>
public sealed class TrainConfig
{
    /// <summary>The preset names <see cref="Preset"/> accepts.</summary>
    public static readonly string[] PresetNames = { "bottleneck", "lifelong-mazes" };

    public EnvOptions Env { get; set; } = new();

    public ModelOptions Model { get; set; } = new();

    public PpoOptions Ppo { get; set; } = new();

    public RunOptions Run { get; set; } = new();

    /// <summary>
    /// <c>bottleneck</c>: the SRMT paper's Bottleneck run (2 agents, r=2, finish, block_both, F=8/n=1/H=16, KL-adaptive
    /// 1.3e-4 adapted per minibatch, 2e7 steps; 512 environments x 256 steps per update, cut into BPTT windows of 8).
    /// <c>lifelong-mazes</c>: the POGEMA-maps run (64 agents on 65x65 mazes, restart, soft, r=5, F=64/n=8/H=512,
    /// constant 2.2e-4, 1e9 steps, the directional reward; 512 environments x 8 steps). Both use 16 minibatches of 16384 transitions per update.
    /// </summary>
    public static TrainConfig Preset(string name)
    {
        switch (name)
        {
            case "bottleneck":
                return new TrainConfig
                {
                    Env = new EnvOptions { Task = "bottleneck", NumEnvs = 512, NumAgents = 2, ObsRadius = 2, OnTarget = "finish", CollisionSystem = "block_both" },
                    Model = ModelOptions.Preset("bottleneck"),
                    Ppo = new PpoOptions { RolloutLength = 256, Recurrence = 8 },
                    Run = new RunOptions { Name = "bottleneck-srmt", TotalSteps = 20_000_000 },
                };
            case "lifelong-mazes":
                return new TrainConfig
                {
                    Env = new EnvOptions { Task = "mazes", NumEnvs = 512, NumAgents = 64, MapSize = 65, ObsRadius = 5, OnTarget = "restart", CollisionSystem = "soft" },
                    Model = ModelOptions.Preset("pogema"),
                    Ppo = new PpoOptions { RolloutLength = 8, Recurrence = 8, LearningRate = 2.2e-4, LearningRateSchedule = "constant", Gamma = 0.9756, EntropyCoef = 0.023 },
                    // Follower's training signal (SRMT trains on its pipeline): a small reward for each step along the
                    // agent's planned path. Under the goal-only sparse reward, 7.3e7 steps learned nothing on these
                    // 65x65 mazes (docs/results.md).
                    Run = new RunOptions { Name = "lifelong-mazes-srmt", TotalSteps = 1_000_000_000, Reward = "directional" },
                };
            default:
                throw new PogemaInputException($"preset '{name}': expected one of {string.Join(", ", PresetNames)}");
        }
    }

    /// <summary>
    /// Shrinks a preset to a run that finishes in a few minutes on two CPU cores (fewer environments, shorter
    /// episodes and corridors, a 1.5e6-step budget); the network and the PPO recipe are unchanged.
    /// </summary>
    public void MakeQuick()
    {
        Env.NumEnvs = Env.Task == "bottleneck" ? 64 : 8;
        Env.MaxEpisodeSteps = Env.Task == "bottleneck" ? 128 : 256;
        if (Env.Task == "bottleneck")
        {
            Env.CorridorLengths = new[] { 3, 4, 5, 6, 7, 8 };
        }

        Ppo.NumMinibatches = 4;
        Run.TotalSteps = 1_500_000;
        Run.CheckpointEvery = 50;
        Run.Name += "-quick";
    }

    /// <summary>Reads a YAML config; a mistake names the file, line and field.</summary>
    public static TrainConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new PogemaInputException($"config '{path}': file not found");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses YAML text; <paramref name="source"/> names it in errors.</summary>
    public static TrainConfig Parse(string yaml, string source)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        try
        {
            return deserializer.Deserialize<TrainConfig>(yaml) ?? new TrainConfig();
        }
        catch (YamlException ex)
        {
            var inner = ex.InnerException?.Message ?? ex.Message;
            throw new PogemaInputException($"config '{source}' line {ex.Start.Line}: {FirstLine(inner)}", ex);
        }
    }

    /// <summary>The config as YAML (what a run directory records).</summary>
    public string ToYaml()
    {
        var serializer = new SerializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        return serializer.Serialize(this);
    }

    /// <summary>
    /// Applies one override <c>section.field=value</c> (snake_case names, e.g. <c>ppo.learning_rate=1e-4</c>,
    /// <c>env.corridor_lengths=3,4,5</c>).
    /// </summary>
    public void Set(string assignment)
    {
        var eq = assignment.IndexOf('=');
        if (eq <= 0)
        {
            throw new PogemaInputException($"--set '{assignment}': expected section.field=value");
        }

        var path = assignment[..eq].Trim();
        var value = assignment[(eq + 1)..].Trim();
        var dot = path.IndexOf('.');
        if (dot <= 0)
        {
            throw new PogemaInputException($"--set '{assignment}': expected section.field=value with a section of env, model, ppo, run");
        }

        var section = FindProperty(this, path[..dot]) ?? throw new PogemaInputException($"--set '{path}': unknown section '{path[..dot]}' (expected env, model, ppo, run)");
        var target = section.GetValue(this)!;
        var field = FindProperty(target, path[(dot + 1)..]) ?? throw new PogemaInputException(
            $"--set '{path}': unknown field; {path[..dot]} has {string.Join(", ", target.GetType().GetProperties().Select(p => Snake(p.Name)))}");
        field.SetValue(target, Convert(path, value, field.PropertyType));
    }

    /// <summary>Checks every section; a bad value is a user mistake naming the field.</summary>
    public void Validate()
    {
        // An empty section or list in YAML ('run:' with nothing under it) deserializes to null.
        if (Env is null || Model is null || Ppo is null || Run is null)
        {
            var empty = Env is null ? "env" : Model is null ? "model" : Ppo is null ? "ppo" : "run";
            throw new PogemaInputException($"{empty}: the section is empty; leave it out to use the preset's values");
        }

        if (Env.CorridorLengths is null || Env.CorridorLengths.Length == 0 || Env.CorridorLengths.Any(l => l < 1))
        {
            throw new PogemaInputException($"env.corridor_lengths: expected a list of corridor lengths >= 1, got {(Env.CorridorLengths is null ? "nothing" : $"[{string.Join(", ", Env.CorridorLengths)}]")}");
        }

        if (string.IsNullOrWhiteSpace(Run.Name) || string.IsNullOrWhiteSpace(Run.RunsDir) || string.IsNullOrWhiteSpace(Run.Device))
        {
            throw new PogemaInputException("run.name, run.runs_dir and run.device must not be empty");
        }

        Model.Validate();
        Ppo.Validate(Env.NumEnvs);
        if (Env.Task is not ("bottleneck" or "mazes"))
        {
            throw new PogemaInputException($"env.task '{Env.Task}': expected bottleneck or mazes");
        }

        if (Env.NumEnvs < 1 || Env.NumAgents < 1)
        {
            throw new PogemaInputException($"env.num_envs = {Env.NumEnvs}, env.num_agents = {Env.NumAgents}: both must be >= 1");
        }

        if (Env.Observation is not ("follower" or "pogema"))
        {
            throw new PogemaInputException($"env.observation '{Env.Observation}': expected follower or pogema");
        }

        if (Array.IndexOf(RewardFunction.Names, Run.Reward) < 0)
        {
            throw new PogemaInputException($"run.reward '{Run.Reward}': expected one of {string.Join(", ", RewardFunction.Names)}");
        }

        if (Run.Precision is not ("tf32" or "fp32"))
        {
            throw new PogemaInputException($"run.precision '{Run.Precision}': expected tf32 or fp32");
        }

        if (Run.TotalSteps < 1 || Run.CheckpointEvery < 1 || Run.PlotEvery < 1)
        {
            throw new PogemaInputException("run.total_steps, run.checkpoint_every and run.plot_every must be >= 1");
        }
    }

    private static PropertyInfo? FindProperty(object owner, string snakeName)
    {
        foreach (var p in owner.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.CanWrite && Snake(p.Name) == snakeName)
            {
                return p;
            }
        }

        return null;
    }

    private static string Snake(string name) => UnderscoredNamingConvention.Instance.Apply(name);

    private static object Convert(string path, string value, Type type)
    {
        var inv = CultureInfo.InvariantCulture;
        try
        {
            if (type == typeof(string))
            {
                return value;
            }

            if (type == typeof(int))
            {
                return (int)double.Parse(value, inv) == double.Parse(value, inv) ? (int)double.Parse(value, inv) : throw new FormatException();
            }

            if (type == typeof(long))
            {
                return (long)double.Parse(value, inv) == double.Parse(value, inv) ? (long)double.Parse(value, inv) : throw new FormatException();
            }

            if (type == typeof(double))
            {
                return double.Parse(value, inv);
            }

            if (type == typeof(bool))
            {
                return bool.Parse(value);
            }

            if (type == typeof(int[]))
            {
                return value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => int.Parse(v, inv)).ToArray();
            }
        }
        catch (FormatException)
        {
        }
        catch (OverflowException)
        {
        }

        throw new PogemaInputException($"--set {path}={value}: expected {TypeName(type)}");
    }

    private static string TypeName(Type type) => type == typeof(int[]) ? "a comma-separated list of integers" : type == typeof(bool) ? "true or false" : $"a number ({type.Name})";

    private static string FirstLine(string text)
    {
        var nl = text.IndexOf('\n');
        return nl < 0 ? text : text[..nl];
    }
}
