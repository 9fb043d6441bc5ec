using System.Buffers;
using MessagePack;

namespace Pogema.Env.Recording;

/// <summary>
/// Writes one episode to a recording file, step by step. Everything goes to a temporary file next to the target;
/// <see cref="Complete"/> writes the footer and checksum, flushes and renames it into place, so an interrupted run
/// leaves no partial recording under the final name. Disposing without completing deletes the temporary file.
/// </summary>
public sealed class RecordingWriter : IDisposable
{
    private readonly string _path;
    private readonly string _tempPath;
    private readonly int _numAgents;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private FileStream? _stream;
    private Crc32 _crc = new();
    private int _stepCount;
    private bool _completed;

    private RecordingWriter(string path, int numAgents)
    {
        _path = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(_path)!;
        Directory.CreateDirectory(directory);
        _tempPath = Path.Combine(directory, $".{Path.GetFileName(_path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        _numAgents = numAgents;
        _stream = new FileStream(_tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }

    /// <summary>Number of steps written so far.</summary>
    public int StepCount => _stepCount;

    /// <summary>Starts a recording at <paramref name="path"/> and writes its magic and header.</summary>
    public static RecordingWriter Create(string path, EpisodeHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.Starts.Length != 2 * header.NumAgents || header.Targets.Length != 2 * header.NumAgents)
        {
            throw new ArgumentException("starts and targets must hold a (row, col) pair per agent", nameof(header));
        }

        var writer = new RecordingWriter(path, header.NumAgents);
        try
        {
            writer.WriteMagicAndHeader(header);
        }
        catch
        {
            writer.Dispose();
            throw;
        }

        return writer;
    }

    /// <summary>Appends one step: the actions chosen and the state after the environment applied them.</summary>
    public void WriteStep(
        ReadOnlySpan<int> actions,
        ReadOnlySpan<int> positions,
        ReadOnlySpan<int> targets,
        ReadOnlySpan<float> rewards,
        ReadOnlySpan<bool> active,
        ReadOnlySpan<bool> terminated,
        ReadOnlySpan<bool> truncated)
    {
        EnsureOpen();
        int n = _numAgents;
        if (actions.Length != n || positions.Length != 2 * n || targets.Length != 2 * n || rewards.Length != n
            || active.Length != n || terminated.Length != n || truncated.Length != n)
        {
            throw new ArgumentException($"every per-agent array of a step must cover {n} agents");
        }

        var w = new MessagePackWriter(_buffer);
        w.WriteArrayHeader(8);
        w.Write(RecordingFormat.StepKind);
        WriteInts(ref w, actions);
        WriteInts(ref w, positions);
        WriteInts(ref w, targets);
        w.WriteArrayHeader(n);
        foreach (float r in rewards)
        {
            w.Write(r);
        }

        WriteBools(ref w, active);
        WriteBools(ref w, terminated);
        WriteBools(ref w, truncated);
        w.Flush();
        FlushBuffer();
        _stepCount++;
    }

    /// <summary>
    /// Writes the footer (step count and the episode's metrics, null if it did not end) and the checksum, then
    /// moves the file into place, replacing any file of that name.
    /// </summary>
    public void Complete(IReadOnlyList<KeyValuePair<string, double>>? metrics)
    {
        EnsureOpen();
        var w = new MessagePackWriter(_buffer);
        w.WriteArrayHeader(3);
        w.Write(RecordingFormat.FooterKind);
        w.Write(_stepCount);
        if (metrics is null)
        {
            w.WriteNil();
        }
        else
        {
            w.WriteMapHeader(metrics.Count);
            foreach (var (key, value) in metrics)
            {
                w.Write(key);
                w.Write(value);
            }
        }

        w.Flush();
        FlushBuffer();

        var tail = new MessagePackWriter(_buffer);
        tail.WriteUInt32(_crc.Value);
        tail.Flush();
        _stream!.Write(_buffer.WrittenSpan);
        _buffer.Clear();

        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        _stream = null;
        File.Move(_tempPath, _path, overwrite: true);
        _completed = true;
    }

    /// <summary>Closes the file; an uncompleted recording is deleted.</summary>
    public void Dispose()
    {
        if (_stream is not null)
        {
            _stream.Dispose();
            _stream = null;
        }

        if (!_completed && File.Exists(_tempPath))
        {
            File.Delete(_tempPath);
        }
    }

    private void WriteMagicAndHeader(EpisodeHeader header)
    {
        var w = new MessagePackWriter(_buffer);
        w.WriteArrayHeader(2);
        w.Write(RecordingFormat.Magic);
        w.Write(RecordingFormat.Version);

        w.WriteMapHeader(13);
        w.Write("config");
        w.Write(header.ConfigJson);
        w.Write("map_name");
        w.Write(header.MapName);
        w.Write("map");
        w.WriteArrayHeader(header.MapRows.Count);
        foreach (string row in header.MapRows)
        {
            w.Write(row);
        }

        w.Write("policy");
        w.Write(header.PolicyName);
        w.Write("seed");
        if (header.Seed is { } seed)
        {
            w.Write(seed);
        }
        else
        {
            w.WriteNil();
        }

        w.Write("num_agents");
        w.Write(header.NumAgents);
        w.Write("obs_radius");
        w.Write(header.ObsRadius);
        w.Write("max_episode_steps");
        w.Write(header.MaxEpisodeSteps);
        w.Write("on_target");
        w.Write(header.OnTarget);
        w.Write("collision_system");
        w.Write(header.CollisionSystem);
        w.Write("starts");
        WriteInts(ref w, header.Starts);
        w.Write("targets");
        WriteInts(ref w, header.Targets);
        w.Write("created_utc");
        w.Write(DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        w.Flush();
        FlushBuffer();
    }

    private static void WriteInts(ref MessagePackWriter w, ReadOnlySpan<int> values)
    {
        w.WriteArrayHeader(values.Length);
        foreach (int v in values)
        {
            w.Write(v);
        }
    }

    private static void WriteBools(ref MessagePackWriter w, ReadOnlySpan<bool> values)
    {
        w.WriteArrayHeader(values.Length);
        foreach (bool v in values)
        {
            w.Write(v);
        }
    }

    private void FlushBuffer()
    {
        ReadOnlySpan<byte> bytes = _buffer.WrittenSpan;
        _crc.Append(bytes);
        _stream!.Write(bytes);
        _buffer.Clear();
    }

    private void EnsureOpen()
    {
        if (_stream is null)
        {
            throw new InvalidOperationException(_completed ? "the recording is already complete" : "the recording was disposed");
        }
    }
}
