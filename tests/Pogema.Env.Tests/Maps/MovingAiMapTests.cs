using System.Text;
using Pogema.Env.Maps;

namespace Pogema.Env.Tests.Maps;

public class MovingAiMapTests
{
    [Fact]
    public void ConvertsTerrainToObstaclesAndFreeCells()
    {
        const string text = "type octile\r\nheight 3\r\nwidth 4\r\nmap\r\n.@OT\r\nGSW.\r\n....\r\n";
        Assert.Equal(".###\n....\n....", MovingAiMap.Parse(text, "a.map"));
    }

    [Theory]
    [InlineData("height 3\nwidth 4\nmap\n....\n", "a.map, line 1: expected the header line 'type <value>'")]
    [InlineData("type octile\nheight x\nwidth 4\nmap\n", "a.map, line 2: height 'x' must be a positive integer")]
    [InlineData("type octile\nheight 1\nwidth 2\nrows\n..\n", "a.map, line 4: expected the header line 'map'")]
    [InlineData("type octile\nheight 2\nwidth 2\nmap\n..\n.\n", "a.map, line 6: row of 1 cells, but the header says width 2")]
    [InlineData("type octile\nheight 3\nwidth 2\nmap\n..\n..\n", "a.map, line 7: the header says height 3 but the file ends after 2 rows")]
    [InlineData("type octile\nheight 1\nwidth 2\nmap\n.x\n", "a.map, line 5, column 2: unknown MovingAI terrain 'x'")]
    [InlineData("type octile\nheight 1\nwidth 2\nmap\n..\n..\n", "a.map, line 6: more rows than the header's height 1")]
    public void MalformedFilesNameTheLine(string text, string expectedStart)
    {
        var ex = Assert.Throws<PogemaInputException>(() => MovingAiMap.Parse(text, "a.map"));
        Assert.StartsWith(expectedStart, ex.Message);
    }

    [Fact]
    public void TilesAreCutRowMajorAndNamedLikeTheBenchmark()
    {
        // A 4 x 6 map, tiles of 2: three across, two down; each tile's top-left cell marks its index.
        var rows = new StringBuilder();
        for (var row = 0; row < 4; row++)
        {
            if (row > 0)
            {
                rows.Append('\n');
            }

            for (var col = 0; col < 6; col++)
            {
                var k = (row / 2 * 3) + (col / 2);
                rows.Append(row % 2 == 0 && col % 2 == 0 && k % 2 == 1 ? '#' : '.');
            }
        }

        var tiles = MovingAiMap.Tiles(new NamedMap("city", rows.ToString()), 2);
        Assert.Equal(["city_00", "city_01", "city_02", "city_03", "city_04", "city_05"], tiles.Select(t => t.Name));
        Assert.Equal("..\n..", tiles[0].Text);
        Assert.Equal("#.\n..", tiles[1].Text);
        Assert.Equal("#.\n..", tiles[3].Text);
        Assert.Equal("..\n..", tiles[4].Text);
    }

    [Fact]
    public void ReadNamesTheMapAfterItsFile()
    {
        var dir = Directory.CreateTempSubdirectory("pogema-maps-");
        try
        {
            var path = Path.Combine(dir.FullName, "Berlin_1_256.map");
            File.WriteAllText(path, "type octile\nheight 2\nwidth 2\nmap\n.T\n..\n");
            Assert.Equal(new NamedMap("Berlin_1_256", ".#\n.."), MovingAiMap.Read(path));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
