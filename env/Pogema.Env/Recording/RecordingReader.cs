using System.Buffers.Binary;
using MessagePack;

namespace Pogema.Env.Recording;

/// <summary>
/// Reads recordings written by <see cref="RecordingWriter"/>. Every problem with a file (not a recording, a newer
/// version, truncated, corrupted) is a <see cref="PogemaInputException"/> whose one-line message names the file.
/// </summary>
public static class RecordingReader
{
    private const int ChecksumLength = 5;

    /// <summary>Reads and validates the whole recording at <paramref name="path"/>.</summary>
    public static EpisodeRecording Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new PogemaInputException($"recording {path}: file not found");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // A folder, an unreadable file, an empty path: the user named something that is not a readable file.
            throw new PogemaInputException($"recording {path}: cannot read ({ex.Message})", ex);
        }

        return Parse(bytes, path);
    }

    /// <summary>Parses a recording held in memory; <paramref name="source"/> names it in error messages.</summary>
    public static EpisodeRecording Parse(byte[] bytes, string source)
    {
        ReadMagic(bytes, source);
        bool checksumOk = bytes.Length > ChecksumLength
            && bytes[^ChecksumLength] == MessagePackCode.UInt32
            && BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(bytes.Length - 4)) == Crc32.Compute(bytes.AsSpan(0, bytes.Length - ChecksumLength));
        if (checksumOk)
        {
            try
            {
                return ParseBody(bytes.AsMemory(0, bytes.Length - ChecksumLength), out _);
            }
            catch (Exception ex) when (ex is not PogemaInputException)
            {
                throw new PogemaInputException($"recording {source}: invalid content ({ex.Message.ReplaceLineEndings(" ")})");
            }
        }

        // The checksum does not match: tell a cut-off file (an interrupted copy) from a damaged one.
        int completeSteps = 0;
        try
        {
            ParseBody(bytes.AsMemory(), out completeSteps);
        }
        catch (Exception ex) when (ex is TruncatedRecordingException || IsEndOfData(ex))
        {
            throw new PogemaInputException($"recording {source}: file is truncated (it ends after {completeSteps} complete steps, without its footer)");
        }
        catch (Exception)
        {
            // Damaged content; reported below.
        }

        throw new PogemaInputException($"recording {source}: file is corrupted (checksum mismatch)");
    }

    private static bool IsEndOfData(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is EndOfStreamException)
            {
                return true;
            }
        }

        return false;
    }

    private static void ReadMagic(byte[] bytes, string source)
    {
        try
        {
            var reader = new MessagePackReader(bytes.AsMemory());
            if (reader.NextMessagePackType == MessagePackType.Array && reader.ReadArrayHeader() == 2
                && reader.NextMessagePackType == MessagePackType.String && reader.ReadString() == RecordingFormat.Magic)
            {
                int version = reader.ReadInt32();
                if (version > RecordingFormat.Version || version < 1)
                {
                    throw new PogemaInputException(
                        $"recording {source}: format version {version} is not supported (this build reads versions 1..{RecordingFormat.Version})");
                }

                return;
            }
        }
        catch (Exception ex) when (ex is MessagePackSerializationException or EndOfStreamException or OverflowException)
        {
            // Falls through to the foreign-file message.
        }

        throw new PogemaInputException($"recording {source}: not a Pogema.Net recording (it does not start with the '{RecordingFormat.Magic}' marker)");
    }

    private static EpisodeRecording ParseBody(ReadOnlyMemory<byte> memory, out int completeSteps)
    {
        completeSteps = 0;
        var reader = new MessagePackReader(memory);
        reader.Skip();
        EpisodeHeader header = ReadHeader(ref reader);
        int n = header.NumAgents;
        var steps = new List<EpisodeStepRecord>();
        while (true)
        {
            if (reader.End)
            {
                throw new TruncatedRecordingException();
            }

            int length = reader.ReadArrayHeader();
            int kind = reader.ReadInt32();
            if (kind == RecordingFormat.StepKind && length == 8)
            {
                steps.Add(ReadStep(ref reader, n, steps.Count));
                completeSteps = steps.Count;
                continue;
            }

            if (kind != RecordingFormat.FooterKind || length != 3)
            {
                throw new InvalidDataException($"unknown record kind {kind} after step {steps.Count}");
            }

            int stepCount = reader.ReadInt32();
            if (stepCount != steps.Count)
            {
                throw new InvalidDataException($"footer counts {stepCount} steps but the file holds {steps.Count}");
            }

            List<KeyValuePair<string, double>>? metrics = null;
            if (!reader.TryReadNil())
            {
                int count = reader.ReadMapHeader();
                metrics = new List<KeyValuePair<string, double>>(count);
                for (int i = 0; i < count; i++)
                {
                    string key = reader.ReadString() ?? throw new InvalidDataException("metric name is nil");
                    metrics.Add(new KeyValuePair<string, double>(key, reader.ReadDouble()));
                }
            }

            if (!reader.End)
            {
                throw new InvalidDataException("data after the footer");
            }

            CheckRanges(header, steps);
            return new EpisodeRecording { Header = header, Steps = steps, Metrics = metrics };
        }
    }

    private static EpisodeHeader ReadHeader(ref MessagePackReader reader)
    {
        int count = reader.ReadMapHeader();
        string? config = null, mapName = "", policy = null, onTarget = null, collision = null;
        string[]? map = null;
        ulong? seed = null;
        int numAgents = -1, obsRadius = -1, maxSteps = -1;
        int[]? starts = null, targets = null;
        for (int i = 0; i < count; i++)
        {
            string key = reader.ReadString() ?? "";
            switch (key)
            {
                case "config": config = reader.ReadString(); break;
                case "map_name": mapName = reader.ReadString() ?? ""; break;
                case "map":
                    map = new string[reader.ReadArrayHeader()];
                    for (int r = 0; r < map.Length; r++)
                    {
                        map[r] = reader.ReadString() ?? "";
                    }

                    break;
                case "policy": policy = reader.ReadString(); break;
                case "seed": seed = reader.TryReadNil() ? null : reader.ReadUInt64(); break;
                case "num_agents": numAgents = reader.ReadInt32(); break;
                case "obs_radius": obsRadius = reader.ReadInt32(); break;
                case "max_episode_steps": maxSteps = reader.ReadInt32(); break;
                case "on_target": onTarget = reader.ReadString(); break;
                case "collision_system": collision = reader.ReadString(); break;
                case "starts": starts = ReadInts(ref reader); break;
                case "targets": targets = ReadInts(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        if (config is null || map is null || policy is null || onTarget is null || collision is null || starts is null
            || targets is null || numAgents < 0 || obsRadius < 0 || maxSteps < 0)
        {
            throw new InvalidDataException("the header misses a required field");
        }

        if (starts.Length != 2 * numAgents || targets.Length != 2 * numAgents || map.Length == 0
            || map.Any(row => row.Length != map[0].Length))
        {
            throw new InvalidDataException("the header's map or agent arrays are inconsistent");
        }

        return new EpisodeHeader
        {
            ConfigJson = config,
            MapName = mapName,
            MapRows = map,
            PolicyName = policy,
            Seed = seed,
            NumAgents = numAgents,
            ObsRadius = obsRadius,
            MaxEpisodeSteps = maxSteps,
            OnTarget = onTarget,
            CollisionSystem = collision,
            Starts = starts,
            Targets = targets,
        };
    }

    /// <summary>
    /// Every cell inside the map and every action in 0..4: replay and export index the map by these values, so a file
    /// whose checksum matches but whose content was made elsewhere must not reach them out of range.
    /// </summary>
    private static void CheckRanges(EpisodeHeader header, List<EpisodeStepRecord> steps)
    {
        int rows = header.Height;
        int cols = header.Width;
        CheckCells(header.Starts, rows, cols, "header starts");
        CheckCells(header.Targets, rows, cols, "header targets");
        for (int t = 0; t < steps.Count; t++)
        {
            EpisodeStepRecord step = steps[t];
            CheckCells(step.Positions, rows, cols, $"step {t + 1} positions");
            CheckCells(step.Targets, rows, cols, $"step {t + 1} targets");
            foreach (int action in step.Actions)
            {
                if ((uint)action > 4)
                {
                    throw new InvalidDataException($"step {t + 1} holds action {action}; actions are 0..4");
                }
            }
        }
    }

    private static void CheckCells(int[] pairs, int rows, int cols, string what)
    {
        for (int i = 0; i + 1 < pairs.Length; i += 2)
        {
            if ((uint)pairs[i] >= (uint)rows || (uint)pairs[i + 1] >= (uint)cols)
            {
                throw new InvalidDataException($"{what}: cell ({pairs[i]}, {pairs[i + 1]}) of agent {i / 2} is outside the {rows} x {cols} map");
            }
        }
    }

    private static EpisodeStepRecord ReadStep(ref MessagePackReader reader, int n, int index)
    {
        int[] actions = ReadInts(ref reader);
        int[] positions = ReadInts(ref reader);
        int[] targets = ReadInts(ref reader);
        var rewards = new float[reader.ReadArrayHeader()];
        for (int i = 0; i < rewards.Length; i++)
        {
            rewards[i] = reader.ReadSingle();
        }

        bool[] active = ReadBools(ref reader);
        bool[] terminated = ReadBools(ref reader);
        bool[] truncated = ReadBools(ref reader);
        if (actions.Length != n || positions.Length != 2 * n || targets.Length != 2 * n || rewards.Length != n
            || active.Length != n || terminated.Length != n || truncated.Length != n)
        {
            throw new InvalidDataException($"step {index + 1} does not cover {n} agents");
        }

        return new EpisodeStepRecord
        {
            Actions = actions,
            Positions = positions,
            Targets = targets,
            Rewards = rewards,
            Active = active,
            Terminated = terminated,
            Truncated = truncated,
        };
    }

    private static int[] ReadInts(ref MessagePackReader reader)
    {
        var values = new int[reader.ReadArrayHeader()];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadInt32();
        }

        return values;
    }

    private static bool[] ReadBools(ref MessagePackReader reader)
    {
        var values = new bool[reader.ReadArrayHeader()];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadBoolean();
        }

        return values;
    }

    /// <summary>The data ran out before the footer.</summary>
    private sealed class TruncatedRecordingException : Exception
    {
    }
}
