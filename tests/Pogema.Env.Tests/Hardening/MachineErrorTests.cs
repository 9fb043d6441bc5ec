using Pogema.Env.IO;

namespace Pogema.Env.Tests.Hardening;

/// <summary>
/// Errors from the machine rather than the input: a writer that fails mid-file (as on a full disk), an output path
/// that is a folder or lies under a file, a missing input file. Each gives one clear line and a non-zero exit, and
/// never leaves a partial file under the final name. Read-only and full file systems are exercised for real by
/// <c>scripts/machine-errors.sh</c>, which mounts them.
/// </summary>
public sealed class MachineErrorTests : IDisposable
{
    private const string Config = """{"map": "a..\n.#.\n..A", "obs_radius": 1, "max_episode_steps": 4}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("pogema-machine-errors-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void FailingWriterLeavesTheOldFileAndNoTemporaryFile()
    {
        string path = Path.Combine(_folder, "out.json");
        File.WriteAllText(path, "old");

        var ex = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[10_000]);
            throw new IOException("No space left on device");
        }));

        Assert.Equal($"cannot write {path}: No space left on device", ex.Message);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void OutputPathThatIsAFolderIsAClearErrorWithExitCodeOne()
    {
        (string config, string actions) = WriteInputs();
        string output = Path.Combine(_folder, "a-folder");
        Directory.CreateDirectory(output);

        (int exit, _, string stderr) = CliProcess.Run("trace", "--config", config, "--actions", actions, "--output", output);

        Assert.Equal(1, exit);
        Assert.Equal($"error: cannot write {output}: it is a folder; give a file name\n", stderr.ReplaceLineEndings("\n"));
        Assert.Empty(Directory.GetFileSystemEntries(output));
    }

    [Fact]
    public void OutputUnderAFileIsAClearErrorAndWritesNothing()
    {
        (string config, string actions) = WriteInputs();
        string blocker = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(blocker, "x");
        string output = Path.Combine(blocker, "trace.json");

        (int exit, _, string stderr) = CliProcess.Run("trace", "--config", config, "--actions", actions, "--output", output);

        Assert.Equal(1, exit);
        Assert.StartsWith($"error: cannot write {output}: ", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Equal(3, Directory.GetFiles(_folder).Length);
    }

    [Fact]
    public void MissingInputFilesAreInputErrors()
    {
        (string config, string actions) = WriteInputs();
        string missing = Path.Combine(_folder, "missing.json");
        string output = Path.Combine(_folder, "trace.json");

        (int exitConfig, _, string stderrConfig) = CliProcess.Run("trace", "--config", missing, "--actions", actions, "--output", output);
        (int exitActions, _, string stderrActions) = CliProcess.Run("trace", "--config", config, "--actions", missing, "--output", output);
        (int exitMap, _, string stderrMap) = CliProcess.Run("maps", "import", Path.Combine(_folder, "missing.map"));

        Assert.Equal(2, exitConfig);
        Assert.StartsWith($"error: {missing}: cannot read the config: ", stderrConfig);
        Assert.Equal(2, exitActions);
        Assert.StartsWith($"error: {missing}: cannot read: ", stderrActions);
        Assert.Equal(2, exitMap);
        Assert.StartsWith($"error: {Path.Combine(_folder, "missing.map")}: cannot read the MovingAI map file", stderrMap);
        foreach (string stderr in new[] { stderrConfig, stderrActions, stderrMap })
        {
            Assert.Single(stderr.TrimEnd().Split('\n'));
        }

        Assert.False(File.Exists(output));
    }

    private (string Config, string Actions) WriteInputs()
    {
        string config = Path.Combine(_folder, "config.json");
        string actions = Path.Combine(_folder, "actions.json");
        File.WriteAllText(config, Config);
        File.WriteAllText(actions, "[[4], [2]]");
        return (config, actions);
    }
}
