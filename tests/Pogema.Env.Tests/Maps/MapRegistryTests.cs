using Pogema.Env.Maps;

namespace Pogema.Env.Tests.Maps;

public class MapRegistryTests
{
    private static readonly MapRegistry Registry = MapRegistry.CreateBuiltIn();

    [Fact]
    public void BuiltInSetsAndCounts()
    {
        Assert.Equal(["random", "mazes", "warehouse", "bottleneck", "bottleneck-train", "training-mazes"], Registry.Sets.Select(s => s.Name));
        Assert.Equal([128, 128, 1, 58, 16, 40], Registry.Sets.Select(s => s.Maps.Count));
    }

    [Fact]
    public void ExactNameSetNameAndPattern()
    {
        Assert.Equal(WarehouseMap.Generate(), Registry.Get("wfi_warehouse").Text);
        Assert.Equal(128, Registry.Select("mazes").Count);
        Assert.Equal("warehouse", Registry.SetOf("wfi_warehouse")!.Name);
        Assert.Equal(
            ["validation-mazes-seed-008", "validation-mazes-seed-009", "validation-mazes-seed-010"],
            Registry.Select("validation-mazes-seed-(00[89]|010)").Select(m => m.Name));

        // Patterns match from the start of the name, as Python's re.match.
        Assert.Equal(168, Registry.Match(".*mazes.+").Count);
        Assert.Empty(Registry.Match("mazes-.+"));
    }

    [Fact]
    public void ProtocolsFollowTheBenchmark()
    {
        var random = Registry.GetSet("random").Protocol;
        Assert.Equal([8, 16, 24, 32, 48, 64], random.AgentCounts);
        Assert.Equal(128, random.MaxEpisodeSteps(Registry.Get("validation-random-seed-000"), lifelong: false));
        Assert.Equal(256, random.MaxEpisodeSteps(Registry.Get("validation-random-seed-000"), lifelong: true));
        Assert.Equal(128, Registry.GetSet("mazes").Protocol.LmapfMaxEpisodeSteps);
        var warehouse = Registry.GetSet("warehouse").Protocol;
        Assert.Equal(128, warehouse.Seeds.Count);
        Assert.Equal([32, 64, 96, 128, 160, 192], warehouse.AgentCounts);
        Assert.Equal(("soft", 5, "nothing", "restart"), (warehouse.CollisionSystem, warehouse.ObsRadius, warehouse.MapfOnTarget, warehouse.LmapfOnTarget));
        var bottleneck = Registry.GetSet("bottleneck").Protocol;
        Assert.Equal(("block_both", 2, "finish"), (bottleneck.CollisionSystem, bottleneck.ObsRadius, bottleneck.MapfOnTarget));
        Assert.Throws<PogemaInputException>(() => bottleneck.MaxEpisodeSteps(Registry.Get("bottlenecks9-v_corr-3_len"), lifelong: true));
    }

    [Fact]
    public void UnknownNamesAndBadPatternsAreInputErrors()
    {
        Assert.StartsWith("map_name 'nope': no such map; sets: random, mazes", Assert.Throws<PogemaInputException>(() => Registry.Get("nope")).Message);
        Assert.StartsWith("maps 'zzz.*': no map name, set name or pattern match", Assert.Throws<PogemaInputException>(() => Registry.Select("zzz.*")).Message);
        Assert.StartsWith("map pattern '(': not a valid regular expression", Assert.Throws<PogemaInputException>(() => Registry.Select("(")).Message);
        Assert.StartsWith("map set 'x': no such set", Assert.Throws<PogemaInputException>(() => Registry.GetSet("x")).Message);
    }

    [Fact]
    public void FilesAddSetsAndResolveByPath()
    {
        var dir = Directory.CreateTempSubdirectory("pogema-maps-");
        try
        {
            var yaml = Path.Combine(dir.FullName, "mine.yaml");
            File.WriteAllText(yaml, "\"room-a\": |-\n  ..#\n  ...\n\"room-b\": |-\n  a.A\n");
            var movingAi = Path.Combine(dir.FullName, "tiny.map");
            File.WriteAllText(movingAi, "type octile\nheight 2\nwidth 3\nmap\n.@.\n...\n");

            var registry = MapRegistry.CreateBuiltIn();
            var set = registry.AddFile(yaml);
            Assert.Equal("mine", set.Name);
            Assert.Equal("..#\n...", registry.Get("room-a").Text);
            Assert.Equal("mine", registry.SetOf("room-b")!.Name);
            Assert.StartsWith($"{yaml}: map name 'room-a' is already registered", Assert.Throws<PogemaInputException>(() => registry.AddFile(yaml, setName: "again")).Message);

            Assert.Equal(".#.\n...", registry.Resolve(movingAi));
            Assert.Equal("a.A", registry.Resolve($"{yaml}#room-b"));
            Assert.StartsWith($"map_name '{yaml}': the file holds 2 maps", Assert.Throws<PogemaInputException>(() => registry.Resolve(yaml)).Message);
            Assert.StartsWith("map_name 'missing.map': file 'missing.map' does not exist", Assert.Throws<PogemaInputException>(() => registry.Resolve("missing.map")).Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
