using System.Text.Json;
using Pogema.Env.Maps;
using Pogema.Env.Tracing;

namespace Pogema.Env.Tests.Maps;

/// <summary>A config's map_name reaches the registry: named maps, MovingAI files and toolbox YAML files run through trace.</summary>
public class MapNameTraceTests
{
    [Fact]
    public void NamedBenchmarkMapRunsThroughTrace()
    {
        var obstacles = TraceObstacles("{\"map_name\":\"validation-mazes-seed-007\",\"num_agents\":3,\"seed\":1,\"max_episode_steps\":4}", "[[1,2,3],[0,0,0]]", null);
        Assert.Equal(MapText.Rows(MapRegistry.Default.Get("validation-mazes-seed-007").Text), obstacles);
    }

    [Fact]
    public void MovingAiFileAndToolboxYamlRunThroughTrace()
    {
        var dir = Directory.CreateTempSubdirectory("pogema-maps-");
        try
        {
            var movingAi = Path.Combine(dir.FullName, "small.map");
            File.WriteAllText(movingAi, "type octile\nheight 3\nwidth 4\nmap\n..T.\n.@..\n....\n");
            var config = JsonSerializer.Serialize(new Dictionary<string, object> { ["map_name"] = movingAi, ["num_agents"] = 2, ["seed"] = 0, ["max_episode_steps"] = 3 });
            Assert.Equal(["..#.", ".#..", "...."], TraceObstacles(config, "[[1,2],[3,4]]", dir.FullName));

            var yaml = Path.Combine(dir.FullName, "mine.yaml");
            File.WriteAllText(yaml, "\"tiny\": |-\n  ..#.\n  ....\n  a..A\n\"other\": |-\n  ..\n");
            config = JsonSerializer.Serialize(new Dictionary<string, object> { ["map_name"] = $"{yaml}#tiny", ["max_episode_steps"] = 3 });
            Assert.Equal(["..#.", "....", "...."], TraceObstacles(config, "[[3],[3]]", dir.FullName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string[] TraceObstacles(string configJson, string actionsJson, string? folder)
    {
        var dir = folder ?? Directory.CreateTempSubdirectory("pogema-maps-").FullName;
        try
        {
            var config = Path.Combine(dir, "config.json");
            var actions = Path.Combine(dir, "actions.json");
            var output = Path.Combine(dir, "trace.json");
            File.WriteAllText(config, configJson);
            File.WriteAllText(actions, actionsJson);
            TraceRunner.RunFiles(config, actions, output, observations: false);
            using var trace = JsonDocument.Parse(File.ReadAllBytes(output));
            return trace.RootElement.GetProperty("obstacles").EnumerateArray().Select(e => e.GetString()!).ToArray();
        }
        finally
        {
            if (folder is null)
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
