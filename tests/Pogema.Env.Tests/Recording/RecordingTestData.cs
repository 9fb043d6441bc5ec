using Pogema.Env.Recording;

namespace Pogema.Env.Tests.Recording;

/// <summary>A small hand-made two-agent episode used by the recording and replay tests.</summary>
internal static class RecordingTestData
{
    public static EpisodeHeader Header() => new()
    {
        ConfigJson = "{\"num_agents\":2,\"obs_radius\":1,\"seed\":7,\"on_target\":\"finish\"}",
        MapName = "tiny",
        MapRows = new[] { "....", ".#..", "...." },
        PolicyName = "scripted",
        Seed = 7,
        NumAgents = 2,
        ObsRadius = 1,
        MaxEpisodeSteps = 16,
        OnTarget = "finish",
        CollisionSystem = "priority",
        Starts = new[] { 0, 0, 2, 3 },
        Targets = new[] { 0, 2, 2, 1 },
    };

    /// <summary>Agent 0 walks right twice to (0,2); agent 1 walks left twice to (2,1).</summary>
    public static EpisodeStepRecord[] Steps() => new[]
    {
        new EpisodeStepRecord
        {
            Actions = new[] { 4, 3 },
            Positions = new[] { 0, 1, 2, 2 },
            Targets = new[] { 0, 2, 2, 1 },
            Rewards = new[] { 0f, 0f },
            Active = new[] { true, true },
            Terminated = new[] { false, false },
            Truncated = new[] { false, false },
        },
        new EpisodeStepRecord
        {
            Actions = new[] { 4, 3 },
            Positions = new[] { 0, 2, 2, 1 },
            Targets = new[] { 0, 2, 2, 1 },
            Rewards = new[] { 1f, 1f },
            Active = new[] { false, false },
            Terminated = new[] { true, true },
            Truncated = new[] { false, false },
        },
    };

    public static IReadOnlyList<KeyValuePair<string, double>> Metrics() => new[]
    {
        new KeyValuePair<string, double>("ISR", 1.0),
        new KeyValuePair<string, double>("CSR", 1.0),
        new KeyValuePair<string, double>("ep_length", 2.0),
    };

    public static string Write(string path)
    {
        using var writer = RecordingWriter.Create(path, Header());
        foreach (var s in Steps())
        {
            writer.WriteStep(s.Actions, s.Positions, s.Targets, s.Rewards, s.Active, s.Terminated, s.Truncated);
        }

        writer.Complete(Metrics());
        return path;
    }
}
