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
                ["bench", "--config", "bottleneck", "--preset", "all", "--threads", "2", "--seconds", "0.05", "--json", json, "--markdown", markdown]));

            using var report = JsonDocument.Parse(File.ReadAllText(json));
            JsonElement rows = report.RootElement.GetProperty("rows");
            // Each preset: one thread, all cores on the same 512 envs, all cores on 2 x 512 envs (not for
            // pogema+distances, which the weak-scaling runs leave out).
            Assert.Equal(
                [
                    "single/pogema/one_thread/1/1", "vector/pogema/one_thread/1/512", "vector/pogema/same_envs/2/512",
                    "vector/pogema/same_work_per_thread/2/1024", "vector/pogema+distances/one_thread/1/512",
                    "vector/pogema+distances/same_envs/2/512", "vector/follower/one_thread/1/512", "vector/follower/same_envs/2/512",
                    "vector/follower/same_work_per_thread/2/1024",
                ],
                rows.EnumerateArray().Select(r =>
                    $"{r.GetProperty("engine").GetString()}/{r.GetProperty("preset").GetString()}/{r.GetProperty("workload").GetString()}/" +
                    $"{r.GetProperty("threads").GetInt32()}/{r.GetProperty("num_envs").GetInt32()}"));
            foreach (JsonElement row in rows.EnumerateArray())
            {
                Assert.Equal("bottleneck", row.GetProperty("scenario").GetString());
                Assert.True(row.GetProperty("agent_steps_per_second").GetDouble() > 0);
                bool allCores = row.GetProperty("threads").GetInt32() == 2;
                Assert.Equal(allCores, row.GetProperty("scaling_per_thread").ValueKind == JsonValueKind.Number);
                if (allCores)
                {
                    // Both are rounded in the file (2 and 3 decimals).
                    double halfScaling = row.GetProperty("scaling_over_one_thread").GetDouble() / 2;
                    Assert.InRange(row.GetProperty("scaling_per_thread").GetDouble(), halfScaling - 0.003, halfScaling + 0.003);
                }
            }

            Assert.True(report.RootElement.GetProperty("copy_bytes_per_second_one_thread").GetDouble() > 0);
            Assert.True(report.RootElement.GetProperty("trivial_step_us_one_thread").GetDouble() > 0);
            Assert.True(report.RootElement.GetProperty("trivial_step_us_events").GetDouble() > 0);
            Assert.True(report.RootElement.GetProperty("trivial_step_us_generation").GetDouble() > 0);

            JsonElement machine = report.RootElement.GetProperty("machine");
            Assert.Equal(Environment.ProcessorCount, machine.GetProperty("dotnet_processor_count").GetInt32());
            Assert.False(string.IsNullOrEmpty(machine.GetProperty("runtime").GetString()));

            // Six header lines (host, system, machine, copy, synchronization, scaling), a blank; the summary (header,
            // rule, single env + three presets); a blank, a title, a blank; every run (header, rule, nine runs).
            string[] lines = File.ReadAllLines(markdown);
            Assert.Equal(7 + 2 + 4 + 3 + 2 + 9, lines.Length);
            Assert.StartsWith("Host: ", lines[0]);
            Assert.StartsWith("System: ", lines[1]);
            Assert.StartsWith("Machine: ", lines[2]);
            Assert.StartsWith("Step of trivial work (one 1-agent env per worker): ", lines[4]);
            Assert.StartsWith("| bottleneck | pogema (single env) | - | 1 x 2 |", lines[9]);
            Assert.StartsWith("| bottleneck | pogema | normal | 512 x 2 |", lines[10]);
            Assert.Contains("| 2 |", lines[10]);
            Assert.Contains("| 1024 |", lines[10]);
            Assert.Contains("| - | - | - | - |", lines[11]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void StreamingStoresBothMeasuresEachRunWithBothStoreModes()
    {
        var dir = Directory.CreateTempSubdirectory("pogema-bench-");
        try
        {
            string json = Path.Combine(dir.FullName, "bench.json");
            Assert.Equal(0, Pogema.Cli.Program.Main(
                [
                    "bench", "--config", "bottleneck", "--preset", "pogema", "--threads", "2", "--seconds", "0.05", "--no-baseline",
                    "--scaling", "per-thread", "--streaming-stores", "both", "--json", json,
                ]));

            using var report = JsonDocument.Parse(File.ReadAllText(json));
            Assert.Equal(
                ["False/one_thread/512", "False/same_work_per_thread/1024", "True/one_thread/512", "True/same_work_per_thread/1024"],
                report.RootElement.GetProperty("rows").EnumerateArray().Select(r =>
                    $"{r.GetProperty("streaming_stores").GetBoolean()}/{r.GetProperty("workload").GetString()}/{r.GetProperty("num_envs").GetInt32()}"));
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
        Assert.Equal(2, Pogema.Cli.Program.Main(["bench", "--scaling", "weak"]));
        Assert.Equal(2, Pogema.Cli.Program.Main(["bench", "--streaming-stores", "yes"]));
    }
}
