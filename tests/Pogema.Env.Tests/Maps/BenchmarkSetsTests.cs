using System.Security.Cryptography;
using System.Text;
using Pogema.Env.Maps;

namespace Pogema.Env.Tests.Maps;

/// <summary>
/// The benchmark's sets, checked against fingerprints of the POGEMA benchmark's own map files
/// (algorithms/experiments/0X-*/maps.yaml, whose bytes our toolbox YAML writer reproduces).
/// </summary>
public class BenchmarkSetsTests
{
    [Fact]
    public void RandomValidationSetMatchesTheBenchmarkFile()
    {
        Assert.Equal("49763f68b1995024d79e230141ee829ea060d4a357d1e0b0964d4cb21222c2bb", Sha256(ToolboxYaml.Format(RandomMapGenerator.ValidationSet())));
    }

    [Fact]
    public void MazeValidationSetMatchesTheBenchmarkFile()
    {
        Assert.Equal("e93d3544b4211f2efe6439dcbf9e14540536dd18b8fcf83ebc14c2c0a25a25d2", Sha256(ToolboxYaml.Format(MazeGenerator.ValidationSet())));
    }

    [Fact]
    public void WarehouseMatchesTheBenchmarkFile()
    {
        // The benchmark's file lacks the final newline our writer adds; this is the hash with it.
        Assert.Equal("f121e90c3c237d4d28e30c7a11d9923a18c6787869c2d7f53373a7545c2c0862", Sha256(ToolboxYaml.Format([WarehouseMap.Create()])));
    }

    [Fact]
    public void RandomSettingsOfSeedZeroAreNumpys()
    {
        var settings = new RandomMapRanges().Sample(0);
        Assert.Equal(new RandomMapSettings(21, 20, 0.15395734275277406, 0), settings);
    }

    [Fact]
    public void MazeSettingsOfSeedZeroAreNumpys()
    {
        var settings = new MazeRanges().Sample(0);
        Assert.Equal(new MazeSettings(21, 20, 0.2697867137638703, 3, 0.7516527635528529, 0), settings);
    }

    [Fact]
    public void RandomMapSeedZero()
    {
        const string expected =
            ".#....#.#..#..#......\n.#..............#..#.\n#.................#..\n............#....#..#\n" +
            ".....##.......#......\n.#........#.......#..\n.....#.#..#...#......\n...........#..###....\n" +
            "..........##.........\n........#.........#..\n#............#...#...\n.............###.....\n" +
            ".....#....##..#..#...\n#......#.........#.#.\n............#...#...#\n........#.........#..\n" +
            "...#.#.#.............\n.#....#.#......##....\n.#.........#.#.......\n.........#......#....";
        Assert.Equal(expected, RandomMapGenerator.Generate(0));
    }

    [Fact]
    public void MazeSeedZero()
    {
        const string expected =
            ".............#.......\n.#.#.#.......#...###.\n...#.#.......#.......\n...#.#.....###.#.###.\n" +
            "...#.#...........#.#.\n...#.#.#.....###.#.#.\n.....#.#.............\n####.#.#.###.###.###.\n" +
            "...#...#.#.....#.....\n.###...#.#.#...#####.\n.#.....#...#.........\n.#.###.#...#.#######.\n" +
            ".....#.#...#.........\n####.#.#.###...#.###.\n...#...........#.....\n.#.#.###.#.#.#.#.###.\n" +
            ".#...#.....#.........\n.#...###.#######.....\n.#...................\n.#.....#####.#####...\n" +
            ".....................";
        Assert.Equal(expected, MazeGenerator.Generate(0));
    }

    [Fact]
    public void RandomMapPlacesExactlyTheDensitysShareOfObstacles()
    {
        var map = RandomMapGenerator.Generate(new RandomMapSettings(10, 7, 0.3, 5));
        Assert.Equal(21, map.Count(c => c == '#'));
        Assert.Equal(7, MapText.CountRows(map));
        Assert.Equal(10, MapText.CountColumns(map));
    }

    [Fact]
    public void SetNamesArePaddedToTheLargestSeed()
    {
        var maps = RandomMapGenerator.ValidationSet();
        Assert.Equal("validation-random-seed-000", maps[0].Name);
        Assert.Equal("validation-random-seed-127", maps[127].Name);
        Assert.Equal("x-seed-09", RandomMapGenerator.GenerateSet("x", 9, 2)[0].Name);
    }

    [Theory]
    [InlineData(1.0, 0.1, 9.0)]
    [InlineData(290.0 * 8 + 7.75, 8.0, 290.0)]
    [InlineData(-1.0, 0.3, -4.0)]
    [InlineData(0.0, 3.0, 0.0)]
    public void FloorDivisionIsPythons(double a, double b, double expected)
    {
        Assert.Equal(expected, MazeGenerator.PythonFloorDivide(a, b));
    }

    [Fact]
    public void MazeRejectsSettingsPythonCannotRun()
    {
        Assert.Throws<PogemaInputException>(() => MazeGenerator.Generate(new MazeSettings(9, 9, 0.5, 2, 1.0, 0)));
        Assert.Throws<PogemaInputException>(() => MazeGenerator.Generate(new MazeSettings(0, 9, 0.5, 2, 0.8, 0)));
    }

    private static string Sha256(string text)
    {
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
