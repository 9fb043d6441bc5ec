using System.Text.Json;

namespace Pogema.Env.Tests.Vector;

/// <summary>Runs <c>pogema bench</c> end to end on the smallest configuration with a very short measurement (no timing is asserted).</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public void WritesOneRowPerRunToJsonAndMarkdown()
    {
        InTempDirectory(dir =>
        {
            string json = Path.Combine(dir, "bench.json");
            string markdown = Path.Combine(dir, "bench.md");
            Assert.Equal(0, Pogema.Cli.Program.Main(
                ["bench", "--config", "bottleneck", "--preset", "all", "--threads", "2", "--seconds", "0.05", "--json", json, "--markdown", markdown]));

            using var report = JsonDocument.Parse(File.ReadAllText(json));
            JsonElement rows = report.RootElement.GetProperty("rows");
            // Each preset: one thread, all cores on the same 512 envs, all cores on 2 x 512 envs and 2 independent
            // copies of the one-thread run (the last two not for pogema+distances, which the weak-scaling runs leave out).
            Assert.Equal(
                [
                    "single/pogema/one_thread/1/1", "vector/pogema/one_thread/1/512", "vector/pogema/same_envs/2/512",
                    "vector/pogema/same_work_per_thread/2/1024", "vector/pogema/independent_copies/2/1024",
                    "vector/pogema+distances/one_thread/1/512", "vector/pogema+distances/same_envs/2/512",
                    "vector/follower/one_thread/1/512", "vector/follower/same_envs/2/512",
                    "vector/follower/same_work_per_thread/2/1024", "vector/follower/independent_copies/2/1024",
                ],
                rows.EnumerateArray().Select(r =>
                    $"{r.GetProperty("engine").GetString()}/{r.GetProperty("preset").GetString()}/{r.GetProperty("workload").GetString()}/" +
                    $"{r.GetProperty("threads").GetInt32()}/{r.GetProperty("num_envs").GetInt32()}"));
            foreach (JsonElement row in rows.EnumerateArray())
            {
                Assert.Equal("bottleneck", row.GetProperty("scenario").GetString());
                Assert.True(row.GetProperty("agent_steps_per_second").GetDouble() > 0);
                Assert.Equal(1, row.GetProperty("rounds").GetInt32());
                Assert.Equal(row.GetProperty("agent_steps_per_second").GetDouble(), row.GetProperty("agent_steps_per_second_min").GetDouble());
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
            Assert.Equal(
                ["0/False"],
                report.RootElement.GetProperty("trivial_steps").EnumerateArray().Select(t =>
                    $"{t.GetProperty("spin_us").GetInt32()}/{t.GetProperty("pinned").GetBoolean()}"));
            Assert.All(report.RootElement.GetProperty("trivial_steps").EnumerateArray(), t =>
            {
                Assert.True(t.GetProperty("us").GetDouble() > 0);
                Assert.True(t.GetProperty("pool_alone_us").GetDouble() > 0);
        });

        JsonElement machine = report.RootElement.GetProperty("machine");
        Assert.Equal(Environment.ProcessorCount, machine.GetProperty("dotnet_processor_count").GetInt32());
        Assert.False(string.IsNullOrEmpty(machine.GetProperty("runtime").GetString()));

        // Six header lines (host, system, machine, copy, synchronization, scaling), a blank; the summary (header,
        // rule, single env + three presets); a blank, a title, a blank; every run (header, rule, eleven runs).
        string[] lines = File.ReadAllLines(markdown);
        Assert.Equal(7 + 2 + 4 + 3 + 2 + 11, lines.Length);
        Assert.StartsWith("Host: ", lines[0]);
        Assert.StartsWith("System: ", lines[1]);
        Assert.StartsWith("Machine: ", lines[2]);
        Assert.StartsWith("Step of trivial work (one 1-agent env per worker): ", lines[4]);
        Assert.StartsWith("| bottleneck | pogema (single env) | - | 1 x 2 |", lines[9]);
        Assert.StartsWith("| bottleneck | pogema | normal, spin 0 us, unpinned, 16 slices/worker | 512 x 2 |", lines[10]);
        Assert.Contains("| 2 |", lines[10]);
        Assert.Contains("| 1024 |", lines[10]);

        // pogema+distances: no weak-scaling run and no copies.
        Assert.Contains("| - | - | - | - | - | - | - |", lines[11]);
        });
    }

    [Fact]
    public void StreamingStoresBothMeasuresEachRunWithBothStoreModes()
    {
        InTempDirectory(dir =>
        {
            string json = Path.Combine(dir, "bench.json");
            Assert.Equal(0, Pogema.Cli.Program.Main(
                [
                    "bench", "--config", "bottleneck", "--preset", "pogema", "--threads", "2", "--seconds", "0.05", "--no-baseline",
                    "--scaling", "per-thread", "--streaming-stores", "both", "--json", json,
                ]));

            using var report = JsonDocument.Parse(File.ReadAllText(json));
            Assert.Equal(
                [
                    "False/one_thread/512", "False/same_work_per_thread/1024", "False/independent_copies/1024",
                    "True/one_thread/512", "True/same_work_per_thread/1024", "True/independent_copies/1024",
                ],
                report.RootElement.GetProperty("rows").EnumerateArray().Select(r =>
                    $"{r.GetProperty("streaming_stores").GetBoolean()}/{r.GetProperty("workload").GetString()}/{r.GetProperty("num_envs").GetInt32()}"));
        });
    }

    [Fact]
    public void EverySetupGetsItsAllCoreRunsAndEveryRunItsRounds()
    {
        InTempDirectory(dir =>
        {
            (JsonElement report, string[] markdown) = RunBench(
                dir,
                "--config", "bottleneck", "--preset", "pogema", "--threads", "2", "--seconds", "0.03", "--no-baseline",
                "--scaling", "both", "--spin-us", "0,20", "--pin", "on", "--slices", "1,2", "--rounds", "3");
            Assert.Equal(3, report.GetProperty("rounds").GetInt32());
            JsonElement[] rows = [.. report.GetProperty("rows").EnumerateArray()];
            Assert.Equal(
                [
                    "one_thread", "same_envs/0/True/1/1", "same_work_per_thread/0/True/1/1", "same_envs/0/True/2/2", "same_work_per_thread/0/True/2/2",
                    "same_envs/20/True/1/1", "same_work_per_thread/20/True/1/1", "same_envs/20/True/2/2", "same_work_per_thread/20/True/2/2",
                    "independent_copies/0/True/1/1",
                ],
                rows.Select(r => r.GetProperty("workload").GetString() == "one_thread"
                    ? "one_thread"
                    : $"{r.GetProperty("workload").GetString()}/{r.GetProperty("spin_us").GetInt32()}/{r.GetProperty("pinned").GetBoolean()}/{r.GetProperty("slices_per_worker").GetInt32()}/{r.GetProperty("slices_per_worker_used").GetInt32()}"));
            foreach (JsonElement row in rows)
            {
                Assert.Equal(3, row.GetProperty("rounds").GetInt32());
                double rate = row.GetProperty("agent_steps_per_second").GetDouble();
                Assert.InRange(rate, row.GetProperty("agent_steps_per_second_min").GetDouble(), row.GetProperty("agent_steps_per_second_max").GetDouble());
            }

            // The synchronization line times every spin of the plan, pinned as asked.
            Assert.Equal(2, report.GetProperty("trivial_steps").GetArrayLength());

            // One summary line per all-core setup, each beside the same one-thread run and the same copies.
            string[] summary = [.. markdown.Where(l => l.StartsWith("| bottleneck | pogema |", StringComparison.Ordinal)).Take(4)];
            Assert.Equal(
                ["normal, spin 0 us, pinned, 1 slice/worker", "normal, spin 0 us, pinned, 2 slices/worker", "normal, spin 20 us, pinned, 1 slice/worker", "normal, spin 20 us, pinned, 2 slices/worker"],
                summary.Select(l => l.Split(" | ")[2]));
        });
    }

    [Fact]
    public void TimelineTimesEveryAllCoreRunInARunOfItsOwn()
    {
        InTempDirectory(dir =>
        {
            (JsonElement report, string[] lines) = RunBench(
                dir, "--config", "bottleneck", "--preset", "pogema", "--threads", "2", "--seconds", "0.05", "--no-baseline", "--timeline");
            JsonElement[] rows = [.. report.GetProperty("rows").EnumerateArray()];
            Assert.Equal(
                ["one_thread/Null", "same_envs/Object", "same_work_per_thread/Object", "independent_copies/Null"],
                rows.Select(r => $"{r.GetProperty("workload").GetString()}/{r.GetProperty("timeline").ValueKind}"));
            foreach (JsonElement row in rows.Where(r => r.GetProperty("timeline").ValueKind == JsonValueKind.Object))
            {
                JsonElement timeline = row.GetProperty("timeline");
                double step = timeline.GetProperty("step_us").GetDouble();
                Assert.True(timeline.GetProperty("steps").GetInt64() > 0);
                Assert.InRange(timeline.GetProperty("busy_share").GetDouble(), 0.0001, 1);
                Assert.InRange(timeline.GetProperty("caller_start_us").GetDouble(), 0, step);
                Assert.InRange(timeline.GetProperty("helper_start_us").GetDouble(), 0, step);
                Assert.InRange(timeline.GetProperty("latest_helper_start_us").GetDouble(), timeline.GetProperty("helper_start_us").GetDouble() - 0.01, step);
                Assert.InRange(timeline.GetProperty("last_finish_after_mean_us").GetDouble(), 0, step);
                Assert.InRange(timeline.GetProperty("report_wait_us").GetDouble(), 0, step);
            }

            int title = Array.FindIndex(lines, l => l.StartsWith("Step timeline", StringComparison.Ordinal));
            Assert.True(title > 0);
            Assert.StartsWith("| config | preset | workload | threads | steps timed | us per step | workers busy |", lines[title + 2]);
            Assert.Equal("|---|---|---|---|---|---|---|---|---|---|---|---|", lines[title + 3]);
            Assert.StartsWith("| bottleneck | pogema | all cores, same envs | 2 |", lines[title + 4]);
            Assert.StartsWith("| bottleneck | pogema | all cores, same work per thread | 2 |", lines[title + 5]);
            Assert.Equal(title + 6, lines.Length);
        });
    }

    [Fact]
    public void UnknownConfigOrPresetIsAnInputError()
    {
        Assert.Equal(2, Pogema.Cli.Program.Main(["bench", "--config", "city"]));
        Assert.Equal(2, Pogema.Cli.Program.Main(["bench", "--preset", "mapf"]));
        Assert.Equal(2, Pogema.Cli.Program.Main(["bench", "--seconds", "0"]));
        Assert.Equal(2, Pogema.Cli.Program.Main(["bench", "--scaling", "weak"]));
        Assert.Equal(2, Pogema.Cli.Program.Main(["bench", "--streaming-stores", "yes"]));
        Assert.Equal(2, Pogema.Cli.Program.Main(["bench", "--pin", "yes"]));
        Assert.Equal(2, Pogema.Cli.Program.Main(["bench", "--spin-us", "0,-5"]));
        Assert.Equal(2, Pogema.Cli.Program.Main(["bench", "--rounds", "0"]));
        Assert.Equal(2, Pogema.Cli.Program.Main(["bench", "--slices", "0"]));
    }

    /// <summary>Runs <c>pogema bench</c> with <paramref name="args"/>, its JSON and Markdown reports written in <paramref name="dir"/>; returns both.</summary>
    private static (JsonElement Json, string[] Markdown) RunBench(string dir, params string[] args)
    {
        string json = Path.Combine(dir, "bench.json");
        string markdown = Path.Combine(dir, "bench.md");
        Assert.Equal(0, Pogema.Cli.Program.Main(["bench", .. args, "--json", json, "--markdown", markdown]));
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        return (report.RootElement.Clone(), File.ReadAllLines(markdown));
    }

    private static void InTempDirectory(Action<string> body)
    {
        var dir = Directory.CreateTempSubdirectory("pogema-bench-");
        try
        {
            body(dir.FullName);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
