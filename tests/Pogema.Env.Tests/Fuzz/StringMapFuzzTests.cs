using CsCheck;
using Pogema.Env;
using Pogema.Env.Maps;

namespace Pogema.Env.Tests.Fuzz;

/// <summary>
/// String maps (<c>. # @ $ !</c> and letters): random grids over the map alphabet and beyond it, ragged rows,
/// every whitespace, damaged valid maps. A map that parses must also run as an environment.
/// </summary>
public sealed class StringMapFuzzTests
{
    private const string Source = "fuzz-map";

    private static readonly Gen<string> MapTextGen = Gen.Frequency(
        (6, FuzzGen.Grid("......####@$!", 7)),
        (3, FuzzGen.Grid(".....##abcABC", 6)),
        (2, FuzzGen.Grid(".#aAzZ@$!xX\u00e9\0|-+*", 5)),
        (2, FuzzGen.Damage(FuzzGen.Grid("....##aAbB", 6))),
        (1, Gen.String[0, 40]));

    [Fact]
    public void GeneratedStringMapsLoadOrGiveOneLineErrors()
    {
        FuzzTally tally = FuzzRun.Check("string-map", Gen.Select(MapTextGen, Gen.Int[1, 5], Gen.Int[0, 2]), 1500, Source, Load, t => FuzzRun.Show(t.Item1));

        Assert.True(tally.Loaded > tally.Total / 10, $"only {tally.Loaded} of {tally.Total} maps loaded");
        Assert.Contains(tally.Messages, m => m.Contains("same length", StringComparison.Ordinal));
        Assert.Contains(tally.Messages, m => m.Contains("unsupported map symbol", StringComparison.Ordinal) || m.Contains("unknown map character", StringComparison.Ordinal));
    }

    private static void Load((string Text, int Agents, int Collision) input)
    {
        // Both readers of map strings: the environment's parser and the map tools' normalizer.
        string normalized = MapText.Normalize(input.Text, Source);
        GridMap map = GridMap.Parse(input.Text, Source);
        if (MapText.CountRows(normalized) != map.Height || MapText.CountColumns(normalized) != map.Width)
        {
            throw new InvalidOperationException($"the two map readers disagree on the size: {map.Height} x {map.Width} vs {MapText.CountRows(normalized)} x {MapText.CountColumns(normalized)}");
        }

        var config = new GridConfig
        {
            Map = input.Text,
            NumAgents = input.Agents,
            Seed = input.Agents,
            ObsRadius = 2,
            MaxEpisodeSteps = 8,
            CollisionSystem = (CollisionSystem)input.Collision,
            OnTarget = (OnTarget)(input.Collision % 3),
        };
        var env = new PogemaEnv(config, Source);
        env.Reset();
        var actions = new int[env.NumAgents];
        for (int t = 0; t < 3 && !env.EpisodeEnded; t++)
        {
            Array.Fill(actions, (t % 4) + 1);
            env.Step(actions);
        }
    }
}
