using System.Diagnostics;
using System.Xml.Linq;
using Pogema.Env.Recording;
using Pogema.Env.Rendering;
using Pogema.Env.Tests.Recording;

namespace Pogema.Env.Tests.Rendering;

public sealed class SvgAnimationRendererTests
{
    private static EpisodeRecording Episode()
    {
        return new EpisodeRecording
        {
            Header = RecordingTestData.Header(),
            Steps = RecordingTestData.Steps(),
            Metrics = RecordingTestData.Metrics(),
        };
    }

    [Fact]
    public void AnimationIsWellFormedAndMovesTheAgents()
    {
        string svg = SvgAnimationRenderer.Render(Episode(), new SvgRenderOptions());
        XDocument doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var agents = doc.Descendants(ns + "circle").Where(c => (string?)c.Attribute("class") == "agent").ToList();
        Assert.Equal(2, agents.Count);
        Assert.Equal(AgentPalette.ColorOf(0), (string?)agents[0].Attribute("fill"));
        Assert.Equal(AgentPalette.ColorOf(1), (string?)agents[1].Attribute("fill"));

        // Agent 0 goes from column 0 to 2 (centres 100, 200, 300) over 2 steps of 0.25 s, then hides.
        var cx = agents[0].Elements(ns + "animate").Single(a => (string?)a.Attribute("attributeName") == "cx");
        Assert.Equal("100;200;300", (string?)cx.Attribute("values"));
        Assert.Equal("0;0.5;1", (string?)cx.Attribute("keyTimes"));
        Assert.Equal("0.5s", (string?)cx.Attribute("dur"));
        var visibility = agents[0].Elements(ns + "animate").Single(a => (string?)a.Attribute("attributeName") == "visibility");
        Assert.Equal("visible;visible;hidden", (string?)visibility.Attribute("values"));

        Assert.Single(doc.Descendants(ns + "use")); // one obstacle
        Assert.Equal(2, doc.Descendants(ns + "circle").Count(c => (string?)c.Attribute("class") == "target"));
    }

    [Fact]
    public void StaticEgocentricFrameShowsTheFieldOfView()
    {
        string svg = SvgAnimationRenderer.Render(Episode(), new SvgRenderOptions { EgocentricAgent = 1, StaticFrame = 1, ShowGrid = false });
        XDocument doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Empty(doc.Descendants(ns + "animate"));
        Assert.Empty(doc.Descendants(ns + "line"));
        var agents = doc.Descendants(ns + "circle").Where(c => (string?)c.Attribute("class") == "agent").ToList();
        Assert.Equal(AgentPalette.EgoOtherColor, (string?)agents[0].Attribute("fill"));
        Assert.Equal(AgentPalette.EgoColor, (string?)agents[1].Attribute("fill"));
        Assert.Equal("300", (string?)agents[1].Attribute("cx")); // agent 1 at (2, 2) after step 1
        Assert.Equal("300", (string?)agents[1].Attribute("cy"));
        Assert.Equal("0.2", (string?)agents[0].Attribute("opacity")); // agent 0 at (0, 1): outside radius 1 of (2, 2)
        var view = doc.Descendants(ns + "rect").Single(r => (string?)r.Attribute("class") == "field-of-view");
        // radius 1: the square spans 3 cells (300 px) less a 5 px inset on each side, centred on (300, 300).
        Assert.Equal("155", (string?)view.Attribute("x"));
        Assert.Equal("290", (string?)view.Attribute("width"));
        Assert.Single(doc.Descendants(ns + "circle"), c => (string?)c.Attribute("class") == "target");
        // The obstacle at (1, 1) is within radius 1 of (2, 2): seen.
        Assert.Equal("1", (string?)doc.Descendants(ns + "use").Single().Attribute("opacity"));
    }

    [Fact]
    public void FrameOutOfRangeIsAnInputError()
    {
        var ex = Assert.Throws<PogemaInputException>(() => SvgAnimationRenderer.Render(Episode(), new SvgRenderOptions { StaticFrame = 3 }));
        Assert.Equal("--frame 3: the recording has frames 0..2", ex.Message);
    }

    [Fact]
    public void ChromiumShowsTheAgentsInTheirColours()
    {
        string? chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") is null, "chromium is required on CI (.ci/run installs it)");
            Console.WriteLine("skipped: chromium is not installed here");
            return;
        }

        using var dir = new TempDirectory();
        string svgPath = dir.File("frame.svg");
        File.WriteAllText(svgPath, SvgAnimationRenderer.Render(Episode(), new SvgRenderOptions { StaticFrame = 0 }));
        string png = dir.File("shot.png");
        var psi = new ProcessStartInfo(chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (string arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", $"--user-data-dir={dir.File("profile")}", $"--screenshot={png}",
            "--window-size=600,500", "file://" + svgPath,
        })
        {
            psi.ArgumentList.Add(arg);
        }

        using (var process = Process.Start(psi)!)
        {
            process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(60_000), "chromium did not finish within 60 s");
        }

        Assert.True(File.Exists(png), "chromium wrote no screenshot");
        PngImage image = PngImage.Decode(File.ReadAllBytes(png));

        // The SVG is 512 x 384 px for a 500 x 400 view box: cell (r, c) is centred at ((100 + 100c), (100 + 100r)) * 1.024.
        AssertColorNear(image, 102, 102, AgentPalette.ColorOf(0)); // agent 0 at (0, 0)
        AssertColorNear(image, 410, 307, AgentPalette.ColorOf(1)); // agent 1 at (2, 3)
        AssertColorNear(image, 205, 205, AgentPalette.ObstacleColor); // obstacle at (1, 1)
    }

    private static void AssertColorNear(PngImage image, int x, int y, string hex)
    {
        var (r, g, b) = AgentPalette.Rgb(hex);
        var p = image.Pixel(x, y);
        int distance = Math.Abs(p.R - r) + Math.Abs(p.G - g) + Math.Abs(p.B - b);
        Assert.True(distance <= 24, $"pixel ({x}, {y}) is rgb({p.R}, {p.G}, {p.B}), expected {hex}");
    }
}
