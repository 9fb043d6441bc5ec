using System.Text;
using Pogema.Env.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pogema.Env.Maps;

/// <summary>
/// Reads and writes map files in the pogema-toolbox format: one YAML mapping from map name to map string, each
/// map written as a literal block (<c>"name": |-</c> followed by the rows indented by two spaces). The writer's
/// output is byte-stable so generated files can be committed and compared.
/// </summary>
public static class ToolboxYaml
{
    /// <summary>Reads a toolbox YAML map file.</summary>
    /// <exception cref="PogemaInputException">The file is missing, is not a name-to-map mapping, or a map is invalid.</exception>
    public static IReadOnlyList<NamedMap> Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PogemaInputException($"{path}: cannot read the map file ({ex.Message})", ex);
        }

        return Parse(text, path);
    }

    /// <summary>Parses toolbox YAML text; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="PogemaInputException">The text is not a name-to-map mapping or a map is invalid.</exception>
    public static IReadOnlyList<NamedMap> Parse(string yaml, string source)
    {
        var maps = new List<NamedMap>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var parser = new Parser(new StringReader(yaml));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                throw new PogemaInputException($"{source}, line 1: the file holds no maps; expected lines like '\"name\": |-' followed by indented map rows");
            }

            parser.Consume<DocumentStart>();
            if (!parser.TryConsume<MappingStart>(out _))
            {
                var start = parser.Current?.Start.Line ?? 1;
                throw new PogemaInputException($"{source}, line {start}: expected a mapping from map names to map strings ('\"name\": |-' followed by indented rows)");
            }

            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (!parser.TryConsume<Scalar>(out var key))
                {
                    var line = parser.Current?.Start.Line ?? 0;
                    throw new PogemaInputException($"{source}, line {line}: expected a map name (a plain string key)");
                }

                if (!parser.TryConsume<Scalar>(out var value))
                {
                    var line = parser.Current?.Start.Line ?? key.Start.Line;
                    throw new PogemaInputException($"{source}, line {line}: map '{key.Value}' must be a map string (for example '|-' followed by indented rows), not a list or mapping");
                }

                if (!seen.Add(key.Value))
                {
                    throw new PogemaInputException($"{source}, line {key.Start.Line}: map name '{key.Value}' appears twice");
                }

                // A literal or folded block starts on the line after its indicator.
                var firstLine = value.Style is ScalarStyle.Literal or ScalarStyle.Folded ? value.Start.Line + 1 : value.Start.Line;
                var text = MapText.Normalize(value.Value, $"{source} (map '{key.Value}')", (int)firstLine);
                maps.Add(new NamedMap(key.Value, text));
            }
        }
        catch (YamlException ex)
        {
            throw new PogemaInputException($"{source}, line {ex.Start.Line}: not valid YAML ({FirstLine(ex.Message)})", ex);
        }

        if (maps.Count == 0)
        {
            throw new PogemaInputException($"{source}, line 1: the file holds no maps");
        }

        return maps;
    }

    /// <summary>Writes maps in the toolbox format, in the given order, ending with a newline.</summary>
    public static string Format(IEnumerable<NamedMap> maps)
    {
        var builder = new StringBuilder();
        foreach (var map in maps)
        {
            builder.Append('"').Append(EscapeName(map.Name)).Append("\": |-\n");
            foreach (var row in MapText.Rows(map.Text))
            {
                builder.Append("  ").Append(row).Append('\n');
            }
        }

        return builder.ToString();
    }

    /// <summary>Writes maps to <paramref name="path"/> atomically (a temporary file in the same folder, then a rename).</summary>
    public static void Write(string path, IEnumerable<NamedMap> maps)
    {
        AtomicFile.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(Format(maps)));
    }

    private static string EscapeName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }
            else if (char.IsControl(c))
            {
                throw new ArgumentException($"map name '{name}' contains a control character", nameof(name));
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
