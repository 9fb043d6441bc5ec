using System.Text;
using Pogema.Env.Evaluation;
using Pogema.Env.Policies;
using Pogema.Env.Recording;
using Pogema.Env.Tests.Recording;
using Pogema.Env.Tracing;

namespace Pogema.Env.Tests.Evaluation;

public sealed class RecordedEpisodeTests
{
    private const string Map = "........\n..##....\n........\n....#...\n........\n.#......";

    public static TheoryData<OnTarget, CollisionSystem, string> Modes() => new()
    {
        { OnTarget.Finish, CollisionSystem.Priority, "random" },
        { OnTarget.Nothing, CollisionSystem.Soft, "astar" },
        { OnTarget.Restart, CollisionSystem.Soft, "pibt" },
        { OnTarget.Finish, CollisionSystem.BlockBoth, "astar" },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public void JsonExportOfARecordingEqualsTheTraceOfItsActions(OnTarget mode, CollisionSystem collisions, string policy)
    {
        var episode = new EvaluationEpisode
        {
            MapName = "test-map",
            MapText = Map,
            NumAgents = 5,
            Seed = 3,
            MaxEpisodeSteps = 24,
            OnTarget = mode,
            CollisionSystem = collisions,
            ObsRadius = 2,
            X = 5,
        };
        using var dir = new TempDirectory();
        string path = dir.File("episode.pogrec");
        EpisodeResult result = EvaluationEngine.RunEpisode(episode, PolicyCatalog.TryCreateBuiltIn(policy)!, path);

        EpisodeRecording recording = RecordingReader.Read(path);
        Assert.Equal(result.Steps, recording.Steps.Count);
        Assert.Equal(policy, recording.Header.PolicyName);
        var actions = recording.Steps.Select(s => s.Actions).ToList();
        byte[] trace = TraceRunner.Run(episode.ToConfig(), actions, observations: false, "test");

        using var exported = new MemoryStream();
        RecordingTraceExporter.Write(recording, exported);
        Assert.Equal(Encoding.UTF8.GetString(trace), Encoding.UTF8.GetString(exported.ToArray()));

        // The recorded config re-creates the episode.
        GridConfig again = GridConfig.FromJson(recording.Header.ConfigJson, "recorded config");
        Assert.Equal(Encoding.UTF8.GetString(trace), Encoding.UTF8.GetString(TraceRunner.Run(again, actions, false, "again")));
    }
}
