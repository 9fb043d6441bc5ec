using CsCheck;
using Pogema.Env;
using Pogema.Env.Maps;

namespace Pogema.Env.Tests.Fuzz;

/// <summary>
/// pogema-toolbox YAML map files: valid files, YAML that is not a name-to-map mapping (lists, nested mappings,
/// anchors and aliases, tags, several documents, flow style), broken YAML and damaged valid files. Every map of a
/// file that loads must parse as a POGEMA map or be rejected naming the file.
/// </summary>
public sealed class ToolboxYamlFuzzTests
{
    private const string Source = "fuzz.yaml";

    private static readonly string[] Fragments =
    [
        "- a\n- b\n", "{a: b}\n", "a: &x |-\n  ..\n  ..\nb: *x\n", "c: !!binary aGVsbG8=\n", "? [a]\n: b\n", "---\n...\n---\n",
        "a: [\n", "'q': 'b\n  c'\n", "\t- x\n", "%YAML 1.1\n---\n", "d:\n  e: f\n", "e: null\n", "f:\n", "\"g\": |+\n  .#\n\n",
        "h: >-\n  ..\n  ..\n", "i: \"..\\n..\"\n", "j: 12\n", "<<: *x\n", "k: |-\n   ..\n  ..\n", "\"l\\u0000\": |-\n  ..\n",
        "m: |-\n  ..\n  ...\n", "n: |-\n  ab\n  BA\n", "o: |-\n  ..\n  ..\np: |-\n  ..\n", "&a [*a]\n", "*undefined\n",
    ];

    private static readonly Gen<string> MapBlock = Gen.Select(Gen.String[0, 6], FuzzGen.Grid("....##@$!", 5))
        .Select(t => $"\"{t.Item1.Replace("\\", "\\\\").Replace("\"", "\\\"")}\": |-\n  " + t.Item2.ReplaceLineEndings("\n").Replace("\n", "\n  ") + "\n");

    private static readonly Gen<string> Valid = Gen.Select(Gen.Char.AlphaNumeric.Array[1, 8].Select(cs => new string(cs)), FuzzGen.Grid("....##", 6).Select(g => string.Join("\n  ", g.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))))
        .Array[1, 4]
        .Select(maps => string.Concat(maps.Select((m, i) => $"\"{m.Item1}{i}\": |-\n  {m.Item2}\n")));

    private static readonly Gen<string> Text = Gen.Frequency(
        (5, Valid),
        (3, Gen.Frequency((3, MapBlock), (2, Gen.OneOf(Fragments))).Array[0, 4].Select(string.Concat)),
        (3, FuzzGen.Damage(Valid)),
        (1, Gen.String[0, 60]));

    [Fact]
    public void GeneratedToolboxFilesLoadOrGiveOneLineErrors()
    {
        FuzzTally tally = FuzzRun.Check("toolbox-yaml", Text, 1500, Source, Load, FuzzRun.Show);

        Assert.True(tally.Loaded > tally.Total / 10, $"only {tally.Loaded} of {tally.Total} files loaded");
        Assert.Contains(tally.Messages, m => m.Contains("not valid YAML", StringComparison.Ordinal));
        Assert.Contains(tally.Messages, m => m.Contains("must be a map string", StringComparison.Ordinal));
    }

    private static void Load(string text)
    {
        // The reader accepts what POGEMA's map strings accept; the environment's parser then checks letter pairs.
        foreach (NamedMap map in ToolboxYaml.Parse(text, Source))
        {
            GridMap.Parse(map.Text, $"{Source} (map '{map.Name}')");
        }
    }
}
