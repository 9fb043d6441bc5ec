namespace Pogema.Env.Tests.Maps;

/// <summary>String maps: symbols, letters, pools, and errors that name the source, line and problem.</summary>
public sealed class GridMapParseTests
{
    [Fact]
    public void ParsesObstaclesLettersInLetterOrder()
    {
        GridMap map = GridMap.Parse("b.#\n..a\nAB.", "m");
        Assert.Equal(3, map.Height);
        Assert.Equal(3, map.Width);
        Assert.True(map.IsObstacle(0, 2));
        Assert.Equal([new GridPosition(1, 2), new GridPosition(0, 0)], map.LetterStarts);
        Assert.Equal([new GridPosition(2, 0), new GridPosition(2, 1)], map.LetterGoals);
        Assert.Null(map.PossibleStarts);
    }

    [Fact]
    public void PoolMarksPutFreeCellsInBothPoolsRowMajor()
    {
        GridMap map = GridMap.Parse("@.$\n!#.", "m");
        Assert.Equal([new GridPosition(0, 0), new GridPosition(0, 1), new GridPosition(1, 2)], map.PossibleStarts);
        Assert.Equal([new GridPosition(0, 1), new GridPosition(0, 2), new GridPosition(1, 2)], map.PossibleGoals);
    }

    [Theory]
    [InlineData("...\n.%.", "line 2", "'%'")]
    [InlineData("...\n.x.", "row 1, column 1", "'X'")]
    [InlineData("...\n..", "line 2", "same length")]
    [InlineData("a..\n..B", "'a'", "'A'")]
    [InlineData("a.A\n.a.", "line 2", "twice")]
    [InlineData("a.A\n@..", "m", "letters")]
    [InlineData("   ", "m", "empty")]
    public void ErrorsNameTheLineAndTheProblem(string text, string first, string second)
    {
        var error = Assert.Throws<PogemaInputException>(() => GridMap.Parse(text, "m"));
        Assert.StartsWith("m", error.Message);
        Assert.Contains(first, error.Message);
        Assert.Contains(second, error.Message);
    }
}
