using System.Text.Json;
using Pogema.Cli;

namespace Pogema.Env.Tests.Tracing;

/// <summary>The <c>pogema trace</c> command: single and batch forms, and one-line errors without output files.</summary>
public sealed class TraceCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pogema-trace-tests-" + Guid.NewGuid().ToString("N"));

    public TraceCommandTests()
    {
        Directory.CreateDirectory(_directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void SingleFormWritesTheTrace()
    {
        string config = Write("config.json", """{"num_agents": 2, "size": 6, "obs_radius": 2, "density": 0.3, "seed": 42}""");
        string actions = Write("actions.json", "[[4, 0], [1, 0], [3, 0]]");
        string output = Path.Combine(_directory, "trace.json");

        int exit = Program.Main(["trace", "--config", config, "--actions", actions, "--output", output, "--observations"]);

        Assert.Equal(0, exit);
        using JsonDocument trace = JsonDocument.Parse(File.ReadAllText(output));
        JsonElement root = trace.RootElement;
        Assert.Equal(6, root.GetProperty("obstacles").GetArrayLength());
        Assert.Equal(2, root.GetProperty("starts").GetArrayLength());
        Assert.Equal(3, root.GetProperty("steps").GetArrayLength());
        Assert.Equal(5, root.GetProperty("initial_observations")[0][0].GetArrayLength());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("metrics").ValueKind);
    }

    [Fact]
    public void BadConfigExitsWithCodeTwoAndWritesNothing()
    {
        string config = Write("config.json", """{"num_agents": 0}""");
        string actions = Write("actions.json", "[[0]]");
        string output = Path.Combine(_directory, "trace.json");

        int exit = Program.Main(["trace", "--config", config, "--actions", actions, "--output", output]);

        Assert.Equal(Program.InputErrorExitCode, exit);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("""{"num_agents": 2, "seed": 1}""", "[[0, 0], [1]]")]
    [InlineData("""{"num_agents": 1, "seed": 1}""", "[[7]]")]
    [InlineData("""{"size": 4, "unknown_key": 1}""", "[[0]]")]
    [InlineData("""{"map": "a.\nxA"}""", "[[0]]")]
    public void BadActionsOrMapsAreInputErrors(string configJson, string actionsJson)
    {
        string config = Write("config.json", configJson);
        string actions = Write("actions.json", actionsJson);
        string output = Path.Combine(_directory, "trace.json");

        Assert.Equal(Program.InputErrorExitCode, Program.Main(["trace", "--config", config, "--actions", actions, "--output", output]));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void BatchFormWritesOneResultPerCaseAndKeepsGoingAfterAnError()
    {
        string cases = Path.Combine(_directory, "cases");
        string outputs = Path.Combine(_directory, "out");
        Directory.CreateDirectory(cases);
        File.WriteAllText(Path.Combine(cases, "good.json"), """{"config": {"seed": 3, "num_agents": 2}, "actions": [[1, 2]], "observations": true}""");
        File.WriteAllText(Path.Combine(cases, "bad.json"), """{"config": {"density": 3}, "actions": [[0]]}""");

        Assert.Equal(0, Program.Main(["trace", "--cases", cases, "--output-dir", outputs]));

        using JsonDocument good = JsonDocument.Parse(File.ReadAllText(Path.Combine(outputs, "good.json")));
        Assert.Equal(1, good.RootElement.GetProperty("steps").GetArrayLength());
        using JsonDocument bad = JsonDocument.Parse(File.ReadAllText(Path.Combine(outputs, "bad.json")));
        Assert.Contains("density", bad.RootElement.GetProperty("error").GetString());
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
