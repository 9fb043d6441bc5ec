using Pogema.Env.Policies;

namespace Pogema.Env.Tests.Policies;

public sealed class AStarAgentTests
{
    private static readonly int[] DeltaRow = { 0, -1, 1, 0, 0 };
    private static readonly int[] DeltaCol = { 0, 0, 0, -1, 1 };

    private static byte[] Parse(string[] rows) =>
        rows.SelectMany(r => r.Select(ch => ch == '#' ? (byte)1 : (byte)0)).ToArray();

    [Fact]
    public void WalksAroundAWallItDiscoversOnTheWay()
    {
        // The wall is outside the first window (r = 1), so the first plan goes straight and must be corrected.
        string[] rows =
        {
            ".......",
            ".......",
            "..###..",
            ".......",
        };
        byte[] map = Parse(rows);
        var agent = new AStarAgent(4, 7);
        var search = new AStarSearch(4, 7);
        int row = 0, col = 3;
        const int targetRow = 3, targetCol = 3;
        var visited = new List<(int, int)> { (row, col) };
        for (int t = 0; t < 20 && (row, col) != (targetRow, targetCol); t++)
        {
            int action = agent.Act(row, col, targetRow, targetCol, 1, map, search);
            int nr = row + DeltaRow[action], nc = col + DeltaCol[action];
            Assert.True(nr >= 0 && nr < 4 && nc >= 0 && nc < 7 && map[(nr * 7) + nc] == 0, $"step {t} walks into a wall");
            (row, col) = (nr, nc);
            visited.Add((row, col));
        }

        Assert.Equal((targetRow, targetCol), (row, col));
        // Down to the wall, sideways by two (left is tried first on ties), down twice, back by two: 7 moves.
        Assert.Equal(
            new[] { (0, 3), (1, 3), (1, 2), (1, 1), (2, 1), (3, 1), (3, 2), (3, 3) },
            visited);
    }

    [Fact]
    public void WaitsOnItsTargetAndAtAnUnreachableTarget()
    {
        byte[] map = Parse(new[] { "..#.", "..#.", "..#." });
        var agent = new AStarAgent(3, 4);
        var search = new AStarSearch(3, 4);
        Assert.Equal(0, agent.Act(1, 1, 1, 1, 2, map, search));

        // With the whole wall in view and the ring closing the map, (0, 3) cannot be reached.
        var blocked = new AStarAgent(3, 4);
        Assert.Equal(0, blocked.Act(1, 1, 0, 3, 5, map, search));
    }

    [Fact]
    public void TakesRandomActionsFromSeedZeroWhileStuck()
    {
        byte[] map = Parse(new[] { "....", "....", "...." });
        var agent = new AStarAgent(3, 4);
        var search = new AStarSearch(3, 4);
        Assert.Equal(4, agent.Act(1, 0, 1, 3, 1, map, search));

        // The agent did not move: POGEMA's agent draws default_rng(0).integers(5) = 4, 3, 3, 1, 1 ...
        int[] draws = Enumerable.Range(0, 5).Select(_ => agent.Act(1, 0, 1, 3, 1, map, search)).ToArray();
        var rng = Pogema.Env.Random.NumpyRandom.DefaultRng(0);
        int[] expected = Enumerable.Range(0, 5).Select(_ => (int)rng.Integers(5)).ToArray();
        Assert.Equal(expected, draws);

        // Once it has moved it plans again.
        Assert.Equal(4, agent.Act(1, 1, 1, 3, 1, map, search));
    }
}
