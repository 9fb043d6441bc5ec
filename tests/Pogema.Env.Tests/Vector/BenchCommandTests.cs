using System.Text.Json;

namespace Pogema.Env.Tests.Vector;

/// <summary>Runs <c>pogema bench</c> end to end on the smallest configuration with a very short measurement (no timing is asserted).</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public void WritesOneRowPerRunToJsonAndMarkdown()
    {
        var dir = Directory.CreateTempSubdirectory("pogema-bench-");
        try
        {
            string json = Path.Combine(dir.FullName, "bench.json");
            string markdown = Path.Combine(dir.FullName, "bench.md");
            Assert.Equal(0, Pogema.Cli.Program.Main(
                ["bench", "--config", "bottleneck", "--preset", "both", "--threads", "2", "--seconds", "0.05", "--json", json, "--markdown", markdown]));

            using var report = JsonDocument.Parse(File.ReadAllText(json));
            JsonElement rows = report.RootElement.GetProperty("rows");
            Assert.Equal(5, rows.GetArrayLength());
            Assert.Equal(
                ["single/pogema/1", "vector/pogema/1", "vector/pogema/2", "vector/follower/1", "vector/follower/2"],
                rows.EnumerateArray().Select(r => $"{r.GetProperty("engine").GetString()}/{r.GetProperty("preset").GetString()}/{r.GetProperty("threads").GetInt32()}"));
            foreach (JsonElement row in rows.EnumerateArray())
            {
                Assert.Equal("bottleneck", row.GetProperty("scenario").GetString());
                Assert.True(row.GetProperty("agent_steps_per_second").GetDouble() > 0);
            }

            Assert.True(report.RootElement.GetProperty("copy_bytes_per_second_one_thread").GetDouble() > 0);
            Assert.Equal(3 + 2 + 5, File.ReadAllLines(markdown).Length);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void UnknownConfigOrPresetIsAnInputError()
    {
        Assert.Equal(2, Pogema.Cli.Program.Main(["bench", "--config", "city"]));
        Assert.Equal(2, Pogema.Cli.Program.Main(["bench", "--preset", "mapf"]));
        Assert.Equal(2, Pogema.Cli.Program.Main(["bench", "--seconds", "0"]));
    }
}
