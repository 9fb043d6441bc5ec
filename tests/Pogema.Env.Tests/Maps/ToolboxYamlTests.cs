using Pogema.Env.Maps;

namespace Pogema.Env.Tests.Maps;

public class ToolboxYamlTests
{
    [Fact]
    public void ReadsQuotedAndPlainNamesWithBlockMaps()
    {
        const string yaml = "\"a\": |-\n  .#.\n  ...\nfour-rooms: |\n  ..\n  #.\n";
        var maps = ToolboxYaml.Parse(yaml, "m.yaml");
        Assert.Equal([new NamedMap("a", ".#.\n..."), new NamedMap("four-rooms", "..\n#.")], maps);
    }

    [Fact]
    public void FormatIsTheBenchmarksAndRoundTrips()
    {
        var maps = new[] { new NamedMap("x-1", "..#\n@$!"), new NamedMap("y", "a.A") };
        var text = ToolboxYaml.Format(maps);
        Assert.Equal("\"x-1\": |-\n  ..#\n  @$!\n\"y\": |-\n  a.A\n", text);
        Assert.Equal(maps, ToolboxYaml.Parse(text, "t"));
    }

    [Fact]
    public void RaggedRowNamesFileMapAndLine()
    {
        var ex = Assert.Throws<PogemaInputException>(() => ToolboxYaml.Parse("ok: |-\n  ..\n  ..\nbad: |-\n  ...\n  ..\n", "maps.yaml"));
        Assert.Equal("maps.yaml (map 'bad'), line 6: row of 2 cells, but the map's first row (line 5) has 3; all rows must have the same length", ex.Message);
    }

    [Fact]
    public void UnknownCharacterNamesTheLine()
    {
        var ex = Assert.Throws<PogemaInputException>(() => ToolboxYaml.Parse("m: |-\n  ..\n  .%\n", "f.yaml"));
        Assert.StartsWith("f.yaml (map 'm'), line 3: unknown map character '%'", ex.Message);
    }

    [Fact]
    public void EmptyMapAndEmptyFileAreErrors()
    {
        Assert.StartsWith("f.yaml (map 'm'), line 1: the map is empty", Assert.Throws<PogemaInputException>(() => ToolboxYaml.Parse("m: ''\n", "f.yaml")).Message);
        Assert.StartsWith("f.yaml, line 1: the file holds no maps", Assert.Throws<PogemaInputException>(() => ToolboxYaml.Parse("", "f.yaml")).Message);
    }

    [Fact]
    public void NonMappingDuplicateAndBrokenYamlAreErrors()
    {
        Assert.StartsWith("f.yaml, line 1: expected a mapping", Assert.Throws<PogemaInputException>(() => ToolboxYaml.Parse("- a\n- b\n", "f.yaml")).Message);
        Assert.Equal("f.yaml, line 3: map name 'm' appears twice", Assert.Throws<PogemaInputException>(() => ToolboxYaml.Parse("m: |-\n  .\nm: |-\n  #\n", "f.yaml")).Message);
        Assert.StartsWith("f.yaml, line 2: map 'm' must be a map string", Assert.Throws<PogemaInputException>(() => ToolboxYaml.Parse("m:\n  - ..\n", "f.yaml")).Message);
        Assert.StartsWith("f.yaml, line ", Assert.Throws<PogemaInputException>(() => ToolboxYaml.Parse("m: \"..\n", "f.yaml")).Message);
    }

    [Fact]
    public void MissingFileIsAnInputError()
    {
        var ex = Assert.Throws<PogemaInputException>(() => ToolboxYaml.Read("/nonexistent/maps.yaml"));
        Assert.StartsWith("/nonexistent/maps.yaml: cannot read the map file", ex.Message);
    }
}
