using Pogema.Env.Recording;

namespace Pogema.Env.Tests.Recording;

public sealed class RecordingFileTests
{
    [Fact]
    public void RoundTripKeepsEverything()
    {
        using var dir = new TempDirectory();
        string path = RecordingTestData.Write(dir.File("episode.pogrec"));

        EpisodeRecording rec = RecordingReader.Read(path);

        var h = rec.Header;
        Assert.Equal("{\"num_agents\":2,\"obs_radius\":1,\"seed\":7,\"on_target\":\"finish\"}", h.ConfigJson);
        Assert.Equal("tiny", h.MapName);
        Assert.Equal(new[] { "....", ".#..", "...." }, h.MapRows);
        Assert.Equal("scripted", h.PolicyName);
        Assert.Equal(7UL, h.Seed);
        Assert.Equal(2, h.NumAgents);
        Assert.Equal(1, h.ObsRadius);
        Assert.Equal(16, h.MaxEpisodeSteps);
        Assert.Equal("finish", h.OnTarget);
        Assert.Equal("priority", h.CollisionSystem);
        Assert.Equal(new[] { 0, 0, 2, 3 }, h.Starts);
        Assert.Equal(new[] { 0, 2, 2, 1 }, h.Targets);
        Assert.True(h.IsObstacle(1, 1));

        Assert.Equal(2, rec.Steps.Count);
        var expected = RecordingTestData.Steps();
        for (int t = 0; t < expected.Length; t++)
        {
            Assert.Equal(expected[t].Actions, rec.Steps[t].Actions);
            Assert.Equal(expected[t].Positions, rec.Steps[t].Positions);
            Assert.Equal(expected[t].Targets, rec.Steps[t].Targets);
            Assert.Equal(expected[t].Rewards, rec.Steps[t].Rewards);
            Assert.Equal(expected[t].Active, rec.Steps[t].Active);
            Assert.Equal(expected[t].Terminated, rec.Steps[t].Terminated);
            Assert.Equal(expected[t].Truncated, rec.Steps[t].Truncated);
        }

        Assert.Equal(RecordingTestData.Metrics(), rec.Metrics);
        Assert.Equal(new[] { 0, 0, 2, 3 }, rec.PositionsAt(0).ToArray());
        Assert.Equal(new[] { 0, 2, 2, 1 }, rec.PositionsAt(2).ToArray());
    }

    [Fact]
    public void EpisodeThatDidNotEndHasNoMetrics()
    {
        using var dir = new TempDirectory();
        string path = dir.File("open.pogrec");
        using (var writer = RecordingWriter.Create(path, RecordingTestData.Header()))
        {
            writer.Complete(null);
        }

        var rec = RecordingReader.Read(path);
        Assert.Empty(rec.Steps);
        Assert.Null(rec.Metrics);
    }

    [Fact]
    public void UnfinishedRecordingLeavesNoFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("interrupted.pogrec");
        using (var writer = RecordingWriter.Create(path, RecordingTestData.Header()))
        {
            var s = RecordingTestData.Steps()[0];
            writer.WriteStep(s.Actions, s.Positions, s.Targets, s.Rewards, s.Active, s.Terminated, s.Truncated);
            Assert.False(File.Exists(path));
        }

        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void EveryTruncationIsReportedWithTheFileName()
    {
        using var dir = new TempDirectory();
        byte[] bytes = File.ReadAllBytes(RecordingTestData.Write(dir.File("full.pogrec")));
        for (int length = 0; length < bytes.Length; length++)
        {
            string cut = dir.File($"cut-{length}.pogrec");
            File.WriteAllBytes(cut, bytes.AsSpan(0, length).ToArray());
            var ex = Assert.Throws<PogemaInputException>(() => RecordingReader.Read(cut));
            Assert.Contains(cut, ex.Message);
            Assert.DoesNotContain('\n', ex.Message);
        }
    }

    [Fact]
    public void TruncationAfterTheHeaderSaysTruncated()
    {
        using var dir = new TempDirectory();
        byte[] bytes = File.ReadAllBytes(RecordingTestData.Write(dir.File("full.pogrec")));
        string cut = dir.File("cut.pogrec");
        File.WriteAllBytes(cut, bytes.AsSpan(0, bytes.Length - 12).ToArray());

        var ex = Assert.Throws<PogemaInputException>(() => RecordingReader.Read(cut));
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void EveryFlippedBitIsDetected()
    {
        using var dir = new TempDirectory();
        byte[] bytes = File.ReadAllBytes(RecordingTestData.Write(dir.File("full.pogrec")));
        string damaged = dir.File("damaged.pogrec");
        for (int i = 0; i < bytes.Length; i++)
        {
            byte[] copy = (byte[])bytes.Clone();
            copy[i] ^= (byte)(1 << (i % 8));
            File.WriteAllBytes(damaged, copy);
            var ex = Assert.Throws<PogemaInputException>(() => RecordingReader.Read(damaged));
            Assert.Contains(damaged, ex.Message);
        }
    }

    [Fact]
    public void ForeignFileIsNotARecording()
    {
        using var dir = new TempDirectory();
        string json = dir.File("trace.json");
        File.WriteAllText(json, "{\"obstacles\": [\"..\"]}");
        var ex = Assert.Throws<PogemaInputException>(() => RecordingReader.Read(json));
        Assert.Equal($"recording {json}: not a Pogema.Net recording (it does not start with the 'pogema-recording' marker)", ex.Message);

        string empty = dir.File("empty.pogrec");
        File.WriteAllBytes(empty, Array.Empty<byte>());
        Assert.Contains("not a Pogema.Net recording", Assert.Throws<PogemaInputException>(() => RecordingReader.Read(empty)).Message);
    }

    [Fact]
    public void MissingFileIsAnInputError()
    {
        var ex = Assert.Throws<PogemaInputException>(() => RecordingReader.Read("/nonexistent/x.pogrec"));
        Assert.Equal("recording /nonexistent/x.pogrec: file not found", ex.Message);
    }
}
