using System.CommandLine;
using System.Globalization;
using Pogema.Env;
using Pogema.Env.Maps;

namespace Pogema.Cli.Commands;

/// <summary>
/// <c>pogema maps</c>: list, show, render, generate and import maps of the registry (benchmark sets, SRMT
/// bottleneck, training mazes, and files named by POGEMA_MAPS).
/// </summary>
public sealed class MapsCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build()
    {
        var command = new Command("maps", "List, show, render, generate and import maps (benchmark sets, SRMT bottleneck, MovingAI and pogema-toolbox files).");
        command.Subcommands.Add(BuildList());
        command.Subcommands.Add(BuildShow());
        command.Subcommands.Add(BuildRender());
        command.Subcommands.Add(BuildGenerate());
        command.Subcommands.Add(BuildImport());
        return command;
    }

    private static Command BuildList()
    {
        var pattern = new Argument<string?>("PATTERN")
        {
            Description = "A map name, set name or regular expression matched from the start of map names; without it, the sets are listed.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("list", "List the map sets with their protocols, or the maps a name, set or pattern selects.");
        command.Arguments.Add(pattern);
        command.SetAction(parseResult =>
        {
            var registry = MapRegistry.Default;
            var selector = parseResult.GetValue(pattern);
            if (string.IsNullOrEmpty(selector))
            {
                foreach (var set in registry.Sets)
                {
                    var p = set.Protocol;
                    Console.WriteLine($"{set.Name,-17} {set.Maps.Count,4} maps  agents {string.Join(',', p.AgentCounts)}  seeds {Seeds(p.Seeds)}  " +
                        $"MAPF {Steps(p.MapfMaxEpisodeSteps, set)} ({p.MapfOnTarget})  LMAPF {Steps(p.LmapfMaxEpisodeSteps, null)} ({p.LmapfOnTarget})  " +
                        $"{p.CollisionSystem}  r={p.ObsRadius}");
                    Console.WriteLine($"{string.Empty,-17} {set.Description}");
                }

                return 0;
            }

            foreach (var map in registry.Select(selector))
            {
                Console.WriteLine($"{map.Name}\t{map.Width}x{map.Height}\t{registry.SetOf(map.Name)?.Name ?? "file"}");
            }

            return 0;
        });
        return command;
    }

    private static Command BuildShow()
    {
        var name = new Argument<string>("NAME") { Description = "The map's exact name (or a .map / .yaml file path)." };
        var command = new Command("show", "Print a map string.");
        command.Arguments.Add(name);
        command.SetAction(parseResult =>
        {
            Console.WriteLine(MapRegistry.Default.Resolve(parseResult.GetValue(name)!));
            return 0;
        });
        return command;
    }

    private static Command BuildRender()
    {
        var name = new Argument<string>("NAME") { Description = "The map's exact name (or a .map / .yaml file path)." };
        var output = new Option<string>("--output", "-o") { Description = "SVG file to write.", Required = true };
        var cellSize = new Option<int>("--cell-size") { Description = "Pixels per cell.", DefaultValueFactory = _ => 16 };
        var command = new Command("render", "Draw a map as SVG: obstacles, start cells (@), goal cells ($), fixed agents and goals.");
        command.Arguments.Add(name);
        command.Options.Add(output);
        command.Options.Add(cellSize);
        command.SetAction(parseResult =>
        {
            var mapName = parseResult.GetValue(name)!;
            var map = new NamedMap(mapName, MapRegistry.Default.Resolve(mapName));
            var path = parseResult.GetValue(output)!;
            MapSvg.Write(path, map, parseResult.GetValue(cellSize));
            Console.WriteLine($"wrote {path} ({map.Width}x{map.Height})");
            return 0;
        });
        return command;
    }

    private static Command BuildGenerate()
    {
        var set = new Option<string?>("--set")
        {
            Description = $"Built-in set to generate: {BuiltInMapSets.Random}, {BuiltInMapSets.Mazes}, {BuiltInMapSets.Warehouse}, {BuiltInMapSets.Bottleneck}, {BuiltInMapSets.BottleneckTraining}, {BuiltInMapSets.TrainingMazes}.",
        };
        var kind = new Option<string?>("--kind")
        {
            Description = "Instead of --set, a generator: random or mazes (benchmark ranges), training-mazes (65 x 65), bottleneck (with --corridor).",
        };
        var firstSeed = new Option<ulong>("--first-seed") { Description = "With --kind: the first seed.", DefaultValueFactory = _ => 0UL };
        var count = new Option<int>("--count") { Description = "With --kind: how many maps (seeds first-seed .. first-seed + count - 1).", DefaultValueFactory = _ => 1 };
        var prefix = new Option<string?>("--prefix") { Description = "With --kind random or mazes: the name prefix (names are PREFIX-seed-NNN); default validation-random / validation-mazes." };
        var corridor = new Option<int>("--corridor") { Description = "With --kind bottleneck: the corridor length L.", DefaultValueFactory = _ => 3 };
        var output = new Option<string?>("--output", "-o") { Description = "pogema-toolbox YAML file to write; standard output when omitted." };
        var command = new Command("generate", "Generate maps from their seeds (a built-in set, or a generator with seeds) and write them as pogema-toolbox YAML (as in maps/).");
        command.Options.Add(set);
        command.Options.Add(kind);
        command.Options.Add(firstSeed);
        command.Options.Add(count);
        command.Options.Add(prefix);
        command.Options.Add(corridor);
        command.Options.Add(output);
        command.SetAction(parseResult =>
        {
            var setName = parseResult.GetValue(set);
            var kindName = parseResult.GetValue(kind);
            IReadOnlyList<NamedMap> maps;
            if (setName is not null && kindName is null)
            {
                maps = BuiltInMapSets.Generate(setName);
            }
            else if (kindName is not null && setName is null)
            {
                maps = Generate(kindName, parseResult.GetValue(firstSeed), parseResult.GetValue(count), parseResult.GetValue(prefix), parseResult.GetValue(corridor));
            }
            else
            {
                throw new PogemaInputException("--set/--kind: give exactly one of --set SET or --kind random|mazes|training-mazes|bottleneck");
            }

            var path = parseResult.GetValue(output);
            if (string.IsNullOrEmpty(path))
            {
                Console.Out.Write(ToolboxYaml.Format(maps));
            }
            else
            {
                ToolboxYaml.Write(path, maps);
                Console.WriteLine($"wrote {path} ({maps.Count} maps)");
            }

            return 0;
        });
        return command;
    }

    private static IReadOnlyList<NamedMap> Generate(string kind, ulong firstSeed, int count, string? prefix, int corridor)
    {
        if (count < 1 || count > 1_000_000)
        {
            throw new PogemaInputException($"--count {count}: must be in 1..1000000");
        }

        switch (kind)
        {
            case "random":
                return RandomMapGenerator.GenerateSet(prefix ?? RandomMapGenerator.ValidationPrefix, firstSeed, count);
            case "mazes":
                return MazeGenerator.GenerateSet(prefix ?? MazeGenerator.ValidationPrefix, firstSeed, count);
            case "training-mazes":
                return TrainingMazeGenerator.GenerateSet(count, firstSeed);
            case "bottleneck":
                return [BottleneckMap.CreateTest(corridor)];
            default:
                throw new PogemaInputException($"--kind '{kind}': allowed: random, mazes, training-mazes, bottleneck");
        }
    }

    private static Command BuildImport()
    {
        var file = new Argument<string>("FILE") { Description = "A MovingAI .map file or a pogema-toolbox .yaml/.yml file." };
        var tile = new Option<bool>("--tile") { Description = "Cut each map into the benchmark's 64 x 64 tiles, named NAME_00, NAME_01, ... row by row." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the maps as pogema-toolbox YAML (add its folder or file to POGEMA_MAPS to use the names)." };
        var command = new Command("import", "Check a map file and list its maps; optionally convert it to pogema-toolbox YAML.");
        command.Arguments.Add(file);
        command.Options.Add(tile);
        command.Options.Add(output);
        command.SetAction(parseResult =>
        {
            var maps = MapFile.Read(parseResult.GetValue(file)!, parseResult.GetValue(tile));
            foreach (var map in maps)
            {
                Console.WriteLine($"{map.Name}\t{map.Width}x{map.Height}");
            }

            var path = parseResult.GetValue(output);
            if (!string.IsNullOrEmpty(path))
            {
                ToolboxYaml.Write(path, maps);
                Console.WriteLine($"wrote {path} ({maps.Count} maps)");
            }

            return 0;
        });
        return command;
    }

    private static string Seeds(IReadOnlyList<int> seeds)
    {
        return seeds.Count == 1
            ? seeds[0].ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{seeds[0]}..{seeds[^1]}");
    }

    private static string Steps(int? steps, MapSet? set)
    {
        if (steps is { } value)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        return set is not null && set.Name == BuiltInMapSets.Bottleneck ? "2L+100" : "-";
    }
}
