using System.Text.Json;
using Pogema.Env.Recording;
using Pogema.Env.Rendering;
using Pogema.Env.Tests.Recording;

namespace Pogema.Env.Tests.Rendering;

public sealed class ReplayOutputTests
{
    private static EpisodeRecording Episode() => new()
    {
        Header = RecordingTestData.Header(),
        Steps = RecordingTestData.Steps(),
        Metrics = RecordingTestData.Metrics(),
    };

    [Fact]
    public void TerminalFrameWithoutColourUsesLetters()
    {
        string frame = TerminalRenderer.RenderFrame(Episode(), 1, color: false);
        Assert.Equal(
            "step 1/2  agents 2  policy scripted  active 2  reward 0\n"
            + ". a A . \n"
            + ". ##. . \n"
            + ". B b . \n",
            frame);
    }

    [Fact]
    public void TerminalFrameInColourPaintsAgentsInTheirColours()
    {
        string frame = TerminalRenderer.RenderFrame(Episode(), 0, color: true);
        var (r, g, b) = AgentPalette.Rgb(AgentPalette.ColorOf(1));
        Assert.Contains($"\u001b[38;2;{r};{g};{b}m● ", frame);
    }

    [Fact]
    public void JsonExportHasTheTraceLayout()
    {
        using var dir = new TempDirectory();
        string path = dir.File("trace.json");
        RecordingTraceExporter.Export(Episode(), path);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        Assert.Equal(new[] { "obstacles", "starts", "targets", "steps", "metrics" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(".#..", root.GetProperty("obstacles")[1].GetString());
        Assert.Equal("[[0,0],[2,3]]", root.GetProperty("starts").GetRawText().Replace(" ", "").Replace("\n", "").Replace("\r", ""));
        var step = root.GetProperty("steps")[1];
        Assert.Equal(
            new[] { "actions", "positions", "targets", "active", "rewards", "terminated", "truncated" },
            step.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1.0, step.GetProperty("rewards")[0].GetDouble());
        Assert.False(step.GetProperty("active")[1].GetBoolean());
        Assert.Equal(2.0, root.GetProperty("metrics").GetProperty("ep_length").GetDouble());
    }
}
