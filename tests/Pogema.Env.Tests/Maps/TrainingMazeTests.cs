using Pogema.Env.Maps;

namespace Pogema.Env.Tests.Maps;

public class TrainingMazeTests
{
    // Expected settings from NumPy: integers(2, 9), 25 + 5 * integers(0, 11), uniform(0.75, 0.85).
    [Theory]
    [InlineData(0UL, 7, 0.60, 0.776978671376387)]
    [InlineData(1UL, 5, 0.50, 0.8450463696325935)]
    [InlineData(2UL, 7, 0.35, 0.7798491143414124)]
    public void SettingsAreDrawnFromTheSeed(ulong seed, int wallComponents, double density, double goStraight)
    {
        Assert.Equal(new MazeSettings(65, 65, density, wallComponents, goStraight, seed), TrainingMazeGenerator.Sample(seed));
    }

    [Fact]
    public void MazesAre65By65AndNamedApartFromFollowers()
    {
        var maps = TrainingMazeGenerator.GenerateSet(3);
        Assert.Equal(["training-mazes65-seed-000", "training-mazes65-seed-001", "training-mazes65-seed-002"], maps.Select(m => m.Name));
        foreach (var map in maps)
        {
            Assert.Equal(65, map.Width);
            Assert.Equal(65, map.Height);
        }

        // Regression value: pins the generator, the go-straight weight draw and the seed handling.
        Assert.Equal(".........#...........#.............#...#.........................", MapText.Rows(maps[0].Text)[0]);
    }
}
