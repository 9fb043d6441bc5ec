namespace Pogema.Env.Maps;

/// <summary>The sets every registry starts with; each is generated in code from its seeds.</summary>
public static class BuiltInMapSets
{
    /// <summary>The benchmark's 128 random maps.</summary>
    public const string Random = "random";

    /// <summary>The benchmark's 128 mazes.</summary>
    public const string Mazes = "mazes";

    /// <summary>The benchmark's warehouse.</summary>
    public const string Warehouse = "warehouse";

    /// <summary>The SRMT bottleneck test maps (L = 3..50, 100..1000).</summary>
    public const string Bottleneck = "bottleneck";

    /// <summary>The SRMT bottleneck training maps.</summary>
    public const string BottleneckTraining = "bottleneck-train";

    /// <summary>65 x 65 mazes for lifelong training.</summary>
    public const string TrainingMazes = "training-mazes";

    /// <summary>Creates the built-in sets (their maps are generated on first use).</summary>
    public static IReadOnlyList<MapSet> Create()
    {
        return
        [
            new MapSet(Random, "POGEMA benchmark random maps validation-random-seed-000..127 (17..21 a side, density 0.1..0.3)", MapSetProtocol.Random, RandomMapGenerator.ValidationSet),
            new MapSet(Mazes, "POGEMA benchmark mazes validation-mazes-seed-000..127 (PRIMAL2-style, 17..21 a side)", MapSetProtocol.Mazes, MazeGenerator.ValidationSet),
            new MapSet(Warehouse, "POGEMA benchmark warehouse wfi_warehouse (33 x 46)", MapSetProtocol.Warehouse, () => [WarehouseMap.Create()]),
            new MapSet(Bottleneck, "SRMT bottleneck test maps bottlenecks9-v_corr-{L}_len, L = 3..50 and 100..1000 step 100", MapSetProtocol.Bottleneck, CreateBottleneckTest),
            new MapSet(BottleneckTraining, "SRMT bottleneck training maps bottlenecks9-v-train-330-{L}", MapSetProtocol.BottleneckTraining, CreateBottleneckTraining),
            new MapSet(TrainingMazes, "65 x 65 mazes for lifelong training (Follower-style) training-mazes65-seed-000..039", MapSetProtocol.TrainingMazes, () => TrainingMazeGenerator.GenerateSet()),
        ];
    }

    /// <summary>
    /// The maps of built-in set <paramref name="setName"/> as written to <c>maps/{setName}.yaml</c>.
    /// </summary>
    /// <exception cref="PogemaInputException">No built-in set has that name.</exception>
    public static IReadOnlyList<NamedMap> Generate(string setName)
    {
        foreach (var set in Create())
        {
            if (set.Name == setName)
            {
                return set.Maps;
            }
        }

        throw new PogemaInputException($"--set '{setName}': no such built-in set; allowed: {Random}, {Mazes}, {Warehouse}, {Bottleneck}, {BottleneckTraining}, {TrainingMazes}");
    }

    private static IReadOnlyList<NamedMap> CreateBottleneckTest()
    {
        var maps = new List<NamedMap>();
        foreach (var length in BottleneckMap.TestCorridorLengths)
        {
            maps.Add(BottleneckMap.CreateTest(length));
        }

        return maps;
    }

    private static IReadOnlyList<NamedMap> CreateBottleneckTraining()
    {
        var maps = new List<NamedMap>();
        foreach (var length in BottleneckMap.TrainingCorridorLengths)
        {
            maps.Add(BottleneckMap.CreateTraining(length));
        }

        return maps;
    }
}
