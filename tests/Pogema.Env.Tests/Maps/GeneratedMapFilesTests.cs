using Pogema.Env.Maps;

namespace Pogema.Env.Tests.Maps;

/// <summary>The committed maps/ files must be exactly what 'pogema maps generate' writes today.</summary>
public class GeneratedMapFilesTests
{
    public static TheoryData<string> BuiltInSets()
    {
        var data = new TheoryData<string>();
        foreach (var set in BuiltInMapSets.Create())
        {
            data.Add(set.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BuiltInSets))]
    public void CommittedFileMatchesRegeneration(string setName)
    {
        var path = Path.Combine(RepositoryPaths.MapsFolder, $"{setName}.yaml");
        Assert.True(File.Exists(path), $"maps/{setName}.yaml is missing; run 'pogema maps generate --set {setName} --output maps/{setName}.yaml'");
        var expected = ToolboxYaml.Format(BuiltInMapSets.Generate(setName));
        var committed = File.ReadAllText(path);
        Assert.True(expected == committed, $"maps/{setName}.yaml differs from the generator's output; regenerate it with 'pogema maps generate --set {setName} --output maps/{setName}.yaml'");
    }

    [Fact]
    public void EveryCommittedFileIsABuiltInSet()
    {
        var names = new HashSet<string>(BuiltInMapSets.Create().Select(s => s.Name));
        foreach (var file in Directory.GetFiles(RepositoryPaths.MapsFolder, "*.yaml"))
        {
            Assert.Contains(Path.GetFileNameWithoutExtension(file), names);
        }
    }

    [Fact]
    public void CommittedFilesLoadBackAsTheSameMaps()
    {
        var maps = ToolboxYaml.Read(Path.Combine(RepositoryPaths.MapsFolder, "bottleneck.yaml"));
        Assert.Equal(BuiltInMapSets.Generate(BuiltInMapSets.Bottleneck).Select(m => (m.Name, m.Text)), maps.Select(m => (m.Name, m.Text)));
    }
}
