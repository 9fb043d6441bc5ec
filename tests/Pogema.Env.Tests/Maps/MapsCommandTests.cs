using Pogema.Env.Maps;

namespace Pogema.Env.Tests.Maps;

/// <summary>Runs <c>pogema maps</c> verbs end to end through the program's entry point (file outputs only).</summary>
public class MapsCommandTests
{
    [Fact]
    public void GenerateWritesTheToolboxYaml()
    {
        var dir = Directory.CreateTempSubdirectory("pogema-maps-");
        try
        {
            var path = Path.Combine(dir.FullName, "w.yaml");
            Assert.Equal(0, Pogema.Cli.Program.Main(["maps", "generate", "--set", "warehouse", "--output", path]));
            Assert.Equal(ToolboxYaml.Format([WarehouseMap.Create()]), File.ReadAllText(path));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void GenerateByKindUsesTheSeeds()
    {
        var dir = Directory.CreateTempSubdirectory("pogema-maps-");
        try
        {
            var path = Path.Combine(dir.FullName, "r.yaml");
            Assert.Equal(0, Pogema.Cli.Program.Main(["maps", "generate", "--kind", "mazes", "--first-seed", "5", "--count", "2", "--output", path]));
            var maps = ToolboxYaml.Read(path);
            Assert.Equal(["validation-mazes-seed-5", "validation-mazes-seed-6"], maps.Select(m => m.Name));
            Assert.Equal(MazeGenerator.Generate(6), maps[1].Text);

            Assert.Equal(0, Pogema.Cli.Program.Main(["maps", "generate", "--kind", "bottleneck", "--corridor", "4", "--output", path]));
            Assert.Equal(BottleneckMap.Generate(4), Assert.Single(ToolboxYaml.Read(path), m => m.Name == "bottlenecks9-v_corr-4_len").Text);

            Assert.Equal(2, Pogema.Cli.Program.Main(["maps", "generate", "--kind", "random", "--set", "random"]));
            Assert.Equal(2, Pogema.Cli.Program.Main(["maps", "generate", "--kind", "hills"]));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void RenderDrawsObstaclesStartsAndGoals()
    {
        var dir = Directory.CreateTempSubdirectory("pogema-maps-");
        try
        {
            var path = Path.Combine(dir.FullName, "w.svg");
            Assert.Equal(0, Pogema.Cli.Program.Main(["maps", "render", "wfi_warehouse", "--output", path, "--cell-size", "4"]));
            var svg = File.ReadAllText(path);
            Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"184\" height=\"132\"", svg);
            Assert.Equal(240, Count(svg, "fill=\"#3c3c3c\""));
            Assert.Equal(192, Count(svg, "fill=\"#9fd89f\""));
            Assert.Equal(480, Count(svg, "fill=\"#f6c177\""));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void ImportConvertsAMovingAiFileWithTiles()
    {
        var dir = Directory.CreateTempSubdirectory("pogema-maps-");
        try
        {
            var source = Path.Combine(dir.FullName, "city.map");
            var rows = string.Join('\n', Enumerable.Range(0, 128).Select(r => new string(r == 64 ? 'T' : '.', 128)));
            File.WriteAllText(source, $"type octile\nheight 128\nwidth 128\nmap\n{rows}\n");
            var output = Path.Combine(dir.FullName, "city.yaml");
            Assert.Equal(0, Pogema.Cli.Program.Main(["maps", "import", source, "--tile", "--output", output]));
            var maps = ToolboxYaml.Read(output);
            Assert.Equal(["city_00", "city_01", "city_02", "city_03"], maps.Select(m => m.Name));
            Assert.DoesNotContain('#', maps[1].Text);
            Assert.Equal(new string('#', 64), MapText.Rows(maps[2].Text)[0]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void UnknownMapAndBadFileExitWithInputErrorCode()
    {
        Assert.Equal(2, Pogema.Cli.Program.Main(["maps", "show", "no-such-map"]));
        Assert.Equal(2, Pogema.Cli.Program.Main(["maps", "import", "/nonexistent/x.map"]));
        Assert.Equal(2, Pogema.Cli.Program.Main(["maps", "generate", "--set", "nope"]));
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
